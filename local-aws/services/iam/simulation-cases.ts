/**
 * The policy simulator's test world and cases, shared by its unit test (simulation.test.ts) and by the test that
 * proves a simulation and a real call agree (server/simulation-agreement.test.ts). Condition keys in the cases
 * are ones the server does not add to real requests, so the context a case gives is the whole story.
 */
import type { ContextEntry } from '@aws-sdk/client-iam';
import { ACCOUNT_ID } from '../../config.ts';
import type { ConditionContext } from '../../iam-policy/types.ts';
import type { IamModel } from './model.ts';

const NOW = new Date('2026-12-01T00:00:00Z');

export const SIM_ROLE_ARN = `arn:aws:iam::${ACCOUNT_ID}:role/apps/sim-app`;
export const SIM_USER_ARN = `arn:aws:iam::${ACCOUNT_ID}:user/sim-dev`;
export const SECRET_ROLE_ARN = `arn:aws:iam::${ACCOUNT_ID}:role/secret-admin`;
export const OTHER_ROLE_ARN = `arn:aws:iam::${ACCOUNT_ID}:role/other`;
export const BUCKET_OBJECT_ARN = 'arn:aws:s3:::sim-bucket/report.csv';

const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

/** The role's inline policy, pretty-printed so statement positions are easy to read: see ROLE_INLINE_SPANS. */
export const ROLE_INLINE = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'ReadIam', Effect: 'Allow', Action: 'iam:Get*', Resource: '*' },
      { Sid: 'NotSecrets', Effect: 'Deny', Action: 'iam:GetRole', Resource: `arn:aws:iam::${ACCOUNT_ID}:role/secret-*` },
      {
        Sid: 'RunWithMfa',
        Effect: 'Allow',
        Action: 'ec2:RunInstances',
        Resource: '*',
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      },
      { Sid: 'Sqs', Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' },
    ],
  },
  null,
  2,
);

/** Where ROLE_INLINE's statements start and end (1-based line and column of `{` and `}`). */
export const ROLE_INLINE_SPANS = {
  ReadIam: { start: { line: 4, column: 5 }, end: { line: 9, column: 5 } },
  NotSecrets: { start: { line: 10, column: 5 }, end: { line: 15, column: 5 } },
  RunWithMfa: { start: { line: 16, column: 5 }, end: { line: 26, column: 5 } },
};

const S3_READER = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::sim-bucket/*' }],
});

/** The role's boundary: everything the role may do except SQS. */
const BOUNDARY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['iam:*', 's3:*', 'ec2:*'], Resource: '*' }],
});

const USER_INLINE = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: 'ec2:StopInstances',
      Resource: '*',
      Condition: { StringEquals: { 'ec2:ResourceTag/team': 'blue' } },
    },
  ],
});

/** Adds the role sim-app (inline ROLE_INLINE, managed SimS3Reader, boundary SimBoundary) and the user sim-dev. */
export function addSimulationWorld(iam: IamModel): void {
  const reader = iam.createPolicy({ policyName: 'SimS3Reader', policyDocument: S3_READER }, NOW).arn;
  const boundary = iam.createPolicy({ policyName: 'SimBoundary', policyDocument: BOUNDARY }, NOW).arn;
  iam.createRole({ roleName: 'sim-app', path: '/apps/', assumeRolePolicyDocument: TRUST, permissionsBoundary: boundary }, NOW);
  iam.putRolePolicy('sim-app', 'sim-app-inline', ROLE_INLINE);
  iam.attachRolePolicy('sim-app', reader);
  iam.createUser({ userName: 'sim-dev' }, NOW);
  iam.putUserPolicy('sim-dev', 'sim-dev-inline', USER_INLINE);
  iam.attachUserPolicy('sim-dev', reader);
}

export interface SimulationCase {
  name: string;
  principal: string;
  action: string;
  resource: string;
  context: ConditionContext;
  decision: 'allowed' | 'explicitDeny' | 'implicitDeny';
  /** SourcePolicyId of each matched statement. */
  matched: string[];
  missing: string[];
  /** PermissionsBoundaryDecisionDetail.AllowedByPermissionsBoundary; undefined without a boundary. */
  allowedByBoundary?: boolean;
}

export const SIMULATION_CASES: readonly SimulationCase[] = [
  {
    name: 'an inline Allow within the boundary',
    principal: SIM_ROLE_ARN,
    action: 'iam:GetRole',
    resource: OTHER_ROLE_ARN,
    context: {},
    decision: 'allowed',
    matched: ['sim-app-inline'],
    missing: [],
    allowedByBoundary: true,
  },
  {
    name: 'an explicit Deny beats the Allow',
    principal: SIM_ROLE_ARN,
    action: 'iam:GetRole',
    resource: SECRET_ROLE_ARN,
    context: {},
    decision: 'explicitDeny',
    matched: ['sim-app-inline'],
    missing: [],
    allowedByBoundary: true,
  },
  {
    name: 'an attached managed policy allows',
    principal: SIM_ROLE_ARN,
    action: 's3:GetObject',
    resource: BUCKET_OBJECT_ARN,
    context: {},
    decision: 'allowed',
    matched: ['SimS3Reader'],
    missing: [],
    allowedByBoundary: true,
  },
  {
    name: 'allowed by identity, limited by the boundary',
    principal: SIM_ROLE_ARN,
    action: 'sqs:SendMessage',
    resource: '*',
    context: {},
    decision: 'implicitDeny',
    matched: [],
    missing: [],
    allowedByBoundary: false,
  },
  {
    name: 'a condition key missing from the context',
    principal: SIM_ROLE_ARN,
    action: 'ec2:RunInstances',
    resource: '*',
    context: {},
    decision: 'implicitDeny',
    matched: [],
    missing: ['aws:MultiFactorAuthPresent'],
    allowedByBoundary: true,
  },
  {
    name: 'the condition key supplied',
    principal: SIM_ROLE_ARN,
    action: 'ec2:RunInstances',
    resource: '*',
    context: { 'aws:MultiFactorAuthPresent': 'true' },
    decision: 'allowed',
    matched: ['sim-app-inline'],
    missing: [],
    allowedByBoundary: true,
  },
  {
    name: 'nothing allows the action',
    principal: SIM_ROLE_ARN,
    action: 'iam:DeleteRole',
    resource: OTHER_ROLE_ARN,
    context: {},
    decision: 'implicitDeny',
    matched: [],
    missing: [],
    allowedByBoundary: true,
  },
  {
    name: 'a user without a boundary, the tag condition met',
    principal: SIM_USER_ARN,
    action: 'ec2:StopInstances',
    resource: `arn:aws:ec2:us-east-1:${ACCOUNT_ID}:instance/i-0123456789abcdef0`,
    context: { 'ec2:ResourceTag/team': 'blue' },
    decision: 'allowed',
    matched: ['sim-dev-inline'],
    missing: [],
  },
  {
    name: 'a user, the tag condition not met',
    principal: SIM_USER_ARN,
    action: 'ec2:StopInstances',
    resource: `arn:aws:ec2:us-east-1:${ACCOUNT_ID}:instance/i-0123456789abcdef0`,
    context: { 'ec2:ResourceTag/team': 'red' },
    decision: 'implicitDeny',
    matched: [],
    missing: [],
  },
  {
    name: 'a user, the tag condition key missing',
    principal: SIM_USER_ARN,
    action: 'ec2:StopInstances',
    resource: `arn:aws:ec2:us-east-1:${ACCOUNT_ID}:instance/i-0123456789abcdef0`,
    context: {},
    decision: 'implicitDeny',
    matched: [],
    missing: ['ec2:ResourceTag/team'],
  },
  {
    name: 'a user through an attached managed policy',
    principal: SIM_USER_ARN,
    action: 's3:GetObject',
    resource: BUCKET_OBJECT_ARN,
    context: {},
    decision: 'allowed',
    matched: ['SimS3Reader'],
    missing: [],
  },
];

/** A case's context as the simulator's ContextEntries (every value given as a string, one entry per key). */
export function contextEntries(context: ConditionContext): ContextEntry[] {
  return Object.entries(context).map(([name, value]) => ({
    ContextKeyName: name,
    ContextKeyType: Array.isArray(value) ? 'stringList' : 'string',
    ContextKeyValues: value === undefined ? [] : [value].flat(),
  }));
}
