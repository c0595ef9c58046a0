/**
 * Query keys of the roles feature (used only by the queryOptions factories in this folder). IAM keys start with
 * 'iam' and carry no region; role names are case-insensitive in IAM, so keys use the lower-case name.
 * Instance-profile keys sit under ['iam', 'instance-profiles'], the prefix the instances feature also uses, so
 * one invalidation after a profile change refreshes the EC2 "Modify IAM role" drop-down too.
 */
export const roleKeys = {
  all: () => ['iam', 'roles'] as const,
  list: () => [...roleKeys.all(), 'list'] as const,
  role: (roleName: string) => [...roleKeys.all(), 'role', roleName.toLowerCase()] as const,
  detail: (roleName: string) => [...roleKeys.role(roleName), 'detail'] as const,
  attachedPolicies: (roleName: string) => [...roleKeys.role(roleName), 'attached-policies'] as const,
  inlinePolicies: (roleName: string) => [...roleKeys.role(roleName), 'inline-policies'] as const,
  tags: (roleName: string) => [...roleKeys.role(roleName), 'tags'] as const,
  profilesOfRole: (roleName: string) => [...roleKeys.role(roleName), 'instance-profiles'] as const,
};

export const profileKeys = {
  all: () => ['iam', 'instance-profiles'] as const,
  byRole: () => [...profileKeys.all(), 'by-role'] as const,
};

/** Instances using roles: EC2 data across regions, refreshed after any change to a role or a profile. */
export const roleInstanceKeys = {
  all: () => ['ec2', 'instances-using-roles'] as const,
  of: (profileArns: readonly string[], regions: readonly string[]) => [...roleInstanceKeys.all(), [...profileArns].sort(), [...regions].sort()] as const,
};

export function signalOption(signal: AbortSignal | undefined): { abortSignal?: AbortSignal } {
  return signal ? { abortSignal: signal } : {};
}
