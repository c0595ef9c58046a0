import { queryOptions } from '@tanstack/react-query';
import { ListPolicyVersionsCommand } from '@aws-sdk/client-iam';
import { iamClient } from '../../../aws/clients.ts';
import { sortVersionsNewestFirst, type PolicyVersionSummary } from '../model/versions.ts';
import { signalOption } from '../../../aws/iam-queries.ts';
import { policyKeys } from '../../../aws/policy-keys.ts';

/** ListPolicyVersions, every page, newest first. */
export async function listPolicyVersions(arn: string, signal?: AbortSignal): Promise<PolicyVersionSummary[]> {
  const versions: PolicyVersionSummary[] = [];
  let marker: string | undefined;
  do {
    const page = await iamClient().send(new ListPolicyVersionsCommand({ PolicyArn: arn, ...(marker ? { Marker: marker } : {}) }), signalOption(signal));
    for (const version of page.Versions ?? []) {
      if (!version.VersionId) continue;
      versions.push({ versionId: version.VersionId, isDefault: version.IsDefaultVersion === true, ...(version.CreateDate ? { createdAt: version.CreateDate } : {}) });
    }
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return sortVersionsNewestFirst(versions);
}

export const policyVersionsQueries = {
  list: (arn: string) =>
    queryOptions({
      queryKey: policyKeys.versions(arn),
      queryFn: ({ signal }) => listPolicyVersions(arn, signal),
    }),
};
