import type { AssociationOperations, ProfileAssociation, ProfileRef } from './association.ts';
import type { Clock } from './propagation.ts';

/** A clock whose sleeps pass instantly but advance time, so backoffs and timeouts are testable. */
export function fakeClock(start = 0): Clock & { sleeps: number[] } {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

export function awsError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

export type ChangeCall = 'associate' | 'replace' | 'disassociate';

/**
 * An in-memory EC2 that settles associations after `settlePolls` describe calls and refuses repeated calls as EC2
 * does. `lostReply` names calls whose first reply is lost after EC2 acted: the fake then sends the call again, as
 * the SDK's retry does, and answers with what that second call gets.
 */
export function fakeEc2(options: { settlePolls?: number; failAssociate?: (attempt: number) => Error | undefined; lostReply?: ChangeCall[] } = {}) {
  const settlePolls = options.settlePolls ?? 1;
  const associations = new Map<string, ProfileAssociation & { polls: number }>();
  const calls: string[] = [];
  const lostReply = new Set(options.lostReply ?? []);
  let counter = 0;
  let associateAttempts = 0;
  const create = (instanceId: string, profile: ProfileRef): ProfileAssociation => {
    const association = {
      associationId: `iip-assoc-${(++counter).toString(16).padStart(17, '0')}`,
      instanceId,
      state: 'associating' as const,
      profileArn: profile.arn,
      profileId: 'AIPAEXAMPLE',
      polls: 0,
    };
    associations.set(association.associationId, association);
    return { ...association };
  };
  const withLostReply = async <T,>(call: ChangeCall, send: () => T): Promise<T> => {
    if (lostReply.delete(call)) send();
    return send();
  };
  const ops: AssociationOperations = {
    async associate(instanceId, profile) {
      calls.push(`associate ${instanceId} ${profile.name}`);
      const failure = options.failAssociate?.(++associateAttempts);
      if (failure) throw failure;
      return withLostReply('associate', () => {
        const active = [...associations.values()].some((a) => a.instanceId === instanceId && (a.state === 'associating' || a.state === 'associated'));
        if (active) throw awsError('IncorrectState', `There is an existing association for instance ${instanceId}`);
        return create(instanceId, profile);
      });
    },
    async replace(associationId, profile) {
      calls.push(`replace ${associationId} ${profile.name}`);
      return withLostReply('replace', () => {
        const old = associations.get(associationId);
        if (!old) throw awsError('InvalidAssociationID.NotFound', 'not found');
        associations.delete(associationId);
        return create(old.instanceId, profile);
      });
    },
    async disassociate(associationId) {
      calls.push(`disassociate ${associationId}`);
      return withLostReply('disassociate', () => {
        const old = associations.get(associationId);
        if (!old) throw awsError('InvalidAssociationID.NotFound', 'not found');
        if (old.state === 'disassociating') throw awsError('IncorrectState', `The association ${associationId} is not the active association`);
        const next = { ...old, state: 'disassociating' as const, polls: 0 };
        associations.set(associationId, next);
        return { ...next };
      });
    },
    async describeAssociation(associationId) {
      const association = associations.get(associationId);
      if (!association) return undefined;
      association.polls++;
      if (association.polls >= settlePolls) {
        if (association.state === 'disassociating') {
          associations.delete(associationId);
          return undefined;
        }
        association.state = 'associated';
      }
      return { ...association };
    },
    async associationsOfInstance(instanceId) {
      calls.push(`describe-associations ${instanceId}`);
      return [...associations.values()].filter((a) => a.instanceId === instanceId).map(({ polls: _polls, ...association }) => association);
    },
  };
  return { ops, calls, associations, seed: (instanceId: string, profile: ProfileRef) => create(instanceId, profile) };
}

export const WEB: ProfileRef = { name: 'WebServerRole', arn: 'arn:aws:iam::123456789012:instance-profile/WebServerRole', roleName: 'WebServerRole' };
export const BATCH: ProfileRef = { name: 'BatchWorkerRole', arn: 'arn:aws:iam::123456789012:instance-profile/BatchWorkerRole', roleName: 'BatchWorkerRole' };
