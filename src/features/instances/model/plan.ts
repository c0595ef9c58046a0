import type { ProfileAssociation, ProfileRef } from './association.ts';
import { roleChangeBlockedReason } from './instance-state.ts';

export type RoleChoice = { kind: 'profile'; profile: ProfileRef } | { kind: 'none' };

/** What Update IAM role will do, decided from the instance's state and its current association (aws-semantics §A.2). */
export type RolePlan =
  | { kind: 'associate'; instanceId: string; profile: ProfileRef }
  | { kind: 'replace'; instanceId: string; associationId: string; profile: ProfileRef }
  /** AWS replaces associations only on running instances: a stopped one is detached, then attached. */
  | { kind: 'disassociate-then-associate'; instanceId: string; associationId: string; profile: ProfileRef }
  | { kind: 'disassociate'; instanceId: string; associationId: string }
  | { kind: 'nothing'; instanceId: string; reason: string }
  | { kind: 'blocked'; instanceId: string; reason: string };

export interface PlanInput {
  instanceId: string;
  state: string;
  current: ProfileAssociation | undefined;
  choice: RoleChoice;
}

export function planRoleChange({ instanceId, state, current, choice }: PlanInput): RolePlan {
  const blocked = roleChangeBlockedReason(state);
  if (blocked) return { kind: 'blocked', instanceId, reason: blocked };
  if (choice.kind === 'none') {
    if (!current) return { kind: 'nothing', instanceId, reason: 'The instance has no IAM role.' };
    return { kind: 'disassociate', instanceId, associationId: current.associationId };
  }
  const { profile } = choice;
  if (!current) return { kind: 'associate', instanceId, profile };
  if (current.profileArn === profile.arn) {
    return { kind: 'nothing', instanceId, reason: `The instance already has instance profile ${profile.name}.` };
  }
  if (state === 'stopped') return { kind: 'disassociate-then-associate', instanceId, associationId: current.associationId, profile };
  return { kind: 'replace', instanceId, associationId: current.associationId, profile };
}

/** Whether a plan changes anything (Update IAM role is enabled only then). */
export function planChangesSomething(plan: RolePlan): boolean {
  return plan.kind !== 'nothing' && plan.kind !== 'blocked';
}

/** The AWS CLI commands that do what the plan does, one per line, ready to paste. */
export function cliEquivalent(plan: RolePlan, region: string): string[] {
  const regionFlag = `--region ${region}`;
  const associate = (instanceId: string, profile: ProfileRef) =>
    `aws ec2 associate-iam-instance-profile ${regionFlag} --instance-id ${instanceId} --iam-instance-profile Name="${profile.name}"`;
  const disassociate = (associationId: string) => `aws ec2 disassociate-iam-instance-profile ${regionFlag} --association-id ${associationId}`;
  switch (plan.kind) {
    case 'associate':
      return [associate(plan.instanceId, plan.profile)];
    case 'replace':
      return [
        `aws ec2 replace-iam-instance-profile-association ${regionFlag} --association-id ${plan.associationId} --iam-instance-profile Name="${plan.profile.name}"`,
      ];
    case 'disassociate-then-associate':
      return [disassociate(plan.associationId), associate(plan.instanceId, plan.profile)];
    case 'disassociate':
      return [disassociate(plan.associationId)];
    case 'nothing':
    case 'blocked':
      return [];
  }
}
