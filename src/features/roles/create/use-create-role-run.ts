/**
 * Runs "Create role" and its recovery (retry the remaining steps, or delete what was created) on the shared plan
 * runner, and says which phase the review page is in.
 */
import { useCallback, useMemo, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { markRolesAndProfilesStale, refetchRolesAndProfiles } from '../../../aws/iam-queries.ts';
import { summarize, type PlanState, type StepRunner } from '../../../aws/plan/run-plan.ts';
import { usePlanRun } from '../../../aws/plan/use-plan-run.ts';
import { roleRemovalRunner, sendRoleCall } from '../api/send-role-call.ts';
import { reconcileCreateStep } from './api/reconcile-step.ts';
import { cleanupSteps, type Step } from './model/create-plan.ts';

/** `rejected`: the first call failed with a definite answer, so nothing exists and the user may edit and try again. */
export type RunPhase = 'idle' | 'creating' | 'created' | 'rejected' | 'failed' | 'cleaning' | 'cleaned' | 'cleanup-failed';

export interface CreateRoleRun {
  phase: RunPhase;
  /** The create plan's progress (empty before Create role). */
  create: PlanState<Step>;
  /** The cleanup's progress, once "Delete what was created" was chosen. */
  cleanup?: PlanState<Step>;
}

const NOTHING: PlanState<Step> = { steps: [] };

function phaseOf(create: PlanState<Step> | undefined, cleanup: PlanState<Step> | undefined, creating: boolean, cleaning: boolean): RunPhase {
  if (creating) return 'creating';
  if (cleaning) return 'cleaning';
  if (cleanup) return summarize(cleanup).finished ? 'cleaned' : 'cleanup-failed';
  if (!create) return 'idle';
  const { finished, completed, failed } = summarize(create);
  if (finished) return 'created';
  return completed.length === 0 && failed && !failed.outcomeUnknown ? 'rejected' : 'failed';
}

export function useCreateRoleRun() {
  const queryClient = useQueryClient();
  const startedAt = useRef(new Date());
  const createRunner = useMemo<StepRunner<Step>>(
    () => ({ send: (step) => sendRoleCall(step), reconcile: (step, code) => reconcileCreateStep(startedAt.current)(step, code) }),
    [],
  );
  const create = usePlanRun(createRunner);
  const cleanup = usePlanRun<Step>(roleRemovalRunner);

  /**
   * A finished batch is reported only once every page's roles and profiles include it; after a failed one the
   * lists are only marked stale, since fetching them now would fail the same way.
   */
  const settle = useCallback(
    async (state: PlanState<Step> | undefined): Promise<boolean> => {
      if (!state) return false;
      const { finished } = summarize(state);
      if (finished) await refetchRolesAndProfiles(queryClient);
      else await markRolesAndProfilesStale(queryClient);
      return finished;
    },
    [queryClient],
  );

  const busy = create.running || cleanup.running;
  const { start: startCreate, resume: resumeCreate, reset: resetCreate, state: createState } = create;
  const { start: startCleanup, resume: resumeCleanup, reset: resetCleanup } = cleanup;

  /** Resolves to true when the role was created in full. */
  const start = useCallback(
    async (steps: Step[]) => {
      if (busy) return false;
      startedAt.current = new Date();
      resetCleanup();
      return settle(await startCreate(steps));
    },
    [busy, resetCleanup, settle, startCreate],
  );
  const retryRemaining = useCallback(async () => (busy ? false : settle(await resumeCreate())), [busy, resumeCreate, settle]);
  const deleteCreated = useCallback(async () => {
    if (busy || !createState) return;
    await settle(await startCleanup(cleanupSteps(createState)));
  }, [busy, createState, settle, startCleanup]);
  const retryCleanup = useCallback(async () => {
    if (!busy) await settle(await resumeCleanup());
  }, [busy, resumeCleanup, settle]);
  const reset = useCallback(() => {
    if (busy) return;
    resetCreate();
    resetCleanup();
  }, [busy, resetCreate, resetCleanup]);

  const run: CreateRoleRun = {
    phase: phaseOf(create.state, cleanup.state, create.running, cleanup.running),
    create: create.state ?? NOTHING,
    ...(cleanup.state ? { cleanup: cleanup.state } : {}),
  };
  return { run, start, retryRemaining, deleteCreated, retryCleanup, reset };
}
