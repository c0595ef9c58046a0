import type { EvaluationResult } from '@aws-sdk/client-iam';
import { beforeEach, describe, expect, it } from 'vitest';
import { AwsError } from '../../protocols/aws-error.ts';
import { openStore } from '../../store/store.ts';
import { IamModel } from './model.ts';
import { allowAll } from './records.ts';
import {
  addSimulationWorld,
  BUCKET_OBJECT_ARN,
  contextEntries,
  OTHER_ROLE_ARN,
  ROLE_INLINE_SPANS,
  SECRET_ROLE_ARN,
  SIM_ROLE_ARN,
  SIM_USER_ARN,
  SIMULATION_CASES,
} from './simulation-cases.ts';
import { simulatePolicies, type SimulationInput } from './simulation.ts';

let iam: IamModel;

beforeEach(() => {
  iam = new IamModel(openStore('memory'));
  addSimulationWorld(iam);
});

const ALLOW_S3 = JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:*', Resource: '*' } });

function run(input: Partial<SimulationInput> & Pick<SimulationInput, 'actionNames'>) {
  return simulatePolicies(iam, { policyInputList: [], page: {}, ...input }, allowAll);
}

function only(input: Partial<SimulationInput> & Pick<SimulationInput, 'actionNames'>): EvaluationResult {
  const results = run(input).EvaluationResults ?? [];
  expect(results).toHaveLength(1);
  return results[0]!;
}

function awsError(fn: () => unknown): AwsError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AwsError) return error;
    throw error;
  }
  throw new Error('expected an AwsError');
}

describe('SimulatePrincipalPolicy: the shared cases', () => {
  it.each(SIMULATION_CASES)('$name', (testCase) => {
    const result = only({
      policySourceArn: testCase.principal,
      actionNames: [testCase.action],
      resourceArns: [testCase.resource],
      contextEntries: contextEntries(testCase.context),
    });
    expect(result.EvalDecision).toBe(testCase.decision);
    expect(result.MatchedStatements?.map((statement) => statement.SourcePolicyId)).toEqual(testCase.matched);
    expect(result.MissingContextValues).toEqual(testCase.missing);
    const boundary =
      testCase.allowedByBoundary === undefined ? undefined : { AllowedByPermissionsBoundary: testCase.allowedByBoundary };
    expect(result.PermissionsBoundaryDecisionDetail).toEqual(boundary);
    // ResourceArns of just "*" simulate all resources: no per-resource results.
    expect(result.ResourceSpecificResults).toEqual(
      testCase.resource === '*'
        ? undefined
        : [expect.objectContaining({ EvalResourceName: testCase.resource, EvalResourceDecision: testCase.decision })],
    );
  });
});

describe('SimulatePrincipalPolicy: what a result says', () => {
  it('names the deciding statement with its policy, type and position in the stored text', () => {
    const allowed = only({ policySourceArn: SIM_ROLE_ARN, actionNames: ['iam:GetRole'] });
    expect(allowed).toEqual({
      EvalActionName: 'iam:GetRole',
      EvalResourceName: '*',
      EvalDecision: 'allowed',
      MatchedStatements: [
        {
          SourcePolicyId: 'sim-app-inline',
          SourcePolicyType: 'role',
          StartPosition: { Line: ROLE_INLINE_SPANS.ReadIam.start.line, Column: ROLE_INLINE_SPANS.ReadIam.start.column },
          EndPosition: { Line: ROLE_INLINE_SPANS.ReadIam.end.line, Column: ROLE_INLINE_SPANS.ReadIam.end.column },
        },
      ],
      MissingContextValues: [],
      PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: true },
    });
    const denied = only({ policySourceArn: SIM_ROLE_ARN, actionNames: ['iam:GetRole'], resourceArns: [SECRET_ROLE_ARN] });
    expect(denied.MatchedStatements).toEqual([
      expect.objectContaining({
        StartPosition: { Line: ROLE_INLINE_SPANS.NotSecrets.start.line, Column: ROLE_INLINE_SPANS.NotSecrets.start.column },
      }),
    ]);
    const managed = only({ policySourceArn: SIM_USER_ARN, actionNames: ['s3:GetObject'], resourceArns: [BUCKET_OBJECT_ARN] });
    expect(managed.MatchedStatements?.[0]).toMatchObject({ SourcePolicyId: 'SimS3Reader', SourcePolicyType: 'user-managed' });
  });

  it('answers one result per action: the most restrictive decision, and one result per resource', () => {
    const result = only({ policySourceArn: SIM_ROLE_ARN, actionNames: ['iam:GetRole'], resourceArns: [OTHER_ROLE_ARN, SECRET_ROLE_ARN] });
    expect(result.EvalDecision).toBe('explicitDeny');
    expect(result.EvalDecisionDetails).toEqual({});
    expect(result.ResourceSpecificResults?.map((specific) => [specific.EvalResourceName, specific.EvalResourceDecision])).toEqual([
      [OTHER_ROLE_ARN, 'allowed'],
      [SECRET_ROLE_ARN, 'explicitDeny'],
    ]);
    expect(result.MatchedStatements?.map((statement) => statement.StartPosition?.Line)).toEqual([ROLE_INLINE_SPANS.NotSecrets.start.line]);
  });

  it('adds PolicyInputList policies and replaces the boundary with PermissionsBoundaryPolicyInputList', () => {
    const added = only({ policySourceArn: SIM_USER_ARN, actionNames: ['s3:PutObject'], policyInputList: [ALLOW_S3] });
    expect(added.EvalDecision).toBe('allowed');
    expect(added.MatchedStatements).toEqual([
      { SourcePolicyId: 'PolicyInputList.1', SourcePolicyType: 'none', StartPosition: { Line: 1, Column: 37 }, EndPosition: { Line: 1, Column: 85 } },
    ]);
    const bounded = only({
      policySourceArn: SIM_ROLE_ARN,
      actionNames: ['iam:GetRole'],
      permissionsBoundaryPolicyInputList: [ALLOW_S3],
    });
    expect(bounded.EvalDecision).toBe('implicitDeny');
    expect(bounded.PermissionsBoundaryDecisionDetail).toEqual({ AllowedByPermissionsBoundary: false });
  });

  it('simulates custom policies alone', () => {
    const result = only({ actionNames: ['s3:GetObject'], policyInputList: [ALLOW_S3], permissionsBoundaryPolicyInputList: [ALLOW_S3] });
    expect(result).toMatchObject({ EvalDecision: 'allowed', PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: true } });
    expect(only({ actionNames: ['iam:GetRole'], policyInputList: [ALLOW_S3] }).EvalDecision).toBe('implicitDeny');
  });

  it('pages by action with Marker and MaxItems', () => {
    const actionNames = ['iam:GetRole', 'iam:GetPolicy', 's3:GetObject'];
    const first = run({ policySourceArn: SIM_ROLE_ARN, actionNames, page: { maxItems: 2 } });
    expect(first.EvaluationResults?.map((result) => result.EvalActionName)).toEqual(['iam:GetRole', 'iam:GetPolicy']);
    expect(first.IsTruncated).toBe(true);
    const second = run({ policySourceArn: SIM_ROLE_ARN, actionNames, page: { maxItems: 2, marker: first.Marker } });
    expect(second.EvaluationResults?.map((result) => result.EvalActionName)).toEqual(['s3:GetObject']);
    expect(second).toMatchObject({ IsTruncated: false, Marker: undefined });
  });
});

describe('SimulatePrincipalPolicy: errors', () => {
  it.each([
    ['an unknown role', `arn:aws:iam::123456789012:role/nobody`, 'The role with name nobody cannot be found.'],
    ['an unknown user', `arn:aws:iam::123456789012:user/nobody`, 'The user with name nobody cannot be found.'],
    ['a group (local AWS has none)', `arn:aws:iam::123456789012:group/devs`, 'The group with name devs cannot be found.'],
  ])('NoSuchEntity for %s', (_what, policySourceArn, message) => {
    const error = awsError(() => run({ policySourceArn, actionNames: ['iam:GetRole'] }));
    expect([error.code, error.message, error.status]).toEqual(['NoSuchEntity', message, 404]);
  });

  it.each([
    ['a PolicySourceArn that is no ARN', { policySourceArn: 'not-an-arn-at-all-xyz' }],
    ['an action with a wildcard', { actionNames: ['iam:Get*'] }],
    ['an action without a service', { actionNames: ['GetRole'] }],
    ['a resource that is no ARN', { resourceArns: ['bucket'] }],
    ['a malformed policy', { policyInputList: ['{"Version":'] }],
    ['two boundaries', { permissionsBoundaryPolicyInputList: [ALLOW_S3, ALLOW_S3] }],
    ['a CallerArn that is a role', { callerArn: OTHER_ROLE_ARN }],
    ['a ResourcePolicy without CallerArn for a role', { resourcePolicy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}]}' }],
    ['a ResourceOwner that is not an account', { resourceOwner: OTHER_ROLE_ARN }],
    ['an unknown ResourceHandlingOption', { resourceHandlingOption: 'EC2-Mars' }],
    ['a boolean context value that is not one', { contextEntries: [{ ContextKeyName: 'aws:MultiFactorAuthPresent', ContextKeyType: 'boolean', ContextKeyValues: ['yes'] }] }],
    ['two values for a single-valued key', { contextEntries: [{ ContextKeyName: 'aws:SourceIp', ContextKeyType: 'ip', ContextKeyValues: ['10.0.0.1', '10.0.0.2'] }] }],
    ['an unknown context type', { contextEntries: [{ ContextKeyName: 'aws:SourceIp', ContextKeyType: 'color' as 'ip', ContextKeyValues: ['red'] }] }],
    ['a bad Marker', { page: { marker: 'garbage' } }],
  ] as const)('InvalidInput for %s', (_what, change) => {
    const error = awsError(() => run({ policySourceArn: SIM_ROLE_ARN, actionNames: ['iam:GetRole'], ...change }));
    expect([error.code, error.status]).toEqual(['InvalidInput', 400]);
  });

  it('refuses MaxItems outside 1–1000 as IAM does', () => {
    const error = awsError(() => run({ policySourceArn: SIM_ROLE_ARN, actionNames: ['iam:GetRole'], page: { maxItems: 0 } }));
    expect(error.code).toBe('ValidationError');
  });

  it('checks constraints before authorizing, and authorizes before looking up the principal', () => {
    const calls: string[] = [];
    const authorize = (action: string, resource: string) => {
      calls.push(`${action} ${resource}`);
      throw new AwsError('AccessDenied', 'no', 403);
    };
    const missing = 'arn:aws:iam::123456789012:role/nobody';
    expect(awsError(() => simulatePolicies(iam, { policySourceArn: missing, policyInputList: [], actionNames: ['iam:GetRole'], page: {} }, authorize)).code).toBe('AccessDenied');
    expect(awsError(() => simulatePolicies(iam, { policyInputList: [ALLOW_S3], actionNames: ['iam:GetRole'], page: {} }, authorize)).code).toBe('AccessDenied');
    expect(calls).toEqual([`iam:SimulatePrincipalPolicy ${missing}`, 'iam:SimulateCustomPolicy *']);
  });
});
