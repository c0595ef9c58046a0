/**
 * RequestContext.authorize: evaluates the caller's identity policies (and permissions boundary)
 * for one action on one resource, with AWS's global condition keys added, and throws the
 * service's AccessDenied / UnauthorizedOperation when the answer is no.
 */
import { denialReason, evaluate } from '../iam-policy/evaluate.ts';
import type { ConditionContext } from '../iam-policy/types.ts';
import type { Caller, ServiceDefinition } from '../protocols/operation.ts';

export interface PrincipalPolicySource {
  principalPolicies(principalArn: string): { identityPolicies: string[]; permissionsBoundary?: string } | undefined;
}

export interface AuthorizationScope {
  service: ServiceDefinition;
  caller: Caller | undefined;
  region: string;
  now: Date;
  /** Address of the client, without the IPv4-mapped prefix. */
  sourceIp: string;
}

/** Actions AWS answers for every authenticated caller, whatever the policies say. */
const ALWAYS_ALLOWED = new Set(['sts:getcalleridentity']);

function principalType(arn: string): string {
  if (arn.includes(':assumed-role/')) return 'AssumedRole';
  if (arn.includes(':user/')) return 'User';
  if (arn.endsWith(':root')) return 'Account';
  return 'Unknown';
}

/** The global condition keys of a request (IAM User Guide, "AWS global condition context keys"). */
export function globalConditionKeys(scope: AuthorizationScope): ConditionContext {
  const caller = scope.caller;
  const context: ConditionContext = {
    'aws:RequestedRegion': scope.region,
    'aws:CurrentTime': `${scope.now.toISOString().slice(0, 19)}Z`,
    'aws:EpochTime': String(Math.floor(scope.now.getTime() / 1000)),
    'aws:SecureTransport': 'false',
    'aws:SourceIp': scope.sourceIp,
  };
  if (caller) {
    const type = principalType(caller.arn);
    context['aws:PrincipalArn'] = caller.principalArn;
    context['aws:PrincipalAccount'] = caller.accountId;
    context['aws:PrincipalType'] = type;
    context['aws:userid'] = caller.userId;
    if (type === 'User') context['aws:username'] = caller.arn.slice(caller.arn.lastIndexOf('/') + 1);
  }
  return context;
}

/**
 * One per request. `called` records whether the handler asked for authorization at least once:
 * the server refuses to commit a signed, non-public operation that never did.
 */
export class RequestAuthorizer {
  called = false;
  private globals: ConditionContext | undefined;

  constructor(
    private readonly policies: PrincipalPolicySource,
    private readonly scope: AuthorizationScope,
  ) {}

  readonly authorize = (action: string, resource: string, conditions?: ConditionContext): void => {
    this.called = true;
    const caller = this.scope.caller;
    if (caller && ALWAYS_ALLOWED.has(action.toLowerCase())) return;
    const who = caller?.arn ?? 'anonymous';
    const principal = caller ? this.policies.principalPolicies(caller.principalArn) : undefined;
    this.globals ??= globalConditionKeys(this.scope);
    const decision = evaluate({
      action,
      resource,
      identityPolicies: principal?.identityPolicies ?? [],
      permissionsBoundary: principal?.permissionsBoundary,
      context: conditions ? { ...this.globals, ...conditions } : this.globals,
    });
    if (decision.effect === 'allow') return;
    throw this.scope.service.accessDenied(
      `User: ${who} is not authorized to perform: ${action} on resource: ${resource} ${denialReason(decision, action)}`,
    );
  };
}
