/**
 * What every part of the IAM model shares: the collections, the quotas, and the lookups and checks that roles, users,
 * managed policies and instance profiles all use. Each resource adds its operations on top (see ../model.ts).
 */
import { ACCOUNT_ID } from '../../../config.ts';
import type { ConditionContext } from '../../../iam-policy/types.ts';
import { checkPolicyDocument, type PolicyKind } from '../../../iam-policy/validate.ts';
import type { Collection, Store } from '../../../store/store.ts';
import { IamMessages, malformedPolicyDocument, noSuchEntity, policyNotAttachable, validationError } from '../errors.ts';
import type {
  InlinePolicy,
  InstanceProfileRecord,
  PolicyRecord,
  PolicyUsage,
  PolicyVersionRecord,
  RoleRecord,
  UserRecord,
} from '../records.ts';
import { resourceTagConditions } from '../tags.ts';

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

export const iamArn = (kind: string, path: string, name: string) => `arn:aws:iam::${ACCOUNT_ID}:${kind}${path}${name}`;
export const key = (name: string) => name.toLowerCase();
export const nowIso = (now: Date) => now.toISOString();
const POLICY_ARN = /^arn:aws:iam::(\d{12}|aws):policy(\/(?:[^/]+\/)*)([^/]+)$/;
/** General ARN syntax: arn:partition:service:region:account:resource. */
export const ANY_ARN = /^arn:[^:]+:[^:]*:[^:]*:[^:]*:.+$/;

export function parsePolicyArn(arn: string): { account: string; path: string; name: string } | undefined {
  const match = POLICY_ARN.exec(arn);
  return match ? { account: match[1], path: match[2], name: match[3] } : undefined;
}

export function isServiceRolePolicy(policy: PolicyRecord): boolean {
  return policy.awsManaged && policy.path.startsWith('/aws-service-role/');
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Inline policy names are case-insensitive like other IAM names: a Put with another case replaces. */
export function findInline(policies: readonly InlinePolicy[], policyName: string): InlinePolicy | undefined {
  return policies.find((policy) => key(policy.policyName) === key(policyName));
}

export function upsertInline(policies: readonly InlinePolicy[], policyName: string, document: string): InlinePolicy[] {
  const existing = findInline(policies, policyName);
  if (existing)
    return policies.map((policy) => (policy === existing ? { policyName: existing.policyName, document } : policy));
  return [...policies, { policyName, document }];
}

/** A class built on IamState; TypeScript's mixin pattern requires a constructor that takes `any[]`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the signature the mixin pattern requires
export type IamStateClass = new (...args: any[]) => IamState;

export class IamState {
  protected readonly roles: Collection<RoleRecord>;
  protected readonly users: Collection<UserRecord>;
  protected readonly policies: Collection<PolicyRecord>;
  protected readonly versions: Collection<PolicyVersionRecord>;
  protected readonly usage: Collection<PolicyUsage>;
  protected readonly profiles: Collection<InstanceProfileRecord>;

  constructor(protected readonly store: Store) {
    this.roles = store.collection<RoleRecord>('iam.roles');
    this.users = store.collection<UserRecord>('iam.users');
    this.policies = store.collection<PolicyRecord>('iam.policies');
    this.versions = store.collection<PolicyVersionRecord>('iam.policyVersions');
    this.usage = store.collection<PolicyUsage>('iam.policyUsage');
    this.profiles = store.collection<InstanceProfileRecord>('iam.instanceProfiles');
  }

  /** The role's ARN (with its path) when it exists, else `role/NAME`. */
  roleArnFor(roleName: string): string {
    return this.roles.get(key(roleName))?.arn ?? iamArn('role', '/', roleName);
  }

  findRoleByArn(arn: string): RoleRecord | undefined {
    const name = arn.slice(arn.lastIndexOf('/') + 1);
    const role = this.roles.get(key(name));
    return role && role.arn === arn ? role : undefined;
  }

  findUserByArn(arn: string): UserRecord | undefined {
    const name = arn.slice(arn.lastIndexOf('/') + 1);
    const user = this.users.get(key(name));
    return user && user.arn === arn ? user : undefined;
  }

  policyUsage(policyArn: string): PolicyUsage {
    return this.usage.get(policyArn) ?? { attachmentCount: 0, permissionsBoundaryUsageCount: 0 };
  }

  protected requireRole(roleName: string): RoleRecord {
    const role = this.roles.get(key(roleName));
    if (!role) throw noSuchEntity(IamMessages.noSuchRole(roleName));
    return role;
  }

  protected requireAttachablePolicy(policyArn: string): PolicyRecord {
    const policy = this.policies.get(policyArn);
    if (!policy || !policy.isAttachable) throw noSuchEntity(IamMessages.policyNotAttachable(policyArn));
    if (isServiceRolePolicy(policy)) throw policyNotAttachable(IamMessages.serviceRolePolicy);
    return policy;
  }

  protected checkIdentityPolicy(document: string): void {
    this.checkGrammar(document, 'identity');
  }

  protected checkGrammar(document: string, kind: PolicyKind): void {
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

  protected changeUsage(policyArn: string, field: keyof PolicyUsage, delta: number): void {
    const current = this.policyUsage(policyArn);
    this.usage.put(policyArn, { ...current, [field]: Math.max(0, current[field] + delta) });
  }

  protected attachedSummaries(
    arns: readonly string[],
    pathPrefix: string | undefined,
  ): { policyName: string; policyArn: string }[] {
    const prefix = pathPrefix ?? '/';
    return arns
      .map((arn) => this.policies.get(arn))
      .filter((policy): policy is PolicyRecord => policy !== undefined && policy.path.startsWith(prefix))
      .map((policy) => ({ policyName: policy.policyName, policyArn: policy.arn }));
  }

  protected profilesContaining(role: RoleRecord): InstanceProfileRecord[] {
    return [...this.profiles.values()].filter(
      (profile) => profile.roleName !== undefined && key(profile.roleName) === key(role.roleName),
    );
  }

  protected roleConditions(roleName: string): ConditionContext {
    return resourceTagConditions(this.roles.get(key(roleName))?.tags);
  }
}
