/**
 * The policy simulator's view of one request: the same statement matching and the same `decide` as `evaluate`
 * (which authorizes every real call), plus what the simulator reports on top: which statements decided, where
 * they are in their policy's text, which condition keys the request lacked, and what the boundary said.
 * `evaluate` stops at the first Deny; this reads every statement, which cannot change the outcome.
 */
import { compiledPolicy, type CompiledStatement } from './compile.ts';
import { conditionsHold, contextLookup, decide, statementTargets, type Outcome } from './evaluate.ts';
import type { VariableLookup } from './pattern.ts';
import { statementSpans, type StatementSpan } from './positions.ts';
import type { ConditionContext, Decision } from './types.ts';

/** IAM's PolicySourceType: whose policy a statement came from. */
export type PolicySourceType = 'user' | 'group' | 'role' | 'aws-managed' | 'user-managed' | 'resource' | 'none';

export interface PolicySource {
  /** Inline or managed policy name, or `PolicyInputList.N` for a policy given in the request. */
  id: string;
  type: PolicySourceType;
  document: string;
}

export interface SimulationRequest {
  action: string;
  resource: string;
  identityPolicies: readonly PolicySource[];
  permissionsBoundary?: PolicySource;
  context: ConditionContext;
}

export interface MatchedStatement extends StatementSpan {
  source: PolicySource;
}

export interface Simulation {
  decision: Decision;
  /**
   * The statements that decided: the Denies (identity or boundary) for an explicit deny, the identity policies'
   * Allows for an allow (a boundary only limits, it grants nothing), none for an implicit deny.
   */
  matchedStatements: MatchedStatement[];
  /** Condition keys of the statements that cover the action and resource, absent from the context (first spelling kept). */
  missingContextKeys: string[];
  /** Undefined without a boundary. */
  allowedByBoundary?: boolean;
}

interface Applied {
  source: PolicySource;
  statement: CompiledStatement;
}

interface GroupResult {
  outcome: Outcome;
  applied: Applied[];
}

function evaluateGroup(
  sources: readonly PolicySource[],
  action: string,
  resource: string,
  lookup: VariableLookup,
  missing: Map<string, string>,
): GroupResult {
  const applied: Applied[] = [];
  for (const source of sources) {
    for (const statement of compiledPolicy(source.document).statements) {
      if (!statementTargets(statement, action, resource, lookup)) continue;
      for (const condition of statement.conditions) {
        if (lookup(condition.key) === undefined && !missing.has(condition.key)) missing.set(condition.key, condition.name);
      }
      if (conditionsHold(statement, lookup)) applied.push({ source, statement });
    }
  }
  const outcome = applied.some((entry) => entry.statement.effect === 'Deny')
    ? 'deny'
    : applied.length > 0
      ? 'allow'
      : 'none';
  return { outcome, applied };
}

function matched(applied: readonly Applied[], effect: 'Allow' | 'Deny'): MatchedStatement[] {
  const out: MatchedStatement[] = [];
  for (const { source, statement } of applied) {
    if (statement.effect !== effect) continue;
    const span = statementSpans(source.document)?.[statement.index];
    if (span) out.push({ source, ...span });
  }
  return out;
}

export function simulate(request: SimulationRequest): Simulation {
  const lookup = contextLookup(request.context);
  const action = request.action.toLowerCase();
  const missing = new Map<string, string>();
  const identity = evaluateGroup(request.identityPolicies, action, request.resource, lookup, missing);
  const boundary = request.permissionsBoundary
    ? evaluateGroup([request.permissionsBoundary], action, request.resource, lookup, missing)
    : undefined;
  const decision = decide(identity.outcome, boundary?.outcome);
  const matchedStatements =
    decision.effect === 'allow'
      ? matched(identity.applied, 'Allow')
      : decision.reason === 'explicit-identity' || decision.reason === 'explicit-boundary'
        ? matched([...identity.applied, ...(boundary?.applied ?? [])], 'Deny')
        : [];
  return {
    decision,
    matchedStatements,
    missingContextKeys: [...missing.values()],
    ...(boundary ? { allowedByBoundary: boundary.outcome === 'allow' } : {}),
  };
}
