import { queryOptions } from '@tanstack/react-query';
import { ListRoleTagsCommand } from '@aws-sdk/client-iam';
import { iamClient } from '../../../aws/clients.ts';
import type { RoleTag } from '../model/tags-diff.ts';
import { roleKeys, signalOption } from '../../../aws/iam-queries.ts';

export async function listRoleTags(roleName: string, signal?: AbortSignal): Promise<RoleTag[]> {
  const tags: RoleTag[] = [];
  let marker: string | undefined;
  do {
    const page = await iamClient().send(new ListRoleTagsCommand({ RoleName: roleName, MaxItems: 1000, ...(marker ? { Marker: marker } : {}) }), signalOption(signal));
    for (const tag of page.Tags ?? []) tags.push({ key: tag.Key ?? '', value: tag.Value ?? '' });
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return tags;
}

export const roleTagQueries = {
  ofRole: (roleName: string) =>
    queryOptions({
      queryKey: roleKeys.tags(roleName),
      queryFn: ({ signal }) => listRoleTags(roleName, signal),
    }),
};
