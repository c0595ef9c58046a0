/**
 * The exports as code of five roles read back from local AWS (two seeded, three made as the wizard makes them),
 * each parsed by a real parser and compared property by property with what IAM holds: CloudFormation with `yaml`
 * and AWS's resource specification, Terraform with HashiCorp's HCL parser, the CDK app with `tsc` and a synthesis
 * through aws-cdk-lib that must give the CloudFormation export's resources.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { cdkStackClassName, cdkTypeScript } from '../../src/iac/cdk.ts';
import { cloudFormationYaml } from '../../src/iac/cloudformation.ts';
import { logicalIds, type RoleExport } from '../../src/iac/role-export.ts';
import { terraformHcl, terraformNames } from '../../src/iac/terraform.ts';
import { roleExportOfPlan } from '../../src/features/roles/create/model/plan-export.ts';
import { synthesizedResources, typeCheck } from './cdk-synth.ts';
import { jsonencodedValue, parseHcl, resourceBlock } from './hcl.ts';
import { createLocalRoles, type ExportCase, type LocalRoles } from './local-roles.ts';
import { cloudFormationSpecErrors } from './resource-spec.ts';

let roles: LocalRoles | undefined;
let cases: ExportCase[] = [];

beforeAll(async () => {
  roles = await createLocalRoles();
  cases = roles.cases;
}, 60_000);
afterAll(() => roles?.stop());

/** The export's input: the role as read back, plus the instance for the association case. */
function inputOf(exportCase: ExportCase): RoleExport {
  return exportCase.association ? { ...exportCase.readBack, instance: { InstanceId: exportCase.association.instanceId } } : exportCase.readBack;
}

/** Documents as values, so formatting (IAM keeps what was sent) does not count. */
function withParsedDocuments(exported: RoleExport) {
  return {
    ...exported,
    role: { ...exported.role, AssumeRolePolicyDocument: JSON.parse(exported.role.AssumeRolePolicyDocument) as unknown },
    inlinePolicies: exported.inlinePolicies.map((policy) => ({ ...policy, PolicyDocument: JSON.parse(policy.PolicyDocument) as unknown })),
  };
}

type Resources = Record<string, { Type: string; DeletionPolicy?: string; UpdateReplacePolicy?: string; Properties: Record<string, unknown> }>;

/** CloudFormation tags are a set; aws-cdk-lib writes them sorted by key with `localeCompare`. */
function withSortedTags(resources: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(resources as Resources).map(([id, resource]) => {
      const tags = resource.Properties.Tags as { Key: string }[] | undefined;
      if (!tags) return [id, resource];
      const sorted = [...tags].sort((a, b) => (a.Key < b.Key ? -1 : a.Key > b.Key ? 1 : 0));
      return [id, { ...resource, Properties: { ...resource.Properties, Tags: sorted } }];
    }),
  );
}

describe('the five roles read back from local AWS', () => {
  it('include one with a permissions boundary, one with 10 managed policies, and Unicode and escapes', () => {
    expect(cases).toHaveLength(5);
    expect(cases.filter((exportCase) => exportCase.readBack.role.PermissionsBoundaryArn)).toHaveLength(1);
    expect(cases.map((exportCase) => exportCase.readBack.managedPolicyArns.length)).toContain(10);
    const wizardRole = cases[0]!.readBack;
    expect(wizardRole.role.Description).toContain('${var.x} %{if}');
    expect(wizardRole.role.Tags).toContainEqual({ Key: 'Team name', Value: 'Ünïcödé 日本' });
  });

  it("are what the wizard's plan said they would be", () => {
    const wizardMade = cases.filter((exportCase) => exportCase.plan);
    expect(wizardMade).toHaveLength(3);
    for (const exportCase of wizardMade) {
      expect(withParsedDocuments(roleExportOfPlan(exportCase.plan!)!), exportCase.label).toEqual(withParsedDocuments(exportCase.readBack));
    }
  });
});

describe('CloudFormation export', () => {
  it('parses as YAML and holds the role, its policies, tags, boundary, profile and association as IAM has them', () => {
    for (const exportCase of cases) {
      const input = inputOf(exportCase);
      const { role } = input;
      const ids = logicalIds(input);
      const template = parseYaml(cloudFormationYaml(input)) as { AWSTemplateFormatVersion: string; Resources: Resources };
      expect(template.AWSTemplateFormatVersion).toBe('2010-09-09');
      const roleResource = template.Resources[ids.role]!;
      const properties = roleResource.Properties;
      expect(roleResource.Type, exportCase.label).toBe('AWS::IAM::Role');
      expect(properties.RoleName).toBe(role.RoleName);
      expect(properties.Path).toBe(role.Path);
      expect(properties.Description ?? '').toBe(role.Description ?? '');
      expect(properties.MaxSessionDuration).toBe(role.MaxSessionDuration);
      expect(properties.AssumeRolePolicyDocument).toEqual(JSON.parse(role.AssumeRolePolicyDocument));
      expect(properties.ManagedPolicyArns ?? []).toEqual(input.managedPolicyArns);
      expect(properties.PermissionsBoundary).toBe(role.PermissionsBoundaryArn);
      expect(properties.Policies ?? []).toEqual(input.inlinePolicies.map((policy) => ({ PolicyName: policy.PolicyName, PolicyDocument: JSON.parse(policy.PolicyDocument) })));
      expect(properties.Tags ?? []).toEqual(role.Tags);

      const profile = template.Resources[ids.instanceProfile];
      expect(profile?.Properties, exportCase.label).toEqual(
        input.instanceProfile ? { InstanceProfileName: input.instanceProfile.InstanceProfileName, Path: input.instanceProfile.Path, Roles: [{ Ref: ids.role }] } : undefined,
      );
      const instance = template.Resources[ids.instance];
      if (exportCase.association) {
        expect(profile?.Properties.InstanceProfileName).toBe(exportCase.association.profileName);
        expect(instance).toEqual({
          Type: 'AWS::EC2::Instance',
          DeletionPolicy: 'Retain',
          UpdateReplacePolicy: 'Retain',
          Properties: { IamInstanceProfile: { Ref: ids.instanceProfile } },
        });
      } else expect(instance).toBeUndefined();
      expect(Object.keys(template.Resources)).toHaveLength(1 + (profile ? 1 : 0) + (instance ? 1 : 0));
    }
  });

  it("uses only resource types and properties of AWS's CloudFormation resource specification, with their types", async () => {
    for (const exportCase of cases) {
      const template = parseYaml(cloudFormationYaml(inputOf(exportCase))) as { Resources: Resources };
      expect(await cloudFormationSpecErrors(template.Resources), exportCase.label).toEqual([]);
    }
  }, 30_000);
});

describe('Terraform export', () => {
  it("parses with HashiCorp's HCL parser and holds what IAM has", async () => {
    for (const exportCase of cases) {
      const input = inputOf(exportCase);
      const { role } = input;
      const names = terraformNames(input);
      const file = await parseHcl(terraformHcl(input));
      const roleBlock = resourceBlock(file, 'aws_iam_role', names.role);
      const roleName = `\${aws_iam_role.${names.role}.name}`;
      expect(roleBlock.name, exportCase.label).toBe(role.RoleName);
      expect(roleBlock.path).toBe(role.Path);
      expect(roleBlock.description ?? '').toBe(role.Description ?? '');
      expect(roleBlock.max_session_duration).toBe(role.MaxSessionDuration);
      expect(roleBlock.permissions_boundary).toBe(role.PermissionsBoundaryArn);
      expect(await jsonencodedValue(roleBlock.assume_role_policy)).toEqual(JSON.parse(role.AssumeRolePolicyDocument));
      expect(roleBlock.tags ?? {}).toEqual(Object.fromEntries(role.Tags.map((tag) => [tag.Key, tag.Value])));

      const resources = file.resource as Record<string, Record<string, unknown>>;
      expect(Object.keys(resources.aws_iam_role_policy ?? {})).toHaveLength(input.inlinePolicies.length);
      for (const [index, policy] of input.inlinePolicies.entries()) {
        const policyBlock = resourceBlock(file, 'aws_iam_role_policy', names.inlinePolicies[index]!);
        expect(policyBlock.name).toBe(policy.PolicyName);
        expect(policyBlock.role).toBe(roleName);
        expect(await jsonencodedValue(policyBlock.policy)).toEqual(JSON.parse(policy.PolicyDocument));
      }
      const attachments = Object.keys(resources.aws_iam_role_policy_attachment ?? {}).map((name) => resourceBlock(file, 'aws_iam_role_policy_attachment', name));
      // Attachments are a set (and hcl2json lists resources by name).
      expect(attachments.map((attachment) => attachment.policy_arn).sort()).toEqual([...input.managedPolicyArns].sort());
      for (const attachment of attachments) expect(attachment.role).toBe(roleName);

      const profiles = Object.keys(resources.aws_iam_instance_profile ?? {});
      expect(profiles).toHaveLength(input.instanceProfile ? 1 : 0);
      if (input.instanceProfile) {
        expect(resourceBlock(file, 'aws_iam_instance_profile', names.role)).toEqual({
          name: input.instanceProfile.InstanceProfileName,
          path: input.instanceProfile.Path,
          role: roleName,
        });
      }
      if (exportCase.association) {
        expect(resourceBlock(file, 'aws_instance', names.instance)).toEqual({ iam_instance_profile: `\${aws_iam_instance_profile.${names.role}.name}` });
        expect(file.import).toEqual([{ to: `\${aws_instance.${names.instance}}`, id: exportCase.association.instanceId }]);
      } else {
        expect(resources.aws_instance).toBeUndefined();
        expect(file.import).toBeUndefined();
      }
    }
  });
});

describe('AWS CDK export', () => {
  // Generous limits: tsc reads about 900 declaration files of aws-cdk-lib (≈10 s of CPU), on a machine shared with other work.
  it('compiles with tsc against aws-cdk-lib', () => {
    const sources = new Map(cases.map((exportCase, index) => [`export-${index}.ts`, cdkTypeScript(inputOf(exportCase))]));
    expect(typeCheck(sources)).toEqual([]);
  }, 180_000);

  it('synthesizes through aws-cdk-lib to the CloudFormation export’s resources', () => {
    for (const exportCase of cases) {
      const input = inputOf(exportCase);
      const cloudFormation = parseYaml(cloudFormationYaml(input)) as { Resources: Resources };
      expect(withSortedTags(synthesizedResources(cdkTypeScript(input), cdkStackClassName(input))), exportCase.label).toEqual(withSortedTags(cloudFormation.Resources));
    }
  }, 120_000);
});
