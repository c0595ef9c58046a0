/**
 * Sends one step of a create (or cleanup) plan to IAM with the matching SDK v3 command; the plan's inputs
 * mirror the commands' inputs field for field.
 */
import {
  AddRoleToInstanceProfileCommand,
  AttachRolePolicyCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  DeleteInstanceProfileCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  GetRoleCommand,
  PutRolePolicyCommand,
  RemoveRoleFromInstanceProfileCommand,
} from '@aws-sdk/client-iam';
import { iamClient } from '../../../../aws/clients.ts';
import { decodePolicyDocumentText } from '../../../../aws/policy-document.ts';
import type { Step } from '../model/create-plan.ts';

export async function executeStep(step: Step): Promise<void> {
  const iam = iamClient();
  switch (step.command) {
    case 'CreateRole':
      await iam.send(new CreateRoleCommand(step.input));
      return;
    case 'AttachRolePolicy':
      await iam.send(new AttachRolePolicyCommand(step.input));
      return;
    case 'PutRolePolicy':
      await iam.send(new PutRolePolicyCommand(step.input));
      return;
    case 'CreateInstanceProfile':
      await iam.send(new CreateInstanceProfileCommand(step.input));
      return;
    case 'AddRoleToInstanceProfile':
      await iam.send(new AddRoleToInstanceProfileCommand(step.input));
      return;
    case 'RemoveRoleFromInstanceProfile':
      await iam.send(new RemoveRoleFromInstanceProfileCommand(step.input));
      return;
    case 'DeleteInstanceProfile':
      await iam.send(new DeleteInstanceProfileCommand(step.input));
      return;
    case 'DeleteRolePolicy':
      await iam.send(new DeleteRolePolicyCommand(step.input));
      return;
    case 'DetachRolePolicy':
      await iam.send(new DetachRolePolicyCommand(step.input));
      return;
    case 'DeleteRole':
      await iam.send(new DeleteRoleCommand(step.input));
      return;
  }
}

function sameJson(left: string, right: string): boolean {
  try {
    return JSON.stringify(JSON.parse(left)) === JSON.stringify(JSON.parse(right));
  } catch {
    return left === right;
  }
}

/**
 * run-plan asks this before it takes "Role with name X already exists" as our own earlier CreateRole (only when
 * that earlier call's outcome was unknown): the role must have our trust policy and be newer than this run.
 */
export function confirmRoleIsOurs(startedAt: Date) {
  return async (step: Step): Promise<boolean> => {
    if (step.command !== 'CreateRole') return true;
    try {
      const output = await iamClient().send(new GetRoleCommand({ RoleName: step.input.RoleName }));
      const role = output.Role;
      if (!role?.AssumeRolePolicyDocument || !role.CreateDate) return false;
      const createdDuringRun = role.CreateDate.getTime() >= startedAt.getTime() - 60_000;
      return createdDuringRun && sameJson(decodePolicyDocumentText(role.AssumeRolePolicyDocument), step.input.AssumeRolePolicyDocument);
    } catch {
      return false;
    }
  };
}
