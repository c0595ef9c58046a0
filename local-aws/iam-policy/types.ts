/** Condition keys and their values for one request. Keys are matched case-insensitively. */
export type ConditionContext = Record<string, string | string[] | undefined>;

export interface AuthorizationRequest {
  /** e.g. iam:CreateRole */
  action: string;
  /** e.g. arn:aws:iam::123456789012:role/MatillionRole */
  resource: string;
  /** Raw JSON texts of the identity-based policies (managed and inline) of the principal. */
  identityPolicies: readonly string[];
  /** Raw JSON text of the principal's permissions boundary, when it has one. */
  permissionsBoundary?: string;
  context: ConditionContext;
}

export type Decision =
  | { effect: 'allow' }
  | { effect: 'deny'; reason: 'explicit-identity' | 'no-identity-allow' | 'explicit-boundary' | 'no-boundary-allow' };
