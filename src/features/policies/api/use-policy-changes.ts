import { useCallback, useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { summarize, type PlanState, type StepRunner } from '../../../aws/plan/run-plan.ts';
import { usePlanRun } from '../../../aws/plan/use-plan-run.ts';
import { invalidateRoles } from '../../../aws/iam-queries.ts';
import { policySteps, type PolicyChange, type PolicyStep } from '../model/changes.ts';
import { executeChange } from './execute-change.ts';
import { policyKeys } from '../../../aws/policy-keys.ts';

export interface RunOutcome {
  ok: boolean;
  state: PlanState<PolicyStep>;
}

/** Removals answered NoSuchEntity are done: what they remove is gone (a lost reply's repeat, or someone was faster). */
const REMOVALS: ReadonlySet<PolicyChange['kind']> = new Set(['detach', 'delete-version', 'delete-policy']);

const policyRunner: StepRunner<PolicyStep> = {
  send: (step) => executeChange(step.policyArn, step.change),
  reconcile: (step, code) => REMOVALS.has(step.change.kind) && code === 'NoSuchEntity',
};

/**
 * Runs a plan of policy changes on the shared plan runner; a failed run is retried from its failed step (the steps
 * already done stay done). Every policy query, and the roles' queries when an entity was detached, are refreshed
 * afterwards, whether the run finished or not.
 */
export function usePolicyChangeRun(arn: string) {
  const queryClient = useQueryClient();
  const run = usePlanRun(policyRunner);
  const { start: startPlan, resume } = run;

  const settle = useCallback(
    (state: PlanState<PolicyStep> | undefined): RunOutcome | undefined => {
      if (!state) return undefined;
      void queryClient.invalidateQueries({ queryKey: policyKeys.all() });
      if (summarize(state).completed.some((step) => step.change.kind === 'detach')) void invalidateRoles(queryClient);
      return { ok: summarize(state).finished, state };
    },
    [queryClient],
  );

  const start = useCallback(async (changes: readonly PolicyChange[]) => settle(await startPlan(policySteps(arn, changes))), [arn, settle, startPlan]);
  const retry = useCallback(async () => settle(await resume()), [resume, settle]);

  const summary = useMemo(() => (run.state ? summarize(run.state) : undefined), [run.state]);
  return { state: run.state, running: run.running, start, retry, failed: summary?.failed, finished: summary?.finished ?? false };
}
