/** The CloudFormation export: a template (YAML) with the role, its instance profile and the instance's profile. */
import { documentValue, logicalIds, type RoleExport } from './role-export.ts';
import { toYaml } from './yaml-writer.ts';

export interface CfnResource {
  Type: string;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  Properties: Record<string, unknown>;
}

/** The template's resources by logical ID; the CDK export synthesizes to exactly these. */
export function cloudFormationResources(input: RoleExport): Record<string, CfnResource> {
  const { role } = input;
  const ids = logicalIds(input);
  const properties: Record<string, unknown> = {
    RoleName: role.RoleName,
    Path: role.Path,
    ...(role.Description ? { Description: role.Description } : {}),
    MaxSessionDuration: role.MaxSessionDuration,
    AssumeRolePolicyDocument: documentValue(role.AssumeRolePolicyDocument),
    ...(input.managedPolicyArns.length > 0 ? { ManagedPolicyArns: input.managedPolicyArns } : {}),
    ...(role.PermissionsBoundaryArn ? { PermissionsBoundary: role.PermissionsBoundaryArn } : {}),
    ...(input.inlinePolicies.length > 0
      ? { Policies: input.inlinePolicies.map((policy) => ({ PolicyName: policy.PolicyName, PolicyDocument: documentValue(policy.PolicyDocument) })) }
      : {}),
    ...(role.Tags.length > 0 ? { Tags: role.Tags.map((tag) => ({ Key: tag.Key, Value: tag.Value })) } : {}),
  };
  const resources: Record<string, CfnResource> = { [ids.role]: { Type: 'AWS::IAM::Role', Properties: properties } };
  if (input.instanceProfile) {
    resources[ids.instanceProfile] = {
      Type: 'AWS::IAM::InstanceProfile',
      Properties: { InstanceProfileName: input.instanceProfile.InstanceProfileName, Path: input.instanceProfile.Path, Roles: [{ Ref: ids.role }] },
    };
    if (input.instance) {
      // An existing instance comes into a stack by resource import, which requires a deletion policy; Retain
      // (on replacement too) so that the stack never deletes an instance it did not create.
      resources[ids.instance] = { Type: 'AWS::EC2::Instance', DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain', Properties: { IamInstanceProfile: { Ref: ids.instanceProfile } } };
    }
  }
  return resources;
}

export function cloudFormationTemplate(input: RoleExport): Record<string, unknown> {
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `IAM role ${input.role.RoleName}`,
    Resources: cloudFormationResources(input),
  };
}

export function cloudFormationYaml(input: RoleExport): string {
  const comment = input.instance
    ? `The instance ${input.instance.InstanceId} is existing: merge IamInstanceProfile into its resource, or import it\n(DeletionPolicy and UpdateReplacePolicy Retain) with its other properties as they are.`
    : undefined;
  return toYaml(cloudFormationTemplate(input), comment);
}
