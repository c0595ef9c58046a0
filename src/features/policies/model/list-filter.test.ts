import { describe, expect, it } from 'vitest';
import { listStateFromSearchParams, listStateToSearchParams, serverFilterOf } from './list-filter.ts';
import { isPolicyArn, parsePolicyTab, policyDetailsHref, policyNameFromArn } from './routes.ts';

describe('policies list filter in the URL', () => {
  it('round-trips type, use and text, keeping other parameters', () => {
    const params = listStateToSearchParams(
      { type: 'aws-managed-job-function', usage: 'PermissionsBoundary', text: 'admin access' },
      new URLSearchParams('other=1'),
    );
    expect(params.toString()).toBe('other=1&type=job-function&usage=boundary&q=admin+access');
    expect(listStateFromSearchParams(params)).toEqual({ type: 'aws-managed-job-function', usage: 'PermissionsBoundary', text: 'admin access' });
  });

  it('drops defaults and ignores unknown values', () => {
    expect(listStateToSearchParams({ type: 'all', usage: 'any', text: '' }, new URLSearchParams('type=customer-managed&q=x')).toString()).toBe('');
    expect(listStateFromSearchParams(new URLSearchParams('type=nope&usage=sometimes'))).toEqual({ type: 'all', usage: 'any', text: '' });
  });

  it('lets IAM filter by scope, job-function path and use', () => {
    expect(serverFilterOf({ type: 'customer-managed', usage: 'any', text: '' })).toEqual({ scope: 'Local' });
    expect(serverFilterOf({ type: 'aws-managed-job-function', usage: 'PermissionsPolicy', text: '' })).toEqual({
      scope: 'AWS',
      pathPrefix: '/job-function/',
      usage: 'PermissionsPolicy',
    });
    expect(serverFilterOf({ type: 'all', usage: 'PermissionsBoundary', text: 'x' })).toEqual({ scope: 'All', usage: 'PermissionsBoundary' });
  });
});

describe('policy deep links', () => {
  it('carries the ARN in the query string', () => {
    const arn = 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess';
    const href = policyDetailsHref(arn, 'versions');
    expect(href).toBe('/policies/details?arn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2Fjob-function%2FViewOnlyAccess&tab=versions');
    const params = new URL(href, 'http://localhost').searchParams;
    expect(params.get('arn')).toBe(arn);
    expect(parsePolicyTab(params.get('tab'))).toBe('versions');
    expect(parsePolicyTab('bogus')).toBe('permissions');
    expect(policyNameFromArn(arn)).toBe('ViewOnlyAccess');
    expect(isPolicyArn(arn)).toBe(true);
    expect(isPolicyArn('arn:aws:iam::123456789012:role/x')).toBe(false);
  });
});
