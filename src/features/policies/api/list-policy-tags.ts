import { queryOptions } from '@tanstack/react-query';
import { paginateListPolicyTags } from '@aws-sdk/client-iam';
import { iamClient } from '../../../aws/clients.ts';
import type { PolicyTag } from '../model/changes.ts';
import { signalOption } from '../../../aws/iam-queries.ts';
import { collectPages } from '../../../aws/paginate.ts';
import { policyKeys } from '../../../aws/policy-keys.ts';

/** ListPolicyTags, every page. */
export async function listPolicyTags(arn: string, signal?: AbortSignal): Promise<PolicyTag[]> {
  const tags = await collectPages(
    paginateListPolicyTags({ client: iamClient() }, { PolicyArn: arn }, signalOption(signal)),
    (page) => page.Tags,
  );
  return tags.map((tag) => ({ key: tag.Key ?? '', value: tag.Value ?? '' }));
}

export const policyTagQueries = {
  list: (arn: string) =>
    queryOptions({
      queryKey: policyKeys.tags(arn),
      queryFn: ({ signal }) => listPolicyTags(arn, signal),
    }),
};
