/**
 * IAM's policy simulator: SimulatePrincipalPolicy (a role's own policies) and SimulateCustomPolicy (policies
 * that do not exist yet, such as the wizard's draft), flattened to one row per action × resource. Neither call
 * changes anything, so read-only users may run them too.
 */
import {
  paginateSimulateCustomPolicy,
  paginateSimulatePrincipalPolicy,
  type ContextEntry,
  type EvaluationResult,
  type Statement,
} from '@aws-sdk/client-iam';
import { iamClient } from './clients.ts';
import { signalOption } from './iam-queries.ts';

export type SimulationDecision = 'allowed' | 'explicitDeny' | 'implicitDeny';

export interface SimulationContextEntry {
  key: string;
  type: NonNullable<ContextEntry['ContextKeyType']>;
  /** One value, or several for the list types (the form splits them on commas). */
  values: string[];
}

export interface SimulationRequest {
  actions: string[];
  resources: string[];
  context: SimulationContextEntry[];
}

/** Where a matched statement sits in its policy's text: 1-based lines and columns of its `{` and `}`. */
export interface MatchedStatement {
  policyId: string;
  policyType: string;
  start: { line: number; column: number };
  end: { line: number; column: number };
}

export interface SimulationRow {
  action: string;
  resource: string;
  decision: SimulationDecision;
  matchedStatements: MatchedStatement[];
  missingContextKeys: string[];
  /** The permissions boundary's own decision, when a boundary took part. */
  boundaryAllows?: boolean;
}

const PAGE_SIZE = 100;

function toMatched(statements: Statement[] | undefined): MatchedStatement[] {
  return (statements ?? []).map((statement) => ({
    policyId: statement.SourcePolicyId ?? '',
    policyType: statement.SourcePolicyType ?? '',
    start: { line: statement.StartPosition?.Line ?? 0, column: statement.StartPosition?.Column ?? 0 },
    end: { line: statement.EndPosition?.Line ?? 0, column: statement.EndPosition?.Column ?? 0 },
  }));
}

function toDecision(value: string | undefined): SimulationDecision {
  return value === 'allowed' || value === 'explicitDeny' ? value : 'implicitDeny';
}

/** One row per resource of a result (ResourceSpecificResults), or one for the action when AWS gave none. */
export function rowsOfResult(result: EvaluationResult): SimulationRow[] {
  const action = result.EvalActionName ?? '';
  const perResource = result.ResourceSpecificResults ?? [];
  if (perResource.length === 0) {
    return [
      {
        action,
        resource: result.EvalResourceName ?? '*',
        decision: toDecision(result.EvalDecision),
        matchedStatements: toMatched(result.MatchedStatements),
        missingContextKeys: result.MissingContextValues ?? [],
        ...(result.PermissionsBoundaryDecisionDetail ? { boundaryAllows: result.PermissionsBoundaryDecisionDetail.AllowedByPermissionsBoundary === true } : {}),
      },
    ];
  }
  return perResource.map((specific) => ({
    action,
    resource: specific.EvalResourceName ?? '*',
    decision: toDecision(specific.EvalResourceDecision),
    matchedStatements: toMatched(specific.MatchedStatements),
    missingContextKeys: specific.MissingContextValues ?? [],
    ...(specific.PermissionsBoundaryDecisionDetail ? { boundaryAllows: specific.PermissionsBoundaryDecisionDetail.AllowedByPermissionsBoundary === true } : {}),
  }));
}

function wireInput(request: SimulationRequest) {
  return {
    ActionNames: request.actions,
    ResourceArns: request.resources,
    ...(request.context.length > 0
      ? { ContextEntries: request.context.map((entry) => ({ ContextKeyName: entry.key, ContextKeyType: entry.type, ContextKeyValues: entry.values })) }
      : {}),
  };
}

/** SimulatePrincipalPolicy for a role (or user) ARN, every Marker page read. */
export async function simulatePrincipalPolicy(principalArn: string, request: SimulationRequest, signal?: AbortSignal): Promise<SimulationRow[]> {
  const rows: SimulationRow[] = [];
  const pages = paginateSimulatePrincipalPolicy(
    { client: iamClient(), pageSize: PAGE_SIZE },
    { PolicySourceArn: principalArn, ...wireInput(request) },
    signalOption(signal),
  );
  for await (const page of pages) rows.push(...(page.EvaluationResults ?? []).flatMap(rowsOfResult));
  return rows;
}

/**
 * SimulateCustomPolicy: `policies` are identity policy texts (IAM names them PolicyInputList.1, .2… in matched
 * statements), `boundary` the permissions boundary's text.
 */
export async function simulateCustomPolicy(
  policies: string[],
  boundary: string | undefined,
  request: SimulationRequest,
  signal?: AbortSignal,
): Promise<SimulationRow[]> {
  const rows: SimulationRow[] = [];
  const pages = paginateSimulateCustomPolicy(
    { client: iamClient(), pageSize: PAGE_SIZE },
    { PolicyInputList: policies, ...(boundary ? { PermissionsBoundaryPolicyInputList: [boundary] } : {}), ...wireInput(request) },
    signalOption(signal),
  );
  for await (const page of pages) rows.push(...(page.EvaluationResults ?? []).flatMap(rowsOfResult));
  return rows;
}

/** The name IAM gives the n-th (0-based) policy of a SimulateCustomPolicy PolicyInputList in matched statements. */
export function customPolicyId(index: number): string {
  return `PolicyInputList.${index + 1}`;
}
