import { describe, expect, it } from 'vitest';
import { buildCreatePlan, type RoleDraft, type Step } from './create-plan';
import { cleanupSteps, continuePlan, isOutcomeUnknown, runPlan, type PlanProgress } from './run-plan';

const draft: RoleDraft = {
  roleName: 'web',
  path: '/',
  description: '',
  trustPolicyJson: '{}',
  managedPolicies: [{ name: 'AmazonS3ReadOnlyAccess', arn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }],
  tags: [],
  createInstanceProfile: true,
};
const plan = buildCreatePlan(draft); // CreateRole, AttachRolePolicy, CreateInstanceProfile, AddRoleToInstanceProfile

/** An error shaped like the SDK v3's IAM exceptions. */
function awsError(name: string, status: number, attempts = 1): Error {
  return Object.assign(new Error(name), { name: `${name}Exception`, $metadata: { httpStatusCode: status, attempts } });
}
const networkError = () => Object.assign(new TypeError('Failed to fetch'), {});

/** Executes against a tiny fake IAM that remembers what exists. */
function fakeIam(failuresByStepId: Record<string, () => unknown> = {}) {
  const failures = new Map(Object.entries(failuresByStepId));
  const existing = new Set<string>();
  const calls: string[] = [];
  const execute = async (step: Step) => {
    calls.push(step.id);
    const failure = failures.get(step.id);
    if (failure) {
      failures.delete(step.id);
      throw failure();
    }
    if (step.command === 'CreateInstanceProfile' && existing.has('profile')) throw awsError('EntityAlreadyExists', 409);
    if (step.command === 'CreateRole' && existing.has('role')) throw awsError('EntityAlreadyExists', 409);
    if (step.command === 'CreateInstanceProfile') existing.add('profile');
    if (step.command === 'CreateRole') existing.add('role');
  };
  return { execute, calls, existing };
}

describe('runPlan', () => {
  it('runs every step in order and reports progress', async () => {
    const iam = fakeIam();
    const progress: PlanProgress[] = [];
    const result = await runPlan(plan, iam.execute, (event) => progress.push(event));
    expect(result).toEqual({ completed: plan, remaining: [] });
    expect(progress.map((event) => `${event.index}:${event.status}`)).toEqual([
      '0:running',
      '0:done',
      '1:running',
      '1:done',
      '2:running',
      '2:done',
      '3:running',
      '3:done',
    ]);
  });

  it('stops at the first failure and keeps the rest for a retry', async () => {
    const iam = fakeIam({
      'attach-policy:arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess': () => awsError('LimitExceeded', 409),
    });
    const result = await runPlan(plan, iam.execute);
    expect(result.completed.map((step) => step.command)).toEqual(['CreateRole']);
    expect(result.failed?.step.command).toBe('AttachRolePolicy');
    expect(result.failed?.outcomeUnknown).toBe(false);
    expect(result.remaining.map((step) => step.command)).toEqual([
      'AttachRolePolicy',
      'CreateInstanceProfile',
      'AddRoleToInstanceProfile',
    ]);

    const retried = await continuePlan(result, iam.execute);
    expect(retried.failed).toBeUndefined();
    expect(retried.completed).toEqual(plan);
  });

  it('offers the cleanup of what was created', async () => {
    const iam = fakeIam({ 'add-role-to-instance-profile': () => awsError('AccessDenied', 403) });
    const result = await runPlan(plan, iam.execute);
    expect(cleanupSteps(result).map((step) => step.command)).toEqual([
      'DeleteInstanceProfile',
      'DetachRolePolicy',
      'DeleteRole',
    ]);
  });

  it('a lost reply of CreateInstanceProfile: the SDK retry meets EntityAlreadyExists and the reconcile hook decides', async () => {
    const iam = fakeIam({ 'create-instance-profile': () => awsError('EntityAlreadyExists', 409, 2) });
    const asked: string[] = [];
    const reconcile = async (step: Step) => {
      asked.push(step.command);
      return true;
    };
    const progress: PlanProgress[] = [];
    const result = await runPlan(plan, iam.execute, (event) => progress.push(event), { reconcile });
    expect(result.failed).toBeUndefined();
    expect(result.completed).toEqual(plan);
    expect(asked).toEqual(['CreateInstanceProfile']);
    expect(progress.find((event) => event.step.command === 'CreateInstanceProfile' && event.status !== 'running')?.status).toBe('already-done');
    // Found done, it is ours: "Delete what was created" would delete it.
    expect(cleanupSteps(result).map((step) => step.command)).toContain('DeleteInstanceProfile');
  });

  it('shows "already exists" as a failure when the hook refuses, or when there is no hook', async () => {
    for (const options of [{}, { reconcile: async () => false }]) {
      const iam = fakeIam();
      iam.existing.add('profile');
      const result = await runPlan(plan, iam.execute, undefined, options);
      expect(result.failed?.step.command).toBe('CreateInstanceProfile');
      expect(result.failed?.outcomeUnknown).toBe(false);
      // Not ours: the cleanup leaves it alone.
      expect(cleanupSteps(result).map((step) => step.command)).toEqual(['DetachRolePolicy', 'DeleteRole']);
    }
  });

  it('asks the hook only for the "already exists" answer of each step, never for other errors', async () => {
    const asked: string[] = [];
    const reconcile = async (step: Step) => {
      asked.push(step.command);
      return true;
    };
    const cases: Array<[string, () => Error]> = [
      ['create-role', () => awsError('LimitExceeded', 409)],
      ['create-instance-profile', () => awsError('LimitExceeded', 409)],
      ['add-role-to-instance-profile', () => awsError('EntityAlreadyExists', 409)],
      ['attach-policy:arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess', () => awsError('EntityAlreadyExists', 409)],
    ];
    for (const [stepId, failure] of cases) {
      const result = await runPlan(plan, fakeIam({ [stepId]: failure }).execute, undefined, { reconcile });
      expect(result.failed?.step.id).toBe(stepId);
    }
    expect(asked).toEqual([]);
    const limit = await runPlan(plan, fakeIam({ 'add-role-to-instance-profile': () => awsError('LimitExceeded', 409) }).execute, undefined, { reconcile });
    expect(limit.failed).toBeUndefined();
    expect(asked).toEqual(['AddRoleToInstanceProfile']);
  });

  it('a dropped CreateRole: "Retry the remaining steps" completes only when the hook recognises the role', async () => {
    const iam = fakeIam();
    const dropping = async (step: Step) => {
      await iam.execute(step);
      if (step.command === 'CreateRole' && iam.calls.length === 1) throw networkError();
    };
    const first = await runPlan(plan, dropping);
    expect(first.failed?.outcomeUnknown).toBe(true);
    expect(cleanupSteps(first)).toEqual([]); // an uncertain CreateRole is not deleted blindly
    const refused = await continuePlan(first, dropping, undefined, { reconcile: async () => false });
    expect(refused.failed?.step.command).toBe('CreateRole');

    const recognised = await continuePlan(first, dropping, undefined, { reconcile: async (step) => step.command === 'CreateRole' });
    expect(recognised.failed).toBeUndefined();
    expect(recognised.completed).toEqual(plan);
  });

  it('treats NoSuchEntity during cleanup as already done', async () => {
    const cleanup = cleanupSteps({ completed: plan, remaining: [] });
    const result = await runPlan(cleanup, async (step) => {
      if (step.command === 'DetachRolePolicy') throw awsError('NoSuchEntity', 404);
    });
    expect(result.failed).toBeUndefined();
    expect(result.completed).toHaveLength(4);
  });
});

describe('isOutcomeUnknown', () => {
  it('is true without an HTTP answer or for 5xx, false for 4xx', () => {
    expect(isOutcomeUnknown(networkError())).toBe(true);
    expect(isOutcomeUnknown(awsError('ServiceFailure', 500))).toBe(true);
    expect(isOutcomeUnknown(awsError('EntityAlreadyExists', 409))).toBe(false);
  });
});
