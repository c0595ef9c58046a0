/** The AWS CLI v2 equivalents of the role page's calls, quoted so they can be pasted into a POSIX shell. */
import { cliCommand, shellQuote } from '../create/model/shell-quote.ts';

/** Policy JSON on one line (as typed when it does not parse: the CLI then gets exactly what IAM would get). */
export function compactJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}

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
      // JSON works for any key or value; the Key=…,Value=… shorthand breaks on commas and '='.
      ['tags', JSON.stringify(tags.map((tag) => ({ Key: tag.key, Value: tag.value })))],
    ]),
  untagRole: (roleName: string, keys: readonly string[]) =>
    [cliCommand('iam', 'untag-role', [['role-name', roleName]]), '--tag-keys', ...keys.map(shellQuote)].join(' '),
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
