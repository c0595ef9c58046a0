import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CreatePolicyCommand } from '@aws-sdk/client-iam';
import { iamClient } from '../../../aws/clients.ts';
import type { PolicyTag } from '../model/changes.ts';
import { policyKeys } from './keys.ts';

export interface NewPolicyInput {
  name: string;
  description: string;
  /** The JSON text exactly as written; IAM stores it as sent. */
  document: string;
  path?: string;
  tags?: readonly PolicyTag[];
}

export interface CreatedPolicy {
  name: string;
  arn: string;
  path: string;
}

export async function createPolicy(input: NewPolicyInput): Promise<CreatedPolicy> {
  const output = await iamClient().send(
    new CreatePolicyCommand({
      PolicyName: input.name,
      PolicyDocument: input.document,
      Path: input.path ?? '/',
      ...(input.description !== '' ? { Description: input.description } : {}),
      ...(input.tags && input.tags.length > 0 ? { Tags: input.tags.map((tag) => ({ Key: tag.key, Value: tag.value })) } : {}),
    }),
  );
  const arn = output.Policy?.Arn;
  if (!arn) throw new Error('IAM answered CreatePolicy without the new policy’s ARN.');
  return { name: output.Policy?.PolicyName ?? input.name, arn, path: output.Policy?.Path ?? '/' };
}

/** CreatePolicy; every policy list (and so the wizard's table) reloads afterwards. */
export function useCreatePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPolicy,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: policyKeys.all() }),
  });
}
