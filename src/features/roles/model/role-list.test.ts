import { describe, expect, it } from 'vitest';
import type { RoleSummary } from '../api/list-roles.ts';
import { formatDuration, roleMatches } from './role-filter.ts';
import { parseRolesTablePreferences } from './table-preferences.ts';

const role: RoleSummary = {
  name: 'WebServerRole',
  path: '/',
  arn: 'arn:aws:iam::123456789012:role/WebServerRole',
  roleId: 'AROAEXAMPLE',
  description: 'Allows EC2 instances to call AWS services on your behalf.',
  trustedEntities: [{ kind: 'service', value: 'ec2.amazonaws.com', text: 'AWS service: ec2' }],
};

describe('roleMatches', () => {
  it('needs every word somewhere in the role, case-insensitively', () => {
    expect(roleMatches(role, [], 'webserver')).toBe(true);
    expect(roleMatches(role, [], 'service: ec2 behalf')).toBe(true);
    expect(roleMatches(role, ['web-profile'], 'web-profile')).toBe(true);
    expect(roleMatches(role, [], 'lambda')).toBe(false);
    expect(roleMatches(role, [], '   ')).toBe(true);
  });
});

describe('formatDuration', () => {
  it('writes hours and minutes', () => {
    expect(formatDuration(3600)).toBe('1 hour');
    expect(formatDuration(43200)).toBe('12 hours');
    expect(formatDuration(5400)).toBe('1 hour 30 minutes');
  });
});

describe('parseRolesTablePreferences', () => {
  it('falls back to defaults and drops unknown columns', () => {
    expect(parseRolesTablePreferences(null).pageSize).toBe(20);
    expect(parseRolesTablePreferences('not json').visibleColumns).toContain('name');
    const parsed = parseRolesTablePreferences(JSON.stringify({ pageSize: 50, visibleColumns: ['created', 'bogus'], wrapLines: true }));
    expect(parsed).toEqual({ pageSize: 50, visibleColumns: ['name', 'created'], wrapLines: true });
    expect(parseRolesTablePreferences(JSON.stringify({ pageSize: 7 })).pageSize).toBe(20);
  });
});
