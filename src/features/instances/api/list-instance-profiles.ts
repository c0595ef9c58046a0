import { queryOptions } from '@tanstack/react-query';
import { ListInstanceProfilesCommand, type InstanceProfile } from '@aws-sdk/client-iam';
import { iamClient } from '../../../aws/clients.ts';
import { iamKeys } from './keys.ts';

export interface InstanceProfileSummary {
  name: string;
  arn: string;
  id: string;
  path: string;
  /** A profile holds at most one role; undefined when it holds none. */
  roleName?: string;
  roleArn?: string;
}

/** Every instance profile of the account, indexed the ways the instances pages look them up. */
export interface InstanceProfileDirectory {
  profiles: InstanceProfileSummary[];
  byArn: ReadonlyMap<string, InstanceProfileSummary>;
  byName: ReadonlyMap<string, InstanceProfileSummary>;
  /** Role names (lower case: IAM names are case-insensitive) that sit in at least one profile. */
  rolesInProfiles: ReadonlySet<string>;
}

function toSummary(profile: InstanceProfile): InstanceProfileSummary {
  const role = profile.Roles?.[0];
  return {
    name: profile.InstanceProfileName ?? '',
    arn: profile.Arn ?? '',
    id: profile.InstanceProfileId ?? '',
    path: profile.Path ?? '/',
    ...(role?.RoleName ? { roleName: role.RoleName } : {}),
    ...(role?.Arn ? { roleArn: role.Arn } : {}),
  };
}

export function buildProfileDirectory(profiles: InstanceProfileSummary[]): InstanceProfileDirectory {
  const sorted = [...profiles].sort((a, b) => a.name.localeCompare(b.name));
  return {
    profiles: sorted,
    byArn: new Map(sorted.map((profile) => [profile.arn, profile])),
    byName: new Map(sorted.map((profile) => [profile.name.toLowerCase(), profile])),
    rolesInProfiles: new Set(sorted.flatMap((profile) => (profile.roleName ? [profile.roleName.toLowerCase()] : []))),
  };
}

/** ListInstanceProfiles, 1,000 per call, following Marker while IsTruncated (IAM may return short pages). */
export async function listAllInstanceProfiles(signal?: AbortSignal): Promise<InstanceProfileDirectory> {
  const profiles: InstanceProfileSummary[] = [];
  let marker: string | undefined;
  do {
    const page = await iamClient().send(new ListInstanceProfilesCommand({ MaxItems: 1000, ...(marker ? { Marker: marker } : {}) }), {
      ...(signal ? { abortSignal: signal } : {}),
    });
    for (const profile of page.InstanceProfiles ?? []) profiles.push(toSummary(profile));
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return buildProfileDirectory(profiles);
}

/** The profile name is the last segment of its ARN (`…:instance-profile/<path/>Name`). */
export function profileNameFromArn(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

export const instanceProfileQueries = {
  /** One cached map for every row and dialog: the table never asks IAM per instance. */
  directory: () =>
    queryOptions({
      queryKey: [...iamKeys.instanceProfiles(), 'directory'] as const,
      queryFn: ({ signal }) => listAllInstanceProfiles(signal),
      staleTime: 60_000,
    }),
};
