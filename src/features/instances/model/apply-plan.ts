import type { StepRunner } from '../../../aws/plan/run-plan.ts';
import type { AssociationOperations, ProfileAssociation, ProfileRef } from './association.ts';
import type { RoleStep } from './plan.ts';
import { associateReconciled, disassociateReconciled, replaceReconciled } from './reconcile.ts';
import { realClock, retryWhileIamPropagates, type Clock } from './propagation.ts';

export type ApplyProgress =
  | { phase: 'detaching' }
  | { phase: 'attaching'; profile: ProfileRef }
  | { phase: 'waiting-for-iam'; profile: ProfileRef; attempt: number }
  | { phase: 'waiting-for-association'; association: ProfileAssociation };

export interface ApplyOptions {
  clock?: Clock;
  /** How long to wait for `associated` / gone before giving up (EC2 normally takes seconds). */
  settleTimeoutMs?: number;
  pollIntervalMs?: number;
  propagationTimeoutMs?: number;
}

interface StepContext extends ApplyOptions {
  signal?: AbortSignal;
  onProgress(progress: ApplyProgress): void;
}

/** What a running step is waiting for, in words, next to its title. */
export function progressNote(progress: ApplyProgress): string {
  switch (progress.phase) {
    case 'detaching':
      return 'Detaching the current IAM role…';
    case 'attaching':
      return `Attaching instance profile ${progress.profile.name}…`;
    case 'waiting-for-iam':
      return `Waiting for IAM to propagate… EC2 does not see instance profile ${progress.profile.name} yet (try ${progress.attempt}); retrying for up to 2 minutes.`;
    case 'waiting-for-association':
      return `Waiting for EC2: association ${progress.association.associationId} is ${progress.association.state}…`;
  }
}

export class AssociationDidNotSettleError extends Error {
  constructor(association: ProfileAssociation, target: string) {
    super(`Association ${association.associationId} was still ${association.state} after waiting; EC2 has not finished ${target}. Refresh in a moment.`);
    this.name = 'AssociationDidNotSettleError';
  }
}

async function waitUntil(
  ops: AssociationOperations,
  association: ProfileAssociation,
  done: (current: ProfileAssociation | undefined) => boolean,
  target: string,
  context: StepContext,
): Promise<ProfileAssociation | undefined> {
  const clock = context.clock ?? realClock;
  const deadline = clock.now() + (context.settleTimeoutMs ?? 60_000);
  let current: ProfileAssociation | undefined = association;
  context.onProgress({ phase: 'waiting-for-association', association });
  for (;;) {
    if (done(current)) return current;
    if (clock.now() >= deadline) throw new AssociationDidNotSettleError(current ?? association, target);
    await clock.sleep(context.pollIntervalMs ?? 1000, context.signal);
    current = await ops.describeAssociation(association.associationId, context.signal);
    if (current) context.onProgress({ phase: 'waiting-for-association', association: current });
  }
}

async function attach(
  call: (signal?: AbortSignal) => Promise<ProfileAssociation>,
  profile: ProfileRef,
  ops: AssociationOperations,
  context: StepContext,
): Promise<ProfileAssociation | undefined> {
  context.onProgress({ phase: 'attaching', profile });
  const association = await retryWhileIamPropagates(() => call(context.signal), {
    ...(context.signal ? { signal: context.signal } : {}),
    ...(context.clock ? { clock: context.clock } : {}),
    ...(context.propagationTimeoutMs !== undefined ? { timeoutMs: context.propagationTimeoutMs } : {}),
    onWaiting: (attempt) => context.onProgress({ phase: 'waiting-for-iam', profile, attempt }),
  });
  return waitUntil(
    ops,
    association,
    (current) => {
      if (!current) throw new Error(`Association ${association.associationId} disappeared before it was in place.`);
      return current.state === 'associated';
    },
    'attaching the role',
    context,
  );
}

async function detach(ops: AssociationOperations, associationId: string, context: StepContext): Promise<void> {
  context.onProgress({ phase: 'detaching' });
  const leaving = await disassociateReconciled(ops, associationId, context.signal);
  if (leaving) await waitUntil(ops, leaving, (current) => !current || current.state === 'disassociated', 'detaching the role', context);
}

/**
 * Makes the EC2 calls of role steps for the shared plan runner: the call, the IAM-propagation retries, and the wait
 * until EC2 reports the association `associated` (or gone, for a detach), so what is shown is the final state. An
 * attach or replace returns the association it left, which is what undoes it.
 *
 * Each EC2 call is reconciled inside the step (model/reconcile.ts), not by the runner's hook: a call repeated after
 * a lost reply counts as done when EC2 already shows its effect, and the step then goes on to wait for that
 * association, which only the step has in hand.
 */
export function roleStepRunner(ops: AssociationOperations, options: ApplyOptions = {}): StepRunner<RoleStep> {
  return {
    async send(step, { signal, note }) {
      const context: StepContext = { ...options, ...(signal ? { signal } : {}), onProgress: (progress) => note(progressNote(progress)) };
      switch (step.operation) {
        case 'AssociateIamInstanceProfile':
          return attach((callSignal) => associateReconciled(ops, step.instanceId, step.profile, callSignal), step.profile, ops, context);
        case 'ReplaceIamInstanceProfileAssociation':
          return attach((callSignal) => replaceReconciled(ops, step.instanceId, step.associationId, step.profile, callSignal), step.profile, ops, context);
        case 'DisassociateIamInstanceProfile':
          return detach(ops, step.associationId, context);
      }
    },
  };
}
