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

/** An in-memory EC2 that settles associations after `settlePolls` describe calls. */
export function fakeEc2(options: { settlePolls?: number; failAssociate?: (attempt: number) => Error | undefined } = {}) {
  const settlePolls = options.settlePolls ?? 1;
  const associations = new Map<string, ProfileAssociation & { polls: number }>();
  const calls: string[] = [];
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
  const ops: AssociationOperations = {
    async associate(instanceId, profile) {
      calls.push(`associate ${instanceId} ${profile.name}`);
      const failure = options.failAssociate?.(++associateAttempts);
      if (failure) throw failure;
      return create(instanceId, profile);
    },
    async replace(associationId, profile) {
      calls.push(`replace ${associationId} ${profile.name}`);
      const old = associations.get(associationId);
      if (!old) throw awsError('InvalidAssociationID.NotFound', 'not found');
      associations.delete(associationId);
      return create(old.instanceId, profile);
    },
    async disassociate(associationId) {
      calls.push(`disassociate ${associationId}`);
      const old = associations.get(associationId);
      if (!old) throw awsError('InvalidAssociationID.NotFound', 'not found');
      const next = { ...old, state: 'disassociating' as const, polls: 0 };
      associations.set(associationId, next);
      return { ...next };
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
  };
  return { ops, calls, associations, seed: (instanceId: string, profile: ProfileRef) => create(instanceId, profile) };
}

export const WEB: ProfileRef = { name: 'WebServerRole', arn: 'arn:aws:iam::123456789012:instance-profile/WebServerRole', roleName: 'WebServerRole' };
export const BATCH: ProfileRef = { name: 'BatchWorkerRole', arn: 'arn:aws:iam::123456789012:instance-profile/BatchWorkerRole', roleName: 'BatchWorkerRole' };
