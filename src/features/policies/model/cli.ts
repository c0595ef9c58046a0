/** The AWS CLI v2 equivalents of the policy pages' calls, quoted so they paste into a POSIX shell. */
import { cliCommand, compactJson, tagsJson, untagCommand } from '../../../aws/cli.ts';

export interface PolicyTag {
  key: string;
  value: string;
}

export type EntityType = 'role' | 'user' | 'group';
export type EntityUsage = 'PermissionsPolicy' | 'PermissionsBoundary';

export const policyCli = {
  createPolicy: (input: { name: string; description: string; document: string; path?: string; tags: readonly PolicyTag[] }) =>
    cliCommand('iam', 'create-policy', [
      ['policy-name', input.name],
      ['path', input.path && input.path !== '/' ? input.path : undefined],
      ['description', input.description !== '' ? input.description : undefined],
      ['policy-document', compactJson(input.document)],
      ['tags', input.tags.length > 0 ? tagsJson(input.tags) : undefined],
    ]),
  createPolicyVersion: (arn: string, document: string) =>
    `${cliCommand('iam', 'create-policy-version', [
      ['policy-arn', arn],
      ['policy-document', compactJson(document)],
    ])} --set-as-default`,
  setDefaultPolicyVersion: (arn: string, versionId: string) =>
    cliCommand('iam', 'set-default-policy-version', [
      ['policy-arn', arn],
      ['version-id', versionId],
    ]),
  deletePolicyVersion: (arn: string, versionId: string) =>
    cliCommand('iam', 'delete-policy-version', [
      ['policy-arn', arn],
      ['version-id', versionId],
    ]),
  deletePolicy: (arn: string) => cliCommand('iam', 'delete-policy', [['policy-arn', arn]]),
  tagPolicy: (arn: string, tags: readonly PolicyTag[]) =>
    cliCommand('iam', 'tag-policy', [
      ['policy-arn', arn],
      ['tags', tagsJson(tags)],
    ]),
  untagPolicy: (arn: string, keys: readonly string[]) =>
    untagCommand('untag-policy', [['policy-arn', arn]], keys),
  /** Detaching a permissions policy, or removing a permissions boundary, from a role, user or group. */
  detach: (arn: string, entity: { type: EntityType; name: string; usage: EntityUsage }) => {
    if (entity.usage === 'PermissionsBoundary') {
      return cliCommand('iam', `delete-${entity.type}-permissions-boundary`, [[`${entity.type}-name`, entity.name]]);
    }
    return cliCommand('iam', `detach-${entity.type}-policy`, [
      [`${entity.type}-name`, entity.name],
      ['policy-arn', arn],
    ]);
  },
};
