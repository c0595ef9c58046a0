import { ACCOUNT_ID } from '../../config.ts';
import type { ConditionContext } from '../../iam-policy/types.ts';
import { checkPolicyDocument, type PolicyKind } from '../../iam-policy/validate.ts';
import { iamUniqueId } from '../../identity/ids.ts';
import type { Collection, Store } from '../../store/store.ts';
import {
  accessDenied,
  deleteConflict,
  entityAlreadyExists,
  IamMessages,
  invalidInput,
  limitExceeded,
  malformedPolicyDocument,
  noSuchEntity,
  policyNotAttachable,
  validationError,
} from './errors.ts';
import { pageConstraints, paginate, paginateInOrder } from './pagination.ts';
import {
  allowAll,
  type Authorize,
  type InlinePolicy,
  type InstanceProfileRecord,
  type Page,
  type PageRequest,
  type PolicyRecord,
  type PolicyUsage,
  type PolicyVersionRecord,
  type RoleRecord,
  type UserRecord,
} from './records.ts';
import { entityTags, policyTags, requestTagConditions, resourceTagConditions } from './tags.ts';
import { Constraints, Limits, policySize, Rules, type Tag } from './validation.ts';

export type {
  Authorize,
  InstanceProfileRecord,
  Page,
  PageRequest,
  PolicyRecord,
  PolicyVersionRecord,
  RoleRecord,
  UserRecord,
};
export type { Tag } from './validation.ts';

/** IAM's default quotas (IAM User Guide, "IAM and AWS STS quotas"). */
export const IamQuotas = {
  trustPolicySize: 2048,
  managedPolicySize: 6144,
  rolePolicySize: 10240,
  userPolicySize: 2048,
  managedPoliciesPerRole: 10,
  managedPoliciesPerUser: 10,
  policyVersions: 5,
  rolesPerAccount: 1000,
  instanceProfilesPerAccount: 1000,
} as const;

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

export interface CreateInstanceProfileInput {
  instanceProfileName: string;
  path?: string;
  tags?: Tag[];
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

const iamArn = (kind: string, path: string, name: string) => `arn:aws:iam::${ACCOUNT_ID}:${kind}${path}${name}`;
const key = (name: string) => name.toLowerCase();
const nowIso = (now: Date) => now.toISOString();
const POLICY_ARN = /^arn:aws:iam::(\d{12}|aws):policy(\/(?:[^/]+\/)*)([^/]+)$/;
/** General ARN syntax: arn:partition:service:region:account:resource. */
const ANY_ARN = /^arn:[^:]+:[^:]*:[^:]*:[^:]*:.+$/;

function parsePolicyArn(arn: string): { account: string; path: string; name: string } | undefined {
  const match = POLICY_ARN.exec(arn);
  return match ? { account: match[1], path: match[2], name: match[3] } : undefined;
}

/**
 * AWS refuses deleting or updating a policy of another account (an AWS managed one) with its own
 * AccessDenied sentence, whatever the caller's policies allow, before it looks the policy or version up.
 */
function refuseForeignPolicy(policyArn: string, message: string): void {
  const account = parsePolicyArn(policyArn)?.account;
  if (account !== undefined && account !== ACCOUNT_ID) throw accessDenied(message);
}

/**
 * IAM: users (minimal), roles, managed policies (AWS catalog and customer managed, with versions),
 * inline policies, instance profiles and tags, with AWS's rules. Every mutating method validates
 * everything before its first write; the server also runs each request in one store transaction.
 *
 * Methods used by request handlers take an optional `authorize` (ctx.authorize): it is called after
 * the constraint checks (AWS answers ValidationError before AccessDenied) and before any entity lookup
 * (AccessDenied before NoSuchEntity, so existence does not leak).
 */
export class IamModel {
  private readonly roles: Collection<RoleRecord>;
  private readonly users: Collection<UserRecord>;
  private readonly policies: Collection<PolicyRecord>;
  private readonly versions: Collection<PolicyVersionRecord>;
  private readonly usage: Collection<PolicyUsage>;
  private readonly profiles: Collection<InstanceProfileRecord>;

  constructor(private readonly store: Store) {
    this.roles = store.collection<RoleRecord>('iam.roles');
    this.users = store.collection<UserRecord>('iam.users');
    this.policies = store.collection<PolicyRecord>('iam.policies');
    this.versions = store.collection<PolicyVersionRecord>('iam.policyVersions');
    this.usage = store.collection<PolicyUsage>('iam.policyUsage');
    this.profiles = store.collection<InstanceProfileRecord>('iam.instanceProfiles');
  }

  // ───────────────────────────── ARNs used for authorization ─────────────────────────────

  /** The role's ARN (with its path) when it exists, else `role/NAME`. */
  roleArnFor(roleName: string): string {
    return this.roles.get(key(roleName))?.arn ?? iamArn('role', '/', roleName);
  }

  instanceProfileArnFor(name: string): string {
    return this.profiles.get(key(name))?.arn ?? iamArn('instance-profile', '/', name);
  }

  userArnFor(userName: string): string {
    return this.users.get(key(userName))?.arn ?? iamArn('user', '/', userName);
  }

  // ───────────────────────────────────────── Roles ─────────────────────────────────────────

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

  findRoleByArn(arn: string): RoleRecord | undefined {
    const name = arn.slice(arn.lastIndexOf('/') + 1);
    const role = this.roles.get(key(name));
    return role && role.arn === arn ? role : undefined;
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

  // ───────────────────────────────────────── Users ─────────────────────────────────────────

  createUser(
    input: { userName: string; path?: string; tags?: Tag[] },
    now: Date,
    authorize: Authorize = allowAll,
  ): UserRecord {
    const path = input.path ?? '/';
    const c = new Constraints();
    if (c.required('userName', input.userName)) c.string('userName', input.userName, Rules.userName);
    c.string('path', input.path, Rules.path).tags('tags', input.tags).check();
    if (input.tags) entityTags.checkNew(input.tags);
    const arn = iamArn('user', path, input.userName);
    authorize('iam:CreateUser', arn, requestTagConditions(input.tags));
    if (this.users.has(key(input.userName))) throw entityAlreadyExists(IamMessages.userExists(input.userName));
    const user: UserRecord = {
      userName: input.userName,
      userId: iamUniqueId('AIDA'),
      arn,
      path,
      createDate: nowIso(now),
      tags: (input.tags ?? []).map((tag) => ({ Key: tag.Key, Value: tag.Value })),
      attachedPolicyArns: [],
      inlinePolicies: [],
    };
    this.users.put(key(user.userName), user);
    return user;
  }

  getUser(userName: string, authorize: Authorize = allowAll): UserRecord {
    new Constraints().string('userName', userName, Rules.existingUserName).check();
    authorize('iam:GetUser', this.userArnFor(userName));
    return this.requireUser(userName);
  }

  findUser(userName: string): UserRecord | undefined {
    return this.users.get(key(userName));
  }

  findUserByArn(arn: string): UserRecord | undefined {
    const name = arn.slice(arn.lastIndexOf('/') + 1);
    const user = this.users.get(key(name));
    return user && user.arn === arn ? user : undefined;
  }

  attachUserPolicy(userName: string, policyArn: string, authorize: Authorize = allowAll): void {
    const c = new Constraints().string('userName', userName, Rules.userName);
    if (c.required('policyArn', policyArn)) c.string('policyArn', policyArn, Rules.arn);
    c.check();
    if (!ANY_ARN.test(policyArn)) throw validationError(IamMessages.invalidArn(policyArn));
    authorize('iam:AttachUserPolicy', this.userArnFor(userName), { 'iam:PolicyARN': policyArn });
    const user = this.requireUser(userName);
    const policy = this.requireAttachablePolicy(policyArn);
    if (user.attachedPolicyArns.includes(policy.arn)) return;
    if (user.attachedPolicyArns.length >= IamQuotas.managedPoliciesPerUser) {
      throw limitExceeded(IamMessages.policiesPerUser(IamQuotas.managedPoliciesPerUser));
    }
    this.store.transaction(() => {
      this.changeUsage(policy.arn, 'attachmentCount', +1);
      this.users.put(key(user.userName), { ...user, attachedPolicyArns: [...user.attachedPolicyArns, policy.arn] });
    });
  }

  putUserPolicy(userName: string, policyName: string, policyDocument: string): void {
    const c = new Constraints().string('userName', userName, Rules.userName);
    if (c.required('policyName', policyName)) c.string('policyName', policyName, Rules.policyName);
    if (c.required('policyDocument', policyDocument)) c.string('policyDocument', policyDocument, Rules.policyDocument);
    c.check();
    const user = this.requireUser(userName);
    this.checkIdentityPolicy(policyDocument);
    const inlinePolicies = upsertInline(user.inlinePolicies, policyName, policyDocument);
    const total = inlinePolicies.reduce((sum, policy) => sum + policySize(policy.document), 0);
    if (total > IamQuotas.userPolicySize)
      throw limitExceeded(IamMessages.userPolicySize(IamQuotas.userPolicySize, user.userName));
    this.users.put(key(user.userName), { ...user, inlinePolicies });
  }

  listAttachedUserPolicies(
    userName: string,
    input: PageRequest & { pathPrefix?: string },
    authorize: Authorize = allowAll,
  ): Page<{ policyName: string; policyArn: string }> {
    pageConstraints(
      new Constraints()
        .string('userName', userName, Rules.userName)
        .string('pathPrefix', input.pathPrefix, Rules.policyPath),
      input,
    ).check();
    authorize('iam:ListAttachedUserPolicies', this.userArnFor(userName));
    const user = this.requireUser(userName);
    return paginateInOrder(this.attachedSummaries(user.attachedPolicyArns, input.pathPrefix), input);
  }

  // ─────────────────────────────────── Managed policies ───────────────────────────────────

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

  policyUsage(policyArn: string): PolicyUsage {
    return this.usage.get(policyArn) ?? { attachmentCount: 0, permissionsBoundaryUsageCount: 0 };
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

  // ─────────────────────────────────── Instance profiles ───────────────────────────────────

  createInstanceProfile(
    input: CreateInstanceProfileInput,
    now: Date,
    authorize: Authorize = allowAll,
  ): InstanceProfileRecord {
    const path = input.path ?? '/';
    const c = new Constraints();
    if (c.required('instanceProfileName', input.instanceProfileName)) {
      c.string('instanceProfileName', input.instanceProfileName, Rules.instanceProfileName);
    }
    c.string('path', input.path, Rules.path).tags('tags', input.tags).check();
    if (input.tags) entityTags.checkNew(input.tags);
    const arn = iamArn('instance-profile', path, input.instanceProfileName);
    authorize('iam:CreateInstanceProfile', arn, requestTagConditions(input.tags));
    if (this.profiles.has(key(input.instanceProfileName))) {
      throw entityAlreadyExists(IamMessages.instanceProfileExists(input.instanceProfileName));
    }
    if (this.profiles.size >= IamQuotas.instanceProfilesPerAccount) {
      throw limitExceeded(IamMessages.instanceProfilesPerAccount(IamQuotas.instanceProfilesPerAccount));
    }
    const profile: InstanceProfileRecord = {
      instanceProfileName: input.instanceProfileName,
      instanceProfileId: iamUniqueId('AIPA'),
      arn,
      path,
      createDate: nowIso(now),
      tags: (input.tags ?? []).map((tag) => ({ Key: tag.Key, Value: tag.Value })),
    };
    this.profiles.put(key(profile.instanceProfileName), profile);
    return profile;
  }

  /** Throws NoSuchEntity "Instance Profile X cannot be found." */
  getInstanceProfile(name: string, authorize: Authorize = allowAll): InstanceProfileRecord {
    new Constraints().string('instanceProfileName', name, Rules.instanceProfileName).check();
    authorize('iam:GetInstanceProfile', this.instanceProfileArnFor(name), this.profileConditions(name));
    return this.requireProfile(name);
  }

  findInstanceProfile(name: string): InstanceProfileRecord | undefined {
    return this.profiles.get(key(name));
  }

  findInstanceProfileByArn(arn: string): InstanceProfileRecord | undefined {
    const name = arn.slice(arn.lastIndexOf('/') + 1);
    const profile = this.profiles.get(key(name));
    return profile && profile.arn === arn ? profile : undefined;
  }

  /** Every instance profile, ordered by name (for EC2 and the seed; handlers use pageInstanceProfiles). */
  listInstanceProfiles(): InstanceProfileRecord[] {
    return [...this.profiles.values()].sort((a, b) => compare(key(a.instanceProfileName), key(b.instanceProfileName)));
  }

  pageInstanceProfiles(
    input: PageRequest & { pathPrefix?: string },
    authorize: Authorize = allowAll,
  ): Page<InstanceProfileRecord> {
    pageConstraints(new Constraints().string('pathPrefix', input.pathPrefix, Rules.pathPrefix), input).check();
    authorize('iam:ListInstanceProfiles', iamArn('instance-profile', input.pathPrefix ?? '/', ''));
    const prefix = input.pathPrefix ?? '/';
    const matching = [...this.profiles.values()].filter((profile) => profile.path.startsWith(prefix));
    return paginate(matching, (profile) => key(profile.instanceProfileName), input);
  }

  listInstanceProfilesForRole(
    roleName: string,
    page: PageRequest,
    authorize: Authorize = allowAll,
  ): Page<InstanceProfileRecord> {
    pageConstraints(new Constraints().string('roleName', roleName, Rules.roleName), page).check();
    authorize('iam:ListInstanceProfilesForRole', this.roleArnFor(roleName), this.roleConditions(roleName));
    const role = this.requireRole(roleName);
    return paginate(this.profilesContaining(role), (profile) => key(profile.instanceProfileName), page);
  }

  /** The role inside a profile, if any. */
  roleOfInstanceProfile(profile: InstanceProfileRecord): RoleRecord | undefined {
    return profile.roleName === undefined ? undefined : this.roles.get(key(profile.roleName));
  }

  /** Needs iam:AddRoleToInstanceProfile on the profile and iam:PassRole on the role (AWS docs). */
  addRoleToInstanceProfile(profileName: string, roleName: string, authorize: Authorize = allowAll): void {
    this.membershipConstraints(profileName, roleName);
    authorize(
      'iam:AddRoleToInstanceProfile',
      this.instanceProfileArnFor(profileName),
      this.profileConditions(profileName),
    );
    authorize('iam:PassRole', this.roleArnFor(roleName), {
      ...this.roleConditions(roleName),
      'iam:PassedToService': 'ec2.amazonaws.com',
    });
    const profile = this.requireProfile(profileName);
    const role = this.requireRole(roleName);
    if (profile.roleName !== undefined) throw limitExceeded(IamMessages.rolesPerProfile);
    this.profiles.put(key(profile.instanceProfileName), { ...profile, roleName: role.roleName });
  }

  removeRoleFromInstanceProfile(profileName: string, roleName: string, authorize: Authorize = allowAll): void {
    this.membershipConstraints(profileName, roleName);
    authorize(
      'iam:RemoveRoleFromInstanceProfile',
      this.instanceProfileArnFor(profileName),
      this.profileConditions(profileName),
    );
    const profile = this.requireProfile(profileName);
    this.requireRole(roleName);
    if (profile.roleName === undefined || key(profile.roleName) !== key(roleName)) {
      throw noSuchEntity(IamMessages.roleNotInInstanceProfile(roleName, profileName));
    }
    const { roleName: _removed, ...withoutRole } = profile;
    this.profiles.put(key(profile.instanceProfileName), withoutRole);
  }

  deleteInstanceProfile(name: string, authorize: Authorize = allowAll): void {
    new Constraints().string('instanceProfileName', name, Rules.instanceProfileName).check();
    authorize('iam:DeleteInstanceProfile', this.instanceProfileArnFor(name), this.profileConditions(name));
    const profile = this.requireProfile(name);
    if (profile.roleName !== undefined) throw deleteConflict(IamMessages.deleteProfileWithRole);
    this.profiles.delete(key(profile.instanceProfileName));
  }

  tagInstanceProfile(name: string, tags: Tag[], authorize: Authorize = allowAll): void {
    const c = new Constraints().string('instanceProfileName', name, Rules.instanceProfileName);
    if (c.required('tags', tags)) c.tags('tags', tags);
    c.check();
    entityTags.checkNew(tags);
    authorize('iam:TagInstanceProfile', this.instanceProfileArnFor(name), {
      ...this.profileConditions(name),
      ...requestTagConditions(tags),
    });
    const profile = this.requireProfile(name);
    this.profiles.put(key(profile.instanceProfileName), { ...profile, tags: entityTags.merge(profile.tags, tags) });
  }

  untagInstanceProfile(name: string, tagKeys: string[], authorize: Authorize = allowAll): void {
    const c = new Constraints().string('instanceProfileName', name, Rules.instanceProfileName);
    if (c.required('tagKeys', tagKeys)) c.tagKeys('tagKeys', tagKeys);
    c.check();
    authorize('iam:UntagInstanceProfile', this.instanceProfileArnFor(name), {
      ...this.profileConditions(name),
      'aws:TagKeys': tagKeys,
    });
    const profile = this.requireProfile(name);
    this.profiles.put(key(profile.instanceProfileName), { ...profile, tags: entityTags.remove(profile.tags, tagKeys) });
  }

  listInstanceProfileTags(name: string, page: PageRequest, authorize: Authorize = allowAll): Page<Tag> {
    pageConstraints(new Constraints().string('instanceProfileName', name, Rules.instanceProfileName), page).check();
    authorize('iam:ListInstanceProfileTags', this.instanceProfileArnFor(name), this.profileConditions(name));
    const profile = this.requireProfile(name);
    return paginateInOrder(entityTags.listed(profile.tags), page);
  }

  // ───────────────────────────────────── Authorizer ─────────────────────────────────────

  /**
   * Raw JSON texts of the identity-based policies of a user or role (attached managed policies' default
   * versions and inline policies) and its permissions boundary, for the authorizer. Undefined when the
   * principal does not exist (its sessions then have no permissions).
   */
  principalPolicies(principalArn: string): { identityPolicies: string[]; permissionsBoundary?: string } | undefined {
    const match = /^arn:aws:iam::\d{12}:(user|role)\//.exec(principalArn);
    if (!match) return undefined;
    const entity = match[1] === 'user' ? this.findUserByArn(principalArn) : this.findRoleByArn(principalArn);
    if (!entity) return undefined;
    const identityPolicies: string[] = [];
    for (const arn of entity.attachedPolicyArns) {
      const policy = this.policies.get(arn);
      if (policy) identityPolicies.push(this.defaultDocument(policy));
    }
    for (const inline of entity.inlinePolicies) identityPolicies.push(inline.document);
    const boundaryPolicy = entity.permissionsBoundaryArn ? this.policies.get(entity.permissionsBoundaryArn) : undefined;
    return boundaryPolicy
      ? { identityPolicies, permissionsBoundary: this.defaultDocument(boundaryPolicy) }
      : { identityPolicies };
  }

  // ─────────────────────────────────────── Internals ───────────────────────────────────────

  private requireRole(roleName: string): RoleRecord {
    const role = this.roles.get(key(roleName));
    if (!role) throw noSuchEntity(IamMessages.noSuchRole(roleName));
    return role;
  }

  private requireUser(userName: string): UserRecord {
    const user = this.users.get(key(userName));
    if (!user) throw noSuchEntity(IamMessages.noSuchUser(userName));
    return user;
  }

  private requireProfile(name: string): InstanceProfileRecord {
    const profile = this.profiles.get(key(name));
    if (!profile) throw noSuchEntity(IamMessages.noSuchInstanceProfile(name));
    return profile;
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

  private requireAttachablePolicy(policyArn: string): PolicyRecord {
    const policy = this.policies.get(policyArn);
    if (!policy || !policy.isAttachable) throw noSuchEntity(IamMessages.policyNotAttachable(policyArn));
    if (isServiceRolePolicy(policy)) throw policyNotAttachable(IamMessages.serviceRolePolicy);
    return policy;
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

  private membershipConstraints(profileName: string, roleName: string): void {
    const c = new Constraints();
    if (c.required('instanceProfileName', profileName))
      c.string('instanceProfileName', profileName, Rules.instanceProfileName);
    if (c.required('roleName', roleName)) c.string('roleName', roleName, Rules.roleName);
    c.check();
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

  private checkTrustPolicy(document: string): void {
    if (policySize(document) > IamQuotas.trustPolicySize)
      throw limitExceeded(IamMessages.trustPolicySize(IamQuotas.trustPolicySize));
    this.checkGrammar(document, 'trust');
  }

  private checkIdentityPolicy(document: string): void {
    this.checkGrammar(document, 'identity');
  }

  private checkGrammar(document: string, kind: PolicyKind): void {
    const problem = checkPolicyDocument(document, kind, {
      // IAM resolves user and role principals of this account when the policy is saved.
      principalExists: (arn) => {
        if (!/^arn:aws:iam::\d{12}:(user|role)\//.test(arn) || !arn.includes(`::${ACCOUNT_ID}:`)) return true;
        return this.findRoleByArn(arn) !== undefined || this.findUserByArn(arn) !== undefined;
      },
    });
    if (problem === undefined) return;
    throw problem.code === 'ValidationError'
      ? validationError(problem.message)
      : malformedPolicyDocument(problem.message);
  }

  private checkManagedPolicyDocument(document: string): void {
    this.checkIdentityPolicy(document);
    if (policySize(document) > IamQuotas.managedPolicySize) {
      throw limitExceeded(IamMessages.managedPolicySize(IamQuotas.managedPolicySize));
    }
  }

  private changeUsage(policyArn: string, field: keyof PolicyUsage, delta: number): void {
    const current = this.policyUsage(policyArn);
    this.usage.put(policyArn, { ...current, [field]: Math.max(0, current[field] + delta) });
  }

  private attachedSummaries(
    arns: readonly string[],
    pathPrefix: string | undefined,
  ): { policyName: string; policyArn: string }[] {
    const prefix = pathPrefix ?? '/';
    return arns
      .map((arn) => this.policies.get(arn))
      .filter((policy): policy is PolicyRecord => policy !== undefined && policy.path.startsWith(prefix))
      .map((policy) => ({ policyName: policy.policyName, policyArn: policy.arn }));
  }

  private profilesContaining(role: RoleRecord): InstanceProfileRecord[] {
    return [...this.profiles.values()].filter(
      (profile) => profile.roleName !== undefined && key(profile.roleName) === key(role.roleName),
    );
  }

  private roleConditions(roleName: string): ConditionContext {
    return resourceTagConditions(this.roles.get(key(roleName))?.tags);
  }

  private profileConditions(name: string): ConditionContext {
    return resourceTagConditions(this.profiles.get(key(name))?.tags);
  }

  private policyConditions(policyArn: string): ConditionContext {
    return resourceTagConditions(this.policies.get(policyArn)?.tags);
  }
}

function versionKey(arn: string, versionId: string): string {
  return `${arn}\u0000${versionId}`;
}

function isServiceRolePolicy(policy: PolicyRecord): boolean {
  return policy.awsManaged && policy.path.startsWith('/aws-service-role/');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Inline policy names are case-insensitive like other IAM names: a Put with another case replaces. */
function findInline(policies: readonly InlinePolicy[], policyName: string): InlinePolicy | undefined {
  return policies.find((policy) => key(policy.policyName) === key(policyName));
}

function upsertInline(policies: readonly InlinePolicy[], policyName: string, document: string): InlinePolicy[] {
  const existing = findInline(policies, policyName);
  if (existing)
    return policies.map((policy) => (policy === existing ? { policyName: existing.policyName, document } : policy));
  return [...policies, { policyName, document }];
}
