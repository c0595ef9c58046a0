import { describe, expect, it } from 'vitest';
import { buildCreatePlan, type RoleDraft, type Step } from '../model/create-plan';
import type { ExistingInstanceProfile } from '../../../../aws/reconcile.ts';
import type { ExistingRole } from '../model/reconcile';
import { reconcileCreateStep, type IamReads } from './reconcile-step.ts';

const trust = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}';
const draft: RoleDraft = {
  roleName: 'web',
  path: '/',
  description: '',
  trustPolicyJson: trust,
  managedPolicies: [{ name: 'AmazonS3ReadOnlyAccess', arn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }],
  tags: [],
  createInstanceProfile: true,
};
const plan = buildCreatePlan(draft);
const stepOf = (command: Step['command']) => plan.find((step) => step.command === command)!;
const runStartedAt = new Date('2026-05-01T10:00:00Z');
const justNow = new Date('2026-05-01T10:00:01Z');

function reads(role: ExistingRole | undefined | Error, profile?: ExistingInstanceProfile | Error): IamReads & { calls: string[] } {
  const calls: string[] = [];
  const answer = async <T,>(value: T | Error) => {
    if (value instanceof Error) throw value;
    return value;
  };
  return {
    calls,
    getRole: (name) => (calls.push(`GetRole ${name}`), answer(role)),
    getInstanceProfile: (name) => (calls.push(`GetInstanceProfile ${name}`), answer(profile)),
  };
}

describe('reconcileCreateStep', () => {
  it('CreateRole: reads the role with GetRole and accepts it when it is what the step made', async () => {
    const iam = reads({ path: '/', createDate: justNow, trustPolicyJson: trust, maxSessionDuration: 3600, tags: [] });
    expect(await reconcileCreateStep(runStartedAt, iam)(stepOf('CreateRole'), 'EntityAlreadyExists')).toBe(true);
    expect(iam.calls).toEqual(['GetRole web']);
  });

  it('CreateRole: refuses an older role, and any failed read', async () => {
    const old = reads({ path: '/', createDate: new Date('2025-01-01T00:00:00Z'), trustPolicyJson: trust, tags: [] });
    expect(await reconcileCreateStep(runStartedAt, old)(stepOf('CreateRole'), 'EntityAlreadyExists')).toBe(false);
    const denied = reads(Object.assign(new Error('denied'), { name: 'AccessDenied' }));
    expect(await reconcileCreateStep(runStartedAt, denied)(stepOf('CreateRole'), 'EntityAlreadyExists')).toBe(false);
    expect(await reconcileCreateStep(runStartedAt, reads(undefined))(stepOf('CreateRole'), 'EntityAlreadyExists')).toBe(false);
  });

  it('CreateInstanceProfile and AddRoleToInstanceProfile: read the profile with GetInstanceProfile', async () => {
    const empty = reads(undefined, { path: '/', createDate: justNow, roleNames: [] });
    expect(await reconcileCreateStep(runStartedAt, empty)(stepOf('CreateInstanceProfile'), 'EntityAlreadyExists')).toBe(true);
    expect(await reconcileCreateStep(runStartedAt, empty)(stepOf('AddRoleToInstanceProfile'), 'LimitExceeded')).toBe(false);
    expect(empty.calls).toEqual(['GetInstanceProfile web', 'GetInstanceProfile web']);

    const holding = reads(undefined, { path: '/', createDate: justNow, roleNames: ['web'] });
    expect(await reconcileCreateStep(runStartedAt, holding)(stepOf('AddRoleToInstanceProfile'), 'LimitExceeded')).toBe(true);
    expect(await reconcileCreateStep(runStartedAt, holding)(stepOf('CreateInstanceProfile'), 'EntityAlreadyExists')).toBe(false);
  });

  it('never accepts other steps', async () => {
    const iam = reads(undefined);
    expect(await reconcileCreateStep(runStartedAt, iam)(stepOf('AttachRolePolicy'), 'EntityAlreadyExists')).toBe(false);
    expect(iam.calls).toEqual([]);
  });

  it('reads nothing on other refusals: only the answer a repeated call gets can mean the step is done', async () => {
    const iam = reads({ path: '/', createDate: justNow, trustPolicyJson: trust, tags: [] }, { path: '/', createDate: justNow, roleNames: ['web'] });
    expect(await reconcileCreateStep(runStartedAt, iam)(stepOf('CreateRole'), 'LimitExceeded')).toBe(false);
    expect(await reconcileCreateStep(runStartedAt, iam)(stepOf('CreateInstanceProfile'), 'NetworkError')).toBe(false);
    expect(await reconcileCreateStep(runStartedAt, iam)(stepOf('AddRoleToInstanceProfile'), 'EntityAlreadyExists')).toBe(false);
    expect(iam.calls).toEqual([]);
  });
});
