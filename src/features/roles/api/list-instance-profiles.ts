import { queryOptions } from '@tanstack/react-query';
import { ListInstanceProfilesCommand } from '@aws-sdk/client-iam';
import { iamClient } from '../../../aws/clients.ts';
import { profileKeys, signalOption } from './keys.ts';

export interface ProfileRef {
  name: string;
  arn: string;
}

/** Every instance profile of the account, grouped by the role it holds (one ListInstanceProfiles walk, never per row). */
export interface ProfilesByRole {
  /** Lower-case role name (IAM names are case-insensitive) → the profiles holding it. */
  byRole: ReadonlyMap<string, readonly ProfileRef[]>;
  count: number;
}

export function profilesOfRole(map: ProfilesByRole | undefined, roleName: string): readonly ProfileRef[] {
  return map?.byRole.get(roleName.toLowerCase()) ?? [];
}

export async function listProfilesByRole(signal?: AbortSignal): Promise<ProfilesByRole> {
  const byRole = new Map<string, ProfileRef[]>();
  let count = 0;
  let marker: string | undefined;
  do {
    const page = await iamClient().send(new ListInstanceProfilesCommand({ MaxItems: 1000, ...(marker ? { Marker: marker } : {}) }), signalOption(signal));
    for (const profile of page.InstanceProfiles ?? []) {
      count += 1;
      const ref = { name: profile.InstanceProfileName ?? '', arn: profile.Arn ?? '' };
      for (const role of profile.Roles ?? []) {
        const key = (role.RoleName ?? '').toLowerCase();
        byRole.set(key, [...(byRole.get(key) ?? []), ref]);
      }
    }
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return { byRole, count };
}

export const profileQueries = {
  byRole: () =>
    queryOptions({
      queryKey: profileKeys.byRole(),
      queryFn: ({ signal }) => listProfilesByRole(signal),
    }),
};
