import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DeleteRolePermissionsBoundaryCommand, PutRolePermissionsBoundaryCommand } from '@aws-sdk/client-iam';
import { iamClient } from '../../../aws/clients.ts';
import { invalidateRoles } from '../../../aws/iam-queries.ts';
import { policyKeys } from '../../../aws/policy-keys.ts';

/** PutRolePermissionsBoundary sets or replaces the boundary. */
export async function putRolePermissionsBoundary(input: { roleName: string; policyArn: string }): Promise<void> {
  await iamClient().send(new PutRolePermissionsBoundaryCommand({ RoleName: input.roleName, PermissionsBoundary: input.policyArn }));
}

export async function deleteRolePermissionsBoundary(input: { roleName: string }): Promise<void> {
  await iamClient().send(new DeleteRolePermissionsBoundaryCommand({ RoleName: input.roleName }));
}

export function usePutRolePermissionsBoundary() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: putRolePermissionsBoundary,
    onSuccess: () => Promise.all([invalidateRoles(queryClient), queryClient.invalidateQueries({ queryKey: policyKeys.all() })]),
  });
}

export function useDeleteRolePermissionsBoundary() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteRolePermissionsBoundary,
    onSuccess: () => Promise.all([invalidateRoles(queryClient), queryClient.invalidateQueries({ queryKey: policyKeys.all() })]),
  });
}
