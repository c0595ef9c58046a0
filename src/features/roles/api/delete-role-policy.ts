import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DeleteRolePolicyCommand } from '@aws-sdk/client-iam';
import { iamClient } from '../../../aws/clients.ts';
import { invalidateRoles } from '../../../aws/iam-queries.ts';

export async function deleteRolePolicy(input: { roleName: string; policyName: string }): Promise<void> {
  await iamClient().send(new DeleteRolePolicyCommand({ RoleName: input.roleName, PolicyName: input.policyName }));
}

export function useDeleteRolePolicy() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteRolePolicy, onSuccess: () => invalidateRoles(queryClient) });
}
