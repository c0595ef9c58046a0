import { queryOptions } from '@tanstack/react-query';
import { GetPolicyCommand } from '@aws-sdk/client-iam';
import { iamClient } from '../../../aws/clients.ts';
import { signalOption } from '../../../aws/iam-queries.ts';
import { policyKeys } from '../../../aws/policy-keys.ts';
import { toPolicySummary, type PolicySummary } from '../../../aws/list-policies.ts';

export interface PolicyDetails extends PolicySummary {
  description?: string;
}

/** GetPolicy: the summary plus the description (ListPolicies omits it). */
export async function getPolicy(arn: string, signal?: AbortSignal): Promise<PolicyDetails> {
  const output = await iamClient().send(new GetPolicyCommand({ PolicyArn: arn }), signalOption(signal));
  if (!output.Policy) throw new Error(`IAM answered GetPolicy without the policy ${arn}.`);
  const description = output.Policy.Description;
  return { ...toPolicySummary(output.Policy), ...(description ? { description } : {}) };
}

export const policyDetailQueries = {
  detail: (arn: string) =>
    queryOptions({
      queryKey: policyKeys.detail(arn),
      queryFn: ({ signal }) => getPolicy(arn, signal),
    }),
};
