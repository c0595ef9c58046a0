import { queryOptions } from '@tanstack/react-query';
import { paginateListInstanceProfilesForRole } from '@aws-sdk/client-iam';
import { iamClient } from '../../../aws/clients.ts';
import type { ProfileRef } from './list-instance-profiles.ts';
import { roleKeys, signalOption } from '../../../aws/iam-queries.ts';
import { collectPages } from '../../../aws/paginate.ts';

export async function listInstanceProfilesForRole(roleName: string, signal?: AbortSignal): Promise<ProfileRef[]> {
  const pages = paginateListInstanceProfilesForRole(
    { client: iamClient(), pageSize: 1000 },
    { RoleName: roleName },
    signalOption(signal),
  );
  const profiles = await collectPages(pages, (page) => page.InstanceProfiles);
  return profiles.map((profile) => ({ name: profile.InstanceProfileName ?? '', arn: profile.Arn ?? '' }));
}

export const roleProfileQueries = {
  ofRole: (roleName: string) =>
    queryOptions({
      queryKey: roleKeys.profilesOfRole(roleName),
      queryFn: ({ signal }) => listInstanceProfilesForRole(roleName, signal),
    }),
};
