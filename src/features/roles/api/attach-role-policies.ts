import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AttachRolePolicyCommand } from '@aws-sdk/client-iam';
import { iamClient } from '../../../aws/clients.ts';
import { policyKeys } from '../../../aws/policy-keys.ts';
import { invalidateRoles } from '../../../aws/iam-queries.ts';

export class AttachPoliciesError extends Error {
  override name = 'AttachPoliciesError';
  constructor(
    readonly attached: string[],
    readonly failedArn: string,
    readonly error: unknown,
  ) {
    super(`Attaching ${failedArn} failed.`);
  }
}

/** AttachRolePolicy for each ARN in order; on a failure, says which were attached before it. */
export async function attachRolePolicies(input: { roleName: string; policyArns: readonly string[] }): Promise<void> {
  const attached: string[] = [];
  for (const arn of input.policyArns) {
    try {
      await iamClient().send(new AttachRolePolicyCommand({ RoleName: input.roleName, PolicyArn: arn }));
    } catch (error) {
      if (attached.length === 0) throw error;
      throw new AttachPoliciesError(attached, arn, error);
    }
    attached.push(arn);
  }
}

export function useAttachRolePolicies() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: attachRolePolicies,
    onSettled: () => Promise.all([invalidateRoles(queryClient), queryClient.invalidateQueries({ queryKey: policyKeys.all() })]),
  });
}
