import { describe, expect, it } from 'vitest';
import { undoSteps as undoRun, type StepStatus } from '../../../../aws/plan/run-plan.ts';
import { buildCreatePlan, cleanupSteps, undoOf, type RoleDraft, type Step } from './create-plan';
import { shellQuote } from '../../../../aws/cli.ts';
import { generateTrustPolicy } from './trust-policy';

const trustPolicyJson = generateTrustPolicy(
  { type: 'aws-service', serviceId: 'ec2', useCaseId: 'ec2' },
  '123456789012',
).json;

const ec2Draft: RoleDraft = {
  roleName: 'web-server',
  path: '/',
  description: "Allows EC2 instances to call AWS services on your behalf. It's ours.",
  trustPolicyJson,
  managedPolicies: [
    { name: 'AmazonS3ReadOnlyAccess', arn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' },
    { name: 'CloudWatchAgentServerPolicy', arn: 'arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy' },
  ],
  permissionsBoundaryArn: 'arn:aws:iam::123456789012:policy/boundary',
  inlinePolicy: { name: 'read-config', document: '{"Version":"2012-10-17","Statement":[]}' },
  tags: [{ key: 'team', value: "o'brien, ops=1" }],
  createInstanceProfile: true,
};

describe('buildCreatePlan', () => {
  it('orders the calls as the console makes them', () => {
    const steps = buildCreatePlan(ec2Draft);
    expect(steps.map((step) => [step.command, step.title])).toEqual([
      ['CreateRole', 'Create role web-server'],
      ['AttachRolePolicy', 'Attach AmazonS3ReadOnlyAccess'],
      ['AttachRolePolicy', 'Attach CloudWatchAgentServerPolicy'],
      ['PutRolePolicy', 'Add inline policy read-config'],
      ['CreateInstanceProfile', 'Create instance profile web-server'],
      ['AddRoleToInstanceProfile', 'Add role web-server to instance profile web-server'],
    ]);
    expect(new Set(steps.map((step) => step.id)).size).toBe(steps.length);
  });

  it('passes tags, boundary and description to CreateRole', () => {
    const [createRole] = buildCreatePlan(ec2Draft);
    expect(createRole.input).toEqual({
      RoleName: 'web-server',
      Path: '/',
      AssumeRolePolicyDocument: trustPolicyJson,
      Description: ec2Draft.description,
      PermissionsBoundary: 'arn:aws:iam::123456789012:policy/boundary',
      Tags: [{ Key: 'team', Value: "o'brien, ops=1" }],
    });
  });

  it('leaves out optional parts and the instance profile for other services', () => {
    const steps = buildCreatePlan({
      ...ec2Draft,
      description: '',
      managedPolicies: [],
      permissionsBoundaryArn: undefined,
      inlinePolicy: undefined,
      tags: [],
      createInstanceProfile: false,
    });
    expect(steps).toHaveLength(1);
    expect(steps[0].input).toEqual({ RoleName: 'web-server', Path: '/', AssumeRolePolicyDocument: trustPolicyJson });
    expect(steps[0].cli).toBe(
      `aws iam create-role --role-name web-server --path / --assume-role-policy-document ${shellQuote(trustPolicyJson)}`,
    );
  });

  it('writes CLI equivalents with correct shell quoting', () => {
    const steps = buildCreatePlan(ec2Draft);
    expect(steps[0].cli).toBe(
      `aws iam create-role --role-name web-server --path / --assume-role-policy-document '${trustPolicyJson}' ` +
        `--description 'Allows EC2 instances to call AWS services on your behalf. It'\\''s ours.' ` +
        `--permissions-boundary arn:aws:iam::123456789012:policy/boundary ` +
        `--tags '[{"Key":"team","Value":"o'\\''brien, ops=1"}]'`,
    );
    expect(steps[1].cli).toBe(
      'aws iam attach-role-policy --role-name web-server --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
    );
    expect(steps[4].cli).toBe('aws iam create-instance-profile --instance-profile-name web-server --path /');
    expect(steps[5].cli).toBe(
      'aws iam add-role-to-instance-profile --instance-profile-name web-server --role-name web-server',
    );
  });
});

describe('shellQuote', () => {
  it('leaves safe words alone and single-quotes the rest', () => {
    expect(shellQuote('arn:aws:iam::aws:policy/ReadOnlyAccess')).toBe('arn:aws:iam::aws:policy/ReadOnlyAccess');
    expect(shellQuote('')).toBe("''");
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote("it's $HOME `x` \\")).toBe("'it'\\''s $HOME `x` \\'");
  });

  it('round-trips through a real POSIX shell', async () => {
    // Loaded by name so the browser tsconfig needs no Node types; the test runs in Node.
    const childProcess = (await import('node:child_process' as string)) as {
      execFileSync: (file: string, args: string[], options: { encoding: 'utf8' }) => string;
    };
    const words = ["it's", 'a "quoted" $HOME `cmd` \\ word', '{\n    "Version": "2012-10-17"\n}', '', 'plain'];
    const script = `printf '%s\\0' ${words.map(shellQuote).join(' ')}`;
    const output = childProcess.execFileSync('/bin/sh', ['-c', script], { encoding: 'utf8' });
    expect(output.split('\0').slice(0, -1)).toEqual(words);
  });
});

/** The undo of a run in which these steps took effect. */
const undoSteps = (done: Step[]) => undoRun({ steps: done.map((step) => ({ step, status: 'done' as StepStatus })) }, undoOf);

describe('undoOf', () => {
  it('reverses completed steps in the order IAM allows deletion', () => {
    const undo = undoSteps(buildCreatePlan(ec2Draft));
    expect(undo.map((step) => [step.command, step.title])).toEqual([
      ['RemoveRoleFromInstanceProfile', 'Remove role web-server from instance profile web-server'],
      ['DeleteInstanceProfile', 'Delete instance profile web-server'],
      ['DeleteRolePolicy', 'Delete inline policy read-config'],
      ['DetachRolePolicy', 'Detach CloudWatchAgentServerPolicy'],
      ['DetachRolePolicy', 'Detach AmazonS3ReadOnlyAccess'],
      ['DeleteRole', 'Delete role web-server'],
    ]);
    expect(undo[3].input).toEqual({
      RoleName: 'web-server',
      PolicyArn: 'arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy',
    });
    expect(undo[5].cli).toBe('aws iam delete-role --role-name web-server');
    expect(undo[0].cli).toBe(
      'aws iam remove-role-from-instance-profile --instance-profile-name web-server --role-name web-server',
    );
  });

  it('undoes only what was completed', () => {
    const [createRole, attach] = buildCreatePlan(ec2Draft);
    expect(undoSteps([createRole, attach]).map((step) => step.command)).toEqual(['DetachRolePolicy', 'DeleteRole']);
    expect(undoSteps([])).toEqual([]);
  });
});

describe('cleanupSteps', () => {
  const networkError = () => new TypeError('Failed to fetch');
  const refused = Object.assign(new Error('denied'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
  const run = (statuses: StepStatus[], error: unknown) => ({
    steps: buildCreatePlan(ec2Draft).map((step, index) => ({ step, status: statuses[index] ?? 'pending', ...(statuses[index] === 'failed' ? { error } : {}) })),
  });

  it('undoes a failed step that may have taken effect, but never an uncertain CreateRole', () => {
    expect(cleanupSteps(run(['done', 'failed'], networkError())).map((step) => step.command)).toEqual(['DetachRolePolicy', 'DeleteRole']);
    expect(cleanupSteps(run(['done', 'failed'], refused)).map((step) => step.command)).toEqual(['DeleteRole']);
    expect(cleanupSteps(run(['failed'], networkError()))).toEqual([]);
  });
});
