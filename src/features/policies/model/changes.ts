/**
 * Every change the policy pages make, as data: plans are lists of changes (pure, testable), run as steps of the
 * shared plan runner (api/use-policy-changes.ts), whose executor (api/execute-change.ts) turns each into its IAM
 * call. Each change knows its words, its IAM action (to name the missing permission when AWS refuses) and its AWS
 * CLI equivalent.
 */
import { awsCli, compactJson } from '../../../aws/cli.ts';
import type { PlanStep } from '../../../aws/plan/run-plan.ts';
import { sortVersionsNewestFirst, type PolicyVersionSummary } from './versions.ts';

export interface PolicyTag {
  key: string;
  value: string;
}

export type EntityType = 'role' | 'user' | 'group';
export type EntityUsage = 'PermissionsPolicy' | 'PermissionsBoundary';

export interface AttachedEntity {
  type: EntityType;
  name: string;
  id: string;
  usage: EntityUsage;
}

export type PolicyChange =
  | { kind: 'detach'; entity: AttachedEntity }
  | { kind: 'delete-version'; versionId: string }
  | { kind: 'create-version'; document: string }
  | { kind: 'set-default'; versionId: string }
  | { kind: 'delete-policy' }
  | { kind: 'tag'; tags: PolicyTag[] }
  | { kind: 'untag'; keys: string[] };

const ENTITY_WORD: Record<EntityType, string> = { role: 'role', user: 'user', group: 'group' };

export function entityAction(entity: AttachedEntity): string {
  const type = entity.type[0]!.toUpperCase() + entity.type.slice(1);
  return entity.usage === 'PermissionsBoundary' ? `iam:Delete${type}PermissionsBoundary` : `iam:Detach${type}Policy`;
}

export interface ChangeDescription {
  label: string;
  /** The IAM action the call needs (named when AWS refuses without saying). */
  action: string;
  /** The resource the permission applies to, when it is the policy itself. */
  resource?: string;
  cli: string;
}

const sdkTags = (tags: readonly PolicyTag[]) => tags.map((tag) => ({ Key: tag.key, Value: tag.value }));

export function describeChange(policyArn: string, change: PolicyChange): ChangeDescription {
  const cli = (operation: string, input: object) => awsCli('iam', operation, { PolicyArn: policyArn, ...input });
  switch (change.kind) {
    case 'detach': {
      const { entity } = change;
      const action = entityAction(entity);
      const entityName = { [`${entity.type[0]!.toUpperCase()}${entity.type.slice(1)}Name`]: entity.name };
      return {
        label:
          entity.usage === 'PermissionsBoundary'
            ? `Remove the permissions boundary from ${ENTITY_WORD[entity.type]} ${entity.name}`
            : `Detach from ${ENTITY_WORD[entity.type]} ${entity.name}`,
        action,
        cli:
          entity.usage === 'PermissionsBoundary'
            ? awsCli('iam', action.slice('iam:'.length), entityName)
            : awsCli('iam', action.slice('iam:'.length), { ...entityName, PolicyArn: policyArn }),
      };
    }
    case 'delete-version':
      return {
        label: `Delete version ${change.versionId}`,
        action: 'iam:DeletePolicyVersion',
        resource: policyArn,
        cli: cli('DeletePolicyVersion', { VersionId: change.versionId }),
      };
    case 'create-version':
      return {
        label: 'Create a new version and make it the default',
        action: 'iam:CreatePolicyVersion',
        resource: policyArn,
        cli: cli('CreatePolicyVersion', { PolicyDocument: compactJson(change.document), SetAsDefault: true }),
      };
    case 'set-default':
      return {
        label: `Make version ${change.versionId} the default`,
        action: 'iam:SetDefaultPolicyVersion',
        resource: policyArn,
        cli: cli('SetDefaultPolicyVersion', { VersionId: change.versionId }),
      };
    case 'delete-policy':
      return { label: 'Delete the policy', action: 'iam:DeletePolicy', resource: policyArn, cli: cli('DeletePolicy', {}) };
    case 'tag':
      return {
        label: `Add or update ${change.tags.length === 1 ? 'tag' : `${change.tags.length} tags`} ${change.tags.map((tag) => tag.key).join(', ')}`,
        action: 'iam:TagPolicy',
        resource: policyArn,
        cli: cli('TagPolicy', { Tags: sdkTags(change.tags) }),
      };
    case 'untag':
      return {
        label: `Remove ${change.keys.length === 1 ? 'tag' : 'tags'} ${change.keys.join(', ')}`,
        action: 'iam:UntagPolicy',
        resource: policyArn,
        cli: cli('UntagPolicy', { TagKeys: change.keys }),
      };
  }
}

/** A change as a step of the shared plan runner. */
export type PolicyStep = PlanStep & { policyArn: string; change: PolicyChange };

export function policySteps(policyArn: string, changes: readonly PolicyChange[]): PolicyStep[] {
  return changes.map((change, index) => {
    const { label, action, resource, cli } = describeChange(policyArn, change);
    return { id: `${index}:${change.kind}`, title: label, cli, context: { action, ...(resource ? { resource } : {}) }, policyArn, change };
  });
}

/** The CLI equivalent of CreatePolicy, for the create page (a single call, not a plan). */
export function createPolicyCli(input: { name: string; description: string; document: string; path?: string; tags: readonly PolicyTag[] }): string {
  return awsCli('iam', 'CreatePolicy', {
    PolicyName: input.name,
    Path: input.path && input.path !== '/' ? input.path : undefined,
    Description: input.description !== '' ? input.description : undefined,
    PolicyDocument: compactJson(input.document),
    Tags: input.tags.length > 0 ? sdkTags(input.tags) : undefined,
  });
}

/**
 * Deleting a customer managed policy as IAM requires: detach it from every entity (DeletePolicy fails with
 * DeleteConflict "Cannot delete a policy attached to entities." otherwise), delete every non-default version
 * ("This policy has more than one version…"), then DeletePolicy, which removes the default version with it.
 */
export function deletePolicyPlan(entities: readonly AttachedEntity[], versions: readonly PolicyVersionSummary[]): PolicyChange[] {
  const detaches = [...entities]
    .sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name) || a.usage.localeCompare(b.usage))
    .map((entity): PolicyChange => ({ kind: 'detach', entity }));
  const versionDeletes = sortVersionsNewestFirst(versions.filter((version) => !version.isDefault)).map(
    (version): PolicyChange => ({ kind: 'delete-version', versionId: version.versionId }),
  );
  return [...detaches, ...versionDeletes, { kind: 'delete-policy' }];
}

/** Editing = a new default version; at AWS's limit the chosen old version is deleted first. */
export function editPolicyPlan(document: string, versionToDelete: string | undefined): PolicyChange[] {
  return [...(versionToDelete ? [{ kind: 'delete-version', versionId: versionToDelete } as const] : []), { kind: 'create-version', document }];
}

/** Tag changes: UntagPolicy for keys that went away (or changed case), TagPolicy for new or changed values. */
export function tagChanges(before: readonly PolicyTag[], after: readonly PolicyTag[]): PolicyChange[] {
  const afterKeys = new Map(after.map((tag) => [tag.key, tag.value]));
  const beforeKeys = new Map(before.map((tag) => [tag.key, tag.value]));
  const removeKeys = before.filter((tag) => !afterKeys.has(tag.key)).map((tag) => tag.key);
  const put = after.filter((tag) => beforeKeys.get(tag.key) !== tag.value);
  return [
    ...(removeKeys.length > 0 ? [{ kind: 'untag', keys: removeKeys } as const] : []),
    ...(put.length > 0 ? [{ kind: 'tag', tags: put.map((tag) => ({ ...tag })) } as const] : []),
  ];
}
