/** Sends the steps of a role deletion plan (model/delete-plan.ts) to IAM, one SDK command per step. */
import {
  DeleteInstanceProfileCommand,
  DeleteRoleCommand,
  DeleteRolePermissionsBoundaryCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  RemoveRoleFromInstanceProfileCommand,
} from '@aws-sdk/client-iam';
import { iamClient } from '../../../aws/clients.ts';
import type { DeleteStep } from '../model/delete-plan.ts';

export async function executeDeleteStep(step: DeleteStep): Promise<void> {
  const iam = iamClient();
  switch (step.command) {
    case 'RemoveRoleFromInstanceProfile':
      await iam.send(new RemoveRoleFromInstanceProfileCommand(step.input));
      return;
    case 'DeleteInstanceProfile':
      await iam.send(new DeleteInstanceProfileCommand(step.input));
      return;
    case 'DetachRolePolicy':
      await iam.send(new DetachRolePolicyCommand(step.input));
      return;
    case 'DeleteRolePolicy':
      await iam.send(new DeleteRolePolicyCommand(step.input));
      return;
    case 'DeleteRolePermissionsBoundary':
      await iam.send(new DeleteRolePermissionsBoundaryCommand(step.input));
      return;
    case 'DeleteRole':
      await iam.send(new DeleteRoleCommand(step.input));
      return;
  }
}
