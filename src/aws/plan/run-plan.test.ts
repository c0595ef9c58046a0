import { describe, expect, it } from 'vitest';
import { planState, runPlan, summarize, undoSteps, type PlanState, type PlanStep, type StepRunner } from './run-plan.ts';

interface FakeStep extends PlanStep {
  make: string;
}

const step = (make: string): FakeStep => ({ id: make, title: `Make ${make}`, cli: `aws fake make --name ${make}`, context: { action: 'fake:Make' }, make });
const plan = [step('a'), step('b'), step('c')];

/** An error shaped like the SDK v3's exceptions. */
function awsError(name: string, status: number): Error {
  return Object.assign(new Error(name), { name: `${name}Exception`, $metadata: { httpStatusCode: status } });
}
const networkError = () => new TypeError('Failed to fetch');

/** A fake AWS that remembers what exists and refuses a second Make of the same thing. */
function fakeAws(failures: Record<string, () => unknown> = {}) {
  const pending = new Map(Object.entries(failures));
  const made = new Set<string>();
  const calls: string[] = [];
  const runner: StepRunner<FakeStep> = {
    async send(fake) {
      calls.push(fake.make);
      const failure = pending.get(fake.make);
      pending.delete(fake.make);
      if (failure && failure !== lostReply) throw failure();
      if (made.has(fake.make)) throw awsError('EntityAlreadyExists', 409);
      made.add(fake.make);
      if (failure === lostReply) throw networkError();
      return `${fake.make}-id`;
    },
  };
  return { runner, calls, made };
}
/** The call takes effect but its reply is lost. */
const lostReply = () => networkError();

const statuses = (state: PlanState<FakeStep>) => state.steps.map((item) => `${item.step.make}:${item.status}`);

describe('runPlan', () => {
  it('runs every step in order, reporting each change of state, and keeps what each call returned', async () => {
    const aws = fakeAws();
    const reported: string[][] = [];
    const state = await runPlan(planState(plan), aws.runner, (next) => reported.push(statuses(next)));
    expect(reported.map((line) => line.join(' '))).toEqual([
      'a:running b:pending c:pending',
      'a:done b:pending c:pending',
      'a:done b:running c:pending',
      'a:done b:done c:pending',
      'a:done b:done c:running',
      'a:done b:done c:done',
    ]);
    expect(state.steps.map((item) => item.output)).toEqual(['a-id', 'b-id', 'c-id']);
    expect(summarize(state)).toMatchObject({ finished: true, remaining: [] });
  });

  it('stops at the first failure, and a second run retries the failed step and the rest only', async () => {
    const aws = fakeAws({ b: () => awsError('AccessDenied', 403) });
    const failed = await runPlan(planState(plan), aws.runner);
    expect(statuses(failed)).toEqual(['a:done', 'b:failed', 'c:pending']);
    const summary = summarize(failed);
    expect(summary.completed.map((item) => item.make)).toEqual(['a']);
    expect(summary.failed).toMatchObject({ step: { make: 'b' }, outcomeUnknown: false });
    expect(summary.remaining.map((item) => item.make)).toEqual(['b', 'c']);

    const retried = await runPlan(failed, aws.runner);
    expect(statuses(retried)).toEqual(['a:done', 'b:done', 'c:done']);
    expect(aws.calls).toEqual(['a', 'b', 'b', 'c']);
  });

  it('marks a failure without an answer as one whose outcome is unknown', async () => {
    const aws = fakeAws({ a: networkError });
    const state = await runPlan(planState(plan), aws.runner);
    expect(summarize(state).failed?.outcomeUnknown).toBe(true);
  });

  it('counts a refused repeat as done only when the reconcile hook finds what the step makes', async () => {
    const reconciling = (answer: boolean) => {
      const aws = fakeAws({ b: lostReply });
      const seen: string[] = [];
      const runner: StepRunner<FakeStep> = {
        send: aws.runner.send,
        reconcile: (fake, code) => {
          seen.push(`${fake.make}:${code}`);
          return code === 'EntityAlreadyExists' && answer;
        },
      };
      return { runner, seen };
    };

    const ours = reconciling(true);
    const lost = await runPlan(planState(plan), ours.runner);
    expect(statuses(lost)).toEqual(['a:done', 'b:failed', 'c:pending']);
    expect(ours.seen).toEqual(['b:NetworkError']);
    const resumed = await runPlan(lost, ours.runner);
    expect(statuses(resumed)).toEqual(['a:done', 'b:already-done', 'c:done']);
    expect(ours.seen).toEqual(['b:NetworkError', 'b:EntityAlreadyExists']);

    const someoneElses = reconciling(false);
    const refused = await runPlan(await runPlan(planState(plan), someoneElses.runner), someoneElses.runner);
    expect(statuses(refused)).toEqual(['a:done', 'b:failed', 'c:pending']);
  });

  it('treats a reconcile hook whose read fails as "not done"', async () => {
    const aws = fakeAws({ a: () => awsError('EntityAlreadyExists', 409) });
    const state = await runPlan(planState(plan), {
      send: aws.runner.send,
      reconcile: () => Promise.reject(networkError()),
    });
    expect(statuses(state)).toEqual(['a:failed', 'b:pending', 'c:pending']);
  });

  it('shows what a running step waits for', async () => {
    const notes: (string | undefined)[] = [];
    await runPlan(
      planState([step('a')]),
      {
        send: (_fake, call) => {
          call.note('Waiting for IAM to propagate…');
          return Promise.resolve();
        },
      },
      (state) => notes.push(state.steps[0]!.note),
    );
    expect(notes).toEqual([undefined, 'Waiting for IAM to propagate…', undefined]);
  });
});

describe('undoSteps', () => {
  const undoOf = (fake: FakeStep, output: unknown): FakeStep | undefined =>
    fake.make === 'c' ? undefined : { ...step(`delete-${fake.make}`), title: `Delete ${String(output)}` };

  it('undoes the completed steps, newest first, with what each returned', async () => {
    const aws = fakeAws({ c: () => awsError('AccessDenied', 403) });
    const state = await runPlan(planState(plan), aws.runner);
    expect(undoSteps(state, undoOf).map((undo) => undo.title)).toEqual(['Delete b-id', 'Delete a-id']);
  });

  it('leaves out a failed step that may have taken effect unless the flow asks to undo it too', async () => {
    const aws = fakeAws({ b: lostReply });
    const state = await runPlan(planState(plan), aws.runner);
    expect(undoSteps(state, undoOf).map((undo) => undo.make)).toEqual(['delete-a']);
    expect(undoSteps(state, undoOf, { undoUncertain: () => true }).map((undo) => undo.make)).toEqual(['delete-b', 'delete-a']);
  });

  it('never undoes a step AWS refused outright', async () => {
    const aws = fakeAws({ b: () => awsError('AccessDenied', 403) });
    const state = await runPlan(planState(plan), aws.runner);
    expect(undoSteps(state, undoOf, { undoUncertain: () => true }).map((undo) => undo.make)).toEqual(['delete-a']);
  });
});
