import { describe, expect, it } from 'vitest';
import { AwsError } from '../protocols/aws-error.ts';
import { globalConditionKeys, RequestAuthorizer, type AuthorizationScope, type PrincipalPolicySource } from './authorize.ts';
import { isLoopback } from './local-endpoints.ts';
import { ServiceModel } from '../protocols/model/shapes.ts';
import type { Caller, QueryService } from '../protocols/operation.ts';

const USER: Caller = {
  arn: 'arn:aws:iam::123456789012:user/ops/alice',
  userId: 'AIDAALICEEXAMPLE00001',
  accountId: '123456789012',
  accessKeyId: 'AKIAALICE',
  principalArn: 'arn:aws:iam::123456789012:user/ops/alice',
};
const SESSION: Caller = {
  arn: 'arn:aws:sts::123456789012:assumed-role/console-viewer/CognitoIdentityCredentials',
  userId: 'AROAVIEWEREXAMPLE0001:CognitoIdentityCredentials',
  accountId: '123456789012',
  accessKeyId: 'ASIAVIEWER',
  principalArn: 'arn:aws:iam::123456789012:role/iam-role-console/console-viewer',
};

const service: QueryService = {
  name: 'iam',
  protocol: 'awsQuery',
  version: '2010-05-08',
  xmlNamespace: 'https://iam.amazonaws.com/doc/2010-05-08/',
  accessDenied: (message) => new AwsError('AccessDenied', message, 403),
  model: new ServiceModel('awsQuery', {}, []),
  operations: {},
};

function scope(caller: Caller | undefined, region = 'eu-west-1'): AuthorizationScope {
  return { service, caller, region, now: new Date('2026-11-28T01:02:03.456Z'), sourceIp: '127.0.0.1' };
}

function policies(map: Record<string, string[]>, boundary?: string): PrincipalPolicySource {
  return { principalPolicies: (arn) => (map[arn] ? { identityPolicies: map[arn]!, permissionsBoundary: boundary } : undefined) };
}

const policy = (statement: object) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });

describe('global condition keys', () => {
  it('describes a user', () => {
    expect(globalConditionKeys(scope(USER))).toEqual({
      'aws:RequestedRegion': 'eu-west-1',
      'aws:CurrentTime': '2026-11-28T01:02:03Z',
      'aws:EpochTime': '1795827723',
      'aws:SecureTransport': 'false',
      'aws:SourceIp': '127.0.0.1',
      'aws:PrincipalArn': USER.principalArn,
      'aws:PrincipalAccount': '123456789012',
      'aws:PrincipalType': 'User',
      'aws:userid': USER.userId,
      'aws:username': 'alice',
    });
  });

  it('describes an assumed role (no aws:username)', () => {
    const keys = globalConditionKeys(scope(SESSION));
    expect(keys['aws:PrincipalType']).toBe('AssumedRole');
    expect(keys['aws:PrincipalArn']).toBe(SESSION.principalArn);
    expect(keys['aws:username']).toBeUndefined();
  });
});

describe('RequestAuthorizer', () => {
  it('allows what a policy allows and records the call', () => {
    const authorizer = new RequestAuthorizer(policies({ [USER.principalArn]: [policy({ Effect: 'Allow', Action: 'iam:GetRole', Resource: '*' })] }), scope(USER));
    expect(authorizer.called).toBe(false);
    authorizer.authorize('iam:GetRole', 'arn:aws:iam::123456789012:role/x');
    expect(authorizer.called).toBe(true);
  });

  it('throws the service denial with AWS sentence', () => {
    const authorizer = new RequestAuthorizer(policies({}), scope(SESSION));
    expect(() => authorizer.authorize('iam:CreateRole', 'arn:aws:iam::123456789012:role/x')).toThrow(
      expect.objectContaining({
        code: 'AccessDenied',
        status: 403,
        message:
          'User: arn:aws:sts::123456789012:assumed-role/console-viewer/CognitoIdentityCredentials is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::123456789012:role/x because no identity-based policy allows the iam:CreateRole action',
      }),
    );
    expect(authorizer.called).toBe(true);
  });

  it('uses global keys in conditions, and handler keys on top', () => {
    const regional = policy({ Effect: 'Allow', Action: 'ec2:*', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1', 'iam:PassedToService': 'ec2.amazonaws.com' } } });
    const source = policies({ [USER.principalArn]: [regional] });
    new RequestAuthorizer(source, scope(USER, 'eu-west-1')).authorize('ec2:RunInstances', '*', { 'iam:PassedToService': 'ec2.amazonaws.com' });
    expect(() => new RequestAuthorizer(source, scope(USER, 'us-east-1')).authorize('ec2:RunInstances', '*', { 'iam:PassedToService': 'ec2.amazonaws.com' })).toThrow(AwsError);
    expect(() => new RequestAuthorizer(source, scope(USER, 'eu-west-1')).authorize('ec2:RunInstances', '*')).toThrow(AwsError);
  });

  it('applies the permissions boundary', () => {
    const source = policies({ [USER.principalArn]: [policy({ Effect: 'Allow', Action: '*', Resource: '*' })] }, policy({ Effect: 'Allow', Action: 'iam:Get*', Resource: '*' }));
    const authorizer = new RequestAuthorizer(source, scope(USER));
    authorizer.authorize('iam:GetRole', '*');
    expect(() => authorizer.authorize('iam:DeleteRole', '*')).toThrow(/because no permissions boundary allows the iam:DeleteRole action/);
  });

  it('always allows sts:GetCallerIdentity, even under an explicit deny', () => {
    const source = policies({ [USER.principalArn]: [policy({ Effect: 'Deny', Action: '*', Resource: '*' })] });
    const authorizer = new RequestAuthorizer(source, scope(USER));
    authorizer.authorize('sts:GetCallerIdentity', '*');
    expect(authorizer.called).toBe(true);
  });

  it('denies an anonymous caller', () => {
    expect(() => new RequestAuthorizer(policies({}), scope(undefined)).authorize('iam:GetRole', '*')).toThrow(/^User: anonymous is not authorized/);
  });
});

describe('loopback check for /_local', () => {
  it('accepts loopback addresses only', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) expect(isLoopback(address)).toBe(true);
    for (const address of ['10.0.0.1', '::ffff:192.168.1.2', '', undefined]) expect(isLoopback(address)).toBe(false);
  });
});
