import { activeAssociation, type ProfileAssociation, type ProfileRef } from './association.ts';
import { planRoleChange, roleSteps, type RoleStep } from './plan.ts';

export interface BulkTarget {
  instanceId: string;
  name: string;
  state: string;
}

export interface BulkPlan {
  /** The EC2 calls, instance after instance, for the shared plan runner. */
  steps: RoleStep[];
  /** Instances left alone, and why (terminated, already has the profile…). */
  skipped: { target: BulkTarget; reason: string }[];
}

/**
 * Attaching one instance profile to several instances: per instance what the single-instance dialog would do
 * (associate, replace, or detach-then-attach on a stopped instance), one plan for all of them.
 */
export function planBulkAttach(targets: readonly BulkTarget[], profile: ProfileRef, associations: readonly ProfileAssociation[], region: string): BulkPlan {
  const plan: BulkPlan = { steps: [], skipped: [] };
  for (const target of targets) {
    const current = activeAssociation(associations.filter((association) => association.instanceId === target.instanceId));
    const change = planRoleChange({ instanceId: target.instanceId, state: target.state, current, choice: { kind: 'profile', profile } });
    if (change.kind === 'blocked' || change.kind === 'nothing') plan.skipped.push({ target, reason: change.reason });
    else plan.steps.push(...roleSteps(change, region));
  }
  return plan;
}
