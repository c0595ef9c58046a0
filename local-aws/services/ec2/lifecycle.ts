/**
 * Timed state machines of instances and instance-profile associations. Nothing runs on a timer:
 * a stored record keeps the state it entered and when, and the state "now" is computed from that.
 */

export type InstanceStateName = 'pending' | 'running' | 'shutting-down' | 'terminated' | 'stopping' | 'stopped';
export type AssociationStateName = 'associating' | 'associated' | 'disassociating' | 'disassociated';

export const INSTANCE_STATE_CODES: Readonly<Record<InstanceStateName, number>> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

export interface Ec2Timings {
  /** pending → running */
  pendingMs: number;
  /** stopping → stopped */
  stoppingMs: number;
  /** shutting-down → terminated */
  shuttingDownMs: number;
  /** How long a terminated instance stays listed (AWS: about an hour). */
  terminatedVisibleMs: number;
  /** associating → associated */
  associatingMs: number;
  /** disassociating → gone */
  disassociatingMs: number;
}

export const DEFAULT_TIMINGS: Ec2Timings = {
  pendingMs: 2000,
  stoppingMs: 3000,
  shuttingDownMs: 3000,
  terminatedVisibleMs: 60 * 60 * 1000,
  associatingMs: 1500,
  disassociatingMs: 1500,
};

const INSTANCE_TRANSITIONS: Partial<Record<InstanceStateName, { to: InstanceStateName; after: keyof Ec2Timings }>> = {
  pending: { to: 'running', after: 'pendingMs' },
  stopping: { to: 'stopped', after: 'stoppingMs' },
  'shutting-down': { to: 'terminated', after: 'shuttingDownMs' },
};

export interface TimedState<S extends string> {
  name: S;
  /** Epoch ms at which the state was entered. */
  since: number;
}

/** The state a record that entered `stored` at `storedSince` is in at `now`. */
export function instanceStateAt(
  stored: InstanceStateName,
  storedSince: number,
  now: number,
  timings: Ec2Timings,
): TimedState<InstanceStateName> {
  let state: TimedState<InstanceStateName> = { name: stored, since: storedSince };
  for (let next = INSTANCE_TRANSITIONS[state.name]; next; next = INSTANCE_TRANSITIONS[state.name]) {
    const due = state.since + timings[next.after];
    if (now < due) break;
    state = { name: next.to, since: due };
  }
  return state;
}

/** Terminated instances drop out of every answer once AWS would have forgotten them. */
export function isInstanceGone(state: TimedState<InstanceStateName>, now: number, timings: Ec2Timings): boolean {
  return state.name === 'terminated' && now >= state.since + timings.terminatedVisibleMs;
}

export function associationStateAt(
  stored: 'associating' | 'disassociating',
  storedSince: number,
  now: number,
  timings: Ec2Timings,
): TimedState<AssociationStateName> {
  if (stored === 'associating') {
    const due = storedSince + timings.associatingMs;
    return now < due ? { name: 'associating', since: storedSince } : { name: 'associated', since: due };
  }
  const due = storedSince + timings.disassociatingMs;
  return now < due ? { name: 'disassociating', since: storedSince } : { name: 'disassociated', since: due };
}
