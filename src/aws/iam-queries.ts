/**
 * The one home of the IAM role and instance-profile query keys, and the one cached walk of each list.
 * Features read the walks through `select` (their own views of the same entry) and every mutation that
 * changes roles or profiles invalidates these keys, so a change shows everywhere at once. IAM is global:
 * keys carry no region. Role names are case-insensitive in IAM, so per-role keys use the lower-case name.
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { paginateListInstanceProfiles, paginateListRoles, type InstanceProfile, type Role } from '@aws-sdk/client-iam';
import { iamClient } from './clients.ts';

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

export const instanceProfileKeys = {
  all: () => ['iam', 'instance-profiles'] as const,
  list: () => [...instanceProfileKeys.all(), 'list'] as const,
};

export function signalOption(signal: AbortSignal | undefined): { abortSignal?: AbortSignal } {
  return signal ? { abortSignal: signal } : {};
}

const PAGE_SIZE = 1000;

/** ListRoles to the end, 1,000 per call (the paginator follows Marker while IAM says IsTruncated). */
export async function listAllRoles(signal?: AbortSignal): Promise<Role[]> {
  const roles: Role[] = [];
  for await (const page of paginateListRoles({ client: iamClient(), pageSize: PAGE_SIZE }, {}, signalOption(signal))) roles.push(...(page.Roles ?? []));
  return roles;
}

/** ListInstanceProfiles to the end, 1,000 per call. */
export async function listAllInstanceProfiles(signal?: AbortSignal): Promise<InstanceProfile[]> {
  const profiles: InstanceProfile[] = [];
  for await (const page of paginateListInstanceProfiles({ client: iamClient(), pageSize: PAGE_SIZE }, {}, signalOption(signal))) {
    profiles.push(...(page.InstanceProfiles ?? []));
  }
  return profiles;
}

/** The two cached lists; features spread these and add their `select`. */
export const iamQueries = {
  roles: () => queryOptions({ queryKey: roleKeys.list(), queryFn: ({ signal }) => listAllRoles(signal) }),
  instanceProfiles: () => queryOptions({ queryKey: instanceProfileKeys.list(), queryFn: ({ signal }) => listAllInstanceProfiles(signal) }),
};

/** After a change to roles: the roles list and every per-role query. */
export function invalidateRoles(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: roleKeys.all() });
}

/** After a change to instance profiles: the profiles list and the per-role views of them. */
export async function invalidateInstanceProfiles(queryClient: QueryClient): Promise<void> {
  await Promise.all([queryClient.invalidateQueries({ queryKey: instanceProfileKeys.all() }), invalidateRoles(queryClient)]);
}

/**
 * After a batch of role and profile changes: as `invalidateInstanceProfiles`, and both lists fetched again now
 * even where no page shows them, so the page a user opens next already has what was just created or deleted
 * instead of showing the old list while it refetches.
 */
export async function refetchRolesAndProfiles(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    invalidateInstanceProfiles(queryClient),
    ...[roleKeys.list(), instanceProfileKeys.list()].map((queryKey) => queryClient.refetchQueries({ queryKey, type: 'all' }, { cancelRefetch: false })),
  ]);
}

/**
 * After a batch that stopped on a failure (AWS may be unreachable): both lists are marked stale without fetching
 * them now, so a page shows no second "cannot reach" error beside the batch's own; they reload where next shown.
 */
export async function markRolesAndProfilesStale(queryClient: QueryClient): Promise<void> {
  await Promise.all(
    [roleKeys.all(), instanceProfileKeys.all()].map((queryKey) => queryClient.invalidateQueries({ queryKey, refetchType: 'none' })),
  );
}
