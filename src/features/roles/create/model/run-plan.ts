/**
 * Runs a create (or cleanup) plan one call at a time, independent of React, and stops at the first failure so
 * the UI can offer "Retry the rest" (continuePlan) or "Delete what was created" (cleanupSteps).
 *
 * A step whose reply was lost may have taken effect: the SDK (or the browser, which resends a request whose
 * reused connection broke before any answer) then sends it again, and IAM answers the second copy with
 * "already exists". Such answers are reconciled, never assumed: the caller's `reconcile` hook reads what IAM now
 * holds and the step counts as done only if that is exactly what the step made (model/reconcile.ts):
 *  - CreateRole → EntityAlreadyExists: the role has our trust policy, path, description, session duration,
 *    boundary and tags, and was created since the run started. Anything else is someone else's role.
 *  - CreateInstanceProfile → EntityAlreadyExists: the profile has our path, holds no role, and was created since
 *    the run started.
 *  - AddRoleToInstanceProfile → LimitExceeded: the profile holds exactly our role.
 *  - AttachRolePolicy and PutRolePolicy are idempotent in IAM, so a repeated call simply succeeds.
 * Without a `reconcile` hook every such answer is a failure. Whether the SDK retried (`$metadata.attempts`)
 * decides nothing: a resend by the browser's HTTP stack is invisible to the SDK.
 * Cleanup calls (Delete…, Detach…, Remove…) answered with NoSuchEntity count as done: the thing is gone, which is
 * what the cleanup wanted.
 */
import { undoSteps, type Step, type StepCommandName } from './create-plan';

export type StepStatus = 'running' | 'done' | 'already-done' | 'failed';

export interface PlanProgress {
  step: Step;
  /** 0-based position in the steps of this run. */
  index: number;
  total: number;
  status: StepStatus;
  error?: unknown;
}

export interface PlanFailure {
  step: Step;
  error: unknown;
  /** True when the call may have taken effect even though it failed (network error, timeout, 5xx). */
  outcomeUnknown: boolean;
}

export interface PlanResult {
  /** Steps that took effect (including those found already done), in order. */
  completed: Step[];
  failed?: PlanFailure;
  /** The failed step and everything after it; empty when the plan finished. */
  remaining: Step[];
}

export interface RunPlanOptions {
  /** Asked when a step is answered "already exists": true if IAM now holds exactly what the step would make. */
  reconcile?: (step: Step, error: unknown) => Promise<boolean>;
}

export type ExecuteStep = (step: Step) => Promise<void>;

export async function runPlan(
  steps: readonly Step[],
  execute: ExecuteStep,
  onProgress: (progress: PlanProgress) => void = () => undefined,
  options: RunPlanOptions = {},
): Promise<PlanResult> {
  const completed: Step[] = [];
  for (let index = 0; index < steps.length; index += 1) {
    const step = steps[index];
    const report = (status: StepStatus, error?: unknown) =>
      onProgress({ step, index, total: steps.length, status, ...(error === undefined ? {} : { error }) });
    report('running');
    try {
      await execute(step);
      completed.push(step);
      report('done');
    } catch (error) {
      if (await countsAsDone(step, error, options)) {
        completed.push(step);
        report('already-done');
        continue;
      }
      report('failed', error);
      return {
        completed,
        failed: { step, error, outcomeUnknown: isOutcomeUnknown(error) },
        remaining: steps.slice(index),
      };
    }
  }
  return { completed, remaining: [] };
}

/** Runs what a previous run left, starting with its failed step. */
export async function continuePlan(
  previous: PlanResult,
  execute: ExecuteStep,
  onProgress?: (progress: PlanProgress) => void,
  options: RunPlanOptions = {},
): Promise<PlanResult> {
  const next = await runPlan(previous.remaining, execute, onProgress, options);
  return { ...next, completed: [...previous.completed, ...next.completed] };
}

/**
 * The cleanup for "Delete what was created": undo every completed step, plus the failed step when it may
 * have taken effect (its undo tolerates NoSuchEntity). An uncertain CreateRole is left out: the role's
 * existence is visible in the role list, while deleting a same-name role that is not ours could not be undone.
 */
export function cleanupSteps(result: PlanResult): Step[] {
  const mayExist =
    result.failed?.outcomeUnknown && result.failed.step.command !== 'CreateRole' ? [result.failed.step] : [];
  return undoSteps([...result.completed, ...mayExist]);
}

const ALREADY_DONE_CODES: Partial<Record<StepCommandName, string>> = {
  CreateRole: 'EntityAlreadyExists',
  CreateInstanceProfile: 'EntityAlreadyExists',
  AddRoleToInstanceProfile: 'LimitExceeded',
};

const CLEANUP_COMMANDS: ReadonlySet<StepCommandName> = new Set([
  'DeleteRole',
  'DetachRolePolicy',
  'DeleteRolePolicy',
  'DeleteInstanceProfile',
  'RemoveRoleFromInstanceProfile',
]);

async function countsAsDone(step: Step, error: unknown, options: RunPlanOptions): Promise<boolean> {
  const code = awsErrorCode(error);
  if (CLEANUP_COMMANDS.has(step.command)) return code === 'NoSuchEntity';
  if (code === undefined || ALREADY_DONE_CODES[step.command] !== code || !options.reconcile) return false;
  return options.reconcile(step, error);
}

interface ErrorShape {
  name?: unknown;
  Code?: unknown;
  code?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

/** The AWS error code: the SDK's IAM exceptions are named `<Code>Exception` (EntityAlreadyExistsException). */
export function awsErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const shape = error as ErrorShape;
  const raw = [shape.Code, shape.code, shape.name].find(
    (value): value is string => typeof value === 'string' && value !== 'Error',
  );
  return raw?.replace(/Exception$/, '');
}

/** Whether a failed call may still have taken effect: no HTTP answer at all, or a server-side (5xx) failure. */
export function isOutcomeUnknown(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return true;
  const status = (error as ErrorShape).$metadata?.httpStatusCode;
  if (typeof status === 'number') return status >= 500;
  return true;
}
