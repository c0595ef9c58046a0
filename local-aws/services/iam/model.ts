import type { PolicySource } from '../../iam-policy/simulate.ts';
import type { Store } from '../../store/store.ts';
import { withInstanceProfiles } from './model/instance-profiles.ts';
import { withManagedPolicies } from './model/managed-policies.ts';
import { withRoles } from './model/roles.ts';
import { IamState } from './model/state.ts';
import { withUsers } from './model/users.ts';

export type {
  Authorize,
  InstanceProfileRecord,
  Page,
  PageRequest,
  PolicyRecord,
  PolicyVersionRecord,
  RoleRecord,
  UserRecord,
} from './records.ts';
export type { Tag } from './validation.ts';
export { IamQuotas } from './model/state.ts';
export type { CreateRoleInput } from './model/roles.ts';
export type {
  AwsManagedPolicyInput,
  CreatePolicyInput,
  EntityFilter,
  ListPoliciesInput,
  PolicyEntities,
  PolicyScope,
  PolicyUsageFilter,
} from './model/managed-policies.ts';
export type { CreateInstanceProfileInput } from './model/instance-profiles.ts';

/**
 * IAM: users (minimal), roles, managed policies (AWS catalog and customer managed, with versions),
 * inline policies, instance profiles and tags, with AWS's rules. Every mutating method validates
 * everything before its first write; the server also runs each request in one store transaction.
 *
 * Methods used by request handlers take an optional `authorize` (ctx.authorize): it is called after
 * the constraint checks (AWS answers ValidationError before AccessDenied) and before any entity lookup
 * (AccessDenied before NoSuchEntity, so existence does not leak).
 */
export class IamModel extends withInstanceProfiles(withManagedPolicies(withUsers(withRoles(IamState)))) {
  // Not useless: the mixins' constructors take any[], this one gives the store its type back.
  // eslint-disable-next-line @typescript-eslint/no-useless-constructor
  constructor(store: Store) {
    super(store);
  }

  /**
   * The identity-based policies of a user or role (attached managed policies' default versions, then inline
   * policies) and its permissions boundary, each named as the policy simulator names it. Undefined when the
   * principal does not exist.
   */
  principalPolicySources(
    principalArn: string,
  ): { identityPolicies: PolicySource[]; permissionsBoundary?: PolicySource } | undefined {
    const match = /^arn:aws:iam::\d{12}:(user|role)\//.exec(principalArn);
    if (!match) return undefined;
    const kind = match[1] as 'user' | 'role';
    const entity = kind === 'user' ? this.findUserByArn(principalArn) : this.findRoleByArn(principalArn);
    if (!entity) return undefined;
    const managed = (arn: string): PolicySource | undefined => {
      const policy = this.policies.get(arn);
      if (!policy) return undefined;
      const type = policy.awsManaged ? 'aws-managed' : 'user-managed';
      return { id: policy.policyName, type, document: this.defaultDocument(policy) };
    };
    const identityPolicies = entity.attachedPolicyArns.map(managed).filter((source) => source !== undefined);
    for (const inline of entity.inlinePolicies) {
      identityPolicies.push({ id: inline.policyName, type: kind, document: inline.document });
    }
    const permissionsBoundary = entity.permissionsBoundaryArn ? managed(entity.permissionsBoundaryArn) : undefined;
    return permissionsBoundary ? { identityPolicies, permissionsBoundary } : { identityPolicies };
  }

  /**
   * Raw JSON texts of the identity-based policies of a user or role and its permissions boundary, for the
   * authorizer: the documents of `principalPolicySources`, so a simulation reads exactly what authorizes.
   */
  principalPolicies(principalArn: string): { identityPolicies: string[]; permissionsBoundary?: string } | undefined {
    const sources = this.principalPolicySources(principalArn);
    if (!sources) return undefined;
    const identityPolicies = sources.identityPolicies.map((source) => source.document);
    return sources.permissionsBoundary
      ? { identityPolicies, permissionsBoundary: sources.permissionsBoundary.document }
      : { identityPolicies };
  }
}
