import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AddRoleToInstanceProfileCommand, CreateInstanceProfileCommand } from '@aws-sdk/client-iam';
import { iamClient } from '../../../aws/clients.ts';
import { planState, runPlan, summarize, type StepRunner } from '../../../aws/plan/run-plan.ts';
import { iamReads, type IamReads } from '../create/api/reconcile-step.ts';
import { instanceProfileSteps, type Step } from '../create/model/create-plan.ts';
import { profileHoldsOnlyRole, profileIsFromCreateInstanceProfile } from '../create/model/reconcile.ts';
import { invalidateProfiles } from './invalidate.ts';

export interface CreateInstanceProfileRequest {
  roleName: string;
  /** When the user first asked (kept across their retries): a same-name empty profile newer than this is ours. */
  startedAt?: Date;
}

export interface InstanceProfileCalls {
  createInstanceProfile(name: string): Promise<void>;
  addRoleToInstanceProfile(profileName: string, roleName: string): Promise<void>;
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
 * then AddRoleToInstanceProfile, as a plan on the shared runner. An "already exists" answer (our own call repeated
 * after a lost reply, or an earlier attempt of the user's) is reconciled, never assumed: a same-name profile that
 * already holds exactly this role means the step is done (and AddRoleToInstanceProfile's LimitExceeded then too);
 * an empty one is used only if it has path `/` and was created since the user first asked. Any other profile is
 * someone else's (it may be attached to instances that would then get this role), so IAM's error is shown.
 */
export async function createInstanceProfileForRole(
  request: CreateInstanceProfileRequest,
  calls: InstanceProfileCalls = iamCalls,
  reads: Pick<IamReads, 'getInstanceProfile'> = iamReads,
): Promise<void> {
  const { roleName } = request;
  const startedAt = request.startedAt ?? new Date();
  const ours = { InstanceProfileName: roleName, RoleName: roleName };
  const runner: StepRunner<Step> = {
    send: (step) => (step.command === 'CreateInstanceProfile' ? calls.createInstanceProfile(roleName) : calls.addRoleToInstanceProfile(roleName, roleName)),
    async reconcile(step, code) {
      if (step.command === 'CreateInstanceProfile' && code === 'EntityAlreadyExists') {
        const existing = await reads.getInstanceProfile(roleName);
        return existing !== undefined && (profileHoldsOnlyRole(existing, ours) || profileIsFromCreateInstanceProfile(existing, { InstanceProfileName: roleName, Path: '/' }, startedAt));
      }
      if (step.command === 'AddRoleToInstanceProfile' && code === 'LimitExceeded') {
        const existing = await reads.getInstanceProfile(roleName);
        return existing !== undefined && profileHoldsOnlyRole(existing, ours);
      }
      return false;
    },
  };
  const { failed } = summarize(await runPlan(planState(instanceProfileSteps(roleName, '/')), runner));
  if (failed) throw failed.error;
}

export function useCreateInstanceProfileForRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateInstanceProfileRequest) => createInstanceProfileForRole(request),
    onSettled: () => invalidateProfiles(queryClient),
  });
}
