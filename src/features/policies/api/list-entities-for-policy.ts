import { queryOptions } from '@tanstack/react-query';
import { paginateListEntitiesForPolicy, type PolicyUsageType } from '@aws-sdk/client-iam';
import { iamClient } from '../../../aws/clients.ts';
import type { AttachedEntity } from '../model/changes.ts';
import { signalOption } from '../../../aws/iam-queries.ts';
import { policyKeys } from '../../../aws/policy-keys.ts';

async function listEntities(arn: string, usage: PolicyUsageType, signal?: AbortSignal): Promise<AttachedEntity[]> {
  const entities: AttachedEntity[] = [];
  for await (const page of paginateListEntitiesForPolicy(
    { client: iamClient() },
    { PolicyArn: arn, PolicyUsageFilter: usage },
    signalOption(signal),
  )) {
    for (const role of page.PolicyRoles ?? [])
      entities.push({ type: 'role', name: role.RoleName ?? '', id: role.RoleId ?? '', usage });
    for (const user of page.PolicyUsers ?? [])
      entities.push({ type: 'user', name: user.UserName ?? '', id: user.UserId ?? '', usage });
    for (const group of page.PolicyGroups ?? [])
      entities.push({ type: 'group', name: group.GroupName ?? '', id: group.GroupId ?? '', usage });
  }
  return entities;
}

/**
 * ListEntitiesForPolicy once per use (IAM's unfiltered answer does not say whether an entity uses the policy as a
 * permissions policy or as its boundary), every page of each.
 */
export async function listEntitiesForPolicy(arn: string, signal?: AbortSignal): Promise<AttachedEntity[]> {
  const [permissions, boundaries] = await Promise.all([
    listEntities(arn, 'PermissionsPolicy', signal),
    listEntities(arn, 'PermissionsBoundary', signal),
  ]);
  return [...permissions, ...boundaries];
}

export const policyEntitiesQueries = {
  list: (arn: string) =>
    queryOptions({
      queryKey: policyKeys.entities(arn),
      queryFn: ({ signal }) => listEntitiesForPolicy(arn, signal),
    }),
};
