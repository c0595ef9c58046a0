import { validationError } from '../errors.ts';
import type { EntityFilter, IamModel, PolicyScope, PolicyUsageFilter } from '../model.ts';
import { pageTail, policyVersionView, policyView } from '../views.ts';
import {
  authorizer,
  boolean,
  page,
  required,
  requiredTagKeys,
  requiredTags,
  tags,
  type IamOperation,
} from './input.ts';

function enumValue<T extends string>(value: string | undefined, member: string, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw validationError(
    `1 validation error detected: Value at '${member}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`,
  );
}

export function policyOperations(iam: IamModel): Record<string, IamOperation> {
  return {
    CreatePolicy: {
      handle: (input, ctx) => {
        const policy = iam.createPolicy(
          {
            policyName: required(input, 'PolicyName'),
            policyDocument: required(input, 'PolicyDocument'),
            path: input.string('Path'),
            description: input.string('Description'),
            tags: tags(input),
          },
          ctx.now,
          authorizer(ctx),
        );
        return { Policy: policyView(iam, policy, 'create') };
      },
    },
    GetPolicy: {
      handle: (input, ctx) => ({
        Policy: policyView(iam, iam.getPolicy(required(input, 'PolicyArn'), authorizer(ctx)), 'get'),
      }),
    },
    GetPolicyVersion: {
      handle: (input, ctx) => {
        const version = iam.getPolicyVersion(
          required(input, 'PolicyArn'),
          required(input, 'VersionId'),
          authorizer(ctx),
        );
        return { PolicyVersion: policyVersionView(version, true) };
      },
    },
    ListPolicies: {
      handle: (input, ctx) => {
        const result = iam.listPolicies(
          {
            ...page(input),
            scope: enumValue<PolicyScope>(input.string('Scope'), 'scope', ['All', 'AWS', 'Local']),
            onlyAttached: boolean(input, 'OnlyAttached'),
            pathPrefix: input.string('PathPrefix'),
            policyUsageFilter: enumValue<PolicyUsageFilter>(input.string('PolicyUsageFilter'), 'policyUsageFilter', [
              'PermissionsPolicy',
              'PermissionsBoundary',
            ]),
          },
          authorizer(ctx),
        );
        return { Policies: result.items.map((policy) => policyView(iam, policy, 'list')), ...pageTail(result) };
      },
    },
    CreatePolicyVersion: {
      handle: (input, ctx) => {
        const version = iam.createPolicyVersion(
          required(input, 'PolicyArn'),
          required(input, 'PolicyDocument'),
          boolean(input, 'SetAsDefault') ?? false,
          ctx.now,
          authorizer(ctx),
        );
        return { PolicyVersion: policyVersionView(version, false) };
      },
    },
    ListPolicyVersions: {
      handle: (input, ctx) => {
        const result = iam.listPolicyVersions(required(input, 'PolicyArn'), page(input), authorizer(ctx));
        return { Versions: result.items.map((version) => policyVersionView(version, false)), ...pageTail(result) };
      },
    },
    SetDefaultPolicyVersion: {
      handle: (input, ctx) => {
        iam.setDefaultPolicyVersion(
          required(input, 'PolicyArn'),
          required(input, 'VersionId'),
          ctx.now,
          authorizer(ctx),
        );
        return undefined;
      },
    },
    DeletePolicyVersion: {
      handle: (input, ctx) => {
        iam.deletePolicyVersion(required(input, 'PolicyArn'), required(input, 'VersionId'), authorizer(ctx));
        return undefined;
      },
    },
    DeletePolicy: {
      handle: (input, ctx) => {
        iam.deletePolicy(required(input, 'PolicyArn'), authorizer(ctx));
        return undefined;
      },
    },
    ListEntitiesForPolicy: {
      handle: (input, ctx) => {
        const result = iam.listEntitiesForPolicy(
          required(input, 'PolicyArn'),
          {
            ...page(input),
            entityFilter: enumValue<EntityFilter>(input.string('EntityFilter'), 'entityFilter', [
              'User',
              'Role',
              'Group',
              'LocalManagedPolicy',
              'AWSManagedPolicy',
            ]),
            pathPrefix: input.string('PathPrefix'),
            policyUsageFilter: enumValue<PolicyUsageFilter>(input.string('PolicyUsageFilter'), 'policyUsageFilter', [
              'PermissionsPolicy',
              'PermissionsBoundary',
            ]),
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
      handle: (input, ctx) => {
        iam.tagPolicy(required(input, 'PolicyArn'), requiredTags(input), authorizer(ctx));
        return undefined;
      },
    },
    UntagPolicy: {
      handle: (input, ctx) => {
        iam.untagPolicy(required(input, 'PolicyArn'), requiredTagKeys(input), authorizer(ctx));
        return undefined;
      },
    },
    ListPolicyTags: {
      handle: (input, ctx) => {
        const result = iam.listPolicyTags(required(input, 'PolicyArn'), page(input), authorizer(ctx));
        return { Tags: result.items, ...pageTail(result) };
      },
    },
  };
}
