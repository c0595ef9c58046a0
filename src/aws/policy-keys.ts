/**
 * Query keys of IAM managed policies: the single home of every key their queryOptions factories use (here and in
 * the policies feature). Everything sits under ['iam', 'policies'] so one invalidation after a policy change
 * refreshes every list and page; the roles feature invalidates it too after attaching or detaching, since counts
 * change.
 */
export interface PolicyListFilter {
  scope: 'All' | 'AWS' | 'Local';
  pathPrefix?: string;
  usage?: 'PermissionsPolicy' | 'PermissionsBoundary';
}

export const policyKeys = {
  all: () => ['iam', 'policies'] as const,
  list: (filter: PolicyListFilter) => [...policyKeys.all(), 'list', filter.scope, filter.pathPrefix ?? '/', filter.usage ?? 'any'] as const,
  pages: (scope: string) => [...policyKeys.all(), 'pages', scope] as const,
  defaultDocument: (arn: string) => [...policyKeys.all(), 'document', arn] as const,
  policy: (arn: string) => [...policyKeys.all(), 'policy', arn] as const,
  detail: (arn: string) => [...policyKeys.policy(arn), 'detail'] as const,
  versions: (arn: string) => [...policyKeys.policy(arn), 'versions'] as const,
  version: (arn: string, versionId: string) => [...policyKeys.policy(arn), 'version', versionId] as const,
  entities: (arn: string) => [...policyKeys.policy(arn), 'entities'] as const,
  tags: (arn: string) => [...policyKeys.policy(arn), 'tags'] as const,
};
