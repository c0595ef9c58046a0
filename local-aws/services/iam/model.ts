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
}
