import { describe, expect, it } from 'vitest';
import type { ProfileAssociation } from './association.ts';
import { planRoleChange, roleSteps, undoRoleStep, type RolePlan } from './plan.ts';

const cliEquivalent = (plan: RolePlan, region: string) => roleSteps(plan, region).map((step) => step.cli);
import { BATCH, WEB } from './test-support.ts';

const current: ProfileAssociation = {
  associationId: 'iip-assoc-0dbd8529a48294120',
  instanceId: 'i-1234567890abcdef0',
  state: 'associated',
  profileArn: WEB.arn,
  profileId: 'AIPAJLNLDX3AMYZNWYYAY',
};
const instanceId = 'i-1234567890abcdef0';

describe('planRoleChange', () => {
  it('associates when the instance has no role', () => {
    const plan = planRoleChange({ instanceId, state: 'running', current: undefined, choice: { kind: 'profile', profile: WEB } });
    expect(plan).toEqual({ kind: 'associate', instanceId, profile: WEB });
    expect(cliEquivalent(plan, 'us-east-1')).toEqual([
      'aws ec2 associate-iam-instance-profile --region us-east-1 --instance-id i-1234567890abcdef0 --iam-instance-profile Name=WebServerRole',
    ]);
  });

  it('replaces on a running instance and detaches then attaches on a stopped one', () => {
    expect(planRoleChange({ instanceId, state: 'running', current, choice: { kind: 'profile', profile: BATCH } }).kind).toBe('replace');
    const stopped = planRoleChange({ instanceId, state: 'stopped', current, choice: { kind: 'profile', profile: BATCH } });
    expect(stopped.kind).toBe('disassociate-then-associate');
    expect(cliEquivalent(stopped, 'eu-west-1')).toEqual([
      'aws ec2 disassociate-iam-instance-profile --region eu-west-1 --association-id iip-assoc-0dbd8529a48294120',
      'aws ec2 associate-iam-instance-profile --region eu-west-1 --instance-id i-1234567890abcdef0 --iam-instance-profile Name=BatchWorkerRole',
    ]);
    expect(cliEquivalent(planRoleChange({ instanceId, state: 'running', current, choice: { kind: 'profile', profile: BATCH } }), 'us-east-1')[0]).toBe(
      'aws ec2 replace-iam-instance-profile-association --region us-east-1 --association-id iip-assoc-0dbd8529a48294120 --iam-instance-profile Name=BatchWorkerRole',
    );
  });

  it('disassociates for "No IAM role" and does nothing when nothing changes', () => {
    expect(planRoleChange({ instanceId, state: 'stopped', current, choice: { kind: 'none' } })).toEqual({
      kind: 'disassociate',
      instanceId,
      associationId: current.associationId,
      previous: { name: 'WebServerRole', arn: WEB.arn },
    });
    expect(planRoleChange({ instanceId, state: 'running', current: undefined, choice: { kind: 'none' } }).kind).toBe('nothing');
    expect(planRoleChange({ instanceId, state: 'running', current, choice: { kind: 'profile', profile: WEB } }).kind).toBe('nothing');
  });

  it.each(['pending', 'stopping', 'shutting-down', 'terminated'])('is blocked with a reason when the instance is %s', (state) => {
    const plan = planRoleChange({ instanceId, state, current: undefined, choice: { kind: 'profile', profile: WEB } });
    expect(plan.kind).toBe('blocked');
    expect(plan.kind === 'blocked' && plan.reason).toMatch(state === 'shutting-down' ? /shutting down/ : new RegExp(state));
    expect(cliEquivalent(plan, 'us-east-1')).toEqual([]);
  });
});

describe('undoRoleStep', () => {
  const made = (profileArn: string): ProfileAssociation => ({ ...current, associationId: 'iip-assoc-new', profileArn });

  it('detaches what an attach made, replaces back what a replace made, and re-attaches what a detach removed', () => {
    const [attach] = roleSteps(planRoleChange({ instanceId, state: 'running', current: undefined, choice: { kind: 'profile', profile: WEB } }), 'us-east-1');
    expect(undoRoleStep(attach!, made(WEB.arn))?.cli).toBe('aws ec2 disassociate-iam-instance-profile --region us-east-1 --association-id iip-assoc-new');

    const [replace] = roleSteps(planRoleChange({ instanceId, state: 'running', current, choice: { kind: 'profile', profile: BATCH } }), 'us-east-1');
    expect(undoRoleStep(replace!, made(BATCH.arn))?.cli).toBe(
      'aws ec2 replace-iam-instance-profile-association --region us-east-1 --association-id iip-assoc-new --iam-instance-profile Name=WebServerRole',
    );

    const [detach] = roleSteps(planRoleChange({ instanceId, state: 'stopped', current, choice: { kind: 'none' } }), 'us-east-1');
    expect(undoRoleStep(detach!, undefined)?.cli).toBe(
      `aws ec2 associate-iam-instance-profile --region us-east-1 --instance-id ${instanceId} --iam-instance-profile Name=WebServerRole`,
    );
  });
});
