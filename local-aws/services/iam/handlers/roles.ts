import type { IamModel } from '../model.ts';
import { encodePolicyDocument, pageTail, roleView } from '../views.ts';
import type {
  AttachRolePolicyRequest,
  CreateRoleRequest,
  DeleteRolePermissionsBoundaryRequest,
  DeleteRolePolicyRequest,
  DeleteRoleRequest,
  DetachRolePolicyRequest,
  GetRolePolicyRequest,
  GetRoleRequest,
  ListAttachedRolePoliciesRequest,
  ListRolePoliciesRequest,
  ListRolesRequest,
  ListRoleTagsRequest,
  PutRolePermissionsBoundaryRequest,
  PutRolePolicyRequest,
  TagRoleRequest,
  UntagRoleRequest,
  UpdateAssumeRolePolicyRequest,
  UpdateRoleDescriptionRequest,
  UpdateRoleRequest,
} from '@aws-sdk/client-iam';
import type { Decoded } from '../../../protocols/model/decoded.ts';
import { authorizer, page, type IamOperations } from './input.ts';

export function roleOperations(iam: IamModel): IamOperations {
  return {
    CreateRole: {
      handle: (input: Decoded<CreateRoleRequest>, ctx) => {
        const role = iam.createRole(
          {
            roleName: input.RoleName,
            assumeRolePolicyDocument: input.AssumeRolePolicyDocument,
            path: input.Path,
            description: input.Description,
            maxSessionDuration: input.MaxSessionDuration,
            permissionsBoundary: input.PermissionsBoundary,
            tags: input.Tags,
          },
          ctx.now,
          authorizer(ctx),
        );
        return { Role: roleView(role, 'create') };
      },
    },
    GetRole: {
      handle: (input: Decoded<GetRoleRequest>, ctx) => ({ Role: roleView(iam.getRole(input.RoleName, authorizer(ctx)), 'get') }),
    },
    ListRoles: {
      handle: (input: Decoded<ListRolesRequest>, ctx) => {
        const result = iam.listRoles({ ...page(input), pathPrefix: input.PathPrefix }, authorizer(ctx));
        return { Roles: result.items.map((role) => roleView(role, 'list')), ...pageTail(result) };
      },
    },
    UpdateRole: {
      handle: (input: Decoded<UpdateRoleRequest>, ctx) => {
        iam.updateRole(
          input.RoleName,
          { description: input.Description, maxSessionDuration: input.MaxSessionDuration },
          authorizer(ctx),
        );
        return {};
      },
    },
    UpdateRoleDescription: {
      handle: (input: Decoded<UpdateRoleDescriptionRequest>, ctx) => {
        const role = iam.updateRoleDescription(input.RoleName, input.Description, authorizer(ctx));
        return { Role: roleView(role, 'description') };
      },
    },
    UpdateAssumeRolePolicy: {
      handle: (input: Decoded<UpdateAssumeRolePolicyRequest>, ctx) => {
        iam.updateAssumeRolePolicy(input.RoleName, input.PolicyDocument, authorizer(ctx));
        return undefined;
      },
    },
    DeleteRole: {
      handle: (input: Decoded<DeleteRoleRequest>, ctx) => {
        iam.deleteRole(input.RoleName, authorizer(ctx));
        return undefined;
      },
    },
    TagRole: {
      handle: (input: Decoded<TagRoleRequest>, ctx) => {
        iam.tagRole(input.RoleName, input.Tags, authorizer(ctx));
        return undefined;
      },
    },
    UntagRole: {
      handle: (input: Decoded<UntagRoleRequest>, ctx) => {
        iam.untagRole(input.RoleName, input.TagKeys, authorizer(ctx));
        return undefined;
      },
    },
    ListRoleTags: {
      handle: (input: Decoded<ListRoleTagsRequest>, ctx) => {
        const result = iam.listRoleTags(input.RoleName, page(input), authorizer(ctx));
        return { Tags: result.items, ...pageTail(result) };
      },
    },
    AttachRolePolicy: {
      handle: (input: Decoded<AttachRolePolicyRequest>, ctx) => {
        iam.attachRolePolicy(input.RoleName, input.PolicyArn, authorizer(ctx));
        return undefined;
      },
    },
    DetachRolePolicy: {
      handle: (input: Decoded<DetachRolePolicyRequest>, ctx) => {
        iam.detachRolePolicy(input.RoleName, input.PolicyArn, authorizer(ctx));
        return undefined;
      },
    },
    ListAttachedRolePolicies: {
      handle: (input: Decoded<ListAttachedRolePoliciesRequest>, ctx) => {
        const result = iam.listAttachedRolePolicies(
          input.RoleName,
          { ...page(input), pathPrefix: input.PathPrefix },
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
      handle: (input: Decoded<PutRolePolicyRequest>, ctx) => {
        iam.putRolePolicy(input.RoleName, input.PolicyName, input.PolicyDocument, authorizer(ctx));
        return undefined;
      },
    },
    GetRolePolicy: {
      handle: (input: Decoded<GetRolePolicyRequest>, ctx) => {
        const policy = iam.getRolePolicy(input.RoleName, input.PolicyName, authorizer(ctx));
        return {
          RoleName: policy.roleName,
          PolicyName: policy.policyName,
          PolicyDocument: encodePolicyDocument(policy.policyDocument),
        };
      },
    },
    DeleteRolePolicy: {
      handle: (input: Decoded<DeleteRolePolicyRequest>, ctx) => {
        iam.deleteRolePolicy(input.RoleName, input.PolicyName, authorizer(ctx));
        return undefined;
      },
    },
    ListRolePolicies: {
      handle: (input: Decoded<ListRolePoliciesRequest>, ctx) => {
        const result = iam.listRolePolicies(input.RoleName, page(input), authorizer(ctx));
        return { PolicyNames: result.items, ...pageTail(result) };
      },
    },
    PutRolePermissionsBoundary: {
      handle: (input: Decoded<PutRolePermissionsBoundaryRequest>, ctx) => {
        iam.putRolePermissionsBoundary(input.RoleName, input.PermissionsBoundary, authorizer(ctx));
        return undefined;
      },
    },
    DeleteRolePermissionsBoundary: {
      handle: (input: Decoded<DeleteRolePermissionsBoundaryRequest>, ctx) => {
        iam.deleteRolePermissionsBoundary(input.RoleName, authorizer(ctx));
        return undefined;
      },
    },
  };
}
