import { queryOptions } from '@tanstack/react-query';
import { paginateListPolicies, type Policy } from '@aws-sdk/client-iam';
import { iamClient } from './clients.ts';
import { signalOption } from './iam-queries.ts';
import { collectPages } from './paginate.ts';
import { policyKeys, type PolicyListFilter } from './policy-keys.ts';

export type PolicyScope = PolicyListFilter['scope'];

export interface PolicySummary {
  name: string;
  arn: string;
  path: string;
  policyId: string;
  defaultVersionId?: string;
  /** Entities that use the policy as a permissions policy. */
  attachmentCount: number;
  /** Entities that use the policy as their permissions boundary. */
  boundaryUsageCount: number;
  isAttachable: boolean;
  /** AWS managed policies have ARNs in the "aws" account. */
  awsManaged: boolean;
  createdAt?: Date;
  updatedAt?: Date;
}

export function toPolicySummary(policy: Policy): PolicySummary {
  const arn = policy.Arn ?? '';
  return {
    name: policy.PolicyName ?? '',
    arn,
    path: policy.Path ?? '/',
    policyId: policy.PolicyId ?? '',
    ...(policy.DefaultVersionId ? { defaultVersionId: policy.DefaultVersionId } : {}),
    attachmentCount: policy.AttachmentCount ?? 0,
    boundaryUsageCount: policy.PermissionsBoundaryUsageCount ?? 0,
    isAttachable: policy.IsAttachable ?? true,
    awsManaged: /^arn:aws[a-z-]*:iam::aws:policy\//.test(arn),
    ...(policy.CreateDate ? { createdAt: policy.CreateDate } : {}),
    ...(policy.UpdateDate ? { updatedAt: policy.UpdateDate } : {}),
  };
}

/** ListPolicies with the filter done by IAM (Scope, PathPrefix, PolicyUsageFilter), following Marker to the end. */
export async function listAllPolicies(filter: PolicyListFilter, signal?: AbortSignal): Promise<PolicySummary[]> {
  const pages = paginateListPolicies(
    { client: iamClient(), pageSize: 1000 },
    {
      Scope: filter.scope,
      ...(filter.pathPrefix ? { PathPrefix: filter.pathPrefix } : {}),
      ...(filter.usage ? { PolicyUsageFilter: filter.usage } : {}),
    },
    signalOption(signal),
  );
  return (await collectPages(pages, (page) => page.Policies)).map(toPolicySummary);
}

export const policyQueries = {
  /** Prefix of every policies query (the create-role wizard invalidates it after creating a policy). */
  all: policyKeys.all,
  list: (filter: PolicyListFilter = { scope: 'All' }) =>
    queryOptions({
      queryKey: policyKeys.list(filter),
      queryFn: ({ signal }) => listAllPolicies(filter, signal),
      staleTime: 60_000,
    }),
};
