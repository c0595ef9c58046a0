import type {
  CreatePolicyRequest,
  CreatePolicyVersionRequest,
  DeletePolicyRequest,
  DeletePolicyVersionRequest,
  GetPolicyRequest,
  GetPolicyVersionRequest,
  ListEntitiesForPolicyRequest,
  ListPoliciesRequest,
  ListPolicyTagsRequest,
  ListPolicyVersionsRequest,
  SetDefaultPolicyVersionRequest,
  TagPolicyRequest,
  UntagPolicyRequest,
} from '@aws-sdk/client-iam';
import type { Decoded } from '../../../protocols/model/decoded.ts';
import type { EntityFilter, IamModel, PolicyScope, PolicyUsageFilter } from '../model.ts';
import { pageTail, policyVersionView, policyView } from '../views.ts';
import { authorizer, enumValue, page, type IamOperations } from './input.ts';

const POLICY_USAGE_FILTERS: readonly PolicyUsageFilter[] = ['PermissionsPolicy', 'PermissionsBoundary'];

export function policyOperations(iam: IamModel): IamOperations {
  return {
    CreatePolicy: {
      handle: (input: Decoded<CreatePolicyRequest>, ctx) => {
        const policy = iam.createPolicy(
          {
            policyName: input.PolicyName,
            policyDocument: input.PolicyDocument,
            path: input.Path,
            description: input.Description,
            tags: input.Tags,
          },
          ctx.now,
          authorizer(ctx),
        );
        return { Policy: policyView(iam, policy, 'create') };
      },
    },
    GetPolicy: {
      handle: (input: Decoded<GetPolicyRequest>, ctx) => ({
        Policy: policyView(iam, iam.getPolicy(input.PolicyArn, authorizer(ctx)), 'get'),
      }),
    },
    GetPolicyVersion: {
      handle: (input: Decoded<GetPolicyVersionRequest>, ctx) => {
        const version = iam.getPolicyVersion(input.PolicyArn, input.VersionId, authorizer(ctx));
        return { PolicyVersion: policyVersionView(version, true) };
      },
    },
    ListPolicies: {
      handle: (input: Decoded<ListPoliciesRequest>, ctx) => {
        const result = iam.listPolicies(
          {
            ...page(input),
            scope: enumValue<PolicyScope>(input.Scope, 'scope', ['All', 'AWS', 'Local']),
            onlyAttached: input.OnlyAttached,
            pathPrefix: input.PathPrefix,
            policyUsageFilter: enumValue(input.PolicyUsageFilter, 'policyUsageFilter', POLICY_USAGE_FILTERS),
          },
          authorizer(ctx),
        );
        return { Policies: result.items.map((policy) => policyView(iam, policy, 'list')), ...pageTail(result) };
      },
    },
    CreatePolicyVersion: {
      handle: (input: Decoded<CreatePolicyVersionRequest>, ctx) => {
        const version = iam.createPolicyVersion(
          input.PolicyArn,
          input.PolicyDocument,
          input.SetAsDefault ?? false,
          ctx.now,
          authorizer(ctx),
        );
        return { PolicyVersion: policyVersionView(version, false) };
      },
    },
    ListPolicyVersions: {
      handle: (input: Decoded<ListPolicyVersionsRequest>, ctx) => {
        const result = iam.listPolicyVersions(input.PolicyArn, page(input), authorizer(ctx));
        return { Versions: result.items.map((version) => policyVersionView(version, false)), ...pageTail(result) };
      },
    },
    SetDefaultPolicyVersion: {
      handle: (input: Decoded<SetDefaultPolicyVersionRequest>, ctx) => {
        iam.setDefaultPolicyVersion(input.PolicyArn, input.VersionId, ctx.now, authorizer(ctx));
        return undefined;
      },
    },
    DeletePolicyVersion: {
      handle: (input: Decoded<DeletePolicyVersionRequest>, ctx) => {
        iam.deletePolicyVersion(input.PolicyArn, input.VersionId, authorizer(ctx));
        return undefined;
      },
    },
    DeletePolicy: {
      handle: (input: Decoded<DeletePolicyRequest>, ctx) => {
        iam.deletePolicy(input.PolicyArn, authorizer(ctx));
        return undefined;
      },
    },
    ListEntitiesForPolicy: {
      handle: (input: Decoded<ListEntitiesForPolicyRequest>, ctx) => {
        const result = iam.listEntitiesForPolicy(
          input.PolicyArn,
          {
            ...page(input),
            entityFilter: enumValue<EntityFilter>(input.EntityFilter, 'entityFilter', [
              'User',
              'Role',
              'Group',
              'LocalManagedPolicy',
              'AWSManagedPolicy',
            ]),
            pathPrefix: input.PathPrefix,
            policyUsageFilter: enumValue(input.PolicyUsageFilter, 'policyUsageFilter', POLICY_USAGE_FILTERS),
          },
          authorizer(ctx),
        );
        const entities = result.items[0];
        return {
          PolicyGroups: entities.groups.map((group) => ({ GroupName: group.groupName, GroupId: group.groupId })),
          PolicyUsers: entities.users.map((user) => ({ UserName: user.userName, UserId: user.userId })),
          PolicyRoles: entities.roles.map((role) => ({ RoleName: role.roleName, RoleId: role.roleId })),
          ...pageTail(result),
        };
      },
    },
    TagPolicy: {
      handle: (input: Decoded<TagPolicyRequest>, ctx) => {
        iam.tagPolicy(input.PolicyArn, input.Tags, authorizer(ctx));
        return undefined;
      },
    },
    UntagPolicy: {
      handle: (input: Decoded<UntagPolicyRequest>, ctx) => {
        iam.untagPolicy(input.PolicyArn, input.TagKeys, authorizer(ctx));
        return undefined;
      },
    },
    ListPolicyTags: {
      handle: (input: Decoded<ListPolicyTagsRequest>, ctx) => {
        const result = iam.listPolicyTags(input.PolicyArn, page(input), authorizer(ctx));
        return { Tags: result.items, ...pageTail(result) };
      },
    },
  };
}
