/**
 * The one runner of multi-step changes (create role, delete role, policy changes, IAM roles of instances).
 * A plan is a list of steps, each one AWS call with its AWS CLI equivalent; its progress is a value
 * (`PlanState`), so React only stores it. The runner makes the calls one at a time and stops at the first
 * failure; running the same state again retries the failed step and the rest (what is done stays done), and
 * `undoSteps` builds the plan that undoes what was done, newest first.
 *
 * Lost replies are reconciled, never assumed. A call can take effect at AWS while its reply is lost; the SDK (or
 * the browser, which resends a request whose reused connection broke before any answer, invisibly to the SDK)
 * then sends it again and AWS refuses the second copy. On a refusal the runner asks the flow's `reconcile` hook,
 * which reads what AWS now holds and answers true only if it is exactly what the step makes; the step then counts
 * as "already done". Without a hook, or when the hook's read fails, the refusal is the step's failure.
 */
import { awsErrorCode, isOutcomeUnknown, type AwsCallContext } from '../errors.ts';

/** One AWS call of a plan. Flows extend it with their call's data (operation and SDK input). */
export interface PlanStep {
  /** Unique within a plan, stable across retries. */
  id: string;
  /** What the progress view shows, e.g. "Attach AmazonS3ReadOnlyAccess". */
  title: string;
  /** The same call for the AWS CLI v2 (`awsCli`). */
  cli: string;
  /** The action (and resource) the call needs, named when AWS refuses without saying which. */
  context: AwsCallContext;
}

export type StepStatus = 'pending' | 'running' | 'done' | 'already-done' | 'failed';

export interface StepState<S extends PlanStep> {
  step: S;
  status: StepStatus;
  /** Why the step failed (status `failed`). */
  error?: unknown;
  /** What the call returned (e.g. the association it made), for the steps after it and for undoing it. */
  output?: unknown;
  /** What a running step is waiting for, e.g. "Waiting for IAM to propagate…". */
  note?: string;
}

/** The progress of a plan: every step and its state, in order. */
export interface PlanState<S extends PlanStep> {
  steps: readonly StepState<S>[];
}

export interface StepCall {
  signal?: AbortSignal;
  /** Shows what a long step is waiting for, next to its title. */
  note(text: string): void;
}

/** How a flow makes its steps' calls. */
export interface StepRunner<S extends PlanStep> {
  /** Makes the step's SDK call; what it returns is kept as the step's output. */
  send(step: S, call: StepCall): Promise<unknown>;
  /**
   * Asked when AWS refuses the step with `code`: true when AWS already holds what the step makes (its own
   * earlier copy took effect, or what a delete removes is gone).
   */
  reconcile?(step: S, code: string, error: unknown): Promise<boolean> | boolean;
}

export function planState<S extends PlanStep>(steps: readonly S[]): PlanState<S> {
  return { steps: steps.map((step) => ({ step, status: 'pending' })) };
}

function isDone(state: StepState<PlanStep>): boolean {
  return state.status === 'done' || state.status === 'already-done';
}

export interface PlanFailure<S extends PlanStep> {
  step: S;
  error: unknown;
  /** True when the call may have taken effect even though it failed (no answer, or a 5xx). */
  outcomeUnknown: boolean;
}

export interface PlanSummary<S extends PlanStep> {
  /** Steps that took effect (including those found already done), in order. */
  completed: S[];
  failed?: PlanFailure<S>;
  /** Steps not done yet: the failed one and those after it. */
  remaining: S[];
  /** Every step is done. */
  finished: boolean;
}

export function summarize<S extends PlanStep>(state: PlanState<S>): PlanSummary<S> {
  const failed = state.steps.find((item) => item.status === 'failed');
  return {
    completed: state.steps.filter(isDone).map((item) => item.step),
    ...(failed ? { failed: { step: failed.step, error: failed.error, outcomeUnknown: isOutcomeUnknown(failed.error) } } : {}),
    remaining: state.steps.filter((item) => !isDone(item)).map((item) => item.step),
    finished: state.steps.every(isDone),
  };
}

function withStep<S extends PlanStep>(state: PlanState<S>, index: number, next: Omit<StepState<S>, 'step'>): PlanState<S> {
  return { steps: state.steps.map((item, position) => (position === index ? { step: item.step, ...next } : item)) };
}

async function reconciled<S extends PlanStep>(runner: StepRunner<S>, step: S, error: unknown): Promise<boolean> {
  if (!runner.reconcile) return false;
  try {
    return await runner.reconcile(step, awsErrorCode(error), error);
  } catch {
    return false; // a failed read never counts as done
  }
}

/**
 * Runs every step not done yet, in order, and stops at the first failure. Each change of state is reported to
 * `onProgress`; the final state is returned. Called again with that state, it retries the failed step and the rest.
 */
export async function runPlan<S extends PlanStep>(
  initial: PlanState<S>,
  runner: StepRunner<S>,
  onProgress: (state: PlanState<S>) => void = () => undefined,
  signal?: AbortSignal,
): Promise<PlanState<S>> {
  let state = initial;
  const publish = (next: PlanState<S>) => {
    state = next;
    onProgress(next);
  };
  for (let index = 0; index < state.steps.length; index += 1) {
    const { step } = state.steps[index]!;
    if (isDone(state.steps[index]!)) continue;
    publish(withStep(state, index, { status: 'running' }));
    try {
      const output = await runner.send(step, {
        ...(signal ? { signal } : {}),
        note: (text) => publish(withStep(state, index, { status: 'running', note: text })),
      });
      publish(withStep(state, index, { status: 'done', ...(output !== undefined ? { output } : {}) }));
    } catch (error) {
      if (!signal?.aborted && (await reconciled(runner, step, error))) {
        publish(withStep(state, index, { status: 'already-done' }));
        continue;
      }
      publish(withStep(state, index, { status: 'failed', error }));
      return state;
    }
  }
  return state;
}

export interface UndoOptions<S extends PlanStep> {
  /**
   * Whether to undo a failed step that may have taken effect (its undo must then accept "already gone").
   * Default: no.
   */
  undoUncertain?: (step: S) => boolean;
}

/**
 * The steps that undo what a run did, newest first (the order IAM's DeleteConflict rules need too). `undoOf`
 * gets each done step and its output; steps without an undo are skipped.
 */
export function undoSteps<S extends PlanStep, U extends PlanStep>(
  state: PlanState<S>,
  undoOf: (step: S, output: unknown) => U | undefined,
  options: UndoOptions<S> = {},
): U[] {
  const toUndo = state.steps.filter(
    (item) => isDone(item) || (item.status === 'failed' && isOutcomeUnknown(item.error) && (options.undoUncertain?.(item.step) ?? false)),
  );
  return toUndo.reverse().flatMap((item) => {
    const undo = undoOf(item.step, item.output);
    return undo ? [undo] : [];
  });
}
