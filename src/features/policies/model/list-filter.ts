/**
 * The policies list's filter, kept in the URL so a filtered view can be bookmarked or shared:
 * `?type=customer-managed&usage=boundary&q=s3` (type: aws-managed | customer-managed | job-function;
 * usage: permissions | boundary). Type and use are filtered by IAM (Scope, PathPrefix, PolicyUsageFilter);
 * the text search is local.
 */
import type { PolicyTypeFilter } from '../../../iam-policies/filter-policies.ts';
import type { PolicyListFilter } from '../../../aws/policy-keys.ts';

export type UsageFilter = 'any' | 'PermissionsPolicy' | 'PermissionsBoundary';

export interface PoliciesListState {
  type: PolicyTypeFilter;
  usage: UsageFilter;
  text: string;
}

const TYPE_PARAMS: Record<string, PolicyTypeFilter> = {
  'aws-managed': 'aws-managed',
  'customer-managed': 'customer-managed',
  'job-function': 'aws-managed-job-function',
};
const USAGE_PARAMS: Record<string, UsageFilter> = { permissions: 'PermissionsPolicy', boundary: 'PermissionsBoundary' };

export function listStateFromSearchParams(params: URLSearchParams): PoliciesListState {
  return {
    type: TYPE_PARAMS[params.get('type') ?? ''] ?? 'all',
    usage: USAGE_PARAMS[params.get('usage') ?? ''] ?? 'any',
    text: params.get('q') ?? '',
  };
}

/** Writes the state into a copy of `current`, leaving unrelated parameters alone and defaults out. */
export function listStateToSearchParams(state: PoliciesListState, current = new URLSearchParams()): URLSearchParams {
  const params = new URLSearchParams(current);
  const type = Object.entries(TYPE_PARAMS).find(([, value]) => value === state.type)?.[0];
  const usage = Object.entries(USAGE_PARAMS).find(([, value]) => value === state.usage)?.[0];
  for (const [key, value] of [
    ['type', type],
    ['usage', usage],
    ['q', state.text || undefined],
  ] as const) {
    if (value) params.set(key, value);
    else params.delete(key);
  }
  return params;
}

/** What IAM filters: the type's scope (and job functions' path) and the use. */
export function serverFilterOf(state: PoliciesListState): PolicyListFilter {
  const usage = state.usage === 'any' ? {} : { usage: state.usage };
  switch (state.type) {
    case 'customer-managed':
      return { scope: 'Local', ...usage };
    case 'aws-managed':
      return { scope: 'AWS', ...usage };
    case 'aws-managed-job-function':
      return { scope: 'AWS', pathPrefix: '/job-function/', ...usage };
    case 'all':
      return { scope: 'All', ...usage };
  }
}
