/** Deep links of the policy pages. The ARN travels in the query string: it contains '/' and ':'. */
export type PolicyTab = 'permissions' | 'entities' | 'versions' | 'tags';

export const POLICY_TABS: readonly PolicyTab[] = ['permissions', 'entities', 'versions', 'tags'];

export function policyDetailsHref(arn: string, tab?: PolicyTab): string {
  const params = new URLSearchParams({ arn });
  if (tab && tab !== 'permissions') params.set('tab', tab);
  return `/policies/details?${params.toString()}`;
}

export function policyEditHref(arn: string): string {
  return `/policies/edit?${new URLSearchParams({ arn }).toString()}`;
}

export function parsePolicyTab(value: string | null): PolicyTab {
  return (POLICY_TABS as readonly string[]).includes(value ?? '') ? (value as PolicyTab) : 'permissions';
}

/** The policy name is the ARN's last path segment. */
export function policyNameFromArn(arn: string): string {
  const resource = arn.split(':').slice(5).join(':');
  return resource.slice(resource.lastIndexOf('/') + 1);
}

export function isPolicyArn(value: string): boolean {
  return /^arn:aws[a-z-]*:iam::(\d{12}|aws):policy\/.+/.test(value);
}
