import { describe, expect, it } from 'vitest';
import { CLOCK_SKEW_ALLOWANCE_MS } from '../../../../aws/reconcile.ts';
import { roleIsFromCreateRole, samePolicyDocument, type ExistingRole } from './reconcile';

const runStartedAt = new Date('2026-05-01T10:00:00Z');
const trust = '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]\n}';
const input = {
  RoleName: 'web',
  Path: '/app/',
  AssumeRolePolicyDocument: trust,
  Description: 'Web servers',
  MaxSessionDuration: 7200,
  PermissionsBoundary: 'arn:aws:iam::123456789012:policy/boundary',
  Tags: [
    { Key: 'team', Value: 'web' },
    { Key: 'env', Value: 'prod' },
  ],
};
/** The role IAM holds after our own CreateRole: same fields, trust policy reformatted by a round trip. */
const ours: ExistingRole = {
  path: '/app/',
  createDate: new Date('2026-05-01T10:00:02Z'),
  trustPolicyJson: JSON.stringify(JSON.parse(trust)),
  description: 'Web servers',
  maxSessionDuration: 7200,
  permissionsBoundaryArn: 'arn:aws:iam::123456789012:policy/boundary',
  tags: [
    { Key: 'env', Value: 'prod' },
    { Key: 'team', Value: 'web' },
  ],
};

describe('roleIsFromCreateRole', () => {
  it('accepts the role our CreateRole made', () => {
    expect(roleIsFromCreateRole(ours, input, runStartedAt)).toBe(true);
    // IAM's clock may be a little behind the browser's.
    expect(roleIsFromCreateRole({ ...ours, createDate: new Date(runStartedAt.getTime() - CLOCK_SKEW_ALLOWANCE_MS) }, input, runStartedAt)).toBe(true);
  });

  it('accepts a minimal role: no description, default session duration, no boundary, no tags', () => {
    const minimal = { RoleName: 'web', Path: '/', AssumeRolePolicyDocument: trust };
    const existing: ExistingRole = { path: '/', createDate: ours.createDate, trustPolicyJson: trust, maxSessionDuration: 3600, tags: [] };
    expect(roleIsFromCreateRole(existing, minimal, runStartedAt)).toBe(true);
    expect(roleIsFromCreateRole({ ...existing, description: '' }, minimal, runStartedAt)).toBe(true);
  });

  it.each<[string, Partial<ExistingRole>]>([
    ['created before the run started', { createDate: new Date(runStartedAt.getTime() - CLOCK_SKEW_ALLOWANCE_MS - 1) }],
    ['another path', { path: '/' }],
    ['another trust policy', { trustPolicyJson: trust.replace('ec2.amazonaws.com', 'lambda.amazonaws.com') }],
    ['an unreadable trust policy', { trustPolicyJson: '%7B' }],
    ['another description', { description: 'Someone else' }],
    ['another session duration', { maxSessionDuration: 3600 }],
    ['no permissions boundary', { permissionsBoundaryArn: undefined }],
    ['another tag value', { tags: [{ Key: 'env', Value: 'dev' }, { Key: 'team', Value: 'web' }] }],
    ['an extra tag', { tags: [...ours.tags, { Key: 'owner', Value: 'x' }] }],
  ])('refuses a same-name role with %s', (_, change) => {
    expect(roleIsFromCreateRole({ ...ours, ...change }, input, runStartedAt)).toBe(false);
  });
});

describe('samePolicyDocument', () => {
  it('ignores spacing and key order, not array order or values', () => {
    expect(samePolicyDocument('{"a":1,"b":[1,2]}', '{ "b": [1, 2], "a": 1 }')).toBe(true);
    expect(samePolicyDocument('{"b":[1,2]}', '{"b":[2,1]}')).toBe(false);
    expect(samePolicyDocument('not json', 'not json')).toBe(false);
  });
});
