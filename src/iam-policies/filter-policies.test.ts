import { describe, expect, it } from 'vitest';
import { filterPolicies, policyTypeOf, type PolicyListItem } from './filter-policies';
import { syntheticPolicies } from './synthetic-policies';

const policies: PolicyListItem[] = [
  {
    name: 'AmazonS3ReadOnlyAccess',
    path: '/',
    arn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
    description: 'Provides read only access to all buckets via the AWS Management Console.',
  },
  {
    name: 'DatabaseAdministrator',
    path: '/job-function/',
    arn: 'arn:aws:iam::aws:policy/job-function/DatabaseAdministrator',
    description:
      'Grants full access permissions to AWS services and actions required to set up and configure AWS database services.',
  },
  { name: 'team-s3-reader', path: '/', arn: 'arn:aws:iam::123456789012:policy/team-s3-reader' },
];

describe('filterPolicies', () => {
  it('matches every query word in name, description or ARN, case-insensitively', () => {
    expect(filterPolicies(policies, 's3').map((p) => p.name)).toEqual(['AmazonS3ReadOnlyAccess', 'team-s3-reader']);
    expect(filterPolicies(policies, '  READ   buckets ').map((p) => p.name)).toEqual(['AmazonS3ReadOnlyAccess']);
    expect(filterPolicies(policies, 'job-function').map((p) => p.name)).toEqual(['DatabaseAdministrator']);
    expect(filterPolicies(policies, '')).toEqual(policies);
  });

  it('filters by type', () => {
    expect(policies.map(policyTypeOf)).toEqual(['aws-managed', 'aws-managed-job-function', 'customer-managed']);
    expect(filterPolicies(policies, '', 'aws-managed').map((p) => p.name)).toEqual(['AmazonS3ReadOnlyAccess']);
    expect(filterPolicies(policies, '', 'customer-managed').map((p) => p.name)).toEqual(['team-s3-reader']);
    expect(filterPolicies(policies, 'admin', 'aws-managed-job-function').map((p) => p.name)).toEqual([
      'DatabaseAdministrator',
    ]);
  });

  it('reads each policy once, on the first keystroke, however many keystrokes follow', () => {
    let reads = 0;
    const counted = syntheticPolicies(1600).map((policy): PolicyListItem => {
      const read = <K extends keyof PolicyListItem>(key: K): PolicyListItem[K] => {
        reads += 1;
        return policy[key];
      };
      return {
        get name() {
          return read('name');
        },
        get arn() {
          return read('arn');
        },
        get path() {
          return read('path');
        },
        get description() {
          return read('description');
        },
      };
    });
    expect(filterPolicies(counted, '').length).toBe(1600); // first call builds the search keys, as when the table loads
    const readsToBuildKeys = reads;
    expect(readsToBuildKeys).toBeGreaterThanOrEqual(1600);
    for (const query of ['a', 'am', 'amazon', 'amazons3', 'amazons3 r', 'amazons3 read']) {
      expect(filterPolicies(counted, query, 'all').length).toBeGreaterThan(0);
      expect(filterPolicies(counted, query, 'aws-managed').length).toBeGreaterThan(0);
    }
    expect(reads).toBe(readsToBuildKeys);
  });
});
