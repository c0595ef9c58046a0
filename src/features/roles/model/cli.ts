/** The AWS CLI v2 equivalents of the role page's calls, quoted so they can be pasted into a POSIX shell. */
import { cliCommand, compactJson, tagsJson, untagCommand } from '../../../aws/cli.ts';

export const roleCli = {
  updateRole: (roleName: string, description: string, maxSessionDuration: number) =>
    cliCommand('iam', 'update-role', [
      ['role-name', roleName],
      ['description', description],
      ['max-session-duration', maxSessionDuration],
    ]),
  updateAssumeRolePolicy: (roleName: string, document: string) =>
    cliCommand('iam', 'update-assume-role-policy', [
      ['role-name', roleName],
      ['policy-document', compactJson(document)],
    ]),
  attachRolePolicy: (roleName: string, policyArn: string) =>
    cliCommand('iam', 'attach-role-policy', [
      ['role-name', roleName],
      ['policy-arn', policyArn],
    ]),
  detachRolePolicy: (roleName: string, policyArn: string) =>
    cliCommand('iam', 'detach-role-policy', [
      ['role-name', roleName],
      ['policy-arn', policyArn],
    ]),
  putRolePolicy: (roleName: string, policyName: string, document: string) =>
    cliCommand('iam', 'put-role-policy', [
      ['role-name', roleName],
      ['policy-name', policyName],
      ['policy-document', compactJson(document)],
    ]),
  deleteRolePolicy: (roleName: string, policyName: string) =>
    cliCommand('iam', 'delete-role-policy', [
      ['role-name', roleName],
      ['policy-name', policyName],
    ]),
  putRolePermissionsBoundary: (roleName: string, policyArn: string) =>
    cliCommand('iam', 'put-role-permissions-boundary', [
      ['role-name', roleName],
      ['permissions-boundary', policyArn],
    ]),
  deleteRolePermissionsBoundary: (roleName: string) => cliCommand('iam', 'delete-role-permissions-boundary', [['role-name', roleName]]),
  tagRole: (roleName: string, tags: readonly { key: string; value: string }[]) =>
    cliCommand('iam', 'tag-role', [
      ['role-name', roleName],
      ['tags', tagsJson(tags)],
    ]),
  untagRole: (roleName: string, keys: readonly string[]) =>
    untagCommand('untag-role', [['role-name', roleName]], keys),
  createInstanceProfile: (profileName: string) => cliCommand('iam', 'create-instance-profile', [['instance-profile-name', profileName]]),
  addRoleToInstanceProfile: (profileName: string, roleName: string) =>
    cliCommand('iam', 'add-role-to-instance-profile', [
      ['instance-profile-name', profileName],
      ['role-name', roleName],
    ]),
  removeRoleFromInstanceProfile: (profileName: string, roleName: string) =>
    cliCommand('iam', 'remove-role-from-instance-profile', [
      ['instance-profile-name', profileName],
      ['role-name', roleName],
    ]),
  deleteInstanceProfile: (profileName: string) => cliCommand('iam', 'delete-instance-profile', [['instance-profile-name', profileName]]),
  deleteRole: (roleName: string) => cliCommand('iam', 'delete-role', [['role-name', roleName]]),
};
