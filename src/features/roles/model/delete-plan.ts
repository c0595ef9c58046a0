/**
 * Deleting a role as the IAM console does it, call by call: IAM's DeleteRole refuses (DeleteConflict) while the
 * role is in an instance profile or has policies, so the console clears those first. Only the profile with the
 * role's own name is deleted (the one the console created); other profiles are left, empty.
 */
import { awsCli } from '../../../aws/cli.ts';
import type { PlanStep } from '../../../aws/plan/run-plan.ts';

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

export type DeleteStep = DeleteStepCall & PlanStep & { roleName: string };

function step(roleName: string, title: string, call: DeleteStepCall): DeleteStep {
  return {
    ...call,
    id: `${roleName}:${call.command}:${JSON.stringify(call.input)}`,
    roleName,
    title,
    cli: awsCli('iam', call.command, call.input),
    context: { action: `iam:${call.command}` },
  } as DeleteStep;
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
      ),
    );
  }
  const sameName = facts.profileNames.find((profile) => isSameName(profile, role));
  if (sameName !== undefined) {
    steps.push(
      step(role, `Delete instance profile ${sameName}`, { command: 'DeleteInstanceProfile', input: { InstanceProfileName: sameName } }),
    );
  }
  for (const policy of facts.attachedPolicies) {
    steps.push(
      step(
        role,
        `Detach managed policy ${policy.name}`,
        { command: 'DetachRolePolicy', input: { RoleName: role, PolicyArn: policy.arn } },
      ),
    );
  }
  for (const name of facts.inlinePolicyNames) {
    steps.push(
      step(role, `Delete inline policy ${name}`, { command: 'DeleteRolePolicy', input: { RoleName: role, PolicyName: name } }),
    );
  }
  if (facts.boundaryArn) {
    steps.push(
      step(role, 'Delete the permissions boundary', { command: 'DeleteRolePermissionsBoundary', input: { RoleName: role } }),
    );
  }
  steps.push(step(role, `Delete role ${role}`, { command: 'DeleteRole', input: { RoleName: role } }));
  return steps;
}

/** Profiles that stay behind, empty, because they do not carry the role's name. */
export function profilesLeftEmpty(facts: RoleDeletionFacts): string[] {
  return facts.profileNames.filter((profile) => !isSameName(profile, facts.roleName));
}
