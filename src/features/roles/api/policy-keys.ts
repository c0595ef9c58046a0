/**
 * The policies feature's key prefix (its lists show attachment counts, which role changes alter). Spelled out
 * here rather than imported so a roles mutation does not pull the policies feature's API code into its chunk.
 */
export function policyKeysToRefresh() {
  return ['iam', 'policies'] as const;
}
