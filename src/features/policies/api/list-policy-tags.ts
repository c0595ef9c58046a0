import { queryOptions } from '@tanstack/react-query';
import { ListPolicyTagsCommand } from '@aws-sdk/client-iam';
import { iamClient } from '../../../aws/clients.ts';
import type { PolicyTag } from '../model/changes.ts';
import { signalOption } from '../../../aws/iam-queries.ts';
import { policyKeys } from '../../../aws/policy-keys.ts';

/** ListPolicyTags, every page. */
export async function listPolicyTags(arn: string, signal?: AbortSignal): Promise<PolicyTag[]> {
  const tags: PolicyTag[] = [];
  let marker: string | undefined;
  do {
    const page = await iamClient().send(new ListPolicyTagsCommand({ PolicyArn: arn, ...(marker ? { Marker: marker } : {}) }), signalOption(signal));
    for (const tag of page.Tags ?? []) tags.push({ key: tag.Key ?? '', value: tag.Value ?? '' });
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return tags;
}

export const policyTagQueries = {
  list: (arn: string) =>
    queryOptions({
      queryKey: policyKeys.tags(arn),
      queryFn: ({ signal }) => listPolicyTags(arn, signal),
    }),
};
