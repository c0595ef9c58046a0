/**
 * The five roles the export tests read back from an in-process local AWS: two seeded ones, and three made the way
 * the create-role wizard makes them (its plan, sent call by call through the SDK), with names, descriptions, tags
 * and policy documents that need escaping in YAML, HCL and TypeScript.
 */
import {
  AddRoleToInstanceProfileCommand,
  AttachRolePolicyCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  IAMClient,
  ListPoliciesCommand,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { DescribeIamInstanceProfileAssociationsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { startLocalAws, type RunningLocalAws } from '../../local-aws/server/app.ts';
import { testSettings } from '../../local-aws/server/test-support.ts';
import { buildCreatePlan, type RoleDraft, type Step } from '../../src/features/roles/create/model/create-plan.ts';
import { readRoleExport } from '../../src/aws/read-role-export.ts';
import type { RoleExport } from '../../src/iac/role-export.ts';

const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

const EC2_TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

/** Characters that need an escape somewhere (quotes, backslash, template openers, newline, tab) and Latin-1, all IAM allows in a description. */
const AWKWARD_DESCRIPTION = 'Wizard\'s "role": C:\\temp ${var.x} %{if} #no-comment: - [a] {b} & *c\nsecond\tline café ±½';
/** IAM takes policy text in Latin-1 only: other characters travel as JSON escapes, and are the same once parsed. */
const latin1Json = (value: unknown) => JSON.stringify(value).replace(/[^\t\n\r\u0020-\u00ff]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
const UNICODE_POLICY = latin1Json({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'Unicode',
      Effect: 'Allow',
      Action: ['s3:GetObject'],
      Resource: 'arn:aws:s3:::bücher-日本/${aws:username}/*',
      Condition: { StringEquals: { 'aws:PrincipalTag/team': ['Ünïcödé 🚀', 'quote " backslash \\ %{x} $${y}', 'line\nbreak', 'yes', 'null', '0x1F'] } },
    },
  ],
});

function wizardDraft(overrides: Partial<RoleDraft> & Pick<RoleDraft, 'roleName'>): RoleDraft {
  return { path: '/', description: '', trustPolicyJson: EC2_TRUST, managedPolicies: [], tags: [], createInstanceProfile: true, ...overrides };
}

async function send(iam: IAMClient, step: Step): Promise<void> {
  switch (step.command) {
    case 'CreateRole':
      await iam.send(new CreateRoleCommand(step.input));
      break;
    case 'AttachRolePolicy':
      await iam.send(new AttachRolePolicyCommand(step.input));
      break;
    case 'PutRolePolicy':
      await iam.send(new PutRolePolicyCommand(step.input));
      break;
    case 'CreateInstanceProfile':
      await iam.send(new CreateInstanceProfileCommand(step.input));
      break;
    case 'AddRoleToInstanceProfile':
      await iam.send(new AddRoleToInstanceProfileCommand(step.input));
      break;
    default:
      throw new Error(`a create plan has no ${step.command}`);
  }
}

export interface ExportCase {
  label: string;
  /** As the console reads it back from local AWS. */
  readBack: RoleExport;
  /** For wizard-made roles: the wizard's plan, which must say the same as what IAM holds. */
  plan?: Step[];
  /** The instance whose association is exported, and the profile name EC2 reports for it. */
  association?: { instanceId: string; profileName: string };
}

export interface LocalRoles {
  cases: ExportCase[];
  stop: () => Promise<void>;
}

export async function createLocalRoles(): Promise<LocalRoles> {
  const localAws: RunningLocalAws = await startLocalAws(testSettings(), { log: () => undefined });
  const config = { endpoint: localAws.url, region: 'us-east-1', credentials };
  const iam = new IAMClient(config);
  const ec2 = new EC2Client(config);
  try {
    // Policies under /service-role/ and /aws-service-role/ cannot be attached to a role of ours.
    const awsManaged = await iam.send(new ListPoliciesCommand({ Scope: 'AWS', MaxItems: 200 }));
    const tenPolicies = (awsManaged.Policies ?? [])
      .filter((policy) => policy.Path === '/')
      .slice(0, 10)
      .map((policy) => ({ name: policy.PolicyName!, arn: policy.Arn! }));
    if (tenPolicies.length !== 10) throw new Error(`local AWS lists ${tenPolicies.length} AWS managed policies, not 10`);
    const drafts: RoleDraft[] = [
      wizardDraft({
        roleName: 'wizard.Role+name=1,2@x_y-z',
        description: AWKWARD_DESCRIPTION,
        managedPolicies: tenPolicies.slice(0, 1),
        inlinePolicy: { name: 'unicode-policy', document: UNICODE_POLICY },
        tags: [
          { key: 'Team name', value: 'Ünïcödé 日本' },
          { key: 'cost:center', value: 'a=b+c/d@e-f_g.h' },
          { key: 'true', value: '' },
        ],
      }),
      wizardDraft({
        roleName: 'BoundedRole',
        path: '/team/a/',
        maxSessionDuration: 43200,
        description: 'Limited by a permissions boundary',
        permissionsBoundaryArn: tenPolicies[1]!.arn,
        managedPolicies: tenPolicies.slice(2, 4),
      }),
      wizardDraft({ roleName: '10-managed-policies', managedPolicies: tenPolicies, createInstanceProfile: false }),
    ];
    const cases: ExportCase[] = [];
    for (const draft of drafts) {
      const plan = buildCreatePlan(draft);
      for (const step of plan) await send(iam, step);
      cases.push({ label: `wizard-made ${draft.roleName}`, readBack: await readRoleExport(iam, draft.roleName), plan });
    }
    const associations = await ec2.send(new DescribeIamInstanceProfileAssociationsCommand({}));
    const association = associations.IamInstanceProfileAssociations?.find((candidate) => candidate.IamInstanceProfile?.Arn?.endsWith('/WebServerRole'));
    if (!association?.InstanceId) throw new Error('the seed has no instance with WebServerRole');
    cases.push(
      {
        label: 'seeded WebServerRole with the instance association',
        readBack: await readRoleExport(iam, 'WebServerRole', { profileName: 'WebServerRole' }),
        association: { instanceId: association.InstanceId, profileName: association.IamInstanceProfile!.Arn!.split('/').pop()! },
      },
      { label: 'seeded console-admin (another path, inline policy, no profile)', readBack: await readRoleExport(iam, 'console-admin') },
    );
    return { cases, stop: () => localAws.close() };
  } catch (failure) {
    await localAws.close();
    throw failure;
  } finally {
    iam.destroy();
    ec2.destroy();
  }
}
