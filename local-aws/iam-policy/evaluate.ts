/**
 * Identity-based policy evaluation for one account (IAM User Guide, "Policy evaluation logic"):
 * an explicit Deny in any applicable policy wins; otherwise an identity-based policy must allow
 * the request and, when the principal has a permissions boundary, so must the boundary.
 * Resource-based policies, SCPs and session policies are out of scope.
 */
import { compiledPolicy, type CompiledStatement } from './compile.ts';
import { conditionHolds } from './conditions.ts';
import { globMatch, resolveTemplate, resourceMatch, type VariableLookup } from './pattern.ts';
import type { AuthorizationRequest, ConditionContext, Decision } from './types.ts';

/** What one set of policies (the identity policies, or the boundary) says about a request. */
export type Outcome = 'deny' | 'allow' | 'none';

type DenyReason = Extract<Decision, { effect: 'deny' }>['reason'];

export function contextLookup(context: ConditionContext): VariableLookup {
  const values = new Map<string, readonly string[]>();
  for (const [key, value] of Object.entries(context)) {
    if (value === undefined) continue;
    values.set(key.toLowerCase(), typeof value === 'string' ? [value] : value);
  }
  return (lowerCaseKey) => values.get(lowerCaseKey);
}

function actionMatches(statement: CompiledStatement, action: string): boolean {
  let listed = false;
  for (const glob of statement.actions) {
    if (globMatch(glob, action)) {
      listed = true;
      break;
    }
  }
  return statement.actionNegated ? !listed : listed;
}

function resourceMatches(statement: CompiledStatement, resource: string, lookup: VariableLookup): boolean {
  let listed = false;
  for (const template of statement.resources) {
    const glob = resolveTemplate(template, lookup);
    if (glob && resourceMatch(glob, resource)) {
      listed = true;
      break;
    }
  }
  return statement.resourceNegated ? !listed : listed;
}

/** True when the statement's Action/NotAction and Resource/NotResource cover the request. `action` is lower-cased. */
export function statementTargets(
  statement: CompiledStatement,
  action: string,
  resource: string,
  lookup: VariableLookup,
): boolean {
  return actionMatches(statement, action) && resourceMatches(statement, resource, lookup);
}

export function conditionsHold(statement: CompiledStatement, lookup: VariableLookup): boolean {
  for (const condition of statement.conditions) {
    if (!conditionHolds(condition, lookup)) return false;
  }
  return true;
}

function evaluatePolicies(
  policyTexts: readonly string[],
  action: string,
  resource: string,
  lookup: VariableLookup,
): Outcome {
  let allowed = false;
  for (const text of policyTexts) {
    for (const statement of compiledPolicy(text).statements) {
      // Once allowed, only a Deny can still change the outcome.
      if (allowed && statement.effect === 'Allow') continue;
      if (!statementTargets(statement, action, resource, lookup) || !conditionsHold(statement, lookup)) continue;
      if (statement.effect === 'Deny') return 'deny';
      allowed = true;
    }
  }
  return allowed ? 'allow' : 'none';
}

function deny(reason: DenyReason): Decision {
  return { effect: 'deny', reason };
}

/** The decision from what the identity policies and the boundary (undefined: none) say. */
export function decide(identity: Outcome, boundary: Outcome | undefined): Decision {
  if (identity === 'deny') return deny('explicit-identity');
  if (boundary === 'deny') return deny('explicit-boundary');
  if (identity !== 'allow') return deny('no-identity-allow');
  if (boundary !== undefined && boundary !== 'allow') return deny('no-boundary-allow');
  return { effect: 'allow' };
}

export function evaluate(request: AuthorizationRequest): Decision {
  const lookup = contextLookup(request.context);
  // Action names are case-insensitive: patterns were lower-cased when compiled.
  const action = request.action.toLowerCase();
  const identity = evaluatePolicies(request.identityPolicies, action, request.resource, lookup);
  if (identity === 'deny') return decide(identity, undefined);
  const boundary =
    request.permissionsBoundary === undefined
      ? undefined
      : evaluatePolicies([request.permissionsBoundary], action, request.resource, lookup);
  return decide(identity, boundary);
}

/**
 * The tail of AWS's AccessDenied message, after "User: X is not authorized to perform: A on
 * resource: R " (IAM User Guide, "Troubleshoot access denied error messages"). Explicit denies
 * read "with an explicit deny in ...", implicit ones "because no ... allows the A action".
 */
export function denialReason(decision: Decision, action: string): string {
  if (decision.effect === 'allow') return '';
  switch (decision.reason) {
    case 'explicit-identity':
      return 'with an explicit deny in an identity-based policy';
    case 'explicit-boundary':
      return 'with an explicit deny in a permissions boundary';
    case 'no-identity-allow':
      return `because no identity-based policy allows the ${action} action`;
    case 'no-boundary-allow':
      return `because no permissions boundary allows the ${action} action`;
  }
}
