import { queryOptions } from '@tanstack/react-query';
import type { InstanceProfile } from '@aws-sdk/client-iam';
import { iamQueries } from '../../../aws/iam-queries.ts';

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

/** The drop-downs' and the table's view (`select`) of the one cached ListInstanceProfiles walk. */
export function profileDirectoryOf(profiles: readonly InstanceProfile[]): InstanceProfileDirectory {
  return buildProfileDirectory(profiles.map(toSummary));
}

/** The profile name is the last segment of its ARN (`…:instance-profile/<path/>Name`). */
export function profileNameFromArn(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

export const instanceProfileQueries = {
  /** One cached map for every row and dialog: the table never asks IAM per instance. */
  directory: () =>
    queryOptions({
      ...iamQueries.instanceProfiles(),
      select: profileDirectoryOf,
      staleTime: 60_000,
    }),
};
