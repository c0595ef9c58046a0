/**
 * Reconciling a call whose reply was lost: the call can take effect at AWS and still fail at the console, and its
 * second copy is answered "already exists". These checks compare what IAM now holds with what the call asked for,
 * and refuse whenever it is not clearly ours. The instance-profile checks live here because the role wizard, the
 * role details page and the instances page all create profiles; the wizard's role check builds on createdDuringRun.
 */

/**
 * Allowance for the difference between this browser's clock (when the run started) and IAM's (CreateDate).
 * A same-name role made more than this before the run started is never ours.
 */
export const CLOCK_SKEW_ALLOWANCE_MS = 60_000;

export function createdDuringRun(createDate: Date, runStartedAt: Date): boolean {
  return createDate.getTime() >= runStartedAt.getTime() - CLOCK_SKEW_ALLOWANCE_MS;
}

/** An instance profile as GetInstanceProfile shows it. */
export interface ExistingInstanceProfile {
  path: string;
  createDate: Date;
  roleNames: readonly string[];
}

/**
 * CreateInstanceProfile answered EntityAlreadyExists: the profile is ours only if it was created since this run
 * started, has the path we asked for and holds no role yet (the plan adds the role in the next step).
 */
export function profileIsFromCreateInstanceProfile(
  existing: ExistingInstanceProfile,
  input: { InstanceProfileName: string; Path: string },
  runStartedAt: Date,
): boolean {
  return createdDuringRun(existing.createDate, runStartedAt) && existing.path === input.Path && existing.roleNames.length === 0;
}

/**
 * AddRoleToInstanceProfile answered LimitExceeded (the profile already holds a role): done if the role it holds
 * is exactly ours, whoever added it; another role there means the profile is not what the step wanted.
 */
export function profileHoldsOnlyRole(existing: ExistingInstanceProfile, input: { InstanceProfileName: string; RoleName: string }): boolean {
  return existing.roleNames.length === 1 && existing.roleNames[0] === input.RoleName;
}
