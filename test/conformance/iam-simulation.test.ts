/**
 * IAM's policy simulator through the real AWS CLI: `aws iam simulate-principal-policy` and
 * `simulate-custom-policy` give AWS's documented output shape (EvaluationResult, Statement with Position,
 * PermissionsBoundaryDecisionDetail, ResourceSpecificResult) for allow, explicit deny, boundary-limited and
 * missing-context cases, page with Marker/IsTruncated, and answer NoSuchEntity and InvalidInput as AWS does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aws, cliError, fileArg, startServer, type CliResult, type StartedServer } from './cli.ts';

const ACCOUNT = '123456789012';
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/apps/sim-app`;
const SECRET_ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/secret-admin`;
const OTHER_ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/other`;
const TRUST = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};
/** Pretty-printed, so each statement's braces sit at column 5 of the lines noted beside it. */
const INLINE = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'ReadIam', Effect: 'Allow', Action: 'iam:Get*', Resource: '*' }, // lines 4–9
      { Sid: 'NotSecrets', Effect: 'Deny', Action: 'iam:GetRole', Resource: `arn:aws:iam::${ACCOUNT}:role/secret-*` }, // 10–15
      {
        Sid: 'RunWithMfa',
        Effect: 'Allow',
        Action: 'ec2:RunInstances',
        Resource: '*',
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      }, // 16–26
      { Sid: 'Sqs', Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }, // 27–32
    ],
  },
  null,
  2,
);
const BOUNDARY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:*', 'ec2:*'], Resource: '*' }] };
const ALLOW_S3 = '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}';

const inlineStatement = (startLine: number, endLine: number) => ({
  SourcePolicyId: 'sim-app-inline',
  SourcePolicyType: 'role',
  StartPosition: { Line: startLine, Column: 5 },
  EndPosition: { Line: endLine, Column: 5 },
});

let server: StartedServer;

type Json = Record<string, unknown>;

function ok(result: CliResult): Json {
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return (result.json ?? {}) as Json;
}

function failed(result: CliResult, code: string, operation: string, message: string): void {
  expect(result.stderr.trim()).toBe(cliError(code, operation, message));
  expect(result.status).toBe(254);
}

function simulatePrincipal(...args: string[]): Promise<CliResult> {
  return aws(['iam', 'simulate-principal-policy', '--policy-source-arn', ROLE_ARN, ...args]);
}

beforeAll(async () => {
  server = await startServer();
  const { Policy } = ok(
    await aws(['iam', 'create-policy', '--policy-name', 'SimBoundary', '--policy-document', fileArg(JSON.stringify(BOUNDARY))]),
  ) as { Policy: { Arn: string } };
  ok(
    await aws([
      'iam', 'create-role', '--role-name', 'sim-app', '--path', '/apps/',
      '--assume-role-policy-document', fileArg(JSON.stringify(TRUST)), '--permissions-boundary', Policy.Arn,
    ]),
  );
  ok(await aws(['iam', 'put-role-policy', '--role-name', 'sim-app', '--policy-name', 'sim-app-inline', '--policy-document', fileArg(INLINE)]));
});

afterAll(async () => {
  await server?.close();
});

describe('simulate-principal-policy', () => {
  it('allow: the deciding statement with its policy, type and position, within the boundary', async () => {
    const output = ok(await simulatePrincipal('--action-names', 'iam:GetRole'));
    expect(output).toEqual({
      EvaluationResults: [
        {
          EvalActionName: 'iam:GetRole',
          EvalResourceName: '*',
          EvalDecision: 'allowed',
          MatchedStatements: [inlineStatement(4, 9)],
          MissingContextValues: [],
          PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: true },
        },
      ],
    });
  });

  it('explicit deny: the Deny statement alone, and one result per resource', async () => {
    const output = ok(await simulatePrincipal('--action-names', 'iam:GetRole', '--resource-arns', OTHER_ROLE_ARN, SECRET_ROLE_ARN));
    expect(output).toEqual({
      EvaluationResults: [
        {
          EvalActionName: 'iam:GetRole',
          EvalResourceName: '*',
          EvalDecision: 'explicitDeny',
          MatchedStatements: [inlineStatement(10, 15)],
          MissingContextValues: [],
          EvalDecisionDetails: {},
          PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: true },
          ResourceSpecificResults: [
            {
              EvalResourceName: OTHER_ROLE_ARN,
              EvalResourceDecision: 'allowed',
              MatchedStatements: [inlineStatement(4, 9)],
              MissingContextValues: [],
              PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: true },
            },
            {
              EvalResourceName: SECRET_ROLE_ARN,
              EvalResourceDecision: 'explicitDeny',
              MatchedStatements: [inlineStatement(10, 15)],
              MissingContextValues: [],
              PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: true },
            },
          ],
        },
      ],
    });
  });

  it('boundary-limited: allowed by the role policy, not by its boundary, so implicitDeny', async () => {
    const [result] = ok(await simulatePrincipal('--action-names', 'sqs:SendMessage')).EvaluationResults as Json[];
    expect(result).toEqual({
      EvalActionName: 'sqs:SendMessage',
      EvalResourceName: '*',
      EvalDecision: 'implicitDeny',
      MatchedStatements: [],
      MissingContextValues: [],
      PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: false },
    });
  });

  it('missing context: names the condition key, and allows once it is given', async () => {
    const [missing] = ok(await simulatePrincipal('--action-names', 'ec2:RunInstances')).EvaluationResults as Json[];
    expect(missing).toMatchObject({ EvalDecision: 'implicitDeny', MatchedStatements: [], MissingContextValues: ['aws:MultiFactorAuthPresent'] });
    const [given] = ok(
      await simulatePrincipal(
        '--action-names', 'ec2:RunInstances',
        '--context-entries', 'ContextKeyName=aws:MultiFactorAuthPresent,ContextKeyValues=true,ContextKeyType=boolean',
      ),
    ).EvaluationResults as Json[];
    expect(given).toMatchObject({ EvalDecision: 'allowed', MatchedStatements: [inlineStatement(16, 26)], MissingContextValues: [] });
  });

  it('pages: MaxItems and Marker as sent, IsTruncated, and the CLI following Marker across pages of one', async () => {
    const actions = ['iam:GetRole', 'iam:GetPolicy', 'iam:DeleteRole'];
    const raw = (extra: Json) =>
      aws([
        'iam', 'simulate-principal-policy', '--no-paginate',
        '--cli-input-json', JSON.stringify({ PolicySourceArn: ROLE_ARN, ActionNames: actions, MaxItems: 2, ...extra }),
      ]);
    const first = ok(await raw({}));
    expect((first.EvaluationResults as Json[]).map((result) => result.EvalActionName)).toEqual(['iam:GetRole', 'iam:GetPolicy']);
    expect(first).toMatchObject({ IsTruncated: true, Marker: expect.any(String) });
    const rest = ok(await raw({ Marker: first.Marker }));
    expect((rest.EvaluationResults as Json[]).map((result) => result.EvalActionName)).toEqual(['iam:DeleteRole']);
    expect(rest.IsTruncated).toBe(false);
    expect(rest.Marker).toBeUndefined();

    const all = ok(await simulatePrincipal('--action-names', ...actions, '--page-size', '1'));
    expect((all.EvaluationResults as Json[]).map((result) => [result.EvalActionName, result.EvalDecision])).toEqual([
      ['iam:GetRole', 'allowed'],
      ['iam:GetPolicy', 'allowed'],
      ['iam:DeleteRole', 'implicitDeny'],
    ]);
  });

  it('answers NoSuchEntity for a principal that does not exist', async () => {
    const result = await aws([
      'iam', 'simulate-principal-policy', '--policy-source-arn', `arn:aws:iam::${ACCOUNT}:role/nobody`, '--action-names', 'iam:GetRole',
    ]);
    failed(result, 'NoSuchEntity', 'SimulatePrincipalPolicy', 'The role with name nobody cannot be found.');
  });
});

describe('simulate-custom-policy', () => {
  it('simulates the given policies and boundary alone', async () => {
    const output = ok(
      await aws([
        'iam', 'simulate-custom-policy', '--policy-input-list', ALLOW_S3,
        '--permissions-boundary-policy-input-list', ALLOW_S3, '--action-names', 's3:GetObject', 'iam:GetRole',
      ]),
    );
    expect(output).toEqual({
      EvaluationResults: [
        {
          EvalActionName: 's3:GetObject',
          EvalResourceName: '*',
          EvalDecision: 'allowed',
          MatchedStatements: [
            {
              SourcePolicyId: 'PolicyInputList.1',
              SourcePolicyType: 'none',
              StartPosition: { Line: 1, Column: 37 },
              EndPosition: { Line: 1, Column: 85 },
            },
          ],
          MissingContextValues: [],
          PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: true },
        },
        {
          EvalActionName: 'iam:GetRole',
          EvalResourceName: '*',
          EvalDecision: 'implicitDeny',
          MatchedStatements: [],
          MissingContextValues: [],
          PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: false },
        },
      ],
    });
  });

  it('answers InvalidInput for a malformed policy and for an action with a wildcard', async () => {
    failed(
      await aws(['iam', 'simulate-custom-policy', '--policy-input-list', '{"Version":', '--action-names', 's3:GetObject']),
      'InvalidInput',
      'SimulateCustomPolicy',
      'Syntax errors in policy.',
    );
    const wildcard = await aws(['iam', 'simulate-custom-policy', '--policy-input-list', ALLOW_S3, '--action-names', 's3:*']);
    expect(wildcard.stderr).toContain('An error occurred (InvalidInput) when calling the SimulateCustomPolicy operation:');
    expect(wildcard.status).toBe(254);
  });
});
