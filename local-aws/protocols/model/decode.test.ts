import * as cognitoIdpSchemas from '@aws-sdk/client-cognito-identity-provider';
import * as ec2Schemas from '@aws-sdk/client-ec2';
import * as iamSchemas from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { AwsError } from '../aws-error.ts';
import { parseForm } from '../form.ts';
import { decodeJsonInput, decodeQueryInput } from './decode.ts';
import { ServiceModel } from './shapes.ts';

const iam = new ServiceModel('awsQuery', iamSchemas, ['CreateRole', 'TagRole', 'ListRoles', 'ListPolicies', 'GetRole']);
const ec2 = new ServiceModel('ec2Query', ec2Schemas, ['DescribeInstances', 'RunInstances', 'CreateTags']);
const idp = new ServiceModel('json1.1', cognitoIdpSchemas, ['InitiateAuth', 'AdminCreateUser']);

function failure(decode: () => unknown): { code: string; message: string } {
  try {
    decode();
  } catch (error) {
    if (error instanceof AwsError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('decoded without an error');
}

describe('service models', () => {
  it('refuses at start-up an operation the model does not have', () => {
    expect(() => new ServiceModel('awsQuery', iamSchemas, ['MakeCoffee'])).toThrow(/MakeCoffee/);
  });

  it('names ec2Query members by ec2QueryName, else the capitalized xmlName, else the member name', () => {
    const members = ec2.operation('DescribeInstances')!.input.members.map((member) => member.wireName);
    expect(members).toEqual(expect.arrayContaining(['InstanceId', 'DryRun', 'Filter', 'MaxResults', 'NextToken']));
  });
});

describe('query decoding', () => {
  it('decodes awsQuery members, member lists and integers into the SDK input shape', () => {
    const input = decodeQueryInput(
      iam,
      'CreateRole',
      parseForm('Action=CreateRole&RoleName=r&AssumeRolePolicyDocument=%7B%7D&MaxSessionDuration=7200&Tags.member.2.Key=b&Tags.member.2.Value=2&Tags.member.1.Key=a&Tags.member.1.Value=1&Unknown=x'),
    );
    expect(input).toEqual({
      RoleName: 'r',
      AssumeRolePolicyDocument: '{}',
      MaxSessionDuration: 7200,
      Tags: [
        { Key: 'a', Value: '1' },
        { Key: 'b', Value: '2' },
      ],
    });
  });

  it('answers IAM ValidationError naming every missing or malformed member', () => {
    expect(failure(() => decodeQueryInput(iam, 'GetRole', new Map()))).toEqual({
      code: 'ValidationError',
      message: "1 validation error detected: Value at 'roleName' failed to satisfy constraint: Member must not be null",
    });
    expect(failure(() => decodeQueryInput(iam, 'TagRole', parseForm('RoleName=r&Tags.member.1.Key=k')))).toEqual({
      code: 'ValidationError',
      message: "1 validation error detected: Value at 'tags.1.member.value' failed to satisfy constraint: Member must not be null",
    });
    expect(failure(() => decodeQueryInput(iam, 'ListPolicies', parseForm('MaxItems=abc&OnlyAttached=maybe')))).toEqual({
      code: 'ValidationError',
      message:
        "2 validation errors detected: Value at 'onlyAttached' failed to satisfy constraint: Member must be a boolean; Value at 'maxItems' failed to satisfy constraint: Member must be a number",
    });
  });

  it('takes only canonical list indexes, in index order', () => {
    const input = decodeQueryInput(ec2, 'DescribeInstances', parseForm('InstanceId.10=i-10&InstanceId.2=i-2&InstanceId.01=x&InstanceId.1e0=y&InstanceId.0=z'));
    expect(input).toEqual({ InstanceIds: ['i-2', 'i-10'] });
  });

  it('decodes EC2 flat lists of structures with their own lists', () => {
    const input = decodeQueryInput(ec2, 'DescribeInstances', parseForm('Filter.1.Name=tag%3Aa&Filter.1.Value.1=x&Filter.1.Value.2=y&Filter.2.Name=state&DryRun=TRUE&MaxResults=5'));
    expect(input).toEqual({
      Filters: [{ Name: 'tag:a', Values: ['x', 'y'] }, { Name: 'state' }],
      DryRun: true,
      MaxResults: 5,
    });
  });

  it('answers EC2 MissingParameter with the wire name, InvalidParameterValue for a malformed value', () => {
    expect(failure(() => decodeQueryInput(ec2, 'CreateTags', parseForm('Tag.1.Key=a')))).toEqual({
      code: 'MissingParameter',
      message: 'The request must contain the parameter ResourceId',
    });
    expect(failure(() => decodeQueryInput(ec2, 'DescribeInstances', parseForm('MaxResults=abc')))).toEqual({
      code: 'InvalidParameterValue',
      message: "Invalid value 'abc' for maxResults",
    });
  });

  it('decodes 20,000 filters', () => {
    const params = new Map<string, string>();
    for (let i = 1; i <= 20_000; i++) {
      params.set(`Filter.${i}.Name`, `tag:k${i}`);
      params.set(`Filter.${i}.Value.1`, `v${i}`);
    }
    const input = decodeQueryInput(ec2, 'DescribeInstances', params) as { Filters: { Name: string; Values: string[] }[] };
    expect(input.Filters).toHaveLength(20_000);
    expect(input.Filters[19_999]).toEqual({ Name: 'tag:k20000', Values: ['v20000'] });
  });
});

describe('JSON decoding', () => {
  it('keeps known members and drops unknown ones', () => {
    expect(decodeJsonInput(idp, 'InitiateAuth', '{"AuthFlow":"USER_PASSWORD_AUTH","ClientId":"c","AuthParameters":{"USERNAME":"u"},"Other":1}')).toEqual({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: 'c',
      AuthParameters: { USERNAME: 'u' },
    });
  });

  it('answers a missing member with InvalidParameterException and a wrong type with SerializationException', () => {
    expect(failure(() => decodeJsonInput(idp, 'InitiateAuth', '{"AuthFlow":null}'))).toEqual({
      code: 'InvalidParameterException',
      message:
        "2 validation errors detected: Value null at 'authFlow' failed to satisfy constraint: Member must not be null; Value null at 'clientId' failed to satisfy constraint: Member must not be null",
    });
    expect(failure(() => decodeJsonInput(idp, 'InitiateAuth', '{"AuthFlow":"x","ClientId":7}'))).toEqual({
      code: 'SerializationException',
      message: 'Unexpected JSON type for ClientId',
    });
    expect(failure(() => decodeJsonInput(idp, 'AdminCreateUser', '{"UserPoolId":"p","Username":"u","UserAttributes":{"Name":"x"}}')).code).toBe(
      'SerializationException',
    );
  });
});
