/** Times the create-role wizard's policy table filter per keystroke over a synthetic 1,600-policy list. */
import {
  filterPolicies,
  type PolicyTypeFilter,
} from '../../src/iam-policies/filter-policies.ts';
import { syntheticPolicies } from '../../src/iam-policies/synthetic-policies.ts';

export interface PolicyFilterResult {
  policies: number;
  query: string;
  typeFilters: PolicyTypeFilter[];
  keystrokes: number;
  medianMs: number;
  maxMs: number;
  /** The first keystroke filters a fresh list (its search text is built then); reported apart from the rest. */
  firstKeystrokeMs: number;
}

const TYPE_FILTERS: PolicyTypeFilter[] = ['all', 'aws-managed', 'aws-managed-job-function', 'customer-managed'];

export function measurePolicyFilter(count = 1600, query = 'AmazonS3ReadOnly'): PolicyFilterResult {
  const times: number[] = [];
  let firstKeystrokeMs = 0;
  for (const typeFilter of TYPE_FILTERS) {
    // A fresh list per type filter, as after a reload of the table: the first keystroke pays for the cache.
    const policies = syntheticPolicies(count);
    for (let length = 1; length <= query.length; length++) {
      const started = performance.now();
      const matches = filterPolicies(policies, query.slice(0, length), typeFilter);
      const elapsed = performance.now() - started;
      if (matches.length > count) throw new Error('filterPolicies returned more than it was given');
      if (times.length === 0) firstKeystrokeMs = elapsed;
      times.push(elapsed);
    }
  }
  const sorted = [...times].sort((a, b) => a - b);
  const round = (ms: number): number => Math.round(ms * 1000) / 1000;
  return {
    policies: count,
    query,
    typeFilters: TYPE_FILTERS,
    keystrokes: times.length,
    medianMs: round(sorted[Math.floor((sorted.length - 1) / 2)]!),
    maxMs: round(sorted.at(-1)!),
    firstKeystrokeMs: round(firstKeystrokeMs),
  };
}
