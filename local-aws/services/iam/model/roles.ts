import type { ConditionContext } from '../../../iam-policy/types.ts';
import { iamUniqueId } from '../../../identity/ids.ts';
import { deleteConflict, entityAlreadyExists, IamMessages, invalidInput, limitExceeded, noSuchEntity, validationError } from '../errors.ts';
import { pageConstraints, paginate, paginateInOrder } from '../pagination.ts';
import { allowAll, type Authorize, type Page, type PageRequest, type PolicyRecord, type RoleRecord } from '../records.ts';
import { entityTags, requestTagConditions } from '../tags.ts';
import { Constraints, Limits, policySize, Rules, type Tag } from '../validation.ts';
import { ANY_ARN, compare, findInline, iamArn, IamQuotas, key, nowIso, parsePolicyArn, upsertInline, type IamStateClass } from './state.ts';

const DEFAULT_MAX_SESSION_DURATION = 3600;

export interface CreateRoleInput {
  roleName: string;
  assumeRolePolicyDocument: string;
  path?: string;
  description?: string;
  maxSessionDuration?: number;
  permissionsBoundary?: string;
  tags?: Tag[];
}

/** Roles: trust policy, attached and inline policies, permissions boundary, tags, last use. */
export function withRoles<Base extends IamStateClass>(Base: Base) {
  return class IamRoles extends Base {
    createRole(input: CreateRoleInput, now: Date, authorize: Authorize = allowAll): RoleRecord {
      const path = input.path ?? '/';
      const c = new Constraints();
      if (c.required('roleName', input.roleName)) c.string('roleName', input.roleName, Rules.roleName);
      if (c.required('assumeRolePolicyDocument', input.assumeRolePolicyDocument)) {
        c.string('assumeRolePolicyDocument', input.assumeRolePolicyDocument, Rules.policyDocument);
      }
      c.string('path', input.path, Rules.path)
        .string('description', input.description, Rules.roleDescription)
        .range('maxSessionDuration', input.maxSessionDuration, Limits.minSessionDuration, Limits.maxSessionDuration)
        .string('permissionsBoundary', input.permissionsBoundary, Rules.arn)
        .tags('tags', input.tags)
        .check();
      if (input.tags) entityTags.checkNew(input.tags);

      const arn = iamArn('role', path, input.roleName);
      const conditions: ConditionContext = { ...requestTagConditions(input.tags) };
      if (input.permissionsBoundary !== undefined) conditions['iam:PermissionsBoundary'] = input.permissionsBoundary;
      authorize('iam:CreateRole', arn, conditions);

      if (this.roles.has(key(input.roleName))) throw entityAlreadyExists(IamMessages.roleExists(input.roleName));
      this.checkTrustPolicy(input.assumeRolePolicyDocument);
      if (input.permissionsBoundary !== undefined) this.requireBoundaryPolicy(input.permissionsBoundary);
      if (this.roles.size >= IamQuotas.rolesPerAccount)
        throw limitExceeded(IamMessages.rolesPerAccount(IamQuotas.rolesPerAccount));

      const role: RoleRecord = {
        roleName: input.roleName,
        roleId: iamUniqueId('AROA'),
        arn,
        path,
        createDate: nowIso(now),
        assumeRolePolicyDocument: input.assumeRolePolicyDocument,
        ...(input.description !== undefined ? { description: input.description } : {}),
        maxSessionDuration: input.maxSessionDuration ?? DEFAULT_MAX_SESSION_DURATION,
        ...(input.permissionsBoundary !== undefined ? { permissionsBoundaryArn: input.permissionsBoundary } : {}),
        tags: (input.tags ?? []).map((tag) => ({ Key: tag.Key, Value: tag.Value })),
        attachedPolicyArns: [],
        inlinePolicies: [],
      };
      this.store.transaction(() => {
        if (role.permissionsBoundaryArn)
          this.changeUsage(role.permissionsBoundaryArn, 'permissionsBoundaryUsageCount', +1);
        this.roles.put(key(role.roleName), role);
      });
      return role;
    }

    /** Throws NoSuchEntity "The role with name X cannot be found." */
    getRole(roleName: string, authorize: Authorize = allowAll): RoleRecord {
      new Constraints().string('roleName', roleName, Rules.roleName).check();
      authorize('iam:GetRole', this.roleArnFor(roleName), this.roleConditions(roleName));
      return this.requireRole(roleName);
    }

    findRole(roleName: string): RoleRecord | undefined {
      return this.roles.get(key(roleName));
    }

    /** All roles, ordered by name. */
    allRoles(): RoleRecord[] {
      return [...this.roles.values()].sort((a, b) => compare(key(a.roleName), key(b.roleName)));
    }

    listRoles(input: PageRequest & { pathPrefix?: string }, authorize: Authorize = allowAll): Page<RoleRecord> {
      pageConstraints(new Constraints().string('pathPrefix', input.pathPrefix, Rules.pathPrefix), input).check();
      authorize('iam:ListRoles', iamArn('role', input.pathPrefix ?? '/', ''));
      const prefix = input.pathPrefix ?? '/';
      const matching = [...this.roles.values()].filter((role) => role.path.startsWith(prefix));
      return paginate(matching, (role) => key(role.roleName), input);
    }

    updateRole(
      roleName: string,
      changes: { description?: string; maxSessionDuration?: number },
      authorize: Authorize = allowAll,
    ): RoleRecord {
      new Constraints()
        .string('roleName', roleName, Rules.roleName)
        .string('description', changes.description, Rules.roleDescription)
        .range('maxSessionDuration', changes.maxSessionDuration, Limits.minSessionDuration, Limits.maxSessionDuration)
        .check();
      authorize('iam:UpdateRole', this.roleArnFor(roleName), this.roleConditions(roleName));
      const role = this.requireRole(roleName);
      const updated: RoleRecord = {
        ...role,
        ...(changes.description !== undefined ? { description: changes.description } : {}),
        ...(changes.maxSessionDuration !== undefined ? { maxSessionDuration: changes.maxSessionDuration } : {}),
      };
      this.roles.put(key(role.roleName), updated);
      return updated;
    }

    updateRoleDescription(roleName: string, description: string, authorize: Authorize = allowAll): RoleRecord {
      const c = new Constraints().string('roleName', roleName, Rules.roleName);
      if (c.required('description', description)) c.string('description', description, Rules.roleDescription);
      c.check();
      authorize('iam:UpdateRoleDescription', this.roleArnFor(roleName), this.roleConditions(roleName));
      const role = this.requireRole(roleName);
      const updated: RoleRecord = { ...role, description };
      this.roles.put(key(role.roleName), updated);
      return updated;
    }

    updateAssumeRolePolicy(roleName: string, policyDocument: string, authorize: Authorize = allowAll): void {
      const c = new Constraints().string('roleName', roleName, Rules.roleName);
      if (c.required('policyDocument', policyDocument)) c.string('policyDocument', policyDocument, Rules.policyDocument);
      c.check();
      authorize('iam:UpdateAssumeRolePolicy', this.roleArnFor(roleName), this.roleConditions(roleName));
      const role = this.requireRole(roleName);
      this.checkTrustPolicy(policyDocument);
      this.roles.put(key(role.roleName), { ...role, assumeRolePolicyDocument: policyDocument });
    }

    deleteRole(roleName: string, authorize: Authorize = allowAll): void {
      new Constraints().string('roleName', roleName, Rules.roleName).check();
      authorize('iam:DeleteRole', this.roleArnFor(roleName), this.roleConditions(roleName));
      const role = this.requireRole(roleName);
      if (this.profilesContaining(role).length > 0) throw deleteConflict(IamMessages.deleteRoleInProfile);
      if (role.attachedPolicyArns.length > 0) throw deleteConflict(IamMessages.deleteEntityAttachedPolicies);
      if (role.inlinePolicies.length > 0) throw deleteConflict(IamMessages.deleteEntityInlinePolicies);
      this.store.transaction(() => {
        if (role.permissionsBoundaryArn)
          this.changeUsage(role.permissionsBoundaryArn, 'permissionsBoundaryUsageCount', -1);
        this.roles.delete(key(role.roleName));
      });
    }

    tagRole(roleName: string, tags: Tag[], authorize: Authorize = allowAll): void {
      const c = new Constraints().string('roleName', roleName, Rules.roleName);
      if (c.required('tags', tags)) c.tags('tags', tags);
      c.check();
      entityTags.checkNew(tags);
      authorize('iam:TagRole', this.roleArnFor(roleName), {
        ...this.roleConditions(roleName),
        ...requestTagConditions(tags),
      });
      const role = this.requireRole(roleName);
      this.roles.put(key(role.roleName), { ...role, tags: entityTags.merge(role.tags, tags) });
    }

    untagRole(roleName: string, tagKeys: string[], authorize: Authorize = allowAll): void {
      const c = new Constraints().string('roleName', roleName, Rules.roleName);
      if (c.required('tagKeys', tagKeys)) c.tagKeys('tagKeys', tagKeys);
      c.check();
      authorize('iam:UntagRole', this.roleArnFor(roleName), { ...this.roleConditions(roleName), 'aws:TagKeys': tagKeys });
      const role = this.requireRole(roleName);
      this.roles.put(key(role.roleName), { ...role, tags: entityTags.remove(role.tags, tagKeys) });
    }

    listRoleTags(roleName: string, page: PageRequest, authorize: Authorize = allowAll): Page<Tag> {
      pageConstraints(new Constraints().string('roleName', roleName, Rules.roleName), page).check();
      authorize('iam:ListRoleTags', this.roleArnFor(roleName), this.roleConditions(roleName));
      const role = this.requireRole(roleName);
      return paginateInOrder(entityTags.listed(role.tags), page);
    }

    attachRolePolicy(roleName: string, policyArn: string, authorize: Authorize = allowAll): void {
      this.attachmentConstraints(roleName, policyArn);
      authorize('iam:AttachRolePolicy', this.roleArnFor(roleName), {
        ...this.roleConditions(roleName),
        'iam:PolicyARN': policyArn,
      });
      const role = this.requireRole(roleName);
      const policy = this.requireAttachablePolicy(policyArn);
      if (role.attachedPolicyArns.includes(policy.arn)) return; // attaching twice is a no-op on AWS
      if (role.attachedPolicyArns.length >= IamQuotas.managedPoliciesPerRole) {
        throw limitExceeded(IamMessages.policiesPerRole(IamQuotas.managedPoliciesPerRole));
      }
      this.store.transaction(() => {
        this.changeUsage(policy.arn, 'attachmentCount', +1);
        this.roles.put(key(role.roleName), { ...role, attachedPolicyArns: [...role.attachedPolicyArns, policy.arn] });
      });
    }

    detachRolePolicy(roleName: string, policyArn: string, authorize: Authorize = allowAll): void {
      this.attachmentConstraints(roleName, policyArn);
      authorize('iam:DetachRolePolicy', this.roleArnFor(roleName), {
        ...this.roleConditions(roleName),
        'iam:PolicyARN': policyArn,
      });
      const role = this.requireRole(roleName);
      if (!role.attachedPolicyArns.includes(policyArn)) throw noSuchEntity(IamMessages.policyNotFound(policyArn));
      this.store.transaction(() => {
        this.changeUsage(policyArn, 'attachmentCount', -1);
        this.roles.put(key(role.roleName), {
          ...role,
          attachedPolicyArns: role.attachedPolicyArns.filter((arn) => arn !== policyArn),
        });
      });
    }

    listAttachedRolePolicies(
      roleName: string,
      input: PageRequest & { pathPrefix?: string },
      authorize: Authorize = allowAll,
    ): Page<{ policyName: string; policyArn: string }> {
      pageConstraints(
        new Constraints()
          .string('roleName', roleName, Rules.roleName)
          .string('pathPrefix', input.pathPrefix, Rules.policyPath),
        input,
      ).check();
      authorize('iam:ListAttachedRolePolicies', this.roleArnFor(roleName), this.roleConditions(roleName));
      const role = this.requireRole(roleName);
      return paginateInOrder(this.attachedSummaries(role.attachedPolicyArns, input.pathPrefix), input);
    }

    putRolePolicy(roleName: string, policyName: string, policyDocument: string, authorize: Authorize = allowAll): void {
      const c = new Constraints().string('roleName', roleName, Rules.roleName);
      if (c.required('policyName', policyName)) c.string('policyName', policyName, Rules.policyName);
      if (c.required('policyDocument', policyDocument)) c.string('policyDocument', policyDocument, Rules.policyDocument);
      c.check();
      authorize('iam:PutRolePolicy', this.roleArnFor(roleName), this.roleConditions(roleName));
      const role = this.requireRole(roleName);
      this.checkIdentityPolicy(policyDocument);
      const inlinePolicies = upsertInline(role.inlinePolicies, policyName, policyDocument);
      const total = inlinePolicies.reduce((sum, policy) => sum + policySize(policy.document), 0);
      if (total > IamQuotas.rolePolicySize)
        throw limitExceeded(IamMessages.rolePolicySize(IamQuotas.rolePolicySize, role.roleName));
      this.roles.put(key(role.roleName), { ...role, inlinePolicies });
    }

    getRolePolicy(
      roleName: string,
      policyName: string,
      authorize: Authorize = allowAll,
    ): { roleName: string; policyName: string; policyDocument: string } {
      const c = new Constraints().string('roleName', roleName, Rules.roleName);
      if (c.required('policyName', policyName)) c.string('policyName', policyName, Rules.policyName);
      c.check();
      authorize('iam:GetRolePolicy', this.roleArnFor(roleName), this.roleConditions(roleName));
      const role = this.requireRole(roleName);
      const policy = findInline(role.inlinePolicies, policyName);
      if (!policy) throw noSuchEntity(IamMessages.noSuchRolePolicy(policyName));
      return { roleName: role.roleName, policyName: policy.policyName, policyDocument: policy.document };
    }

    deleteRolePolicy(roleName: string, policyName: string, authorize: Authorize = allowAll): void {
      const c = new Constraints().string('roleName', roleName, Rules.roleName);
      if (c.required('policyName', policyName)) c.string('policyName', policyName, Rules.policyName);
      c.check();
      authorize('iam:DeleteRolePolicy', this.roleArnFor(roleName), this.roleConditions(roleName));
      const role = this.requireRole(roleName);
      const policy = findInline(role.inlinePolicies, policyName);
      if (!policy) throw noSuchEntity(IamMessages.noSuchRolePolicy(policyName));
      this.roles.put(key(role.roleName), { ...role, inlinePolicies: role.inlinePolicies.filter((p) => p !== policy) });
    }

    listRolePolicies(roleName: string, page: PageRequest, authorize: Authorize = allowAll): Page<string> {
      pageConstraints(new Constraints().string('roleName', roleName, Rules.roleName), page).check();
      authorize('iam:ListRolePolicies', this.roleArnFor(roleName), this.roleConditions(roleName));
      const role = this.requireRole(roleName);
      return paginate(
        role.inlinePolicies.map((policy) => policy.policyName),
        (name) => name,
        page,
      );
    }

    putRolePermissionsBoundary(roleName: string, boundaryArn: string, authorize: Authorize = allowAll): void {
      const c = new Constraints().string('roleName', roleName, Rules.roleName);
      if (c.required('permissionsBoundary', boundaryArn)) c.string('permissionsBoundary', boundaryArn, Rules.arn);
      c.check();
      authorize('iam:PutRolePermissionsBoundary', this.roleArnFor(roleName), {
        ...this.roleConditions(roleName),
        'iam:PermissionsBoundary': boundaryArn,
      });
      const role = this.requireRole(roleName);
      this.requireBoundaryPolicy(boundaryArn);
      this.store.transaction(() => {
        if (role.permissionsBoundaryArn)
          this.changeUsage(role.permissionsBoundaryArn, 'permissionsBoundaryUsageCount', -1);
        this.changeUsage(boundaryArn, 'permissionsBoundaryUsageCount', +1);
        this.roles.put(key(role.roleName), { ...role, permissionsBoundaryArn: boundaryArn });
      });
    }

    deleteRolePermissionsBoundary(roleName: string, authorize: Authorize = allowAll): void {
      new Constraints().string('roleName', roleName, Rules.roleName).check();
      authorize('iam:DeleteRolePermissionsBoundary', this.roleArnFor(roleName), this.roleConditions(roleName));
      const role = this.requireRole(roleName);
      if (!role.permissionsBoundaryArn) return;
      const { permissionsBoundaryArn, ...withoutBoundary } = role;
      this.store.transaction(() => {
        this.changeUsage(permissionsBoundaryArn, 'permissionsBoundaryUsageCount', -1);
        this.roles.put(key(role.roleName), withoutBoundary);
      });
    }

    /** Records a use of the role (STS / Cognito identity pools call this), shown as GetRole's RoleLastUsed. */
    recordRoleUse(roleArn: string, now: Date, region: string): void {
      const role = this.findRoleByArn(roleArn);
      if (role) this.roles.put(key(role.roleName), { ...role, lastUsed: { date: nowIso(now), region } });
    }

    private requireBoundaryPolicy(boundaryArn: string): PolicyRecord {
      if (!parsePolicyArn(boundaryArn)) throw invalidInput(IamMessages.invalidArn(boundaryArn));
      const policy = this.policies.get(boundaryArn);
      if (!policy) throw noSuchEntity(IamMessages.boundaryNotFound(boundaryArn));
      return policy;
    }

    private attachmentConstraints(roleName: string, policyArn: string): void {
      const c = new Constraints().string('roleName', roleName, Rules.roleName);
      if (c.required('policyArn', policyArn)) c.string('policyArn', policyArn, Rules.arn);
      c.check();
      if (!ANY_ARN.test(policyArn)) throw validationError(IamMessages.invalidArn(policyArn));
    }

    private checkTrustPolicy(document: string): void {
      if (policySize(document) > IamQuotas.trustPolicySize)
        throw limitExceeded(IamMessages.trustPolicySize(IamQuotas.trustPolicySize));
      this.checkGrammar(document, 'trust');
    }
  };
}
