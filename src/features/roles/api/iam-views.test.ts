import { describe, expect, it } from 'vitest';
import type { InstanceProfile } from '@aws-sdk/client-iam';
import { groupByRole, profilesOfRole } from './list-instance-profiles.ts';

function profile(name: string, roleNames: string[]): InstanceProfile {
  return {
    InstanceProfileName: name,
    InstanceProfileId: `AIPA${name}`,
    Arn: `arn:aws:iam::123456789012:instance-profile/${name}`,
    Path: '/',
    CreateDate: new Date('2026-01-01T00:00:00Z'),
    Roles: roleNames.map((roleName) => ({ RoleName: roleName, RoleId: `AROA${roleName}`, Arn: `arn:aws:iam::123456789012:role/${roleName}`, Path: '/', CreateDate: new Date('2026-01-01T00:00:00Z') })),
  };
}

describe('profiles by role, a view of the cached ListInstanceProfiles walk', () => {
  it('groups every profile under the role it holds, case-insensitively, and counts all profiles', () => {
    const map = groupByRole([profile('web', ['WebRole']), profile('web-2', ['WebRole']), profile('empty', [])]);
    expect(map.count).toBe(3);
    expect(profilesOfRole(map, 'webrole').map((ref) => ref.name)).toEqual(['web', 'web-2']);
    expect(profilesOfRole(map, 'other')).toEqual([]);
  });
});
