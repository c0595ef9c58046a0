import type { AssociationOperations, ProfileAssociation, ProfileRef } from './association.ts';
import type { RolePlan } from './plan.ts';
import { associateReconciled, disassociateReconciled, replaceReconciled } from './reconcile.ts';
import { realClock, retryWhileIamPropagates, type Clock } from './propagation.ts';

export type ApplyOutcome = 'attached' | 'replaced' | 'detached' | 'unchanged';

export type ApplyProgress =
  | { phase: 'detaching' }
  | { phase: 'attaching'; profile: ProfileRef }
  | { phase: 'waiting-for-iam'; profile: ProfileRef; attempt: number }
  | { phase: 'waiting-for-association'; association: ProfileAssociation };

export interface ApplyOptions {
  signal?: AbortSignal;
  clock?: Clock;
  onProgress?: (progress: ApplyProgress) => void;
  /** How long to wait for `associated` / gone before giving up (EC2 normally takes seconds). */
  settleTimeoutMs?: number;
  pollIntervalMs?: number;
  propagationTimeoutMs?: number;
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
  options: ApplyOptions,
): Promise<ProfileAssociation | undefined> {
  const clock = options.clock ?? realClock;
  const deadline = clock.now() + (options.settleTimeoutMs ?? 60_000);
  let current: ProfileAssociation | undefined = association;
  options.onProgress?.({ phase: 'waiting-for-association', association });
  for (;;) {
    if (done(current)) return current;
    if (clock.now() >= deadline) throw new AssociationDidNotSettleError(current ?? association, target);
    await clock.sleep(options.pollIntervalMs ?? 1000, options.signal);
    current = await ops.describeAssociation(association.associationId, options.signal);
    if (current) options.onProgress?.({ phase: 'waiting-for-association', association: current });
  }
}

function waitAssociated(ops: AssociationOperations, association: ProfileAssociation, options: ApplyOptions) {
  return waitUntil(
    ops,
    association,
    (current) => {
      if (!current) throw new Error(`Association ${association.associationId} disappeared before it was in place.`);
      return current.state === 'associated';
    },
    'attaching the role',
    options,
  );
}

function waitGone(ops: AssociationOperations, association: ProfileAssociation, options: ApplyOptions) {
  return waitUntil(ops, association, (current) => !current || current.state === 'disassociated', 'detaching the role', options);
}

async function attach(
  call: (signal?: AbortSignal) => Promise<ProfileAssociation>,
  profile: ProfileRef,
  ops: AssociationOperations,
  options: ApplyOptions,
): Promise<ProfileAssociation | undefined> {
  options.onProgress?.({ phase: 'attaching', profile });
  const association = await retryWhileIamPropagates(() => call(options.signal), {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.propagationTimeoutMs !== undefined ? { timeoutMs: options.propagationTimeoutMs } : {}),
    onWaiting: (attempt) => options.onProgress?.({ phase: 'waiting-for-iam', profile, attempt }),
  });
  return waitAssociated(ops, association, options);
}

async function detach(ops: AssociationOperations, associationId: string, options: ApplyOptions): Promise<void> {
  options.onProgress?.({ phase: 'detaching' });
  const leaving = await disassociateReconciled(ops, associationId, options.signal);
  if (leaving) await waitGone(ops, leaving, options);
}

/**
 * Carries out a plan: the EC2 calls, the IAM-propagation retries, and the wait until EC2 reports the
 * association `associated` (or gone, for a detach), so the caller can show the final state. Each EC2 call is
 * reconciled (model/reconcile.ts): a call repeated after a lost reply counts as done when EC2 already shows its
 * effect, so nothing is done twice.
 */
export async function applyRolePlan(plan: RolePlan, ops: AssociationOperations, options: ApplyOptions = {}): Promise<ApplyOutcome> {
  switch (plan.kind) {
    case 'nothing':
      return 'unchanged';
    case 'blocked':
      throw new Error(plan.reason);
    case 'associate':
      await attach((signal) => associateReconciled(ops, plan.instanceId, plan.profile, signal), plan.profile, ops, options);
      return 'attached';
    case 'replace':
      await attach((signal) => replaceReconciled(ops, plan.instanceId, plan.associationId, plan.profile, signal), plan.profile, ops, options);
      return 'replaced';
    case 'disassociate-then-associate': {
      await detach(ops, plan.associationId, options);
      await attach((signal) => associateReconciled(ops, plan.instanceId, plan.profile, signal), plan.profile, ops, options);
      return 'replaced';
    }
    case 'disassociate':
      await detach(ops, plan.associationId, options);
      return 'detached';
  }
}
