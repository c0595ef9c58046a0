import { describe, expect, it } from 'vitest';
import { planState, runPlan, summarize, undoSteps, type PlanState } from '../../../aws/plan/run-plan.ts';
import { roleStepRunner } from './apply-plan.ts';
import { planBulkAttach } from './bulk.ts';
import { planRoleChange, roleSteps, undoRoleStep, type RolePlan, type RoleStep } from './plan.ts';
import { OperationCancelledError, retryWhileIamPropagates } from './propagation.ts';
import { awsError, BATCH, fakeClock, fakeEc2, WEB } from './test-support.ts';

const propagationError = () =>
  awsError('InvalidParameterValue', 'Value (NewRole) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name');

/** Runs a plan's steps on the shared runner, collecting the notes the running steps showed. */
async function apply(plan: RolePlan, ec2: ReturnType<typeof fakeEc2>, clock = fakeClock()) {
  const notes: string[] = [];
  const state = await runPlan(planState(roleSteps(plan, 'us-east-1')), roleStepRunner(ec2.ops, { clock }), (next: PlanState<RoleStep>) => {
    const note = next.steps.find((item) => item.note)?.note;
    if (note && notes.at(-1) !== note) notes.push(note);
  });
  return { state, notes };
}

describe('roleStepRunner', () => {
  it('associates and waits until the association is associated', async () => {
    const ec2 = fakeEc2({ settlePolls: 3 });
    const clock = fakeClock();
    const plan = planRoleChange({ instanceId: 'i-1', state: 'running', current: undefined, choice: { kind: 'profile', profile: WEB } });
    const { state, notes } = await apply(plan, ec2, clock);
    expect(summarize(state).finished).toBe(true);
    expect(ec2.calls).toEqual(['associate i-1 WebServerRole']);
    expect([...ec2.associations.values()][0]?.state).toBe('associated');
    expect(state.steps[0]?.output).toMatchObject({ state: 'associated', profileArn: WEB.arn });
    expect(clock.sleeps).toHaveLength(3);
    expect(notes.at(-1)).toMatch(/^Waiting for EC2: association \S+ is associated…$/);
  });

  it('on a stopped instance replaces by disassociating, waiting until gone, then associating', async () => {
    const ec2 = fakeEc2();
    const current = ec2.seed('i-1', WEB);
    const plan = planRoleChange({ instanceId: 'i-1', state: 'stopped', current, choice: { kind: 'profile', profile: BATCH } });
    expect(summarize((await apply(plan, ec2)).state).finished).toBe(true);
    expect(ec2.calls).toEqual([`disassociate ${current.associationId}`, 'associate i-1 BatchWorkerRole']);
    expect([...ec2.associations.values()].map((a) => a.profileArn)).toEqual([BATCH.arn]);
  });

  it('detaches and waits until the association is gone', async () => {
    const ec2 = fakeEc2({ settlePolls: 2 });
    const current = ec2.seed('i-1', WEB);
    const plan = planRoleChange({ instanceId: 'i-1', state: 'running', current, choice: { kind: 'none' } });
    expect(summarize((await apply(plan, ec2)).state).finished).toBe(true);
    expect(ec2.associations.size).toBe(0);
  });

  it('retries the propagation error with backoff and says that it waits for IAM', async () => {
    const ec2 = fakeEc2({ failAssociate: (attempt) => (attempt <= 3 ? propagationError() : undefined) });
    const clock = fakeClock();
    const plan = planRoleChange({ instanceId: 'i-1', state: 'running', current: undefined, choice: { kind: 'profile', profile: WEB } });
    const { state, notes } = await apply(plan, ec2, clock);
    expect(summarize(state).finished).toBe(true);
    expect(clock.sleeps.slice(0, 3)).toEqual([1000, 2000, 4000]);
    expect(notes.filter((note) => note.startsWith('Waiting for IAM to propagate…'))).toHaveLength(3);
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

describe('planBulkAttach', () => {
  it('attaches, replaces or detaches-then-attaches per instance, and skips terminated and already-attached instances', () => {
    const ec2 = fakeEc2();
    const running = ec2.seed('i-2', BATCH);
    const stopped = ec2.seed('i-4', BATCH);
    const already = ec2.seed('i-5', WEB);
    const plan = planBulkAttach(
      [
        { instanceId: 'i-1', name: 'a', state: 'running' },
        { instanceId: 'i-2', name: 'b', state: 'running' },
        { instanceId: 'i-3', name: 'c', state: 'terminated' },
        { instanceId: 'i-4', name: 'd', state: 'stopped' },
        { instanceId: 'i-5', name: 'e', state: 'stopped' },
      ],
      WEB,
      [running, stopped, { ...already, state: 'associated' }],
      'us-east-1',
    );
    expect(plan.steps.map((step) => step.title)).toEqual([
      'Attach instance profile WebServerRole to i-1',
      'Replace instance profile BatchWorkerRole with WebServerRole on i-2',
      'Detach instance profile BatchWorkerRole from i-4',
      'Attach instance profile WebServerRole to i-4',
    ]);
    expect(plan.skipped.map((skip) => skip.target.instanceId)).toEqual(['i-3', 'i-5']);
    expect(plan.skipped[0]?.reason).toMatch(/terminated/);
    expect(plan.skipped[1]?.reason).toMatch(/already has instance profile WebServerRole/);
  });

  it('stops at the first failing instance; what was done can be retried on or undone', async () => {
    const ec2 = fakeEc2({ failAssociate: (attempt) => (attempt === 2 ? awsError('IncorrectInstanceState', "The instance 'i-2' is not in the 'running' or 'stopped' states.") : undefined) });
    const targets = ['i-1', 'i-2', 'i-3'].map((instanceId) => ({ instanceId, name: instanceId, state: 'running' }));
    const { steps } = planBulkAttach(targets, WEB, [], 'us-east-1');
    const runner = roleStepRunner(ec2.ops, { clock: fakeClock() });
    const failed = await runPlan(planState(steps), runner);
    expect(failed.steps.map((item) => item.status)).toEqual(['done', 'failed', 'pending']);
    expect(summarize(failed).failed?.step.context).toEqual({ action: 'ec2:AssociateIamInstanceProfile' });

    const undo = undoSteps(failed, undoRoleStep);
    expect(undo.map((step) => step.title)).toEqual(['Detach instance profile WebServerRole from i-1']);
    expect(summarize(await runPlan(planState(undo), runner)).finished).toBe(true);
    expect(ec2.associations.size).toBe(0);

    const retried = await runPlan(failed, runner);
    expect(summarize(retried).finished).toBe(true);
    expect(ec2.calls.filter((call) => call.startsWith('associate'))).toEqual(['associate i-1 WebServerRole', 'associate i-2 WebServerRole', 'associate i-2 WebServerRole', 'associate i-3 WebServerRole']);
  });
});
