import { describe, expect, it } from 'vitest';
import type { ExistingInstanceProfile } from '../create/model/reconcile.ts';
import { createInstanceProfileForRole, type InstanceProfileCalls } from './create-instance-profile.ts';

const startedAt = new Date('2026-05-01T10:00:00Z');
const awsError = (name: string) => Object.assign(new Error(name), { name: `${name}Exception`, $metadata: { httpStatusCode: 409 } });

/** IAM's profile "web" as it is before the call, and the calls made. */
function fakeIam(initial: ExistingInstanceProfile | undefined) {
  let profile = initial;
  const calls: string[] = [];
  const iam: InstanceProfileCalls = {
    async createInstanceProfile(name) {
      calls.push(`CreateInstanceProfile ${name}`);
      if (profile) throw awsError('EntityAlreadyExists');
      profile = { path: '/', createDate: new Date('2026-05-01T10:00:01Z'), roleNames: [] };
    },
    async addRoleToInstanceProfile(profileName, roleName) {
      calls.push(`AddRoleToInstanceProfile ${profileName} ${roleName}`);
      if (profile!.roleNames.length > 0) throw awsError('LimitExceeded');
      profile = { ...profile!, roleNames: [roleName] };
    },
  };
  const reads = {
    getInstanceProfile: async () => {
      calls.push('GetInstanceProfile');
      return profile;
    },
  };
  return { iam, reads, calls, profile: () => profile };
}

describe('createInstanceProfileForRole', () => {
  it('creates the profile and adds the role', async () => {
    const fake = fakeIam(undefined);
    await createInstanceProfileForRole({ roleName: 'web', startedAt }, fake.iam, fake.reads);
    expect(fake.calls).toEqual(['CreateInstanceProfile web', 'AddRoleToInstanceProfile web web']);
    expect(fake.profile()?.roleNames).toEqual(['web']);
  });

  it('a profile that already holds exactly the role: both steps count as done, and nothing is added', async () => {
    const fake = fakeIam({ path: '/', createDate: new Date('2020-01-01T00:00:00Z'), roleNames: ['web'] });
    await createInstanceProfileForRole({ roleName: 'web', startedAt }, fake.iam, fake.reads);
    expect(fake.calls).toEqual(['CreateInstanceProfile web', 'GetInstanceProfile', 'AddRoleToInstanceProfile web web', 'GetInstanceProfile']);
    expect(fake.profile()?.roleNames).toEqual(['web']);
  });

  it('our own empty profile (made since the user asked) gets the role', async () => {
    const fake = fakeIam({ path: '/', createDate: new Date('2026-05-01T10:00:01Z'), roleNames: [] });
    await createInstanceProfileForRole({ roleName: 'web', startedAt }, fake.iam, fake.reads);
    expect(fake.profile()?.roleNames).toEqual(['web']);
  });

  it('an older empty profile, another path, or another role: the error is shown and nothing is added', async () => {
    for (const existing of [
      { path: '/', createDate: new Date('2020-01-01T00:00:00Z'), roleNames: [] },
      { path: '/team/', createDate: new Date('2026-05-01T10:00:01Z'), roleNames: [] },
      { path: '/', createDate: new Date('2026-05-01T10:00:01Z'), roleNames: ['other'] },
    ]) {
      const fake = fakeIam(existing);
      await expect(createInstanceProfileForRole({ roleName: 'web', startedAt }, fake.iam, fake.reads)).rejects.toMatchObject({
        name: 'EntityAlreadyExistsException',
      });
      expect(fake.profile()).toEqual(existing);
      expect(fake.calls).not.toContain('AddRoleToInstanceProfile web web');
    }
  });

  it('AddRoleToInstanceProfile repeated after a lost reply (LimitExceeded) counts when the profile holds our role', async () => {
    const fake = fakeIam(undefined);
    const lostOnce: InstanceProfileCalls = {
      createInstanceProfile: fake.iam.createInstanceProfile,
      async addRoleToInstanceProfile(profileName, roleName) {
        await fake.iam.addRoleToInstanceProfile(profileName, roleName); // acted, reply lost
        await fake.iam.addRoleToInstanceProfile(profileName, roleName); // the retry
      },
    };
    await createInstanceProfileForRole({ roleName: 'web', startedAt }, lostOnce, fake.reads);
    expect(fake.calls.at(-1)).toBe('GetInstanceProfile');
  });

  it('a failed read shows the original error', async () => {
    const fake = fakeIam({ path: '/', createDate: new Date('2026-05-01T10:00:01Z'), roleNames: [] });
    const denied = { getInstanceProfile: () => Promise.reject(new Error('AccessDenied')) };
    await expect(createInstanceProfileForRole({ roleName: 'web', startedAt }, fake.iam, denied)).rejects.toMatchObject({ name: 'EntityAlreadyExistsException' });
  });
});
