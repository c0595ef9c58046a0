/** IAM set-up and checks for the roles specs, with the real AWS CLI v2 (/usr/bin/aws) as local-admin. */
import { awsCli, awsCliOk } from './aws-cli.ts';

export const EC2_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

/** A name no other test uses, so each test owns its role in the shared local AWS. */
export function uniqueRoleName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
}

export async function createRoleWithCli(roleName: string): Promise<void> {
  await awsCliOk(['iam', 'create-role', '--role-name', roleName, '--assume-role-policy-document', EC2_TRUST]);
}

/** Deletes a role that has no policies, instance profiles or boundary left (what createRoleWithCli made). */
export async function deleteRoleWithCli(roleName: string): Promise<void> {
  await awsCliOk(['iam', 'delete-role', '--role-name', roleName]);
}

export interface CliRole {
  RoleName: string;
  Description?: string;
  AssumeRolePolicyDocument: unknown;
  PermissionsBoundary?: { PermissionsBoundaryArn: string };
}

export async function getRole(roleName: string): Promise<CliRole> {
  return (await awsCliOk<{ Role: CliRole }>(['iam', 'get-role', '--role-name', roleName])).Role;
}

export async function attachedPolicyArns(roleName: string): Promise<string[]> {
  const output = await awsCliOk<{ AttachedPolicies: { PolicyArn: string }[] }>(['iam', 'list-attached-role-policies', '--role-name', roleName]);
  return output.AttachedPolicies.map((policy) => policy.PolicyArn);
}

export async function inlinePolicyNames(roleName: string): Promise<string[]> {
  return (await awsCliOk<{ PolicyNames: string[] }>(['iam', 'list-role-policies', '--role-name', roleName])).PolicyNames;
}

export async function inlinePolicyDocument(roleName: string, policyName: string): Promise<unknown> {
  return (await awsCliOk<{ PolicyDocument: unknown }>(['iam', 'get-role-policy', '--role-name', roleName, '--policy-name', policyName])).PolicyDocument;
}

export async function roleTags(roleName: string): Promise<{ Key: string; Value: string }[]> {
  return (await awsCliOk<{ Tags: { Key: string; Value: string }[] }>(['iam', 'list-role-tags', '--role-name', roleName])).Tags;
}

export interface CliProfile {
  InstanceProfileName: string;
  Arn: string;
  Roles: { RoleName: string }[];
}

export async function getInstanceProfile(name: string): Promise<CliProfile | undefined> {
  const result = await awsCli(['iam', 'get-instance-profile', '--instance-profile-name', name]);
  if (result.status !== 0) {
    if (result.stderr.includes('NoSuchEntity')) return undefined;
    throw new Error(`get-instance-profile ${name} failed: ${result.stderr}`);
  }
  return (result.json as { InstanceProfile: CliProfile }).InstanceProfile;
}

/** `aws iam get-role` exit status and stderr, for "is it gone" checks. */
export async function getRoleResult(roleName: string): Promise<{ status: number; stderr: string }> {
  const result = await awsCli(['iam', 'get-role', '--role-name', roleName]);
  return { status: result.status, stderr: result.stderr };
}
