import { infiniteQueryOptions } from '@tanstack/react-query';
import { ListPoliciesCommand, type Policy } from '@aws-sdk/client-iam';
import { iamClient } from './clients.ts';
import { policyKeys } from './policy-keys.ts';
import type { PolicyScope } from './list-policies.ts';

/** One ListPolicies page, as the create-role wizard's policy table needs it. */
export interface ManagedPolicy {
  name: string;
  arn: string;
  path: string;
  policyId: string;
  defaultVersionId?: string;
  attachmentCount: number;
  isAttachable: boolean;
  createdAt?: Date;
  updatedAt?: Date;
}

export interface ManagedPolicyPage {
  policies: ManagedPolicy[];
  nextMarker?: string;
}

/** IAM allows 1 to 1000 items per page; the first page arrives in one round trip. */
const PAGE_SIZE = 1000;

function toManagedPolicy(policy: Policy): ManagedPolicy {
  return {
    name: policy.PolicyName ?? '',
    arn: policy.Arn ?? '',
    path: policy.Path ?? '/',
    policyId: policy.PolicyId ?? '',
    ...(policy.DefaultVersionId ? { defaultVersionId: policy.DefaultVersionId } : {}),
    attachmentCount: policy.AttachmentCount ?? 0,
    isAttachable: policy.IsAttachable ?? true,
    ...(policy.CreateDate ? { createdAt: policy.CreateDate } : {}),
    ...(policy.UpdateDate ? { updatedAt: policy.UpdateDate } : {}),
  };
}

export async function listPolicyPage(scope: PolicyScope, marker: string | undefined, signal?: AbortSignal): Promise<ManagedPolicyPage> {
  const output = await iamClient().send(
    new ListPoliciesCommand({ Scope: scope, OnlyAttached: false, MaxItems: PAGE_SIZE, ...(marker ? { Marker: marker } : {}) }),
    signal ? { abortSignal: signal } : {},
  );
  const nextMarker = output.IsTruncated ? output.Marker : undefined;
  return { policies: (output.Policies ?? []).map(toManagedPolicy), ...(nextMarker ? { nextMarker } : {}) };
}

/**
 * ListPolicies page by page (IAM may return short pages; follow Marker while IsTruncated). The table shows the
 * first page as soon as it arrives and fetches the rest behind it. Keyed under `policyKeys.all()` so creating
 * a policy (which invalidates that key) reloads every page.
 */
export const policyPageQueries = {
  pages: (scope: PolicyScope = 'All') =>
    infiniteQueryOptions({
      queryKey: policyKeys.pages(scope),
      queryFn: ({ pageParam, signal }) => listPolicyPage(scope, pageParam, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (lastPage) => lastPage.nextMarker,
    }),
};
