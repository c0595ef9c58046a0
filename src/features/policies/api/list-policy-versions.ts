import { queryOptions } from '@tanstack/react-query';
import { paginateListPolicyVersions } from '@aws-sdk/client-iam';
import { iamClient } from '../../../aws/clients.ts';
import { sortVersionsNewestFirst, type PolicyVersionSummary } from '../model/versions.ts';
import { signalOption } from '../../../aws/iam-queries.ts';
import { collectPages } from '../../../aws/paginate.ts';
import { policyKeys } from '../../../aws/policy-keys.ts';

/** ListPolicyVersions, every page, newest first. */
export async function listPolicyVersions(arn: string, signal?: AbortSignal): Promise<PolicyVersionSummary[]> {
  const pages = paginateListPolicyVersions({ client: iamClient() }, { PolicyArn: arn }, signalOption(signal));
  const versions: PolicyVersionSummary[] = [];
  for (const version of await collectPages(pages, (page) => page.Versions)) {
    if (!version.VersionId) continue;
    versions.push({
      versionId: version.VersionId,
      isDefault: version.IsDefaultVersion === true,
      ...(version.CreateDate ? { createdAt: version.CreateDate } : {}),
    });
  }
  return sortVersionsNewestFirst(versions);
}

export const policyVersionsQueries = {
  list: (arn: string) =>
    queryOptions({
      queryKey: policyKeys.versions(arn),
      queryFn: ({ signal }) => listPolicyVersions(arn, signal),
    }),
};
