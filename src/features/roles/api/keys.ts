/** Instances using roles: EC2 data across regions, refreshed after any change to a role or a profile. */
export const roleInstanceKeys = {
  all: () => ['ec2', 'instances-using-roles'] as const,
  of: (profileArns: readonly string[], regions: readonly string[]) => [...roleInstanceKeys.all(), [...profileArns].sort(), [...regions].sort()] as const,
};
