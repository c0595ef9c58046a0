import { describe, expect, it } from 'vitest';
import { customPolicyId, rowsOfResult } from './simulate.ts';

const STATEMENT = { SourcePolicyId: 'S3-Permissions', SourcePolicyType: 'role' as const, StartPosition: { Line: 3, Column: 5 }, EndPosition: { Line: 7, Column: 6 } };

describe('rowsOfResult', () => {
  it('gives one row per resource-specific result, each with its own decision and statements', () => {
    const rows = rowsOfResult({
      EvalActionName: 's3:GetObject',
      EvalResourceName: '*',
      EvalDecision: 'implicitDeny',
      ResourceSpecificResults: [
        { EvalResourceName: 'arn:aws:s3:::example-bucket/key', EvalResourceDecision: 'allowed', MatchedStatements: [STATEMENT] },
        { EvalResourceName: 'arn:aws:s3:::example-bucket', EvalResourceDecision: 'implicitDeny', MissingContextValues: ['aws:SourceIp'] },
      ],
    });
    expect(rows).toEqual([
      {
        action: 's3:GetObject',
        resource: 'arn:aws:s3:::example-bucket/key',
        decision: 'allowed',
        matchedStatements: [{ policyId: 'S3-Permissions', policyType: 'role', start: { line: 3, column: 5 }, end: { line: 7, column: 6 } }],
        missingContextKeys: [],
      },
      { action: 's3:GetObject', resource: 'arn:aws:s3:::example-bucket', decision: 'implicitDeny', matchedStatements: [], missingContextKeys: ['aws:SourceIp'] },
    ]);
  });

  it('gives the action-level row when there are no resource-specific results, with the boundary decision', () => {
    const [row] = rowsOfResult({
      EvalActionName: 's3:DeleteBucket',
      EvalResourceName: '*',
      EvalDecision: 'explicitDeny',
      MatchedStatements: [STATEMENT],
      PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: false },
    });
    expect(row).toMatchObject({ action: 's3:DeleteBucket', resource: '*', decision: 'explicitDeny', boundaryAllows: false });
  });
});

describe('customPolicyId', () => {
  it('names policies as IAM does in SimulateCustomPolicy answers, from 1', () => {
    expect(customPolicyId(0)).toBe('PolicyInputList.1');
  });
});
