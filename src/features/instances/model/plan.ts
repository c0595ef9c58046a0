import { awsCli } from '../../../aws/cli.ts';
import type { PlanStep } from '../../../aws/plan/run-plan.ts';
import type { ProfileAssociation, ProfileRef } from './association.ts';
import { roleChangeBlockedReason } from './instance-state.ts';

export type RoleChoice = { kind: 'profile'; profile: ProfileRef } | { kind: 'none' };

/** What Update IAM role will do, decided from the instance's state and its current association (aws-semantics §A.2). */
export type RolePlan =
  | { kind: 'associate'; instanceId: string; profile: ProfileRef }
  | { kind: 'replace'; instanceId: string; associationId: string; profile: ProfileRef; previous: ProfileRef }
  /** AWS replaces associations only on running instances: a stopped one is detached, then attached. */
  | { kind: 'disassociate-then-associate'; instanceId: string; associationId: string; profile: ProfileRef; previous: ProfileRef }
  | { kind: 'disassociate'; instanceId: string; associationId: string; previous: ProfileRef }
  | { kind: 'nothing'; instanceId: string; reason: string }
  | { kind: 'blocked'; instanceId: string; reason: string };

export interface PlanInput {
  instanceId: string;
  state: string;
  current: ProfileAssociation | undefined;
  choice: RoleChoice;
}

/** The profile of an association, by the name EC2 accepts (the last part of its ARN). */
function profileOf(association: ProfileAssociation): ProfileRef {
  return { name: association.profileArn.slice(association.profileArn.lastIndexOf('/') + 1), arn: association.profileArn };
}

export function planRoleChange({ instanceId, state, current, choice }: PlanInput): RolePlan {
  const blocked = roleChangeBlockedReason(state);
  if (blocked) return { kind: 'blocked', instanceId, reason: blocked };
  if (choice.kind === 'none') {
    if (!current) return { kind: 'nothing', instanceId, reason: 'The instance has no IAM role.' };
    return { kind: 'disassociate', instanceId, associationId: current.associationId, previous: profileOf(current) };
  }
  const { profile } = choice;
  if (!current) return { kind: 'associate', instanceId, profile };
  if (current.profileArn === profile.arn) {
    return { kind: 'nothing', instanceId, reason: `The instance already has instance profile ${profile.name}.` };
  }
  const change = { instanceId, associationId: current.associationId, profile, previous: profileOf(current) };
  if (state === 'stopped') return { kind: 'disassociate-then-associate', ...change };
  return { kind: 'replace', ...change };
}

/** Whether a plan changes anything (Update IAM role is enabled only then). */
export function planChangesSomething(plan: RolePlan): boolean {
  return plan.kind !== 'nothing' && plan.kind !== 'blocked';
}

/** One EC2 call of a role change, as a step of the shared plan runner. */
export type RoleStepCall =
  | { operation: 'AssociateIamInstanceProfile'; instanceId: string; profile: ProfileRef }
  | { operation: 'ReplaceIamInstanceProfileAssociation'; instanceId: string; associationId: string; profile: ProfileRef; previous: ProfileRef }
  | { operation: 'DisassociateIamInstanceProfile'; instanceId: string; associationId: string; previous: ProfileRef };

export type RoleStep = RoleStepCall & PlanStep & { region: string };

/** Profiles are passed by name, as the EC2 guide's CLI commands do, so the CLI equivalent is the same call. */
function roleStep(region: string, call: RoleStepCall, idPrefix = ''): RoleStep {
  const { title, input } = describeCall(call);
  return {
    ...call,
    region,
    id: `${idPrefix}${call.instanceId}:${call.operation}`,
    title,
    cli: awsCli('ec2', call.operation, input, { region }),
    context: { action: `ec2:${call.operation}` },
  };
}

function describeCall(call: RoleStepCall): { title: string; input: object } {
  switch (call.operation) {
    case 'AssociateIamInstanceProfile':
      return {
        title: `Attach instance profile ${call.profile.name} to ${call.instanceId}`,
        input: { InstanceId: call.instanceId, IamInstanceProfile: { Name: call.profile.name } },
      };
    case 'ReplaceIamInstanceProfileAssociation':
      return {
        title: `Replace instance profile ${call.previous.name} with ${call.profile.name} on ${call.instanceId}`,
        input: { AssociationId: call.associationId, IamInstanceProfile: { Name: call.profile.name } },
      };
    case 'DisassociateIamInstanceProfile':
      return { title: `Detach instance profile ${call.previous.name} from ${call.instanceId}`, input: { AssociationId: call.associationId } };
  }
}

/** The EC2 calls that carry out a plan, in order (none when it changes nothing). */
export function roleSteps(plan: RolePlan, region: string): RoleStep[] {
  const associate = (profile: ProfileRef) => roleStep(region, { operation: 'AssociateIamInstanceProfile', instanceId: plan.instanceId, profile });
  const detach = (associationId: string, previous: ProfileRef) =>
    roleStep(region, { operation: 'DisassociateIamInstanceProfile', instanceId: plan.instanceId, associationId, previous });
  switch (plan.kind) {
    case 'associate':
      return [associate(plan.profile)];
    case 'replace':
      return [roleStep(region, { operation: 'ReplaceIamInstanceProfileAssociation', instanceId: plan.instanceId, associationId: plan.associationId, profile: plan.profile, previous: plan.previous })];
    case 'disassociate-then-associate':
      return [detach(plan.associationId, plan.previous), associate(plan.profile)];
    case 'disassociate':
      return [detach(plan.associationId, plan.previous)];
    case 'nothing':
    case 'blocked':
      return [];
  }
}

/**
 * What puts an instance's previous role back after a step took effect; `made` is the association the step left
 * (its output). An attach is undone by detaching what it made, a replace by replacing back, a detach by attaching.
 */
export function undoRoleStep(step: RoleStep, made: unknown): RoleStep | undefined {
  const undo = (call: RoleStepCall) => roleStep(step.region, call, 'undo:');
  // The runner keeps what send returned: for attach and replace, the association in place (apply-plan.ts).
  const association = made as ProfileAssociation | undefined;
  switch (step.operation) {
    case 'AssociateIamInstanceProfile':
      return association
        ? undo({ operation: 'DisassociateIamInstanceProfile', instanceId: step.instanceId, associationId: association.associationId, previous: step.profile })
        : undefined;
    case 'ReplaceIamInstanceProfileAssociation':
      return association
        ? undo({ operation: 'ReplaceIamInstanceProfileAssociation', instanceId: step.instanceId, associationId: association.associationId, profile: step.previous, previous: step.profile })
        : undefined;
    case 'DisassociateIamInstanceProfile':
      return undo({ operation: 'AssociateIamInstanceProfile', instanceId: step.instanceId, profile: step.previous });
  }
}
