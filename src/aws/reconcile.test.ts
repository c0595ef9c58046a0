import { describe, expect, it } from 'vitest';
import { profileHoldsOnlyRole, profileIsFromCreateInstanceProfile, type ExistingInstanceProfile } from './reconcile.ts';

const runStartedAt = new Date('2026-05-01T10:00:00Z');

describe('instance profile steps', () => {
  const profile: ExistingInstanceProfile = { path: '/app/', createDate: new Date('2026-05-01T10:00:05Z'), roleNames: [] };
  const create = { InstanceProfileName: 'web', Path: '/app/' };

  it('CreateInstanceProfile: accepts our empty profile, refuses an old one, another path, or one holding a role', () => {
    expect(profileIsFromCreateInstanceProfile(profile, create, runStartedAt)).toBe(true);
    expect(profileIsFromCreateInstanceProfile({ ...profile, createDate: new Date('2026-04-01T00:00:00Z') }, create, runStartedAt)).toBe(false);
    expect(profileIsFromCreateInstanceProfile({ ...profile, path: '/' }, create, runStartedAt)).toBe(false);
    expect(profileIsFromCreateInstanceProfile({ ...profile, roleNames: ['web'] }, create, runStartedAt)).toBe(false);
  });

  it('AddRoleToInstanceProfile: done when the profile holds exactly our role', () => {
    const add = { InstanceProfileName: 'web', RoleName: 'web' };
    expect(profileHoldsOnlyRole({ ...profile, roleNames: ['web'] }, add)).toBe(true);
    expect(profileHoldsOnlyRole({ ...profile, roleNames: ['other'] }, add)).toBe(false);
    expect(profileHoldsOnlyRole({ ...profile, roleNames: ['WEB'] }, add)).toBe(false);
    expect(profileHoldsOnlyRole(profile, add)).toBe(false);
  });
});
