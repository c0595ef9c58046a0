import { AddRoleToInstanceProfileCommand, CreateInstanceProfileCommand, GetInstanceProfileCommand } from '@aws-sdk/client-iam';
import { iamClient } from './clients.ts';
import { describeAwsError } from './errors.ts';
import { profileHoldsOnlyRole, profileIsFromCreateInstanceProfile, type ExistingInstanceProfile } from './reconcile.ts';

export interface CreateInstanceProfileRequest {
  roleName: string;
  /** When the user first asked (kept across their retries): a same-name empty profile newer than this is ours. */
  startedAt?: Date;
}

export interface InstanceProfileCalls {
  createInstanceProfile(name: string): Promise<void>;
  addRoleToInstanceProfile(profileName: string, roleName: string): Promise<void>;
}

export interface InstanceProfileReads {
  getInstanceProfile(profileName: string): Promise<ExistingInstanceProfile | undefined>;
}

/** GetInstanceProfile, as the reconciling checks read it (undefined when IAM answers without a profile). */
export async function readInstanceProfile(profileName: string): Promise<ExistingInstanceProfile | undefined> {
  const { InstanceProfile: profile } = await iamClient().send(new GetInstanceProfileCommand({ InstanceProfileName: profileName }));
  if (!profile?.CreateDate) return undefined;
  return {
    path: profile.Path ?? '/',
    createDate: profile.CreateDate,
    roleNames: (profile.Roles ?? []).map((role) => role.RoleName ?? ''),
  };
}

const iamCalls: InstanceProfileCalls = {
  async createInstanceProfile(name) {
    await iamClient().send(new CreateInstanceProfileCommand({ InstanceProfileName: name, Path: '/' }));
  },
  async addRoleToInstanceProfile(profileName, roleName) {
    await iamClient().send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: profileName, RoleName: roleName }));
  },
};

/**
 * What the IAM console does for an EC2 role and the CLI does not: CreateInstanceProfile with the role's name,
 * then AddRoleToInstanceProfile. An "already exists" answer (our own call repeated after a lost reply, or an
 * earlier attempt of the user's) is reconciled, never assumed: a same-name profile that already holds exactly
 * this role means everything is done; an empty one is used only if it has path `/` and was created since the
 * user first asked. Any other profile is someone else's (it may be attached to instances that would then get
 * this role), so IAM's error is shown.
 */
export async function createInstanceProfileForRole(
  request: CreateInstanceProfileRequest,
  calls: InstanceProfileCalls = iamCalls,
  reads: InstanceProfileReads = { getInstanceProfile: readInstanceProfile },
): Promise<void> {
  const { roleName } = request;
  const startedAt = request.startedAt ?? new Date();
  const readProfile = (original: unknown) => reads.getInstanceProfile(roleName).catch(() => Promise.reject(original));
  try {
    await calls.createInstanceProfile(roleName);
  } catch (error) {
    if (describeAwsError(error).code !== 'EntityAlreadyExists') throw error;
    const existing = await readProfile(error);
    if (existing && profileHoldsOnlyRole(existing, { InstanceProfileName: roleName, RoleName: roleName })) return;
    if (!existing || !profileIsFromCreateInstanceProfile(existing, { InstanceProfileName: roleName, Path: '/' }, startedAt)) throw error;
  }
  try {
    await calls.addRoleToInstanceProfile(roleName, roleName);
  } catch (error) {
    if (describeAwsError(error).code !== 'LimitExceeded') throw error;
    const existing = await readProfile(error);
    if (!existing || !profileHoldsOnlyRole(existing, { InstanceProfileName: roleName, RoleName: roleName })) throw error;
  }
}
