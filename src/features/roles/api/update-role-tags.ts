import { useMutation, useQueryClient } from '@tanstack/react-query';
import { TagRoleCommand, UntagRoleCommand } from '@aws-sdk/client-iam';
import { iamClient } from '../../../aws/clients.ts';
import type { TagChanges } from '../model/tags-diff.ts';
import { invalidateRoles } from '../../../aws/iam-queries.ts';

/** UntagRole for removed keys, then TagRole for new and changed tags (each call takes up to 50). */
export async function updateRoleTags(input: { roleName: string; changes: TagChanges }): Promise<void> {
  const { roleName, changes } = input;
  if (changes.removeKeys.length > 0) await iamClient().send(new UntagRoleCommand({ RoleName: roleName, TagKeys: changes.removeKeys }));
  if (changes.put.length > 0) {
    await iamClient().send(new TagRoleCommand({ RoleName: roleName, Tags: changes.put.map((tag) => ({ Key: tag.key, Value: tag.value })) }));
  }
}

export function useUpdateRoleTags() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateRoleTags, onSettled: () => invalidateRoles(queryClient) });
}
