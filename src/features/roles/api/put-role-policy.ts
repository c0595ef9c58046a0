import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { iamClient } from '../../../aws/clients.ts';
import { invalidateRoles } from '../../../aws/iam-queries.ts';

/** PutRolePolicy creates or replaces the inline policy of that name. */
export async function putRolePolicy(input: { roleName: string; policyName: string; document: string }): Promise<void> {
  await iamClient().send(new PutRolePolicyCommand({ RoleName: input.roleName, PolicyName: input.policyName, PolicyDocument: input.document }));
}

export function usePutRolePolicy() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: putRolePolicy, onSuccess: () => invalidateRoles(queryClient) });
}
