import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DetachRolePolicyCommand } from '@aws-sdk/client-iam';
import { iamClient } from '../../../aws/clients.ts';
import { invalidateRoles } from '../../../aws/iam-queries.ts';
import { policyKeys } from '../../../aws/policy-keys.ts';

export async function detachRolePolicy(input: { roleName: string; policyArn: string }): Promise<void> {
  await iamClient().send(new DetachRolePolicyCommand({ RoleName: input.roleName, PolicyArn: input.policyArn }));
}

export function useDetachRolePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: detachRolePolicy,
    onSuccess: () => Promise.all([invalidateRoles(queryClient), queryClient.invalidateQueries({ queryKey: policyKeys.all() })]),
  });
}
