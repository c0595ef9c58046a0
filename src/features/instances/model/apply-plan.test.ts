import { describe, expect, it } from 'vitest';
import { applyRolePlan, type ApplyProgress } from './apply-plan.ts';
import { attachToMany } from './bulk.ts';
import { planRoleChange } from './plan.ts';
import { OperationCancelledError, retryWhileIamPropagates } from './propagation.ts';
import { awsError, BATCH, fakeClock, fakeEc2, WEB } from './test-support.ts';

const propagationError = () =>
  awsError('InvalidParameterValue', 'Value (NewRole) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name');

describe('applyRolePlan', () => {
  it('associates and waits until the association is associated', async () => {
    const ec2 = fakeEc2({ settlePolls: 3 });
    const clock = fakeClock();
    const progress: ApplyProgress[] = [];
    const plan = planRoleChange({ instanceId: 'i-1', state: 'running', current: undefined, choice: { kind: 'profile', profile: WEB } });
    expect(await applyRolePlan(plan, ec2.ops, { clock, onProgress: (p) => progress.push(p) })).toBe('attached');
    expect(ec2.calls).toEqual(['associate i-1 WebServerRole']);
    expect([...ec2.associations.values()][0]?.state).toBe('associated');
    expect(clock.sleeps).toHaveLength(3);
    expect(progress.at(-1)).toMatchObject({ phase: 'waiting-for-association', association: { state: 'associated' } });
  });

  it('on a stopped instance replaces by disassociating, waiting until gone, then associating', async () => {
    const ec2 = fakeEc2();
    const current = ec2.seed('i-1', WEB);
    const plan = planRoleChange({ instanceId: 'i-1', state: 'stopped', current, choice: { kind: 'profile', profile: BATCH } });
    expect(await applyRolePlan(plan, ec2.ops, { clock: fakeClock() })).toBe('replaced');
    expect(ec2.calls).toEqual([`disassociate ${current.associationId}`, 'associate i-1 BatchWorkerRole']);
    expect([...ec2.associations.values()].map((a) => a.profileArn)).toEqual([BATCH.arn]);
  });

  it('detaches and waits until the association is gone', async () => {
    const ec2 = fakeEc2({ settlePolls: 2 });
    const current = ec2.seed('i-1', WEB);
    const plan = planRoleChange({ instanceId: 'i-1', state: 'running', current, choice: { kind: 'none' } });
    expect(await applyRolePlan(plan, ec2.ops, { clock: fakeClock() })).toBe('detached');
    expect(ec2.associations.size).toBe(0);
  });

  it('retries the propagation error with backoff and reports that it waits for IAM', async () => {
    const ec2 = fakeEc2({ failAssociate: (attempt) => (attempt <= 3 ? propagationError() : undefined) });
    const clock = fakeClock();
    const progress: ApplyProgress[] = [];
    const plan = planRoleChange({ instanceId: 'i-1', state: 'running', current: undefined, choice: { kind: 'profile', profile: WEB } });
    expect(await applyRolePlan(plan, ec2.ops, { clock, onProgress: (p) => progress.push(p) })).toBe('attached');
    expect(clock.sleeps.slice(0, 3)).toEqual([1000, 2000, 4000]);
    expect(progress.filter((p) => p.phase === 'waiting-for-iam')).toHaveLength(3);
  });
});

describe('retryWhileIamPropagates', () => {
  it('gives up after two minutes with the propagation error', async () => {
    const clock = fakeClock();
    let calls = 0;
    await expect(
      retryWhileIamPropagates(
        async () => {
          calls++;
          throw propagationError();
        },
        { clock },
      ),
    ).rejects.toThrow(/Invalid IAM Instance Profile name/);
    expect(clock.now()).toBeLessThanOrEqual(120_000);
    expect(clock.now()).toBeGreaterThan(100_000);
    expect(calls).toBeGreaterThan(5);
  });

  it('throws any other error at once', async () => {
    let calls = 0;
    const denied = awsError('UnauthorizedOperation', 'You are not authorized to perform this operation.');
    await expect(
      retryWhileIamPropagates(
        async () => {
          calls++;
          throw denied;
        },
        { clock: fakeClock() },
      ),
    ).rejects.toBe(denied);
    expect(calls).toBe(1);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const clock = fakeClock();
    const promise = retryWhileIamPropagates(
      async () => {
        controller.abort();
        throw propagationError();
      },
      { clock, signal: controller.signal },
    );
    await expect(promise).rejects.toBeInstanceOf(OperationCancelledError);
  });
});

describe('attachToMany', () => {
  it('attaches, replaces, skips terminated and already-attached instances, and records failures', async () => {
    const ec2 = fakeEc2({ failAssociate: (attempt) => (attempt === 2 ? awsError('IncorrectInstanceState', "The instance 'i-4' is not in the 'running' or 'stopped' states.") : undefined) });
    const existing = ec2.seed('i-2', BATCH);
    const already = ec2.seed('i-5', WEB);
    const results = await attachToMany(
      [
        { instanceId: 'i-1', name: 'a', state: 'running' },
        { instanceId: 'i-2', name: 'b', state: 'running' },
        { instanceId: 'i-3', name: 'c', state: 'terminated' },
        { instanceId: 'i-4', name: 'd', state: 'running' },
        { instanceId: 'i-5', name: 'e', state: 'stopped' },
      ],
      WEB,
      [existing, { ...already, state: 'associated' }],
      ec2.ops,
      { clock: fakeClock() },
    );
    expect(results.map((r) => r.status)).toEqual(['attached', 'replaced', 'skipped', 'failed', 'skipped']);
    expect(results[1]?.detail).toBe('Replaced (was BatchWorkerRole).');
    expect(results[2]?.detail).toMatch(/terminated/);
    expect(results[3]).toMatchObject({ errorCode: 'IncorrectInstanceState' });
    expect(results[4]?.detail).toMatch(/already has instance profile WebServerRole/);
  });
});
