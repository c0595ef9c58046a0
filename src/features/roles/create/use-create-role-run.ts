/**
 * Runs "Create role" (and its recovery: retry the rest, or delete what was created) and keeps per-step
 * progress for the review page. A ref guards against a second run while one is in flight.
 */
import { useCallback, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { markRolesAndProfilesStale, refetchRolesAndProfiles } from '../../../aws/iam-queries.ts';
import { sendRoleCall } from '../api/send-role-call.ts';
import { reconcileCreateStep } from './api/reconcile-step.ts';
import type { Step } from './model/create-plan.ts';
import { cleanupSteps, continuePlan, runPlan, type PlanProgress, type PlanResult, type StepStatus } from './model/run-plan.ts';

/** `rejected`: the first call failed with a definite answer, so nothing exists and the user may edit and try again. */
export type RunPhase = 'idle' | 'creating' | 'created' | 'rejected' | 'failed' | 'cleaning' | 'cleaned' | 'cleanup-failed';

function phaseAfter(result: PlanResult): RunPhase {
  if (!result.failed) return 'created';
  return result.completed.length === 0 && !result.failed.outcomeUnknown ? 'rejected' : 'failed';
}

export interface StepState {
  step: Step;
  status: StepStatus | 'pending';
  error?: unknown;
}

export interface CreateRoleRun {
  phase: RunPhase;
  /** The create plan's steps and their state. */
  steps: StepState[];
  /** The cleanup steps, once "Delete what was created" was chosen. */
  cleanup: StepState[];
  result?: PlanResult;
  cleanupResult?: PlanResult;
}

const IDLE: CreateRoleRun = { phase: 'idle', steps: [], cleanup: [] };

function applyProgress(states: StepState[], progress: PlanProgress): StepState[] {
  return states.map((state) =>
    state.step.id === progress.step.id ? { step: state.step, status: progress.status, ...(progress.error !== undefined ? { error: progress.error } : {}) } : state,
  );
}

export function useCreateRoleRun() {
  const [run, setRun] = useState<CreateRoleRun>(IDLE);
  const busy = useRef(false);
  const startedAt = useRef(new Date());

  const queryClient = useQueryClient();

  /**
   * Runs one batch of IAM calls. A finished batch is reported only once every page's roles and profiles include it;
   * after a failed one the lists are only marked stale, since fetching them now would fail the same way.
   */
  const guarded = useCallback(
    async (work: () => Promise<PlanResult>): Promise<PlanResult | undefined> => {
      if (busy.current) return undefined;
      busy.current = true;
      try {
        const result = await work();
        if (result.failed) await markRolesAndProfilesStale(queryClient);
        else await refetchRolesAndProfiles(queryClient);
        return result;
      } finally {
        busy.current = false;
      }
    },
    [queryClient],
  );

  const start = useCallback(
    (steps: Step[]) =>
      guarded(async () => {
        startedAt.current = new Date();
        setRun({ phase: 'creating', steps: steps.map((step) => ({ step, status: 'pending' })), cleanup: [] });
        const result = await runPlan(steps, sendRoleCall, (progress) => setRun((current) => ({ ...current, steps: applyProgress(current.steps, progress) })), {
          reconcile: reconcileCreateStep(startedAt.current),
        });
        setRun((current) => ({ ...current, phase: phaseAfter(result), result }));
        return result;
      }),
    [guarded],
  );

  const retryRemaining = useCallback(
    (previous: PlanResult) =>
      guarded(async () => {
        const remaining = new Set(previous.remaining.map((step) => step.id));
        setRun((current) => ({
          ...current,
          phase: 'creating',
          steps: current.steps.map((state) => (remaining.has(state.step.id) ? { step: state.step, status: 'pending' } : state)),
        }));
        const result = await continuePlan(previous, sendRoleCall, (progress) => setRun((current) => ({ ...current, steps: applyProgress(current.steps, progress) })), {
          reconcile: reconcileCreateStep(startedAt.current),
        });
        setRun((current) => ({ ...current, phase: phaseAfter(result), result }));
        return result;
      }),
    [guarded],
  );

  const deleteCreated = useCallback(
    (previous: PlanResult, retryOf?: PlanResult) =>
      guarded(async () => {
        const steps = retryOf ? retryOf.remaining : cleanupSteps(previous);
        setRun((current) => ({
          ...current,
          phase: 'cleaning',
          cleanup: retryOf
            ? current.cleanup.map((state) => (steps.some((step) => step.id === state.step.id) ? { step: state.step, status: 'pending' } : state))
            : steps.map((step) => ({ step, status: 'pending' })),
        }));
        const onProgress = (progress: PlanProgress) => setRun((current) => ({ ...current, cleanup: applyProgress(current.cleanup, progress) }));
        const cleanupResult = retryOf ? await continuePlan(retryOf, sendRoleCall, onProgress) : await runPlan(steps, sendRoleCall, onProgress);
        setRun((current) => ({ ...current, phase: cleanupResult.failed ? 'cleanup-failed' : 'cleaned', cleanupResult }));
        return cleanupResult;
      }),
    [guarded],
  );

  const reset = useCallback(() => {
    if (!busy.current) setRun(IDLE);
  }, []);

  return { run, start, retryRemaining, deleteCreated, reset };
}
