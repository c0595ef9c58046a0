/**
 * Sends one IAM call of a role plan (create, cleanup or deletion) with the matching SDK v3 command; the plans'
 * inputs mirror the commands' inputs field for field.
 */
import {
  AddRoleToInstanceProfileCommand,
  AttachRolePolicyCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  DeleteInstanceProfileCommand,
  DeleteRoleCommand,
  DeleteRolePermissionsBoundaryCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  PutRolePolicyCommand,
  RemoveRoleFromInstanceProfileCommand,
} from '@aws-sdk/client-iam';
import { iamClient } from '../../../aws/clients.ts';
import type { PlanStep, StepRunner } from '../../../aws/plan/run-plan.ts';
import type { StepCall } from '../create/model/create-plan.ts';
import type { DeleteStepCall } from '../model/delete-plan.ts';

export async function sendRoleCall(call: StepCall | DeleteStepCall): Promise<void> {
  const iam = iamClient();
  switch (call.command) {
    case 'CreateRole':
      await iam.send(new CreateRoleCommand(call.input));
      return;
    case 'AttachRolePolicy':
      await iam.send(new AttachRolePolicyCommand(call.input));
      return;
    case 'PutRolePolicy':
      await iam.send(new PutRolePolicyCommand(call.input));
      return;
    case 'CreateInstanceProfile':
      await iam.send(new CreateInstanceProfileCommand(call.input));
      return;
    case 'AddRoleToInstanceProfile':
      await iam.send(new AddRoleToInstanceProfileCommand(call.input));
      return;
    case 'RemoveRoleFromInstanceProfile':
      await iam.send(new RemoveRoleFromInstanceProfileCommand(call.input));
      return;
    case 'DeleteInstanceProfile':
      await iam.send(new DeleteInstanceProfileCommand(call.input));
      return;
    case 'DeleteRolePolicy':
      await iam.send(new DeleteRolePolicyCommand(call.input));
      return;
    case 'DetachRolePolicy':
      await iam.send(new DetachRolePolicyCommand(call.input));
      return;
    case 'DeleteRolePermissionsBoundary':
      await iam.send(new DeleteRolePermissionsBoundaryCommand(call.input));
      return;
    case 'DeleteRole':
      await iam.send(new DeleteRoleCommand(call.input));
      return;
  }
}

/**
 * Runs deletions ("Delete role", and "Delete what was created" after a failed create). A removal answered
 * NoSuchEntity is done: what it removes is gone (its own earlier copy whose reply was lost, or someone was faster).
 */
export const roleRemovalRunner: StepRunner<PlanStep & (StepCall | DeleteStepCall)> = {
  send: (step) => sendRoleCall(step),
  reconcile: (_step, code) => code === 'NoSuchEntity',
};
