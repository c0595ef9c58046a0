import { describe, expect, it } from 'vitest';
import type { ProfileAssociation } from './association.ts';
import { planState, runPlan, summarize } from '../../../aws/plan/run-plan.ts';
import { roleStepRunner } from './apply-plan.ts';
import { planBulkAttach } from './bulk.ts';
import { planRoleChange, roleSteps, type RolePlan, type RoleStep } from './plan.ts';
import { associateWasDone, disassociateWasDone, replaceWasDone } from './reconcile.ts';
import { BATCH, fakeClock, fakeEc2, WEB } from './test-support.ts';

const association = (id: string, state: ProfileAssociation['state'], profileArn = WEB.arn, instanceId = 'i-1'): ProfileAssociation => ({
  associationId: id,
  instanceId,
  state,
  profileArn,
  profileId: 'AIPAEXAMPLE',
});

describe('reconcile decisions', () => {
  it('associate: done only when the one active association is of our profile', () => {
    expect(associateWasDone([association('a-1', 'associating')], 'i-1', WEB)?.associationId).toBe('a-1');
    expect(associateWasDone([association('a-0', 'disassociated', BATCH.arn), association('a-1', 'associated')], 'i-1', WEB)?.associationId).toBe('a-1');
    expect(associateWasDone([association('a-1', 'associated', BATCH.arn)], 'i-1', WEB)).toBeUndefined();
    expect(associateWasDone([association('a-1', 'disassociating')], 'i-1', WEB)).toBeUndefined();
    expect(associateWasDone([association('a-1', 'associated', WEB.arn, 'i-2')], 'i-1', WEB)).toBeUndefined();
    expect(associateWasDone([], 'i-1', WEB)).toBeUndefined();
  });

  it('replace: done only when a new association of our profile replaced the old one', () => {
    const afterReplace = [association('a-old', 'disassociating', BATCH.arn), association('a-new', 'associating')];
    expect(replaceWasDone(afterReplace, 'i-1', 'a-old', WEB)?.associationId).toBe('a-new');
    expect(replaceWasDone([association('a-old', 'associated', WEB.arn)], 'i-1', 'a-old', WEB)).toBeUndefined();
    expect(replaceWasDone([association('a-other', 'associated', BATCH.arn)], 'i-1', 'a-old', WEB)).toBeUndefined();
  });

  it('disassociate: done when the association is leaving or gone', () => {
    expect(disassociateWasDone(undefined)).toBe(true);
    expect(disassociateWasDone(association('a-1', 'disassociating'))).toBe(true);
    expect(disassociateWasDone(association('a-1', 'associated'))).toBe(false);
  });
});

/** Runs the steps on the shared plan runner. */
async function applySteps(steps: RoleStep[], ec2: ReturnType<typeof fakeEc2>) {
  return summarize(await runPlan(planState(steps), roleStepRunner(ec2.ops, { clock: fakeClock() })));
}
const apply = (plan: RolePlan, ec2: ReturnType<typeof fakeEc2>) => applySteps(roleSteps(plan, 'us-east-1'), ec2);

describe('role steps after a lost reply', () => {
  const planFor = (current: ProfileAssociation | undefined, state = 'running', profile = WEB) =>
    planRoleChange({ instanceId: 'i-1', state, current, choice: { kind: 'profile', profile } });

  it('associate: the repeated call meets IncorrectState; the association it made counts, and there is only one', async () => {
    const ec2 = fakeEc2({ lostReply: ['associate'] });
    expect((await apply(planFor(undefined), ec2)).finished).toBe(true);
    expect(ec2.calls).toEqual(['associate i-1 WebServerRole', 'describe-associations i-1']);
    expect([...ec2.associations.values()].map((a) => [a.profileArn, a.state])).toEqual([[WEB.arn, 'associated']]);
  });

  it('associate: an association of another profile is not ours, and the error is shown', async () => {
    const ec2 = fakeEc2();
    ec2.seed('i-1', BATCH); // made by someone else after the dialog read the instance
    expect((await apply(planFor(undefined), ec2)).failed?.error).toMatchObject({ name: 'IncorrectState' });
    expect([...ec2.associations.values()].map((a) => a.profileArn)).toEqual([BATCH.arn]);
  });

  it('replace: the repeated call meets InvalidAssociationID.NotFound; the new association counts', async () => {
    const ec2 = fakeEc2({ lostReply: ['replace'] });
    const current = ec2.seed('i-1', BATCH);
    expect((await apply(planFor(current), ec2)).finished).toBe(true);
    expect([...ec2.associations.values()].map((a) => [a.profileArn, a.state])).toEqual([[WEB.arn, 'associated']]);
  });

  it('detach then attach on a stopped instance, both replies lost: each call counts once', async () => {
    const ec2 = fakeEc2({ lostReply: ['disassociate', 'associate'] });
    const current = ec2.seed('i-1', BATCH);
    expect((await apply(planFor(current, 'stopped'), ec2)).finished).toBe(true);
    expect([...ec2.associations.values()].map((a) => [a.profileArn, a.state])).toEqual([[WEB.arn, 'associated']]);
  });

  it('detach: the repeated call meets IncorrectState; the association on its way out counts', async () => {
    const ec2 = fakeEc2({ lostReply: ['disassociate'] });
    const current = ec2.seed('i-1', WEB);
    const plan = planRoleChange({ instanceId: 'i-1', state: 'running', current, choice: { kind: 'none' } });
    expect((await apply(plan, ec2)).finished).toBe(true);
    expect(ec2.associations.size).toBe(0);
  });

  it('bulk attach: a lost reply is an attached instance, not a failure', async () => {
    const ec2 = fakeEc2({ lostReply: ['associate'] });
    const { steps } = planBulkAttach([{ instanceId: 'i-1', name: 'a', state: 'running' }], WEB, [], 'us-east-1');
    expect((await applySteps(steps, ec2)).finished).toBe(true);
    expect(ec2.associations.size).toBe(1);
  });
});
