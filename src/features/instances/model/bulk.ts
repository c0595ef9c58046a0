import { describeAwsError } from '../../../aws/errors.ts';
import { activeAssociation, type AssociationOperations, type ProfileAssociation, type ProfileRef } from './association.ts';
import { applyRolePlan, type ApplyOptions } from './apply-plan.ts';
import { planRoleChange } from './plan.ts';
import { OperationCancelledError } from './propagation.ts';

export type BulkStatus = 'attached' | 'replaced' | 'skipped' | 'failed' | 'cancelled';

export interface BulkTarget {
  instanceId: string;
  name: string;
  state: string;
}

export interface BulkResult extends BulkTarget {
  status: BulkStatus;
  /** Why it was skipped or failed, or what was replaced. */
  detail: string;
  /** The AWS error code of a failure. */
  errorCode?: string;
}

export interface BulkOptions extends Omit<ApplyOptions, 'onProgress'> {
  /** Called after each instance, with all results so far (in target order). */
  onResult?: (results: BulkResult[]) => void;
  /** Called when an instance starts or waits for IAM. */
  onInstanceProgress?: (instanceId: string, message: string) => void;
}

/**
 * Attaches one instance profile to several instances, one after another, deciding per instance as the
 * single-instance dialog does (associate, replace, or detach-then-attach on stopped instances) and
 * recording attached / replaced / skipped (with reason) / failed (with AWS's reason).
 */
export async function attachToMany(
  targets: BulkTarget[],
  profile: ProfileRef,
  associations: ProfileAssociation[],
  ops: AssociationOperations,
  options: BulkOptions = {},
): Promise<BulkResult[]> {
  const results: BulkResult[] = [];
  for (const target of targets) {
    if (options.signal?.aborted) {
      results.push({ ...target, status: 'cancelled', detail: 'Not attempted: cancelled.' });
      continue;
    }
    const current = activeAssociation(associations.filter((association) => association.instanceId === target.instanceId));
    const plan = planRoleChange({ instanceId: target.instanceId, state: target.state, current, choice: { kind: 'profile', profile } });
    if (plan.kind === 'blocked' || plan.kind === 'nothing') {
      results.push({ ...target, status: 'skipped', detail: plan.reason });
      options.onResult?.([...results]);
      continue;
    }
    try {
      options.onInstanceProgress?.(target.instanceId, plan.kind === 'associate' ? 'Attaching' : 'Replacing');
      const outcome = await applyRolePlan(plan, ops, {
        ...options,
        onProgress: (progress) => {
          if (progress.phase === 'waiting-for-iam') options.onInstanceProgress?.(target.instanceId, 'Waiting for IAM to propagate…');
        },
      });
      const previous = current ? ` (was ${current.profileArn.slice(current.profileArn.lastIndexOf('/') + 1)})` : '';
      results.push({
        ...target,
        status: outcome === 'replaced' ? 'replaced' : 'attached',
        detail: outcome === 'replaced' ? `Replaced${previous}.` : 'Attached.',
      });
    } catch (error) {
      if (error instanceof OperationCancelledError || options.signal?.aborted) {
        results.push({ ...target, status: 'cancelled', detail: 'Cancelled while in progress: check this instance.' });
      } else {
        const described = describeAwsError(error);
        results.push({ ...target, status: 'failed', detail: described.message, errorCode: described.code });
      }
    }
    options.onResult?.([...results]);
  }
  return results;
}
