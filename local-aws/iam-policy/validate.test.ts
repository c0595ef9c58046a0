import { describe, expect, it } from 'vitest';
import { checkPolicyDocument, validatePolicyDocument } from './validate.ts';

const identity = (document: unknown) =>
  validatePolicyDocument(typeof document === 'string' ? document : JSON.stringify(document), 'identity');
const trust = (document: unknown, options = {}) =>
  validatePolicyDocument(typeof document === 'string' ? document : JSON.stringify(document), 'trust', options);

const bucket = 'arn:aws:s3:::example_bucket';
const listBucket = (extra: Record<string, unknown> = {}) => ({
  Version: '2012-10-17',
  Statement: { Effect: 'Allow', Action: 's3:ListBucket', Resource: bucket, ...extra },
});
const ec2Trust = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};
const trustWith = (statement: Record<string, unknown>) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole', ...statement }],
});

describe('identity policies: accepted documents', () => {
  const valid: unknown[] = [
    listBucket(),
    { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: [bucket, '*'] }] },
    { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'iam: asdf safdsf af ', Resource: bucket } },
    { Version: '2012-10-17', Statement: { Effect: 'Deny', Action: 's3:*', NotResource: [`${bucket}/a`, `${bucket}/a/*`] } },
    { Version: '2012-10-17', Statement: { Effect: 'Allow', NotAction: 's3:ListBucket', NotResource: '*' } },
    listBucket({ Condition: {} }),
    listBucket({ Condition: { x: {}, y: {} } }),
    listBucket({ Condition: { 'ForAnyValue:StringEqualsIfExists': { a: 'asf' } } }),
    listBucket({ Condition: { DateGreaterThan: { 'aws:CurrentTime': '2017-07-01T00:00:00Z' } } }),
    listBucket({ Condition: { DateLessThanEquals: { a: '2016-12-13t2:00:00.593194+10:59' } } }),
    listBucket({ Condition: { Bool: { 'aws:SecureTransport': true } } }),
    { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:iam:::user/x' } },
    { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:ec2:us-east-1::x' } },
    { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:fdsasf' } },
    // S3 access points carry a region (seen in AWS managed policies).
    { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:*:*:accesspoint/*' } },
    { Version: '2012-10-17', Id: 'some-id', Statement: [{ Sid: 'a', Effect: 'Allow', Action: 's3-s.x:Get', Resource: '*' }] },
  ];
  it.each(valid.map((doc, i) => [i, doc]))('document %i is valid', (_i, doc) => {
    expect(identity(doc)).toBeUndefined();
  });

  it('accepts the console policies shape with tags and conditions', () => {
    expect(
      identity({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'AddTag',
            Effect: 'Allow',
            Action: ['iam:TagUser', 'iam:TagRole'],
            Resource: '*',
            Condition: {
              StringEquals: { 'aws:RequestTag/CostCenter': ['A-123', 'B-456'] },
              'ForAllValues:StringEquals': { 'aws:TagKeys': 'CostCenter' },
            },
          },
        ],
      }),
    ).toBeUndefined();
  });
});

describe('identity policies: MalformedPolicyDocument messages', () => {
  it('Syntax errors in policy. (text that is not JSON)', () => {
    expect(identity('This is not a json document')).toBe('Syntax errors in policy.');
  });

  it.each([
    ['unknown version string', { Version: '2013-10-17', Statement: listBucket().Statement }],
    ['missing Statement', { Version: '2012-10-17' }],
    ['empty Statement list', { Version: '2012-10-17', Statement: [] }],
    ['statement not an object', { Version: '2012-10-17', Statement: ['afd'] }],
    ['extra top-level field', { ...listBucket(), Extra: 'value' }],
    ['extra statement field', listBucket({ Extra: 'value' })],
    ['Id not a string', { ...listBucket(), Id: {} }],
    ['invalid Effect', listBucket({ Effect: 'invalid' })],
    ['missing Effect', { Version: '2012-10-17', Statement: { Action: 's3:ListBucket', Resource: bucket } }],
    ['Action and NotAction', listBucket({ NotAction: 'iam:x' })],
    ['Resource and NotResource', listBucket({ NotResource: '*' })],
    ['Resource is an object', listBucket({ Resource: { a: bucket } })],
    ['Action list holds a list', listBucket({ Action: [[]] })],
    ['Condition is a list', listBucket({ Condition: [] })],
    ['condition operator value not an object', listBucket({ Condition: { DateGreaterThan: 'b' } })],
    ['condition values hold an object', listBucket({ Condition: { DateGreaterThan: { a: {} } } })],
    ['unknown condition operator', listBucket({ Condition: { x: { a: '1' } } })],
    ['malformed qualifier', listBucket({ Condition: { 'ForAnyValue::StringEqualsIfExists': { a: 'x' } } })],
    ['Sid not a string', listBucket({ Sid: [] })],
  ])('Syntax errors in policy. (%s)', (_name, doc) => {
    expect(identity(doc)).toBe('Syntax errors in policy.');
  });

  it('Policy document must be version 2012-10-17 or greater.', () => {
    const { Statement } = listBucket();
    expect(identity({ Statement })).toBe('Policy document must be version 2012-10-17 or greater.');
    expect(identity({ Version: '2008-10-17', Statement })).toBe('Policy document must be version 2012-10-17 or greater.');
  });

  it('Policy document should not specify a principal.', () => {
    expect(identity(listBucket({ Principal: '*' }))).toBe('Policy document should not specify a principal.');
    expect(identity(listBucket({ NotPrincipal: { AWS: '123456789012' } }))).toBe(
      'Policy document should not specify a principal.',
    );
  });

  it.each([
    ['Effect in the wrong case', listBucket({ Effect: 'denY' })],
    ['bad date', listBucket({ Condition: { DateGreaterThan: { a: 'sdfdsf' } } })],
    ['bad month', listBucket({ Condition: { DateLessThanEquals: { a: '234-13' } } })],
    ['bad zone', listBucket({ Condition: { DateLessThanEquals: { a: '2016-12-13t2:00:00.593194+1' } } })],
    ['epoch overflow', listBucket({ Condition: { DateLessThan: { a: '9223372036854775808' } } })],
    ['too few ARN components', listBucket({ Resource: 'arn:aws:s3::example_bucket' })],
    ['missing service', listBucket({ Resource: 'arn:aws::fdsasf' })],
  ])('The policy failed legacy parsing (%s)', (_name, doc) => {
    expect(identity(doc)).toBe('The policy failed legacy parsing');
  });

  it('Statement IDs (SID) in a single policy must be unique.', () => {
    const statement = { Sid: 'same', Effect: 'Allow', Action: 's3:ListBucket', Resource: bucket };
    expect(identity({ Version: '2012-10-17', Statement: [statement, { ...statement, Action: 's3:GetObject' }] })).toBe(
      'Statement IDs (SID) in a single policy must be unique.',
    );
  });

  it('Policy statement must contain actions.', () => {
    expect(identity({ Version: '2012-10-17', Statement: { Effect: 'Allow', Resource: bucket } })).toBe(
      'Policy statement must contain actions.',
    );
    expect(identity(listBucket({ Action: [] }))).toBe('Policy statement must contain actions.');
  });

  it('Policy statement must contain resources.', () => {
    expect(identity({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:ListBucket' } })).toBe(
      'Policy statement must contain resources.',
    );
    expect(identity(listBucket({ Resource: [] }))).toBe('Policy statement must contain resources.');
    // Checked before the action vendor prefix.
    expect(identity({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'invalid' } })).toBe(
      'Policy statement must contain resources.',
    );
  });

  it('Resource X must be in ARN format or "*".', () => {
    expect(identity(listBucket({ Resource: 'invalid resource' }))).toBe('Resource invalid resource must be in ARN format or "*".');
    expect(identity(listBucket({ Resource: '' }))).toBe('Resource  must be in ARN format or "*".');
    // Reported before the action vendor problem.
    expect(identity(listBucket({ Action: 's:3:ListBucket', Resource: 'sdfsadf' }))).toBe(
      'Resource sdfsadf must be in ARN format or "*".',
    );
  });

  it('Partition "X" is not valid for resource "...".', () => {
    expect(identity(listBucket({ Resource: 'a:bsdfdsafsad' }))).toBe(
      'Partition "bsdfdsafsad" is not valid for resource "arn:bsdfdsafsad:*:*:*:*".',
    );
    expect(identity(listBucket({ Resource: 'a:b:c:d:e:f:g:h' }))).toBe('Partition "b" is not valid for resource "arn:b:c:d:e:f:g:h".');
    expect(identity(listBucket({ Resource: ['arn:error:s3:::example_bucket', 'arn:error:s3::example_bucket'] }))).toBe(
      'Partition "error" is not valid for resource "arn:error:s3:::example_bucket".',
    );
  });

  it('Resource vendor must be fully qualified and cannot contain regexes.', () => {
    expect(identity(listBucket({ Resource: 'arn:aws' }))).toBe('Resource vendor must be fully qualified and cannot contain regexes.');
  });

  it('region information in IAM and S3 ARNs', () => {
    expect(identity(listBucket({ Resource: 'arn:aws:iam:us-east-1::user/x' }))).toBe(
      'IAM resource arn:aws:iam:us-east-1::user/x cannot contain region information.',
    );
    expect(identity(listBucket({ Resource: 'arn:aws:s3:us-east-1::example_bucket' }))).toBe(
      'Resource arn:aws:s3:us-east-1::example_bucket can not contain region information.',
    );
  });

  it('IAM resource path must either be "*", root, or start with ...', () => {
    expect(identity(listBucket({ Resource: 'arn:aws:iam:::example_bucket' }))).toBe(
      'IAM resource path must either be "*", root, or start with user/, federated-user/, role/, group/, instance-profile/, mfa/, server-certificate/, policy/, sms-mfa/, saml-provider/, oidc-provider/, report/, access-report/.',
    );
    expect(identity(listBucket({ Resource: 'arn:aws:iam::123456789012:root' }))).toBeUndefined();
  });

  it('Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.', () => {
    expect(identity(listBucket({ Action: 'invalid' }))).toBe(
      'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
    );
    expect(identity(listBucket({ Action: undefined, NotAction: '' }))).toBe(
      'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
    );
  });

  it('Actions/Condition can contain only one colon.', () => {
    expect(identity(listBucket({ Action: 's3:List:Bucket' }))).toBe('Actions/Condition can contain only one colon.');
  });

  it('Vendor X is not valid', () => {
    expect(identity(listBucket({ Action: 'a a:ListBucket' }))).toBe('Vendor a a is not valid');
  });
});

describe('trust policies', () => {
  it('accepts the EC2 trust policy, with arrays or strings, with or without Version', () => {
    expect(trust(ec2Trust)).toBeUndefined();
    expect(trust(trustWith({ Principal: { Service: ['ec2.amazonaws.com'] }, Action: ['sts:AssumeRole'] }))).toBeUndefined();
    expect(trust({ Statement: ec2Trust.Statement })).toBeUndefined();
  });

  it('accepts account, user, role, web-identity and SAML principals', () => {
    expect(trust(trustWith({ Principal: { AWS: '123456789012' } }))).toBeUndefined();
    expect(trust(trustWith({ Principal: { AWS: 'arn:aws:iam::123456789012:root' } }))).toBeUndefined();
    expect(trust(trustWith({ Principal: { AWS: ['arn:aws:iam::123456789012:role/path/r', '*'] } }))).toBeUndefined();
    expect(
      trust(
        trustWith({
          Principal: { Federated: 'cognito-identity.amazonaws.com' },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:0000' },
            'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
          },
        }),
      ),
    ).toBeUndefined();
    expect(
      trust(
        trustWith({
          Principal: { Federated: 'arn:aws:iam::123456789012:saml-provider/corp' },
          Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'],
        }),
      ),
    ).toBeUndefined();
    expect(trust(trustWith({ Principal: { Service: ['lambda.amazonaws.com', 'ecs-tasks.amazonaws.com'] } }))).toBeUndefined();
  });

  it('This policy contains invalid Json', () => {
    expect(trust('{invalid')).toBe('This policy contains invalid Json');
    expect(trust('%7B%22Version%22%3A%222012-10-17%22%7D')).toBe('This policy contains invalid Json');
  });

  it('Syntax errors in policy. (grammar problems)', () => {
    expect(trust({ Version: '2012-10-17' })).toBe('Syntax errors in policy.');
    expect(trust(trustWith({ Effect: 'Maybe' }))).toBe('Syntax errors in policy.');
    expect(trust(trustWith({ Principal: { Robot: 'x' } }))).toBe('Syntax errors in policy.');
  });

  it('Could not parse the policy: Statement is empty!', () => {
    expect(trust({ Version: '2012-10-17', Statement: [] })).toBe('Could not parse the policy: Statement is empty!');
  });

  it('Has prohibited field Resource', () => {
    expect(trust(trustWith({ Resource: '*' }))).toBe('Has prohibited field Resource');
  });

  it('AssumeRole policy must not contain resources.', () => {
    expect(trust(trustWith({ NotResource: '*' }))).toBe('AssumeRole policy must not contain resources.');
  });

  it('Missing required field Principal', () => {
    expect(trust({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }] })).toBe(
      'Missing required field Principal',
    );
  });

  it('Missing required field Principal cannot be empty!', () => {
    expect(trust(trustWith({ Principal: {} }))).toBe('Missing required field Principal cannot be empty!');
  });

  it('Allow with NotPrincipal is not allowed.', () => {
    expect(
      trust({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', NotPrincipal: { AWS: '*' }, Action: 'sts:AssumeRole' }] }),
    ).toBe('Allow with NotPrincipal is not allowed.');
  });

  it('AssumeRole policy may only specify STS AssumeRole actions.', () => {
    expect(trust(trustWith({ Principal: { AWS: '*' }, Action: '*' }))).toBe(
      'AssumeRole policy may only specify STS AssumeRole actions.',
    );
    expect(trust(trustWith({ Action: ['sts:AssumeRole', 's3:GetObject'] }))).toBe(
      'AssumeRole policy may only specify STS AssumeRole actions.',
    );
    expect(trust(trustWith({ Action: undefined, NotAction: 'sts:AssumeRole' }))).toBe(
      'AssumeRole policy may only specify STS AssumeRole actions.',
    );
    expect(trust(trustWith({ Action: 'sts:AssumeRole*' }))).toBeUndefined();
    expect(trust(trustWith({ Action: 'STS:assumerole' }))).toBeUndefined();
  });

  it('Policy statement must contain actions.', () => {
    expect(trust(trustWith({ Action: undefined }))).toBe('Policy statement must contain actions.');
  });

  it('Invalid principal in policy: "SERVICE":"..."', () => {
    expect(trust(trustWith({ Principal: { Service: 'foo' } }))).toBe('Invalid principal in policy: "SERVICE":"foo"');
    expect(trust(trustWith({ Principal: { Service: 'foo.amazonaws.com' } }))).toBe(
      'Invalid principal in policy: "SERVICE":"foo.amazonaws.com"',
    );
    expect(
      trust(trustWith({ Principal: { Service: 'foo.amazonaws.com' } }), { isKnownServicePrincipal: () => true }),
    ).toBeUndefined();
  });

  it('Invalid principal in policy: "AWS":"..."', () => {
    expect(trust(trustWith({ Principal: { AWS: '12345' } }))).toBe('Invalid principal in policy: "AWS":"12345"');
    expect(trust(trustWith({ Principal: { AWS: 'arn:aws:iam::123456789012:group/devs' } }))).toBe(
      'Invalid principal in policy: "AWS":"arn:aws:iam::123456789012:group/devs"',
    );
    expect(trust(trustWith({ Principal: { AWS: 'arn:aws:sts::123456789012:assumed-role/R/*' } }))).toBe(
      'Invalid principal in policy: "AWS":"arn:aws:sts::123456789012:assumed-role/R/*"',
    );
    const roleArn = 'arn:aws:iam::123456789012:role/NotYetCreated';
    expect(trust(trustWith({ Principal: { AWS: roleArn } }), { principalExists: () => false })).toBe(
      `Invalid principal in policy: "AWS":"${roleArn}"`,
    );
    expect(trust(trustWith({ Principal: { AWS: roleArn } }), { principalExists: () => true })).toBeUndefined();
  });

  it('Invalid principal in policy: "FEDERATED":"..."', () => {
    expect(trust(trustWith({ Principal: { Federated: 'example.com' }, Action: 'sts:AssumeRoleWithWebIdentity' }))).toBe(
      'Invalid principal in policy: "FEDERATED":"example.com"',
    );
  });
});

describe('characters and nesting', () => {
  it('refuses characters outside TAB/LF/CR/U+0020–U+00FF as a ValidationError', () => {
    const text = JSON.stringify(listBucket({ Sid: 'emoji\u{1F600}' }));
    expect(checkPolicyDocument(text, 'identity')).toEqual({
      code: 'ValidationError',
      message:
        "1 validation error detected: Value at 'policyDocument' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+",
    });
    expect(checkPolicyDocument(JSON.stringify(trustWith({ Sid: 'BELL' })).replace('BELL', '\u0007'), 'trust')?.message).toContain(
      "Value at 'assumeRolePolicyDocument'",
    );
    // Latin-1 characters are fine.
    expect(identity(listBucket({ Sid: 'caf\u00e9' }))).toBeUndefined();
  });

  it('survives absurdly deep nesting', () => {
    const deep = '['.repeat(100000) + ']'.repeat(100000);
    expect(identity(deep)).toBe('Syntax errors in policy.');
    expect(trust(deep)).toBe('This policy contains invalid Json');
    const deepCondition = `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}}`;
    expect(identity(deepCondition)).toBe('Syntax errors in policy.');
  });

  it('reports MalformedPolicyDocument as the code for grammar problems', () => {
    expect(checkPolicyDocument('nope', 'trust')).toEqual({
      code: 'MalformedPolicyDocument',
      message: 'This policy contains invalid Json',
    });
  });
});
