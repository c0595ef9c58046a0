import type { AwsCallContext } from '../../../aws/errors.ts';
import type { Step } from './model/create-plan.ts';

/** The IAM action and resource a step needs, for error messages when AWS's denial names none. */
export function actionOf(step: Step): AwsCallContext {
  const action = `iam:${step.command}`;
  if ('RoleName' in step.input) return { action, resource: `role ${step.input.RoleName}` };
  return { action };
}
