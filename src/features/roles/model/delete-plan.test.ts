import { describe, expect, it } from 'vitest';
import { planState, runPlan, summarize, type StepRunner } from '../../../aws/plan/run-plan.ts';
import { roleRemovalRunner } from '../api/send-role-call.ts';
import { buildRoleDeletePlan, profilesLeftEmpty, type DeleteStep } from './delete-plan.ts';
import { diffTags } from './tags-diff.ts';

const facts = {
  roleName: 'WebServerRole',
  profileNames: ['WebServerRole', 'SharedProfile'],
  attachedPolicies: [{ name: 'AmazonS3ReadOnlyAccess', arn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }],
  inlinePolicyNames: ['logs'],
  boundaryArn: 'arn:aws:iam::123456789012:policy/Boundary',
};

describe('buildRoleDeletePlan', () => {
  it('orders the calls as the console does and deletes only the same-name profile', () => {
    const plan = buildRoleDeletePlan(facts);
    expect(plan.map((step) => `${step.command} ${Object.values(step.input).join(' ')}`)).toEqual([
      'RemoveRoleFromInstanceProfile WebServerRole WebServerRole',
      'RemoveRoleFromInstanceProfile SharedProfile WebServerRole',
      'DeleteInstanceProfile WebServerRole',
      'DetachRolePolicy WebServerRole arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
      'DeleteRolePolicy WebServerRole logs',
      'DeleteRolePermissionsBoundary WebServerRole',
      'DeleteRole WebServerRole',
    ]);
    expect(plan[2]!.cli).toBe('aws iam delete-instance-profile --instance-profile-name WebServerRole');
    expect(profilesLeftEmpty(facts)).toEqual(['SharedProfile']);
  });

  it('is just DeleteRole for a bare role', () => {
    const plan = buildRoleDeletePlan({ roleName: 'Bare', profileNames: [], attachedPolicies: [], inlinePolicyNames: [] });
    expect(plan.map((step) => step.command)).toEqual(['DeleteRole']);
  });
});

describe('deleting a role on the plan runner', () => {
  const plan = buildRoleDeletePlan(facts);
  const refusing = (command: DeleteStep['command'], code: string): StepRunner<DeleteStep> => ({
    send: async (step) => {
      if (step.command === command) throw Object.assign(new Error(code), { name: `${code}Exception`, $metadata: { httpStatusCode: 404 } });
    },
    reconcile: roleRemovalRunner.reconcile!,
  });

  it('stops at the first failure and keeps what is left', async () => {
    const run = summarize(await runPlan(planState(plan), refusing('DetachRolePolicy', 'AccessDenied')));
    expect(run.failed?.step.command).toBe('DetachRolePolicy');
    expect(run.remaining.map((step) => step.command)).toEqual(['DetachRolePolicy', 'DeleteRolePolicy', 'DeleteRolePermissionsBoundary', 'DeleteRole']);
  });

  it('counts NoSuchEntity as already done: what the step removes is gone', async () => {
    const run = await runPlan(planState(plan), refusing('DeleteInstanceProfile', 'NoSuchEntity'));
    expect(summarize(run).finished).toBe(true);
    expect(run.steps[2]).toMatchObject({ step: { command: 'DeleteInstanceProfile' }, status: 'already-done' });
  });
});

describe('diffTags', () => {
  it('untags removed keys and re-tags keys whose case changed', () => {
    const changes = diffTags(
      [
        { key: 'Team', value: 'a' },
        { key: 'env', value: 'prod' },
        { key: 'Gone', value: '' },
      ],
      [
        { key: 'Team', value: 'b' },
        { key: 'Env', value: 'prod' },
        { key: 'New', value: 'x' },
      ],
    );
    expect(changes.removeKeys).toEqual(['env', 'Gone']);
    expect(changes.put).toEqual([
      { key: 'Team', value: 'b' },
      { key: 'Env', value: 'prod' },
      { key: 'New', value: 'x' },
    ]);
  });
});
