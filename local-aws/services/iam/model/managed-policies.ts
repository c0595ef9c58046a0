import { ACCOUNT_ID } from '../../../config.ts';
import type { ConditionContext } from '../../../iam-policy/types.ts';
import { iamUniqueId } from '../../../identity/ids.ts';
import { accessDenied, deleteConflict, entityAlreadyExists, IamMessages, invalidInput, limitExceeded, noSuchEntity } from '../errors.ts';
import { pageConstraints, paginate, paginateInOrder } from '../pagination.ts';
import { allowAll, type Authorize, type Page, type PageRequest, type PolicyRecord, type PolicyVersionRecord } from '../records.ts';
import { policyTags, requestTagConditions, resourceTagConditions } from '../tags.ts';
import { Constraints, policySize, Rules, type Tag } from '../validation.ts';
import { ANY_ARN, iamArn, IamQuotas, isServiceRolePolicy, key, nowIso, parsePolicyArn, type IamStateClass } from './state.ts';

export interface CreatePolicyInput {
  policyName: string;
  policyDocument: string;
  path?: string;
  description?: string;
  tags?: Tag[];
}

/** One AWS managed policy of the catalog, with its default version's document only. */
export interface AwsManagedPolicyInput {
  policyName: string;
  path: string;
  description?: string;
  defaultVersionId: string;
  document: string;
  createDate: string;
  updateDate: string;
  /** Creation date of the default version (defaults to updateDate). */
  versionCreateDate?: string;
}

export type PolicyScope = 'All' | 'AWS' | 'Local';
export type PolicyUsageFilter = 'PermissionsPolicy' | 'PermissionsBoundary';
export type EntityFilter = 'User' | 'Role' | 'Group' | 'LocalManagedPolicy' | 'AWSManagedPolicy';

export interface ListPoliciesInput extends PageRequest {
  scope?: PolicyScope;
  onlyAttached?: boolean;
  pathPrefix?: string;
  policyUsageFilter?: PolicyUsageFilter;
}

export interface PolicyEntities {
  roles: { roleName: string; roleId: string }[];
  users: { userName: string; userId: string }[];
  groups: { groupName: string; groupId: string }[];
}

/**
 * AWS refuses deleting or updating a policy of another account (an AWS managed one) with its own
 * AccessDenied sentence, whatever the caller's policies allow, before it looks the policy or version up.
 */
function refuseForeignPolicy(policyArn: string, message: string): void {
  const account = parsePolicyArn(policyArn)?.account;
  if (account !== undefined && account !== ACCOUNT_ID) throw accessDenied(message);
}

function versionKey(arn: string, versionId: string): string {
  return `${arn}\u0000${versionId}`;
}

/** Managed policies: the AWS catalog and customer managed ones, their versions, the entities using them, tags. */
export function withManagedPolicies<Base extends IamStateClass>(Base: Base) {
  return class IamManagedPolicies extends Base {
    createPolicy(input: CreatePolicyInput, now: Date, authorize: Authorize = allowAll): PolicyRecord {
      const path = input.path ?? '/';
      const c = new Constraints();
      if (c.required('policyName', input.policyName)) c.string('policyName', input.policyName, Rules.policyName);
      if (c.required('policyDocument', input.policyDocument))
        c.string('policyDocument', input.policyDocument, Rules.policyDocument);
      c.string('path', input.path, Rules.policyPath)
        .string('description', input.description, Rules.policyDescription)
        .tags('tags', input.tags)
        .check();
      if (input.tags) policyTags.checkNew(input.tags);
      const arn = iamArn('policy', path, input.policyName);
      authorize('iam:CreatePolicy', arn, requestTagConditions(input.tags));
      const duplicate = [...this.policies.values()].some(
        (policy) => !policy.awsManaged && key(policy.policyName) === key(input.policyName),
      );
      if (duplicate) throw entityAlreadyExists(IamMessages.policyExists(input.policyName));
      this.checkManagedPolicyDocument(input.policyDocument);

      const created = nowIso(now);
      const policy: PolicyRecord = {
        policyName: input.policyName,
        policyId: iamUniqueId('ANPA'),
        arn,
        path,
        ...(input.description !== undefined ? { description: input.description } : {}),
        createDate: created,
        updateDate: created,
        defaultVersionId: 'v1',
        versionIds: ['v1'],
        nextVersion: 2,
        isAttachable: true,
        tags: (input.tags ?? []).map((tag) => ({ Key: tag.Key, Value: tag.Value })),
        awsManaged: false,
      };
      this.store.transaction(() => {
        this.policies.put(arn, policy);
        this.versions.put(versionKey(arn, 'v1'), {
          versionId: 'v1',
          document: input.policyDocument,
          createDate: created,
        });
      });
      return policy;
    }

    /** Adds one policy of AWS's managed catalog (seed only; no validation beyond AWS's own). */
    addAwsManagedPolicy(input: AwsManagedPolicyInput): PolicyRecord {
      const arn = `arn:aws:iam::aws:policy${input.path}${input.policyName}`;
      const policy: PolicyRecord = {
        policyName: input.policyName,
        policyId: iamUniqueId('ANPA'),
        arn,
        path: input.path,
        ...(input.description !== undefined ? { description: input.description } : {}),
        createDate: input.createDate,
        updateDate: input.updateDate,
        defaultVersionId: input.defaultVersionId,
        versionIds: [input.defaultVersionId],
        nextVersion: Number(input.defaultVersionId.slice(1)) + 1,
        isAttachable: true,
        tags: [],
        awsManaged: true,
      };
      this.store.transaction(() => {
        this.policies.put(arn, policy);
        this.versions.put(versionKey(arn, input.defaultVersionId), {
          versionId: input.defaultVersionId,
          document: input.document,
          createDate: input.versionCreateDate ?? input.updateDate,
        });
      });
      return policy;
    }

    getPolicy(policyArn: string, authorize: Authorize = allowAll): PolicyRecord {
      this.policyArnConstraints(policyArn);
      authorize('iam:GetPolicy', policyArn, this.policyConditions(policyArn));
      return this.requirePolicy(policyArn);
    }

    findPolicy(policyArn: string): PolicyRecord | undefined {
      return this.policies.get(policyArn);
    }

    getPolicyVersion(
      policyArn: string,
      versionId: string,
      authorize: Authorize = allowAll,
    ): PolicyVersionRecord & { isDefaultVersion: boolean } {
      this.policyArnConstraints(policyArn, versionId);
      authorize('iam:GetPolicyVersion', policyArn, this.policyConditions(policyArn));
      const policy = this.requirePolicy(policyArn, IamMessages.policyVersionNotFound(policyArn, versionId));
      const version = this.versions.get(versionKey(policy.arn, versionId));
      if (!version) throw noSuchEntity(IamMessages.policyVersionNotFound(policyArn, versionId));
      return { ...version, isDefaultVersion: policy.defaultVersionId === versionId };
    }

    /** The default version's document text. */
    defaultDocument(policy: PolicyRecord): string {
      return this.versions.get(versionKey(policy.arn, policy.defaultVersionId))!.document;
    }

    listPolicies(input: ListPoliciesInput, authorize: Authorize = allowAll): Page<PolicyRecord> {
      pageConstraints(new Constraints().string('pathPrefix', input.pathPrefix, Rules.policyPath), input).check();
      authorize('iam:ListPolicies', iamArn('policy', input.pathPrefix ?? '/', ''));
      const scope = input.scope ?? 'All';
      const prefix = input.pathPrefix ?? '/';
      const matching = [...this.policies.values()].filter((policy) => {
        if (scope === 'AWS' && !policy.awsManaged) return false;
        if (scope === 'Local' && policy.awsManaged) return false;
        if (!policy.path.startsWith(prefix)) return false;
        const usage = this.policyUsage(policy.arn);
        if (input.onlyAttached && usage.attachmentCount + usage.permissionsBoundaryUsageCount === 0) return false;
        // PermissionsBoundary: only policies usable as a boundary (every managed policy but service-role ones);
        // PermissionsPolicy: policies that can be attached as permissions.
        if (input.policyUsageFilter === 'PermissionsBoundary' && isServiceRolePolicy(policy)) return false;
        if (input.policyUsageFilter === 'PermissionsPolicy' && !policy.isAttachable) return false;
        return true;
      });
      return paginate(matching, (policy) => `${key(policy.policyName)}\u0000${policy.arn}`, input);
    }

    createPolicyVersion(
      policyArn: string,
      policyDocument: string,
      setAsDefault: boolean,
      now: Date,
      authorize: Authorize = allowAll,
    ): PolicyVersionRecord & { isDefaultVersion: boolean } {
      const c = new Constraints();
      if (c.required('policyArn', policyArn)) c.string('policyArn', policyArn, Rules.arn);
      if (c.required('policyDocument', policyDocument)) c.string('policyDocument', policyDocument, Rules.policyDocument);
      c.check();
      authorize('iam:CreatePolicyVersion', policyArn, this.policyConditions(policyArn));
      const policy = this.requireCustomerPolicy(policyArn, 'iam:CreatePolicyVersion', authorize);
      this.checkManagedPolicyDocument(policyDocument);
      if (policy.versionIds.length >= IamQuotas.policyVersions) throw limitExceeded(IamMessages.policyVersionLimit);
      const versionId = `v${policy.nextVersion}`;
      const created = nowIso(now);
      this.store.transaction(() => {
        this.versions.put(versionKey(policy.arn, versionId), {
          versionId,
          document: policyDocument,
          createDate: created,
        });
        this.policies.put(policy.arn, {
          ...policy,
          versionIds: [...policy.versionIds, versionId],
          nextVersion: policy.nextVersion + 1,
          ...(setAsDefault ? { defaultVersionId: versionId, updateDate: created } : {}),
        });
      });
      return { versionId, document: policyDocument, createDate: created, isDefaultVersion: setAsDefault };
    }

    listPolicyVersions(
      policyArn: string,
      page: PageRequest,
      authorize: Authorize = allowAll,
    ): Page<PolicyVersionRecord & { isDefaultVersion: boolean }> {
      this.policyArnConstraints(policyArn, undefined, page);
      authorize('iam:ListPolicyVersions', policyArn, this.policyConditions(policyArn));
      const policy = this.requirePolicy(policyArn);
      // Newest first, as AWS lists them.
      const versions = [...policy.versionIds].reverse().map((versionId) => ({
        ...this.versions.get(versionKey(policy.arn, versionId))!,
        isDefaultVersion: versionId === policy.defaultVersionId,
      }));
      return paginateInOrder(versions, page);
    }

    setDefaultPolicyVersion(policyArn: string, versionId: string, now: Date, authorize: Authorize = allowAll): void {
      this.policyArnConstraints(policyArn, versionId, undefined, true);
      authorize('iam:SetDefaultPolicyVersion', policyArn, this.policyConditions(policyArn));
      refuseForeignPolicy(policyArn, IamMessages.updateForeignPolicy);
      const policy = this.requirePolicy(policyArn, IamMessages.policyVersionNotFound(policyArn, versionId));
      if (!policy.versionIds.includes(versionId))
        throw noSuchEntity(IamMessages.policyVersionNotFound(policyArn, versionId));
      this.policies.put(policy.arn, { ...policy, defaultVersionId: versionId, updateDate: nowIso(now) });
    }

    deletePolicyVersion(policyArn: string, versionId: string, authorize: Authorize = allowAll): void {
      this.policyArnConstraints(policyArn, versionId, undefined, true);
      authorize('iam:DeletePolicyVersion', policyArn, this.policyConditions(policyArn));
      refuseForeignPolicy(policyArn, IamMessages.deleteForeignPolicyVersion);
      const policy = this.requirePolicy(policyArn, IamMessages.policyVersionNotFound(policyArn, versionId));
      if (!policy.versionIds.includes(versionId))
        throw noSuchEntity(IamMessages.policyVersionNotFound(policyArn, versionId));
      if (policy.defaultVersionId === versionId) throw deleteConflict(IamMessages.deleteDefaultVersion);
      this.store.transaction(() => {
        this.versions.delete(versionKey(policy.arn, versionId));
        this.policies.put(policy.arn, { ...policy, versionIds: policy.versionIds.filter((id) => id !== versionId) });
      });
    }

    deletePolicy(policyArn: string, authorize: Authorize = allowAll): void {
      this.policyArnConstraints(policyArn);
      authorize('iam:DeletePolicy', policyArn, this.policyConditions(policyArn));
      refuseForeignPolicy(policyArn, IamMessages.deleteForeignPolicy);
      const policy = this.requirePolicy(policyArn, IamMessages.policyNotFound(policyArn));
      const usage = this.policyUsage(policy.arn);
      if (usage.attachmentCount > 0 || usage.permissionsBoundaryUsageCount > 0)
        throw deleteConflict(IamMessages.deletePolicyAttached);
      if (policy.versionIds.length > 1) throw deleteConflict(IamMessages.deletePolicyVersions);
      this.store.transaction(() => {
        for (const versionId of policy.versionIds) this.versions.delete(versionKey(policy.arn, versionId));
        this.usage.delete(policy.arn);
        this.policies.delete(policy.arn);
      });
    }

    listEntitiesForPolicy(
      policyArn: string,
      input: PageRequest & { entityFilter?: EntityFilter; pathPrefix?: string; policyUsageFilter?: PolicyUsageFilter },
      authorize: Authorize = allowAll,
    ): Page<PolicyEntities> {
      this.policyArnConstraints(policyArn, undefined, input);
      new Constraints().string('pathPrefix', input.pathPrefix, Rules.pathPrefix).check();
      authorize('iam:ListEntitiesForPolicy', policyArn, this.policyConditions(policyArn));
      const policy = this.requirePolicy(policyArn);
      const prefix = input.pathPrefix ?? '/';
      const uses = (entity: { attachedPolicyArns: string[]; permissionsBoundaryArn?: string; path: string }) => {
        if (!entity.path.startsWith(prefix)) return false;
        const asPermissions = entity.attachedPolicyArns.includes(policy.arn);
        const asBoundary = entity.permissionsBoundaryArn === policy.arn;
        if (input.policyUsageFilter === 'PermissionsPolicy') return asPermissions;
        if (input.policyUsageFilter === 'PermissionsBoundary') return asBoundary;
        return asPermissions || asBoundary;
      };
      type Entry = { kind: 'role'; name: string; id: string } | { kind: 'user'; name: string; id: string };
      const entries: Entry[] = [];
      if (!input.entityFilter || input.entityFilter === 'Role') {
        for (const role of this.roles.values())
          if (uses(role)) entries.push({ kind: 'role', name: role.roleName, id: role.roleId });
      }
      if (!input.entityFilter || input.entityFilter === 'User') {
        for (const user of this.users.values())
          if (uses(user)) entries.push({ kind: 'user', name: user.userName, id: user.userId });
      }
      const page = paginate(entries, (entry) => `${entry.kind}\u0000${key(entry.name)}`, input);
      const result: PolicyEntities = { roles: [], users: [], groups: [] };
      for (const entry of page.items) {
        if (entry.kind === 'role') result.roles.push({ roleName: entry.name, roleId: entry.id });
        else result.users.push({ userName: entry.name, userId: entry.id });
      }
      return { ...page, items: [result] };
    }

    tagPolicy(policyArn: string, tags: Tag[], authorize: Authorize = allowAll): void {
      const c = new Constraints();
      if (c.required('policyArn', policyArn)) c.string('policyArn', policyArn, Rules.arn);
      if (c.required('tags', tags)) c.tags('tags', tags);
      c.check();
      policyTags.checkNew(tags);
      authorize('iam:TagPolicy', policyArn, { ...this.policyConditions(policyArn), ...requestTagConditions(tags) });
      const policy = this.requireCustomerPolicy(
        policyArn,
        'iam:TagPolicy',
        authorize,
        IamMessages.policyNotFound(policyArn),
      );
      this.policies.put(policy.arn, { ...policy, tags: policyTags.merge(policy.tags, tags) });
    }

    untagPolicy(policyArn: string, tagKeys: string[], authorize: Authorize = allowAll): void {
      const c = new Constraints();
      if (c.required('policyArn', policyArn)) c.string('policyArn', policyArn, Rules.arn);
      if (c.required('tagKeys', tagKeys)) c.tagKeys('tagKeys', tagKeys);
      c.check();
      authorize('iam:UntagPolicy', policyArn, { ...this.policyConditions(policyArn), 'aws:TagKeys': tagKeys });
      const policy = this.requireCustomerPolicy(
        policyArn,
        'iam:UntagPolicy',
        authorize,
        IamMessages.policyNotFound(policyArn),
      );
      this.policies.put(policy.arn, { ...policy, tags: policyTags.remove(policy.tags, tagKeys) });
    }

    listPolicyTags(policyArn: string, page: PageRequest, authorize: Authorize = allowAll): Page<Tag> {
      this.policyArnConstraints(policyArn, undefined, page);
      authorize('iam:ListPolicyTags', policyArn, this.policyConditions(policyArn));
      const policy = this.requirePolicy(policyArn);
      return paginateInOrder(policyTags.listed(policy.tags), page);
    }

    /** `missingMessage`: AWS's sentence for a missing policy differs by operation. */
    private requirePolicy(policyArn: string, missingMessage = IamMessages.policyNotAttachable(policyArn)): PolicyRecord {
      const policy = this.policies.get(policyArn);
      if (!policy) throw noSuchEntity(missingMessage);
      return policy;
    }

    /**
     * Policies the account may change. AWS managed policies belong to AWS, not to the account, so changing
     * one is denied whatever the caller's policies say. For the changes whose own sentence AWS has not been
     * recorded answering (CreatePolicyVersion, TagPolicy, UntagPolicy), IAM's usual denial stands in.
     */
    private requireCustomerPolicy(
      policyArn: string,
      action: string,
      authorize: Authorize,
      missingMessage = IamMessages.policyNotAttachable(policyArn),
    ): PolicyRecord {
      const policy = this.requirePolicy(policyArn, missingMessage);
      if (policy.awsManaged) {
        const caller = authorize.callerArn ?? `arn:aws:iam::${ACCOUNT_ID}:root`;
        throw accessDenied(`User: ${caller} is not authorized to perform: ${action} on resource: policy ${policyArn}`);
      }
      return policy;
    }

    private policyArnConstraints(
      policyArn: string,
      versionId?: string,
      page?: PageRequest,
      versionRequired = false,
    ): void {
      const c = new Constraints();
      if (c.required('policyArn', policyArn)) c.string('policyArn', policyArn, Rules.arn);
      if (versionRequired) c.required('versionId', versionId);
      c.string('versionId', versionId, Rules.versionId);
      if (page) pageConstraints(c, page);
      c.check();
      if (!ANY_ARN.test(policyArn)) throw invalidInput(IamMessages.invalidArn(policyArn));
    }

    private checkManagedPolicyDocument(document: string): void {
      this.checkIdentityPolicy(document);
      if (policySize(document) > IamQuotas.managedPolicySize) {
        throw limitExceeded(IamMessages.managedPolicySize(IamQuotas.managedPolicySize));
      }
    }

    private policyConditions(policyArn: string): ConditionContext {
      return resourceTagConditions(this.policies.get(policyArn)?.tags);
    }
  };
}
