/**
 * Reconciling an association change whose reply was lost. EC2 may have acted on a call whose answer never
 * arrived; the SDK (or the browser, which resends a request whose reused connection broke before any answer)
 * then sends the call again and EC2 refuses the second copy: IncorrectState ("There is an existing association",
 * "is not the active association") or, once the old association is gone, InvalidAssociationID.NotFound.
 * On exactly those answers we read the instance's associations and count the call as done only when they are
 * what the call itself would have left; anything else shows the original error.
 */
import { awsErrorCode } from '../../../aws/errors.ts';
import type { AssociationOperations, ProfileAssociation, ProfileRef } from './association.ts';

const REPEATED_CALL_CODES: ReadonlySet<string> = new Set(['IncorrectState', 'InvalidAssociationID.NotFound']);

function isActive(association: ProfileAssociation): boolean {
  return association.state === 'associating' || association.state === 'associated';
}

/**
 * AssociateIamInstanceProfile: done when the instance has exactly one active association and it is of the
 * profile we asked for. Returns that association.
 */
export function associateWasDone(associations: readonly ProfileAssociation[], instanceId: string, profile: ProfileRef): ProfileAssociation | undefined {
  const active = associations.filter((association) => association.instanceId === instanceId && isActive(association));
  return active.length === 1 && active[0]!.profileArn === profile.arn ? active[0] : undefined;
}

/**
 * ReplaceIamInstanceProfileAssociation: done when the replaced association is no longer active and the
 * instance's one active association is a new one of the profile we asked for.
 */
export function replaceWasDone(
  associations: readonly ProfileAssociation[],
  instanceId: string,
  replacedAssociationId: string,
  profile: ProfileRef,
): ProfileAssociation | undefined {
  const done = associateWasDone(associations, instanceId, profile);
  return done && done.associationId !== replacedAssociationId ? done : undefined;
}

/** DisassociateIamInstanceProfile: done when the association is on its way out or already gone. */
export function disassociateWasDone(association: ProfileAssociation | undefined): boolean {
  return association === undefined || association.state === 'disassociating' || association.state === 'disassociated';
}

function isRepeatedCallAnswer(error: unknown): boolean {
  return REPEATED_CALL_CODES.has(awsErrorCode(error));
}

/** AssociateIamInstanceProfile, reconciled as described above. */
export async function associateReconciled(ops: AssociationOperations, instanceId: string, profile: ProfileRef, signal?: AbortSignal): Promise<ProfileAssociation> {
  try {
    return await ops.associate(instanceId, profile, signal);
  } catch (error) {
    if (awsErrorCode(error) !== 'IncorrectState') throw error;
    const done = associateWasDone(await readOr(error, () => ops.associationsOfInstance(instanceId, signal)), instanceId, profile);
    if (!done) throw error;
    return done;
  }
}

/** ReplaceIamInstanceProfileAssociation, reconciled as described above. */
export async function replaceReconciled(
  ops: AssociationOperations,
  instanceId: string,
  associationId: string,
  profile: ProfileRef,
  signal?: AbortSignal,
): Promise<ProfileAssociation> {
  try {
    return await ops.replace(associationId, profile, signal);
  } catch (error) {
    if (!isRepeatedCallAnswer(error)) throw error;
    const done = replaceWasDone(await readOr(error, () => ops.associationsOfInstance(instanceId, signal)), instanceId, associationId, profile);
    if (!done) throw error;
    return done;
  }
}

/**
 * DisassociateIamInstanceProfile, reconciled as described above. Returns the association while it is being
 * removed, or undefined when EC2 no longer lists it.
 */
export async function disassociateReconciled(ops: AssociationOperations, associationId: string, signal?: AbortSignal): Promise<ProfileAssociation | undefined> {
  try {
    return await ops.disassociate(associationId, signal);
  } catch (error) {
    if (!isRepeatedCallAnswer(error)) throw error;
    const current = await readOr(error, () => ops.describeAssociation(associationId, signal));
    if (!disassociateWasDone(current)) throw error;
    return current;
  }
}

/** A failed read shows the original error, not the read's. */
async function readOr<T>(original: unknown, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch {
    throw original;
  }
}
