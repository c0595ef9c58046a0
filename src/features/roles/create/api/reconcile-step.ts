/**
 * The create run's `reconcile` hook: on the refusals a repeated call gets ("already exists", or LimitExceeded for
 * the profile's role) it reads what IAM holds and asks model/reconcile.ts whether that is what the step itself
 * made. `AttachRolePolicy` and `PutRolePolicy` are idempotent in IAM, so a repeat simply succeeds.
 */
import { GetRoleCommand } from '@aws-sdk/client-iam';
import { iamClient } from '../../../../aws/clients.ts';
import { decodePolicyDocumentText } from '../../../../aws/policy-document.ts';
import type { Step, StepCommandName } from '../model/create-plan.ts';
import { readInstanceProfile } from '../../../../aws/create-instance-profile.ts';
import { profileHoldsOnlyRole, profileIsFromCreateInstanceProfile, type ExistingInstanceProfile } from '../../../../aws/reconcile.ts';
import { roleIsFromCreateRole, type ExistingRole } from '../model/reconcile.ts';

export interface IamReads {
  getRole(roleName: string): Promise<ExistingRole | undefined>;
  getInstanceProfile(profileName: string): Promise<ExistingInstanceProfile | undefined>;
}

export const iamReads: IamReads = {
  async getRole(roleName) {
    const { Role: role } = await iamClient().send(new GetRoleCommand({ RoleName: roleName }));
    if (!role?.CreateDate || role.AssumeRolePolicyDocument === undefined) return undefined;
    return {
      path: role.Path ?? '/',
      createDate: role.CreateDate,
      trustPolicyJson: decodePolicyDocumentText(role.AssumeRolePolicyDocument),
      ...(role.Description !== undefined ? { description: role.Description } : {}),
      ...(role.MaxSessionDuration !== undefined ? { maxSessionDuration: role.MaxSessionDuration } : {}),
      ...(role.PermissionsBoundary?.PermissionsBoundaryArn ? { permissionsBoundaryArn: role.PermissionsBoundary.PermissionsBoundaryArn } : {}),
      tags: (role.Tags ?? []).map((tag) => ({ Key: tag.Key ?? '', Value: tag.Value ?? '' })),
    };
  },
  getInstanceProfile: readInstanceProfile,
};

/** What IAM answers a repeat of each call with, once the first copy took effect. */
const REPEAT_REFUSALS: Partial<Record<StepCommandName, string>> = {
  CreateRole: 'EntityAlreadyExists',
  CreateInstanceProfile: 'EntityAlreadyExists',
  AddRoleToInstanceProfile: 'LimitExceeded',
};

/** The hook for a run that started at `runStartedAt`; `code` is AWS's refusal of the step. */
export function reconcileCreateStep(runStartedAt: Date, reads: IamReads = iamReads) {
  return async (step: Step, code: string): Promise<boolean> => {
    if (REPEAT_REFUSALS[step.command] !== code) return false;
    try {
      switch (step.command) {
        case 'CreateRole': {
          const role = await reads.getRole(step.input.RoleName);
          return role !== undefined && roleIsFromCreateRole(role, step.input, runStartedAt);
        }
        case 'CreateInstanceProfile': {
          const profile = await reads.getInstanceProfile(step.input.InstanceProfileName);
          return profile !== undefined && profileIsFromCreateInstanceProfile(profile, step.input, runStartedAt);
        }
        case 'AddRoleToInstanceProfile': {
          const profile = await reads.getInstanceProfile(step.input.InstanceProfileName);
          return profile !== undefined && profileHoldsOnlyRole(profile, step.input);
        }
        default:
          return false;
      }
    } catch {
      return false;
    }
  };
}
