import * as cognitoIdentitySchemas from '@aws-sdk/client-cognito-identity';
import * as iamSchemas from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { AwsError } from './aws-error.ts';
import { serializeAwsQueryError, serializeAwsQuerySuccess } from './aws-query.ts';
import { serializeEc2Error, serializeEc2Success } from './ec2-query.ts';
import { parseForm } from './form.ts';
import { decodeJsonBody, serializeJsonError, serializeJsonSuccess } from './json.ts';
import { ServiceModel } from './model/shapes.ts';
import { escapeXml, isoSeconds } from './xml.ts';

const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/';

describe('form decoding', () => {
  it('decodes percent-escapes, plus as space and empty values', () => {
    const params = parseForm('Action=CreateRole&RoleName=a%2Bb&Description=two+words&Empty=&Flag');
    expect(params.get('RoleName')).toBe('a+b');
    expect(params.get('Description')).toBe('two words');
    expect(params.get('Empty')).toBe('');
    expect(params.get('Flag')).toBe('');
  });

  it('keeps a policy document exactly as sent', () => {
    const doc = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"}}]}';
    const params = parseForm(`AssumeRolePolicyDocument=${encodeURIComponent(doc)}`);
    expect(params.get('AssumeRolePolicyDocument')).toBe(doc);
  });

  it('answers a broken escape with MalformedQueryString instead of throwing URIError', () => {
    expect(() => parseForm('RoleName=%E0%A4%A')).toThrow(AwsError);
  });

  it('merges URL query parameters with the body (body wins)', () => {
    const params = parseForm('Action=ListRoles&Version=2010-05-08');
    parseForm('Action=GetRole', params);
    expect(params.get('Action')).toBe('GetRole');
    expect(params.get('Version')).toBe('2010-05-08');
  });
});

describe('XML escaping', () => {
  it('escapes markup characters and control characters', () => {
    expect(escapeXml(`a&b<c>"d'`)).toBe('a&amp;b&lt;c&gt;&quot;d&apos;');
    expect(escapeXml('line1\r\nline2\tx\u0001')).toBe('line1&#xD;&#xA;line2&#x9;x&#x1;');
    expect(escapeXml('plain text ü')).toBe('plain text ü');
  });

  it('formats IAM timestamps to the second', () => {
    expect(isoSeconds(new Date(Date.UTC(2026, 10, 28, 1, 2, 3, 456)))).toBe('2026-11-28T01:02:03Z');
  });
});

describe('awsQuery serializer', () => {
  const iam = new ServiceModel('awsQuery', iamSchemas, ['GetRole', 'DeleteRole', 'ListRolePolicies', 'UpdateRole']);
  const output = (operation: string) => iam.operation(operation)!.output;

  it('writes the result by the output shape: model order, member lists, dates, numbers; nothing undefined or unknown', () => {
    const xml = serializeAwsQuerySuccess(
      'GetRole',
      IAM_NS,
      output('GetRole'),
      {
        Role: {
          MaxSessionDuration: 3600,
          Tags: [{ Key: 'k', Value: 'v' }],
          RoleName: 'a&b',
          CreateDate: new Date(Date.UTC(2026, 10, 28, 1, 2, 3)),
          Description: undefined,
          NotInTheModel: 'x',
        },
      },
      'req-1',
    );
    expect(xml).toBe(
      `<GetRoleResponse xmlns="${IAM_NS}"><GetRoleResult><Role><RoleName>a&amp;b</RoleName>` +
        '<CreateDate>2026-11-28T01:02:03Z</CreateDate><MaxSessionDuration>3600</MaxSessionDuration>' +
        '<Tags><member><Key>k</Key><Value>v</Value></member></Tags></Role></GetRoleResult>' +
        '<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></GetRoleResponse>',
    );
  });

  it('has no Result element when the operation has no output, an empty one when its output has no members', () => {
    expect(serializeAwsQuerySuccess('DeleteRole', IAM_NS, output('DeleteRole'), undefined, 'r')).toBe(
      `<DeleteRoleResponse xmlns="${IAM_NS}"><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DeleteRoleResponse>`,
    );
    expect(serializeAwsQuerySuccess('UpdateRole', IAM_NS, output('UpdateRole'), {}, 'r')).toContain('<UpdateRoleResult></UpdateRoleResult>');
  });

  it('writes string lists as members and booleans as true/false', () => {
    expect(serializeAwsQuerySuccess('ListRolePolicies', IAM_NS, output('ListRolePolicies'), { PolicyNames: ['a', 'b'], IsTruncated: false }, 'r')).toContain(
      '<ListRolePoliciesResult><PolicyNames><member>a</member><member>b</member></PolicyNames><IsTruncated>false</IsTruncated></ListRolePoliciesResult>',
    );
  });

  it('serializes errors with Type, Code, Message and RequestId', () => {
    const xml = serializeAwsQueryError(new AwsError('NoSuchEntity', 'The role with name <x> cannot be found.', 404), IAM_NS, 'r');
    expect(xml).toBe(
      `<ErrorResponse xmlns="${IAM_NS}"><Error><Type>Sender</Type><Code>NoSuchEntity</Code>` +
        '<Message>The role with name &lt;x&gt; cannot be found.</Message></Error><RequestId>r</RequestId></ErrorResponse>',
    );
    expect(serializeAwsQueryError(new AwsError('ServiceFailure', 'x', 500), IAM_NS, 'r')).toContain('<Type>Receiver</Type>');
  });
});

describe('ec2Query serializer', () => {
  it('puts requestId first, lists as item, dates with milliseconds', () => {
    const xml = serializeEc2Success(
      'DescribeIamInstanceProfileAssociations',
      {
        iamInstanceProfileAssociationSet: [
          { associationId: 'iip-assoc-1', timestamp: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)), state: 'associated' },
        ],
        nextToken: undefined,
      },
      'r-1',
    );
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<DescribeIamInstanceProfileAssociationsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">' +
        '<requestId>r-1</requestId><iamInstanceProfileAssociationSet><item><associationId>iip-assoc-1</associationId>' +
        '<timestamp>2026-01-02T03:04:05.000Z</timestamp><state>associated</state></item></iamInstanceProfileAssociationSet>' +
        '</DescribeIamInstanceProfileAssociationsResponse>',
    );
  });

  it('serializes errors with RequestID (capital D)', () => {
    expect(serializeEc2Error(new AwsError('IncorrectState', 'a & b'), 'r')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>IncorrectState</Code><Message>a &amp; b</Message>' +
        '</Error></Errors><RequestID>r</RequestID></Response>',
    );
  });
});

describe('JSON 1.1', () => {
  it('decodes bodies; empty is {}; junk is SerializationException', () => {
    expect(decodeJsonBody('')).toEqual({});
    expect(decodeJsonBody('{"ClientId":"x"}')).toEqual({ ClientId: 'x' });
    expect(() => decodeJsonBody('{')).toThrow(expect.objectContaining({ code: 'SerializationException' }));
    expect(() => decodeJsonBody('[1]')).toThrow(AwsError);
  });

  it("writes the output shape's members only, Dates as epoch seconds, nested too", () => {
    const identity = new ServiceModel('json1.1', cognitoIdentitySchemas, ['GetCredentialsForIdentity']);
    const output = identity.operation('GetCredentialsForIdentity')!.output;
    const body = serializeJsonSuccess(output, { Credentials: { Expiration: new Date(1_800_000_000_500), AccessKeyId: 'ASIA', Extra: 1 }, IdentityId: undefined });
    expect(JSON.parse(body)).toEqual({ Credentials: { Expiration: 1_800_000_000.5, AccessKeyId: 'ASIA' } });
    expect(serializeJsonSuccess(output, undefined)).toBe('{}');
  });

  it('writes errors as __type and message', () => {
    expect(JSON.parse(serializeJsonError(new AwsError('NotAuthorizedException', 'Incorrect username or password.')))).toEqual({
      __type: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });
});
