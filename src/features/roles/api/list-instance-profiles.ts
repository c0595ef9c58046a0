import { queryOptions } from '@tanstack/react-query';
import type { InstanceProfile } from '@aws-sdk/client-iam';
import { iamQueries } from '../../../aws/iam-queries.ts';

export interface ProfileRef {
  name: string;
  arn: string;
}

/** Every instance profile of the account, grouped by the role it holds. */
export interface ProfilesByRole {
  /** Lower-case role name (IAM names are case-insensitive) → the profiles holding it. */
  byRole: ReadonlyMap<string, readonly ProfileRef[]>;
  count: number;
}

export function profilesOfRole(map: ProfilesByRole | undefined, roleName: string): readonly ProfileRef[] {
  return map?.byRole.get(roleName.toLowerCase()) ?? [];
}

export function groupByRole(profiles: readonly InstanceProfile[]): ProfilesByRole {
  const byRole = new Map<string, ProfileRef[]>();
  for (const profile of profiles) {
    const ref = { name: profile.InstanceProfileName ?? '', arn: profile.Arn ?? '' };
    for (const role of profile.Roles ?? []) {
      const key = (role.RoleName ?? '').toLowerCase();
      byRole.set(key, [...(byRole.get(key) ?? []), ref]);
    }
  }
  return { byRole, count: profiles.length };
}

/** A view (`select`) of the one cached ListInstanceProfiles walk: never one call per role. */
export const profileQueries = {
  byRole: () => queryOptions({ ...iamQueries.instanceProfiles(), select: groupByRole }),
};
