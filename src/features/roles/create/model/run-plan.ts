/**
 * Runs a create (or cleanup) plan one call at a time, independent of React, and stops at the first failure so
 * the UI can offer "Retry the rest" (continuePlan) or "Delete what was created" (cleanupSteps).
 *
 * When does an "already exists" answer count as success? Only when this plan may itself have caused it:
 * the same step was sent before and its outcome is unknown (the connection dropped, the request timed out, or
 * IAM answered 5xx), either in an earlier run (`uncertainStepIds`) or inside the SDK's own retries
 * (`$metadata.attempts > 1` on the error). Otherwise the name belongs to someone else and the step fails.
 *  - CreateInstanceProfile → EntityAlreadyExists: counts as done when uncertain. The worst case (someone else
 *    created an empty profile of the role's name in that instant) is caught by the next step, which fails
 *    with LimitExceeded if the profile already holds another role.
 *  - AddRoleToInstanceProfile → LimitExceeded (the profile already holds a role): counts as done when uncertain.
 *  - CreateRole → EntityAlreadyExists: never assumed. Treating someone else's role as ours would attach our
 *    policies to it (granting its users permissions) and "Delete what was created" would delete it. It counts
 *    as done only if the caller's `confirmAlreadyDone` hook checks the existing role (e.g. GetRole: same trust
 *    policy, created after the plan started) and says yes.
 *  - AttachRolePolicy and PutRolePolicy are idempotent in IAM, so a retry simply repeats them.
 *  - Cleanup calls (Delete…, Detach…, Remove…) answered with NoSuchEntity count as done: the thing is gone,
 *    which is what the cleanup wanted.
 * `confirmAlreadyDone`, when given, is asked for every accepted case and may veto it.
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
  /** Steps whose earlier attempt has an unknown outcome (from a previous PlanResult's failure). */
  uncertainStepIds?: ReadonlySet<string>;
  /** Asked before an "already exists" answer is taken as success; required for CreateRole. */
  confirmAlreadyDone?: (step: Step, error: unknown) => Promise<boolean>;
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

/** Runs what a previous run left, treating its failed step as uncertain when its outcome was unknown. */
export async function continuePlan(
  previous: PlanResult,
  execute: ExecuteStep,
  onProgress?: (progress: PlanProgress) => void,
  options: Omit<RunPlanOptions, 'uncertainStepIds'> = {},
): Promise<PlanResult> {
  const uncertainStepIds = new Set<string>();
  if (previous.failed?.outcomeUnknown) uncertainStepIds.add(previous.failed.step.id);
  const next = await runPlan(previous.remaining, execute, onProgress, { ...options, uncertainStepIds });
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
  if (code === undefined || ALREADY_DONE_CODES[step.command] !== code) return false;
  const uncertain = options.uncertainStepIds?.has(step.id) === true || attemptsOf(error) > 1;
  if (!uncertain) return false;
  if (step.command === 'CreateRole' && !options.confirmAlreadyDone) return false;
  return options.confirmAlreadyDone ? options.confirmAlreadyDone(step, error) : true;
}

interface ErrorShape {
  name?: unknown;
  Code?: unknown;
  code?: unknown;
  $metadata?: { httpStatusCode?: unknown; attempts?: unknown };
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

function attemptsOf(error: unknown): number {
  if (typeof error !== 'object' || error === null) return 0;
  const attempts = (error as ErrorShape).$metadata?.attempts;
  return typeof attempts === 'number' ? attempts : 0;
}

/** Whether a failed call may still have taken effect: no HTTP answer at all, or a server-side (5xx) failure. */
export function isOutcomeUnknown(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return true;
  const status = (error as ErrorShape).$metadata?.httpStatusCode;
  if (typeof status === 'number') return status >= 500;
  return true;
}
