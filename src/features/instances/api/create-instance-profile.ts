import { createInstanceProfileForRole as createReconciled } from '../../../aws/create-instance-profile.ts';

/**
 * What the IAM console does for EC2 roles and the CLI does not: a same-name instance profile holding the role.
 * One implementation with the role details page (aws/create-instance-profile.ts), which reconciles "already exists"
 * answers after a lost reply or an earlier attempt. `startedAt` is when the user first asked; keep it across their retries.
 */
export function createInstanceProfileForRole(roleName: string, startedAt: Date): Promise<void> {
  return createReconciled({ roleName, startedAt });
}
