import type { IamModel } from '../model.ts';
import { encodePolicyDocument, pageTail, roleView } from '../views.ts';
import {
  authorizer,
  integer,
  page,
  required,
  requiredTagKeys,
  requiredTags,
  tags,
  type IamOperation,
} from './input.ts';

export function roleOperations(iam: IamModel): Record<string, IamOperation> {
  return {
    CreateRole: {
      handle: (input, ctx) => {
        const role = iam.createRole(
          {
            roleName: required(input, 'RoleName'),
            assumeRolePolicyDocument: required(input, 'AssumeRolePolicyDocument'),
            path: input.string('Path'),
            description: input.string('Description'),
            maxSessionDuration: integer(input, 'MaxSessionDuration', 'maxSessionDuration'),
            permissionsBoundary: input.string('PermissionsBoundary'),
            tags: tags(input),
          },
          ctx.now,
          authorizer(ctx),
        );
        return { Role: roleView(role, 'create') };
      },
    },
    GetRole: {
      handle: (input, ctx) => ({ Role: roleView(iam.getRole(required(input, 'RoleName'), authorizer(ctx)), 'get') }),
    },
    ListRoles: {
      handle: (input, ctx) => {
        const result = iam.listRoles({ ...page(input), pathPrefix: input.string('PathPrefix') }, authorizer(ctx));
        return { Roles: result.items.map((role) => roleView(role, 'list')), ...pageTail(result) };
      },
    },
    UpdateRole: {
      handle: (input, ctx) => {
        iam.updateRole(
          required(input, 'RoleName'),
          {
            description: input.string('Description'),
            maxSessionDuration: integer(input, 'MaxSessionDuration', 'maxSessionDuration'),
          },
          authorizer(ctx),
        );
        return {};
      },
    },
    UpdateRoleDescription: {
      handle: (input, ctx) => {
        const role = iam.updateRoleDescription(
          required(input, 'RoleName'),
          required(input, 'Description'),
          authorizer(ctx),
        );
        return { Role: roleView(role, 'description') };
      },
    },
    UpdateAssumeRolePolicy: {
      handle: (input, ctx) => {
        iam.updateAssumeRolePolicy(required(input, 'RoleName'), required(input, 'PolicyDocument'), authorizer(ctx));
        return undefined;
      },
    },
    DeleteRole: {
      handle: (input, ctx) => {
        iam.deleteRole(required(input, 'RoleName'), authorizer(ctx));
        return undefined;
      },
    },
    TagRole: {
      handle: (input, ctx) => {
        iam.tagRole(required(input, 'RoleName'), requiredTags(input), authorizer(ctx));
        return undefined;
      },
    },
    UntagRole: {
      handle: (input, ctx) => {
        iam.untagRole(required(input, 'RoleName'), requiredTagKeys(input), authorizer(ctx));
        return undefined;
      },
    },
    ListRoleTags: {
      handle: (input, ctx) => {
        const result = iam.listRoleTags(required(input, 'RoleName'), page(input), authorizer(ctx));
        return { Tags: result.items, ...pageTail(result) };
      },
    },
    AttachRolePolicy: {
      handle: (input, ctx) => {
        iam.attachRolePolicy(required(input, 'RoleName'), required(input, 'PolicyArn'), authorizer(ctx));
        return undefined;
      },
    },
    DetachRolePolicy: {
      handle: (input, ctx) => {
        iam.detachRolePolicy(required(input, 'RoleName'), required(input, 'PolicyArn'), authorizer(ctx));
        return undefined;
      },
    },
    ListAttachedRolePolicies: {
      handle: (input, ctx) => {
        const result = iam.listAttachedRolePolicies(
          required(input, 'RoleName'),
          { ...page(input), pathPrefix: input.string('PathPrefix') },
          authorizer(ctx),
        );
        return {
          AttachedPolicies: result.items.map((policy) => ({
            PolicyName: policy.policyName,
            PolicyArn: policy.policyArn,
          })),
          ...pageTail(result),
        };
      },
    },
    PutRolePolicy: {
      handle: (input, ctx) => {
        iam.putRolePolicy(
          required(input, 'RoleName'),
          required(input, 'PolicyName'),
          required(input, 'PolicyDocument'),
          authorizer(ctx),
        );
        return undefined;
      },
    },
    GetRolePolicy: {
      handle: (input, ctx) => {
        const policy = iam.getRolePolicy(required(input, 'RoleName'), required(input, 'PolicyName'), authorizer(ctx));
        return {
          RoleName: policy.roleName,
          PolicyName: policy.policyName,
          PolicyDocument: encodePolicyDocument(policy.policyDocument),
        };
      },
    },
    DeleteRolePolicy: {
      handle: (input, ctx) => {
        iam.deleteRolePolicy(required(input, 'RoleName'), required(input, 'PolicyName'), authorizer(ctx));
        return undefined;
      },
    },
    ListRolePolicies: {
      handle: (input, ctx) => {
        const result = iam.listRolePolicies(required(input, 'RoleName'), page(input), authorizer(ctx));
        return { PolicyNames: result.items, ...pageTail(result) };
      },
    },
    PutRolePermissionsBoundary: {
      handle: (input, ctx) => {
        iam.putRolePermissionsBoundary(
          required(input, 'RoleName'),
          required(input, 'PermissionsBoundary'),
          authorizer(ctx),
        );
        return undefined;
      },
    },
    DeleteRolePermissionsBoundary: {
      handle: (input, ctx) => {
        iam.deleteRolePermissionsBoundary(required(input, 'RoleName'), authorizer(ctx));
        return undefined;
      },
    },
  };
}
