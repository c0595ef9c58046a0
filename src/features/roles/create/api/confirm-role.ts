/** Whether a role IAM already has is the one an earlier, unanswered CreateRole of this run made. */
import { GetRoleCommand } from '@aws-sdk/client-iam';
import { iamClient } from '../../../../aws/clients.ts';
import { decodePolicyDocumentText } from '../../../../aws/policy-document.ts';
import type { Step } from '../model/create-plan.ts';

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
