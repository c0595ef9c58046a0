/**
 * Deleting a role as the IAM console does it, call by call: IAM's DeleteRole refuses (DeleteConflict) while the
 * role is in an instance profile or has policies, so the console clears those first. Only the profile with the
 * role's own name is deleted (the one the console created); other profiles are left, empty.
 */
import { roleCli } from './cli.ts';

export interface RoleDeletionFacts {
  roleName: string;
  /** Every instance profile holding the role (ListInstanceProfilesForRole). */
  profileNames: readonly string[];
  attachedPolicies: readonly { name: string; arn: string }[];
  inlinePolicyNames: readonly string[];
  boundaryArn?: string;
}

export type DeleteStepCall =
  | { command: 'RemoveRoleFromInstanceProfile'; input: { InstanceProfileName: string; RoleName: string } }
  | { command: 'DeleteInstanceProfile'; input: { InstanceProfileName: string } }
  | { command: 'DetachRolePolicy'; input: { RoleName: string; PolicyArn: string } }
  | { command: 'DeleteRolePolicy'; input: { RoleName: string; PolicyName: string } }
  | { command: 'DeleteRolePermissionsBoundary'; input: { RoleName: string } }
  | { command: 'DeleteRole'; input: { RoleName: string } };

export type DeleteStep = DeleteStepCall & {
  id: string;
  roleName: string;
  /** What the step does, in words. */
  title: string;
  cli: string;
};

function step(roleName: string, title: string, call: DeleteStepCall, cli: string): DeleteStep {
  return { ...call, id: `${roleName}:${call.command}:${JSON.stringify(call.input)}`, roleName, title, cli } as DeleteStep;
}

export function isSameName(profileName: string, roleName: string): boolean {
  // IAM names are unique regardless of case, so "webserverrole" is the role's same-name profile too.
  return profileName.toLowerCase() === roleName.toLowerCase();
}

/** The calls that delete one role, in the order the console makes them. */
export function buildRoleDeletePlan(facts: RoleDeletionFacts): DeleteStep[] {
  const role = facts.roleName;
  const steps: DeleteStep[] = [];
  for (const profile of facts.profileNames) {
    steps.push(
      step(
        role,
        `Remove ${role} from instance profile ${profile}`,
        { command: 'RemoveRoleFromInstanceProfile', input: { InstanceProfileName: profile, RoleName: role } },
        roleCli.removeRoleFromInstanceProfile(profile, role),
      ),
    );
  }
  const sameName = facts.profileNames.find((profile) => isSameName(profile, role));
  if (sameName !== undefined) {
    steps.push(
      step(role, `Delete instance profile ${sameName}`, { command: 'DeleteInstanceProfile', input: { InstanceProfileName: sameName } }, roleCli.deleteInstanceProfile(sameName)),
    );
  }
  for (const policy of facts.attachedPolicies) {
    steps.push(
      step(
        role,
        `Detach managed policy ${policy.name}`,
        { command: 'DetachRolePolicy', input: { RoleName: role, PolicyArn: policy.arn } },
        roleCli.detachRolePolicy(role, policy.arn),
      ),
    );
  }
  for (const name of facts.inlinePolicyNames) {
    steps.push(
      step(role, `Delete inline policy ${name}`, { command: 'DeleteRolePolicy', input: { RoleName: role, PolicyName: name } }, roleCli.deleteRolePolicy(role, name)),
    );
  }
  if (facts.boundaryArn) {
    steps.push(
      step(role, 'Delete the permissions boundary', { command: 'DeleteRolePermissionsBoundary', input: { RoleName: role } }, roleCli.deleteRolePermissionsBoundary(role)),
    );
  }
  steps.push(step(role, `Delete role ${role}`, { command: 'DeleteRole', input: { RoleName: role } }, roleCli.deleteRole(role)));
  return steps;
}

/** Profiles that stay behind, empty, because they do not carry the role's name. */
export function profilesLeftEmpty(facts: RoleDeletionFacts): string[] {
  return facts.profileNames.filter((profile) => !isSameName(profile, facts.roleName));
}

export type DeleteStepStatus = 'pending' | 'running' | 'done' | 'already-done' | 'failed';

export interface DeleteRun {
  statuses: Readonly<Record<string, DeleteStepStatus>>;
  failed?: { step: DeleteStep; error: unknown };
  /** The failed step and everything after it; empty when every step succeeded. */
  remaining: DeleteStep[];
}

/**
 * Runs the steps one at a time and stops at the first failure. A step answered NoSuchEntity counts as done:
 * what it would remove is already gone (e.g. a retry after a dropped connection, or someone else was faster).
 */
export async function runDeleteSteps(
  steps: readonly DeleteStep[],
  execute: (step: DeleteStep) => Promise<void>,
  errorCode: (error: unknown) => string,
  onStatus: (step: DeleteStep, status: DeleteStepStatus, error?: unknown) => void,
): Promise<DeleteRun> {
  const statuses: Record<string, DeleteStepStatus> = {};
  for (let index = 0; index < steps.length; index += 1) {
    const current = steps[index]!;
    statuses[current.id] = 'running';
    onStatus(current, 'running');
    try {
      await execute(current);
      statuses[current.id] = 'done';
      onStatus(current, 'done');
    } catch (error) {
      if (errorCode(error) === 'NoSuchEntity') {
        statuses[current.id] = 'already-done';
        onStatus(current, 'already-done');
        continue;
      }
      statuses[current.id] = 'failed';
      onStatus(current, 'failed', error);
      return { statuses, failed: { step: current, error }, remaining: steps.slice(index) };
    }
  }
  return { statuses, remaining: [] };
}
