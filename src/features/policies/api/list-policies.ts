import { queryOptions } from '@tanstack/react-query';
import { ListPoliciesCommand, type Policy, type PolicyScopeType } from '@aws-sdk/client-iam';
import { iamClient } from '../../../aws/clients.ts';

export type PolicyScope = PolicyScopeType;

export interface PolicySummary {
  name: string;
  arn: string;
  path: string;
  policyId: string;
  defaultVersionId?: string;
  attachmentCount: number;
  isAttachable: boolean;
  /** AWS managed policies have ARNs in the "aws" account. */
  awsManaged: boolean;
  createdAt?: Date;
  updatedAt?: Date;
}

function toSummary(policy: Policy): PolicySummary {
  const arn = policy.Arn ?? '';
  return {
    name: policy.PolicyName ?? '',
    arn,
    path: policy.Path ?? '/',
    policyId: policy.PolicyId ?? '',
    ...(policy.DefaultVersionId ? { defaultVersionId: policy.DefaultVersionId } : {}),
    attachmentCount: policy.AttachmentCount ?? 0,
    isAttachable: policy.IsAttachable ?? true,
    awsManaged: arn.startsWith('arn:aws:iam::aws:'),
    ...(policy.CreateDate ? { createdAt: policy.CreateDate } : {}),
    ...(policy.UpdateDate ? { updatedAt: policy.UpdateDate } : {}),
  };
}

/** ListPolicies for one scope, following Marker until IsTruncated is false. */
export async function listAllPolicies(scope: PolicyScope, signal?: AbortSignal): Promise<PolicySummary[]> {
  const policies: PolicySummary[] = [];
  let marker: string | undefined;
  do {
    const page = await iamClient().send(new ListPoliciesCommand({ Scope: scope, MaxItems: 1000, ...(marker ? { Marker: marker } : {}) }), {
      ...(signal ? { abortSignal: signal } : {}),
    });
    for (const policy of page.Policies ?? []) policies.push(toSummary(policy));
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return policies;
}

export const policyQueries = {
  all: () => ['iam', 'policies'] as const,
  list: (scope: PolicyScope = 'Local') =>
    queryOptions({
      queryKey: [...policyQueries.all(), 'list', scope] as const,
      queryFn: ({ signal }) => listAllPolicies(scope, signal),
    }),
};
