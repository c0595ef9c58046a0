import { useMutation, useQueryClient } from '@tanstack/react-query';
import { UpdateRoleCommand } from '@aws-sdk/client-iam';
import { iamClient } from '../../../aws/clients.ts';
import { invalidateRoles } from '../../../aws/iam-queries.ts';

export interface UpdateRoleInput {
  roleName: string;
  description: string;
  maxSessionDuration: number;
}

/** UpdateRole: description and maximum session duration in one call. */
export async function updateRole(input: UpdateRoleInput): Promise<void> {
  await iamClient().send(new UpdateRoleCommand({ RoleName: input.roleName, Description: input.description, MaxSessionDuration: input.maxSessionDuration }));
}

export function useUpdateRole() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateRole, onSuccess: () => invalidateRoles(queryClient) });
}
