/**
 * Filtering for step 2's "Permissions policies" table: about 1,600 policies are filtered on every keystroke,
 * so the lower-case search text of each policy is computed once and cached per policy object.
 */

export type PolicyType = 'aws-managed' | 'aws-managed-job-function' | 'customer-managed';
export type PolicyTypeFilter = 'all' | PolicyType;

export const POLICY_TYPE_LABELS: Record<PolicyType, string> = {
  'aws-managed': 'AWS managed',
  'aws-managed-job-function': 'AWS managed - job function',
  'customer-managed': 'Customer managed',
};

export interface PolicyListItem {
  name: string;
  arn: string;
  path: string;
  description?: string;
}

interface SearchEntry {
  type: PolicyType;
  /** name, description and ARN, lower case, joined by a separator no query token can contain. */
  text: string;
}

const searchEntries = new WeakMap<PolicyListItem, SearchEntry>();

/** AWS managed policies live in the pseudo-account `aws`; job-function policies under /job-function/. */
export function policyTypeOf(policy: PolicyListItem): PolicyType {
  if (!/^arn:aws[a-z-]*:iam::aws:policy\//.test(policy.arn)) return 'customer-managed';
  return policy.path.startsWith('/job-function/') ? 'aws-managed-job-function' : 'aws-managed';
}

function searchEntryOf(policy: PolicyListItem): SearchEntry {
  let entry = searchEntries.get(policy);
  if (!entry) {
    entry = {
      type: policyTypeOf(policy),
      text: `${policy.name}\n${policy.description ?? ''}\n${policy.arn}`.toLowerCase(),
    };
    searchEntries.set(policy, entry);
  }
  return entry;
}

/**
 * Policies whose name, description or ARN contains every whitespace-separated word of the query
 * (case-insensitive), and whose type matches the filter. Each policy has exactly one type, as in the console's
 * Type column: "AWS managed" does not include the job-function policies.
 */
export function filterPolicies<T extends PolicyListItem>(
  policies: readonly T[],
  query: string,
  typeFilter: PolicyTypeFilter = 'all',
): T[] {
  const tokens = query
    .toLowerCase()
    .split(/\s+/)
    .filter((token) => token !== '');
  const result: T[] = [];
  for (const policy of policies) {
    const entry = searchEntryOf(policy);
    if (typeFilter !== 'all' && entry.type !== typeFilter) continue;
    let matches = true;
    for (const token of tokens) {
      if (!entry.text.includes(token)) {
        matches = false;
        break;
      }
    }
    if (matches) result.push(policy);
  }
  return result;
}
