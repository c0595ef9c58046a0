import { useCallback, useRef, useState } from 'react';
import { planState, runPlan, type PlanState, type PlanStep, type StepRunner } from './run-plan.ts';

/**
 * A plan's progress in React state, for one run at a time: `start` runs new steps, `resume` runs what a failed
 * run left (the failed step first). A second call while one is in flight is ignored and answers undefined.
 */
export function usePlanRun<S extends PlanStep>(runner: StepRunner<S>) {
  const [state, setState] = useState<PlanState<S> | undefined>(undefined);
  const [running, setRunning] = useState(false);
  const busy = useRef(false);
  const latest = useRef<PlanState<S> | undefined>(undefined);

  const run = useCallback(
    async (initial: PlanState<S>, signal?: AbortSignal): Promise<PlanState<S> | undefined> => {
      if (busy.current) return undefined;
      busy.current = true;
      setRunning(true);
      const publish = (next: PlanState<S>) => {
        latest.current = next;
        setState(next);
      };
      publish(initial);
      try {
        return await runPlan(initial, runner, publish, signal);
      } finally {
        busy.current = false;
        setRunning(false);
      }
    },
    [runner],
  );

  const start = useCallback((steps: readonly S[], signal?: AbortSignal) => run(planState(steps), signal), [run]);
  const resume = useCallback(
    (signal?: AbortSignal) => (latest.current ? run(latest.current, signal) : Promise.resolve(undefined)),
    [run],
  );
  const reset = useCallback(() => {
    if (busy.current) return;
    latest.current = undefined;
    setState(undefined);
  }, []);

  return { state, running, start, resume, reset };
}
