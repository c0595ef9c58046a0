import { evaluate } from '../../iam-policy/evaluate.ts';
import type { ConditionContext } from '../../iam-policy/types.ts';

type Statement = Record<string, unknown>;

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/** True when the statement's Principal names the federated provider (or everyone). */
function namesFederatedPrincipal(statement: Statement, provider: string): boolean {
  const principal = statement.Principal;
  if (principal === '*') return true;
  if (typeof principal !== 'object' || principal === null) return false;
  const byType = principal as Record<string, unknown>;
  return asList(byType.Federated).includes(provider) || asList(byType.AWS).includes('*');
}

/**
 * Whether a role's trust policy lets `provider` (e.g. cognito-identity.amazonaws.com) perform `action`
 * (sts:AssumeRoleWithWebIdentity) with the given condition keys. The statements that name the principal
 * are evaluated by the shared policy engine (Action/NotAction, Conditions, explicit Deny), with the
 * Principal element replaced by Resource "*".
 */
export function trustPolicyAllows(documentJson: string, provider: string, action: string, roleArn: string, context: ConditionContext): boolean {
  let document: unknown;
  try {
    document = JSON.parse(documentJson);
  } catch {
    return false;
  }
  if (typeof document !== 'object' || document === null) return false;
  const { Statement: statements, ...rest } = document as Record<string, unknown>;
  const applicable = asList(statements)
    .filter((s): s is Statement => typeof s === 'object' && s !== null && namesFederatedPrincipal(s as Statement, provider))
    .map(({ Principal: _principal, NotPrincipal: _notPrincipal, ...statement }) => ({ ...statement, Resource: '*' }));
  if (applicable.length === 0) return false;
  const decision = evaluate({
    action,
    resource: roleArn,
    identityPolicies: [JSON.stringify({ ...rest, Statement: applicable })],
    context,
  });
  return decision.effect === 'allow';
}
