/**
 * Reads what an export as code describes from IAM: the role (with its tags and boundary), its inline policies
 * with their documents, its attached managed policies and its instance profile. The client is passed in, so the
 * export tests read local AWS with the same code the console runs.
 */
import {
  GetRoleCommand,
  GetRolePolicyCommand,
  paginateListAttachedRolePolicies,
  paginateListInstanceProfilesForRole,
  paginateListRolePolicies,
  paginateListRoleTags,
  type IAMClient,
} from '@aws-sdk/client-iam';
import type { RoleExport } from '../iac/role-export.ts';
import { collectPages } from './paginate.ts';
import { decodePolicyDocumentText } from './policy-document.ts';

/**
 * `profileName` picks the instance profile to export (the Attach/Replace dialog's choice); without it, the role's
 * profile of the same name, else its first one.
 */
export async function readRoleExport(
  client: IAMClient,
  roleName: string,
  options: { profileName?: string; signal?: AbortSignal } = {},
): Promise<RoleExport> {
  const send = options.signal ? { abortSignal: options.signal } : {};
  const paging = { client, pageSize: 1000 };
  const [roleOutput, policyNames, attached, tags, profiles] = await Promise.all([
    client.send(new GetRoleCommand({ RoleName: roleName }), send),
    collectPages(paginateListRolePolicies(paging, { RoleName: roleName }, send), (page) => page.PolicyNames),
    collectPages(
      paginateListAttachedRolePolicies(paging, { RoleName: roleName }, send),
      (page) => page.AttachedPolicies,
    ),
    collectPages(paginateListRoleTags(paging, { RoleName: roleName }, send), (page) => page.Tags),
    collectPages(
      paginateListInstanceProfilesForRole(paging, { RoleName: roleName }, send),
      (page) => page.InstanceProfiles,
    ),
  ]);
  const role = roleOutput.Role;
  if (!role?.RoleName) throw new Error(`IAM answered GetRole without the role ${roleName}.`);
  const inlinePolicies = await Promise.all(
    policyNames.map(async (policyName) => {
      const output = await client.send(
        new GetRolePolicyCommand({ RoleName: role.RoleName, PolicyName: policyName }),
        send,
      );
      return {
        PolicyName: output.PolicyName ?? policyName,
        PolicyDocument: decodePolicyDocumentText(output.PolicyDocument ?? ''),
      };
    }),
  );
  const wanted = options.profileName ?? role.RoleName;
  const profile =
    profiles.find((candidate) => candidate.InstanceProfileName === wanted) ??
    (options.profileName ? undefined : profiles[0]);
  return {
    role: {
      RoleName: role.RoleName,
      Path: role.Path ?? '/',
      MaxSessionDuration: role.MaxSessionDuration ?? 3600,
      ...(role.Description ? { Description: role.Description } : {}),
      AssumeRolePolicyDocument: decodePolicyDocumentText(role.AssumeRolePolicyDocument ?? ''),
      ...(role.PermissionsBoundary?.PermissionsBoundaryArn
        ? { PermissionsBoundaryArn: role.PermissionsBoundary.PermissionsBoundaryArn }
        : {}),
      Tags: tags.map((tag) => ({ Key: tag.Key ?? '', Value: tag.Value ?? '' })),
    },
    inlinePolicies,
    managedPolicyArns: attached.map((policy) => policy.PolicyArn ?? ''),
    ...(profile?.InstanceProfileName
      ? { instanceProfile: { InstanceProfileName: profile.InstanceProfileName, Path: profile.Path ?? '/' } }
      : {}),
  };
}
