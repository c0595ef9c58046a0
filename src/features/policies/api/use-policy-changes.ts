import { useCallback, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { describeChange, type ChangeDescription, type PolicyChange } from '../model/changes.ts';
import { executeChange } from './execute-change.ts';
import { invalidateRoles } from '../../../aws/iam-queries.ts';
import { policyKeys } from '../../../aws/policy-keys.ts';

export type StepStatus = 'pending' | 'running' | 'done' | 'failed';

export interface ChangeStep {
  change: PolicyChange;
  description: ChangeDescription;
  status: StepStatus;
  error?: unknown;
  /** What the call returned (the new version id of create-version). */
  result?: string;
}

export interface RunOutcome {
  ok: boolean;
  steps: ChangeStep[];
}

/**
 * Runs a plan of policy changes one call at a time, showing each step; stops at the first failure and can retry
 * from there (the steps already done stay done). Every policy query, and the roles' queries when an entity was
 * detached, are refreshed afterwards, whether the run finished or not.
 */
export function usePolicyChangeRun(arn: string) {
  const queryClient = useQueryClient();
  const [steps, setSteps] = useState<ChangeStep[]>([]);
  const [running, setRunning] = useState(false);
  const current = useRef<ChangeStep[]>([]);

  const publish = (next: ChangeStep[]) => {
    current.current = next;
    setSteps(next);
  };

  const runFrom = useCallback(
    async (start: number): Promise<RunOutcome> => {
      setRunning(true);
      let ok = true;
      try {
        for (let index = start; index < current.current.length; index += 1) {
          const step = current.current[index]!;
          if (step.status === 'done') continue;
          publish(current.current.map((item, position) => (position === index ? { change: item.change, description: item.description, status: 'running' } : item)));
          try {
            const result = await executeChange(arn, step.change);
            publish(
              current.current.map((item, position) =>
                position === index ? { change: item.change, description: item.description, status: 'done', ...(result ? { result } : {}) } : item,
              ),
            );
          } catch (error) {
            publish(current.current.map((item, position) => (position === index ? { ...item, status: 'failed', error } : item)));
            ok = false;
            break;
          }
        }
      } finally {
        setRunning(false);
        const detached = current.current.some((step) => step.change.kind === 'detach' && step.status === 'done');
        void queryClient.invalidateQueries({ queryKey: policyKeys.all() });
        if (detached) void invalidateRoles(queryClient);
      }
      return { ok, steps: current.current };
    },
    [arn, queryClient],
  );

  const start = useCallback(
    (changes: readonly PolicyChange[]) => {
      publish(changes.map((change) => ({ change, description: describeChange(arn, change), status: 'pending' })));
      return runFrom(0);
    },
    [arn, runFrom],
  );

  const retry = useCallback(() => runFrom(Math.max(0, current.current.findIndex((step) => step.status !== 'done'))), [runFrom]);
  const reset = useCallback(() => publish([]), []);
  const failed = steps.find((step) => step.status === 'failed');
  return { steps, running, start, retry, reset, failed, finished: steps.length > 0 && steps.every((step) => step.status === 'done') };
}
