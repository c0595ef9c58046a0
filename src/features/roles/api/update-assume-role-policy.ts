import { useMutation, useQueryClient } from '@tanstack/react-query';
import { UpdateAssumeRolePolicyCommand } from '@aws-sdk/client-iam';
import { iamClient } from '../../../aws/clients.ts';
import { invalidateRoles } from '../../../aws/iam-queries.ts';

/** UpdateAssumeRolePolicy with the JSON exactly as written (IAM stores what it is sent). */
export async function updateAssumeRolePolicy(input: { roleName: string; document: string }): Promise<void> {
  await iamClient().send(new UpdateAssumeRolePolicyCommand({ RoleName: input.roleName, PolicyDocument: input.document }));
}

export function useUpdateAssumeRolePolicy() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateAssumeRolePolicy, onSuccess: () => invalidateRoles(queryClient) });
}
