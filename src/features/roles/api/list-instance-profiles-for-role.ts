import { queryOptions } from '@tanstack/react-query';
import { ListInstanceProfilesForRoleCommand } from '@aws-sdk/client-iam';
import { iamClient } from '../../../aws/clients.ts';
import type { ProfileRef } from './list-instance-profiles.ts';
import { roleKeys, signalOption } from '../../../aws/iam-queries.ts';

export async function listInstanceProfilesForRole(roleName: string, signal?: AbortSignal): Promise<ProfileRef[]> {
  const profiles: ProfileRef[] = [];
  let marker: string | undefined;
  do {
    const page = await iamClient().send(
      new ListInstanceProfilesForRoleCommand({ RoleName: roleName, MaxItems: 1000, ...(marker ? { Marker: marker } : {}) }),
      signalOption(signal),
    );
    for (const profile of page.InstanceProfiles ?? []) profiles.push({ name: profile.InstanceProfileName ?? '', arn: profile.Arn ?? '' });
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return profiles;
}

export const roleProfileQueries = {
  ofRole: (roleName: string) =>
    queryOptions({
      queryKey: roleKeys.profilesOfRole(roleName),
      queryFn: ({ signal }) => listInstanceProfilesForRole(roleName, signal),
    }),
};
