import { describe, expect, it } from 'vitest';
import { buildRoleDeletePlan, profilesLeftEmpty, runDeleteSteps, type DeleteStep } from './delete-plan.ts';
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

describe('runDeleteSteps', () => {
  const plan = buildRoleDeletePlan(facts);
  const codeOf = (error: unknown) => (error as { code: string }).code;

  it('stops at the first failure and returns what is left', async () => {
    const run = await runDeleteSteps(
      plan,
      async (step: DeleteStep) => {
        if (step.command === 'DetachRolePolicy') throw { code: 'AccessDenied' };
      },
      codeOf,
      () => undefined,
    );
    expect(run.failed?.step.command).toBe('DetachRolePolicy');
    expect(run.remaining.map((step) => step.command)).toEqual(['DetachRolePolicy', 'DeleteRolePolicy', 'DeleteRolePermissionsBoundary', 'DeleteRole']);
  });

  it('counts NoSuchEntity as already done', async () => {
    const run = await runDeleteSteps(
      plan,
      async (step: DeleteStep) => {
        if (step.command === 'DeleteInstanceProfile') throw { code: 'NoSuchEntity' };
      },
      codeOf,
      () => undefined,
    );
    expect(run.failed).toBeUndefined();
    expect(run.remaining).toEqual([]);
    expect(run.statuses[plan[2]!.id]).toBe('already-done');
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
