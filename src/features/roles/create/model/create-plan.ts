/**
 * What "Create role" does, as an ordered list of IAM calls (data, so the review page can show them and their
 * CLI equivalents), and how to undo the ones that succeeded.
 */
import { awsCli } from '../../../../aws/cli.ts';
import { undoSteps, type PlanState, type PlanStep } from '../../../../aws/plan/run-plan.ts';
import type { TagRow } from '../../../../validation/iam';

export interface RoleDraft {
  roleName: string;
  /** '/' unless the use case or the user chose another path. */
  path: string;
  description: string;
  /** Seconds; left out of CreateRole when undefined (IAM then uses 3600). */
  maxSessionDuration?: number;
  /** The trust policy text exactly as shown on the review page. */
  trustPolicyJson: string;
  managedPolicies: ReadonlyArray<{ name: string; arn: string }>;
  permissionsBoundaryArn?: string;
  inlinePolicy?: { name: string; document: string };
  tags: readonly TagRow[];
  /** The console adds a same-name instance profile for roles EC2 instances assume. */
  createInstanceProfile: boolean;
}

interface Tag {
  Key: string;
  Value: string;
}

/** Inputs mirror the SDK v3 command inputs of @aws-sdk/client-iam, field for field. */
export type StepCall =
  | {
      command: 'CreateRole';
      input: {
        RoleName: string;
        Path: string;
        AssumeRolePolicyDocument: string;
        Description?: string;
        MaxSessionDuration?: number;
        PermissionsBoundary?: string;
        Tags?: Tag[];
      };
    }
  | { command: 'AttachRolePolicy'; input: { RoleName: string; PolicyArn: string } }
  | { command: 'PutRolePolicy'; input: { RoleName: string; PolicyName: string; PolicyDocument: string } }
  | { command: 'CreateInstanceProfile'; input: { InstanceProfileName: string; Path: string } }
  | { command: 'AddRoleToInstanceProfile'; input: { InstanceProfileName: string; RoleName: string } }
  | { command: 'RemoveRoleFromInstanceProfile'; input: { InstanceProfileName: string; RoleName: string } }
  | { command: 'DeleteInstanceProfile'; input: { InstanceProfileName: string } }
  | { command: 'DeleteRolePolicy'; input: { RoleName: string; PolicyName: string } }
  | { command: 'DetachRolePolicy'; input: { RoleName: string; PolicyArn: string } }
  | { command: 'DeleteRole'; input: { RoleName: string } };

export type StepCommandName = StepCall['command'];

export type Step = StepCall & PlanStep;

/** The calls, in the order the console makes them: the role, its policies, then the instance profile. */
export function buildCreatePlan(draft: RoleDraft): Step[] {
  const roleName = draft.roleName;
  const steps: Step[] = [createRoleStep(draft)];
  for (const policy of draft.managedPolicies) {
    steps.push(
      makeStep(`attach-policy:${policy.arn}`, `Attach ${policy.name}`, {
        command: 'AttachRolePolicy',
        input: { RoleName: roleName, PolicyArn: policy.arn },
      }),
    );
  }
  if (draft.inlinePolicy) {
    const { name, document } = draft.inlinePolicy;
    steps.push(
      makeStep(`put-role-policy:${name}`, `Add inline policy ${name}`, {
        command: 'PutRolePolicy',
        input: { RoleName: roleName, PolicyName: name, PolicyDocument: document },
      }),
    );
  }
  // The console names the profile after the role. It uses the role's path too, so that a permission scoped
  // to a path (arn:aws:iam::ACCT:instance-profile/team/*) covers both; for '/' this is the console's behaviour.
  if (draft.createInstanceProfile) steps.push(...instanceProfileSteps(roleName, draft.path));
  return steps;
}

/** What the IAM console does for an EC2 role and the CLI does not: a same-name instance profile holding the role. */
export function instanceProfileSteps(roleName: string, path: string): Step[] {
  return [
    makeStep('create-instance-profile', `Create instance profile ${roleName}`, {
      command: 'CreateInstanceProfile',
      input: { InstanceProfileName: roleName, Path: path },
    }),
    makeStep('add-role-to-instance-profile', `Add role ${roleName} to instance profile ${roleName}`, {
      command: 'AddRoleToInstanceProfile',
      input: { InstanceProfileName: roleName, RoleName: roleName },
    }),
  ];
}

function createRoleStep(draft: RoleDraft): Step {
  const input: Extract<StepCall, { command: 'CreateRole' }>['input'] = {
    RoleName: draft.roleName,
    Path: draft.path,
    AssumeRolePolicyDocument: draft.trustPolicyJson,
  };
  if (draft.description !== '') input.Description = draft.description;
  if (draft.maxSessionDuration !== undefined) input.MaxSessionDuration = draft.maxSessionDuration;
  if (draft.permissionsBoundaryArn) input.PermissionsBoundary = draft.permissionsBoundaryArn;
  if (draft.tags.length > 0) input.Tags = draft.tags.map((tag) => ({ Key: tag.key, Value: tag.value }));
  return makeStep('create-role', `Create role ${draft.roleName}`, { command: 'CreateRole', input });
}

/**
 * "Delete what was created": undo every step that took effect, newest first, and a failed step that may have taken
 * effect (its undo accepts NoSuchEntity). An uncertain CreateRole is left out: the role's existence shows in the
 * role list, while deleting a same-name role that is not ours could not be undone.
 */
export function cleanupSteps(run: PlanState<Step>): Step[] {
  return undoSteps(run, undoOf, { undoUncertain: (step) => step.command !== 'CreateRole' });
}

/** What undoes a step that took effect ("Delete what was created"); cleanup steps themselves are not undone. */
export function undoOf(step: Step): Step | undefined {
  const id = `undo:${step.id}`;
  switch (step.command) {
    case 'CreateRole':
      return makeStep(id, `Delete role ${step.input.RoleName}`, {
        command: 'DeleteRole',
        input: { RoleName: step.input.RoleName },
      });
    case 'AttachRolePolicy':
      return makeStep(id, `Detach ${policyNameOf(step.input.PolicyArn)}`, {
        command: 'DetachRolePolicy',
        input: { ...step.input },
      });
    case 'PutRolePolicy':
      return makeStep(id, `Delete inline policy ${step.input.PolicyName}`, {
        command: 'DeleteRolePolicy',
        input: { RoleName: step.input.RoleName, PolicyName: step.input.PolicyName },
      });
    case 'CreateInstanceProfile':
      return makeStep(id, `Delete instance profile ${step.input.InstanceProfileName}`, {
        command: 'DeleteInstanceProfile',
        input: { InstanceProfileName: step.input.InstanceProfileName },
      });
    case 'AddRoleToInstanceProfile':
      return makeStep(
        id,
        `Remove role ${step.input.RoleName} from instance profile ${step.input.InstanceProfileName}`,
        {
          command: 'RemoveRoleFromInstanceProfile',
          input: { ...step.input },
        },
      );
    default:
      return undefined; // cleanup steps are not undone
  }
}

function policyNameOf(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

function makeStep(id: string, title: string, call: StepCall): Step {
  const context = { action: `iam:${call.command}`, ...('RoleName' in call.input ? { resource: `role ${call.input.RoleName}` } : {}) };
  return { ...call, id, title, cli: awsCli('iam', call.command, call.input), context } as Step;
}
