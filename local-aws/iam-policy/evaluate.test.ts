import { describe, expect, it } from 'vitest';
import { compiledPolicyCacheSize } from './compile.ts';
import { denialReason, evaluate } from './evaluate.ts';
import type { AuthorizationRequest, ConditionContext } from './types.ts';

const ACCOUNT = '123456789012';
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/MatillionRole`;

type Statement = Record<string, unknown>;

function policy(...statements: Statement[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

function request(overrides: Partial<AuthorizationRequest> & { identityPolicies: readonly string[] }): AuthorizationRequest {
  return { action: 'iam:CreateRole', resource: ROLE_ARN, context: {}, ...overrides };
}

const allowAll = policy({ Effect: 'Allow', Action: '*', Resource: '*' });

describe('evaluate: identity policies', () => {
  it('allows when an identity policy allows the action on the resource', () => {
    expect(evaluate(request({ identityPolicies: [allowAll] }))).toEqual({ effect: 'allow' });
  });

  it('denies implicitly when nothing allows', () => {
    expect(evaluate(request({ identityPolicies: [] }))).toEqual({ effect: 'deny', reason: 'no-identity-allow' });
    const other = policy({ Effect: 'Allow', Action: 'ec2:DescribeInstances', Resource: '*' });
    expect(evaluate(request({ identityPolicies: [other] }))).toEqual({ effect: 'deny', reason: 'no-identity-allow' });
  });

  it('lets an explicit Deny win over any Allow, whichever policy it is in', () => {
    const denyCreate = policy({ Effect: 'Deny', Action: 'iam:CreateRole', Resource: '*' });
    expect(evaluate(request({ identityPolicies: [allowAll, denyCreate] }))).toEqual({
      effect: 'deny',
      reason: 'explicit-identity',
    });
    expect(evaluate(request({ identityPolicies: [denyCreate, allowAll] }))).toEqual({
      effect: 'deny',
      reason: 'explicit-identity',
    });
  });

  it('accepts Statement as a single object and Action/Resource as strings or arrays', () => {
    const single = JSON.stringify({
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Action: ['ec2:Describe*', 'iam:CreateRole'], Resource: [ROLE_ARN] },
    });
    expect(evaluate(request({ identityPolicies: [single] })).effect).toBe('allow');
  });

  it('matches actions case-insensitively, with * and ? wildcards', () => {
    const p = policy({ Effect: 'Allow', Action: ['IAM:create*', 'ec2:Describe?nstances'], Resource: '*' });
    expect(evaluate(request({ identityPolicies: [p], action: 'iam:CreateRole' })).effect).toBe('allow');
    expect(evaluate(request({ identityPolicies: [p], action: 'EC2:DESCRIBEINSTANCES' })).effect).toBe('allow');
    expect(evaluate(request({ identityPolicies: [p], action: 'ec2:DescribeXXnstances' })).effect).toBe('deny');
    expect(evaluate(request({ identityPolicies: [p], action: 'iam:DeleteRole' })).effect).toBe('deny');
  });

  it('supports NotAction: everything except the listed actions', () => {
    const p = policy({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' });
    expect(evaluate(request({ identityPolicies: [p], action: 'ec2:RunInstances' })).effect).toBe('allow');
    expect(evaluate(request({ identityPolicies: [p], action: 'iam:CreateRole' })).effect).toBe('deny');
    const denyAllButRead = policy({ Effect: 'Deny', NotAction: ['iam:Get*', 'iam:List*'], Resource: '*' });
    expect(evaluate(request({ identityPolicies: [allowAll, denyAllButRead], action: 'iam:ListRoles' })).effect).toBe(
      'allow',
    );
    expect(evaluate(request({ identityPolicies: [allowAll, denyAllButRead] }))).toEqual({
      effect: 'deny',
      reason: 'explicit-identity',
    });
  });

  it('matches resources case-sensitively with wildcards', () => {
    const p = policy({ Effect: 'Allow', Action: 'iam:*', Resource: `arn:aws:iam::${ACCOUNT}:role/Matillion*` });
    expect(evaluate(request({ identityPolicies: [p] })).effect).toBe('allow');
    expect(evaluate(request({ identityPolicies: [p], resource: `arn:aws:iam::${ACCOUNT}:role/matillionrole` })).effect).toBe(
      'deny',
    );
    const q = policy({ Effect: 'Allow', Action: 'iam:*', Resource: `arn:aws:iam::${ACCOUNT}:role/Matillion?ole` });
    expect(evaluate(request({ identityPolicies: [q] })).effect).toBe('allow');
  });

  it('matches ARN components separately, so a wildcard does not cross a colon', () => {
    const p = policy({ Effect: 'Allow', Action: 'ec2:*', Resource: 'arn:aws:ec2:*:*:instance/*' });
    const instance = `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-0123456789abcdef0`;
    expect(evaluate(request({ identityPolicies: [p], action: 'ec2:StartInstances', resource: instance })).effect).toBe(
      'allow',
    );
    const crossing = policy({ Effect: 'Allow', Action: 'ec2:*', Resource: 'arn:aws:ec2:us-*:instance/*' });
    expect(evaluate(request({ identityPolicies: [crossing], action: 'ec2:StartInstances', resource: instance })).effect).toBe(
      'deny',
    );
    const pathRole = policy({ Effect: 'Allow', Action: 'iam:*', Resource: `arn:aws:iam::${ACCOUNT}:role/console-ec2/*` });
    expect(
      evaluate(request({ identityPolicies: [pathRole], resource: `arn:aws:iam::${ACCOUNT}:role/console-ec2/a/b` })).effect,
    ).toBe('allow');
  });

  it('supports NotResource', () => {
    const p = policy({ Effect: 'Allow', Action: 'iam:*', NotResource: `arn:aws:iam::${ACCOUNT}:role/admin/*` });
    expect(evaluate(request({ identityPolicies: [p] })).effect).toBe('allow');
    expect(evaluate(request({ identityPolicies: [p], resource: `arn:aws:iam::${ACCOUNT}:role/admin/x` })).effect).toBe(
      'deny',
    );
  });

  it('resolves policy variables from the request context, keys case-insensitively', () => {
    const p = policy({
      Effect: 'Allow',
      Action: 'iam:*AccessKey*',
      Resource: `arn:aws:iam::${ACCOUNT}:user/\${aws:username}`,
    });
    const userArn = `arn:aws:iam::${ACCOUNT}:user/alice`;
    const ask = (context: ConditionContext) =>
      evaluate(request({ identityPolicies: [p], action: 'iam:CreateAccessKey', resource: userArn, context })).effect;
    expect(ask({ 'aws:username': 'alice' })).toBe('allow');
    expect(ask({ 'AWS:UserName': 'alice' })).toBe('allow');
    expect(ask({ 'aws:username': 'bob' })).toBe('deny');
    // A missing variable matches nothing.
    expect(ask({})).toBe('deny');
  });

  it('resolves tag variables and default values', () => {
    const p = policy({
      Effect: 'Allow',
      Action: 'iam:GetRole',
      Resource: [`arn:aws:iam::${ACCOUNT}:role/\${aws:PrincipalTag/team}/*`, `arn:aws:iam::${ACCOUNT}:role/\${aws:PrincipalTag/x, 'shared'}-*`],
    });
    const ask = (resource: string, context: ConditionContext) =>
      evaluate(request({ identityPolicies: [p], action: 'iam:GetRole', resource, context })).effect;
    expect(ask(`arn:aws:iam::${ACCOUNT}:role/blue/r1`, { 'aws:PrincipalTag/team': 'blue' })).toBe('allow');
    expect(ask(`arn:aws:iam::${ACCOUNT}:role/red/r1`, { 'aws:PrincipalTag/team': 'blue' })).toBe('deny');
    expect(ask(`arn:aws:iam::${ACCOUNT}:role/shared-r1`, {})).toBe('allow');
  });

  it('treats ${*}, ${?} and ${$} as literal characters, and variable values literally', () => {
    const p = policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/${*}${?}${$}x' });
    const ask = (resource: string, context: ConditionContext = {}) =>
      evaluate(request({ identityPolicies: [p], action: 's3:GetObject', resource, context })).effect;
    expect(ask('arn:aws:s3:::bucket/*?$x')).toBe('allow');
    expect(ask('arn:aws:s3:::bucket/ab$x')).toBe('deny');
    const v = policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/${aws:username}' });
    const withValue = (resource: string) =>
      evaluate(request({ identityPolicies: [v], action: 's3:GetObject', resource, context: { 'aws:username': 'a*' } }))
        .effect;
    expect(withValue('arn:aws:s3:::bucket/a*')).toBe('allow');
    expect(withValue('arn:aws:s3:::bucket/abc')).toBe('deny');
  });

  it('requires every condition of a statement to hold', () => {
    const p = policy({
      Effect: 'Allow',
      Action: '*',
      Resource: '*',
      Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' }, Bool: { 'aws:SecureTransport': 'true' } },
    });
    const ask = (context: ConditionContext) => evaluate(request({ identityPolicies: [p], context })).effect;
    expect(ask({ 'aws:RequestedRegion': 'us-east-1', 'aws:SecureTransport': 'true' })).toBe('allow');
    expect(ask({ 'aws:RequestedRegion': 'us-east-1', 'aws:SecureTransport': 'false' })).toBe('deny');
    expect(ask({ 'aws:RequestedRegion': 'eu-west-1', 'aws:SecureTransport': 'true' })).toBe('deny');
  });

  it('ignores malformed policies and statements instead of throwing', () => {
    const broken = ['not json', '[]', '{"Statement": 5}', policy({ Effect: 'allow', Action: '*', Resource: '*' })];
    expect(evaluate(request({ identityPolicies: broken }))).toEqual({ effect: 'deny', reason: 'no-identity-allow' });
    expect(evaluate(request({ identityPolicies: [...broken, allowAll] })).effect).toBe('allow');
  });
});

describe('evaluate: permissions boundaries', () => {
  const boundaryIamOnly = policy({ Effect: 'Allow', Action: 'iam:*', Resource: '*' });

  it('allows only what both the identity policies and the boundary allow', () => {
    expect(evaluate(request({ identityPolicies: [allowAll], permissionsBoundary: boundaryIamOnly }))).toEqual({
      effect: 'allow',
    });
    expect(
      evaluate(request({ identityPolicies: [allowAll], permissionsBoundary: boundaryIamOnly, action: 'ec2:RunInstances' })),
    ).toEqual({ effect: 'deny', reason: 'no-boundary-allow' });
  });

  it('never grants by itself', () => {
    expect(evaluate(request({ identityPolicies: [], permissionsBoundary: allowAll }))).toEqual({
      effect: 'deny',
      reason: 'no-identity-allow',
    });
  });

  it('reports an explicit Deny in the boundary', () => {
    const boundary = policy(
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Deny', Action: 'iam:CreateRole', Resource: '*' },
    );
    expect(evaluate(request({ identityPolicies: [allowAll], permissionsBoundary: boundary }))).toEqual({
      effect: 'deny',
      reason: 'explicit-boundary',
    });
    // Explicit denies are found before missing allows.
    expect(evaluate(request({ identityPolicies: [], permissionsBoundary: boundary }))).toEqual({
      effect: 'deny',
      reason: 'explicit-boundary',
    });
  });

  it('prefers the identity-policy deny when both deny explicitly', () => {
    const deny = policy({ Effect: 'Deny', Action: '*', Resource: '*' });
    expect(evaluate(request({ identityPolicies: [deny], permissionsBoundary: deny }))).toEqual({
      effect: 'deny',
      reason: 'explicit-identity',
    });
  });
});

describe('denialReason', () => {
  it("produces AWS's wording for each kind of denial", () => {
    const action = 'iam:PassRole';
    expect(denialReason({ effect: 'deny', reason: 'no-identity-allow' }, action)).toBe(
      'because no identity-based policy allows the iam:PassRole action',
    );
    expect(denialReason({ effect: 'deny', reason: 'explicit-identity' }, action)).toBe(
      'with an explicit deny in an identity-based policy',
    );
    expect(denialReason({ effect: 'deny', reason: 'no-boundary-allow' }, action)).toBe(
      'because no permissions boundary allows the iam:PassRole action',
    );
    expect(denialReason({ effect: 'deny', reason: 'explicit-boundary' }, action)).toBe(
      'with an explicit deny in a permissions boundary',
    );
    expect(denialReason({ effect: 'allow' }, action)).toBe('');
  });
});

describe('performance', () => {
  it('parses each distinct policy text once, however often it is evaluated', () => {
    const policies = [
      policy(
        { Sid: 'Read', Effect: 'Allow', Action: ['iam:Get*', 'iam:List*', 'ec2:Describe*'], Resource: '*' },
        {
          Effect: 'Allow',
          Action: ['iam:CreateRole', 'iam:AttachRolePolicy', 'iam:PassRole'],
          Resource: `arn:aws:iam::${ACCOUNT}:role/console-ec2/*`,
          Condition: { StringEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } },
        },
        { Effect: 'Deny', Action: 'iam:DeleteRole', Resource: '*' },
      ),
    ];
    const req = request({
      identityPolicies: policies,
      action: 'iam:PassRole',
      resource: `arn:aws:iam::${ACCOUNT}:role/console-ec2/web`,
      context: { 'aws:RequestedRegion': 'us-east-1', 'aws:username': 'alice' },
    });
    expect(evaluate(req).effect).toBe('allow');
    const sizeAfterFirst = compiledPolicyCacheSize();
    for (let i = 0; i < 1000; i++) expect(evaluate(req).effect).toBe('allow');
    expect(compiledPolicyCacheSize()).toBe(sizeAfterFirst);
  });
});
