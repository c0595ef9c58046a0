import type { IamModel } from '../model.ts';
import { instanceProfileView, pageTail } from '../views.ts';
import { authorizer, page, required, requiredTagKeys, requiredTags, tags, type IamOperation } from './input.ts';

export function instanceProfileOperations(iam: IamModel): Record<string, IamOperation> {
  return {
    CreateInstanceProfile: {
      handle: (input, ctx) => {
        const profile = iam.createInstanceProfile(
          {
            instanceProfileName: required(input, 'InstanceProfileName'),
            path: input.string('Path'),
            tags: tags(input),
          },
          ctx.now,
          authorizer(ctx),
        );
        return { InstanceProfile: instanceProfileView(iam, profile, 'create') };
      },
    },
    GetInstanceProfile: {
      handle: (input, ctx) => {
        const profile = iam.getInstanceProfile(required(input, 'InstanceProfileName'), authorizer(ctx));
        return { InstanceProfile: instanceProfileView(iam, profile, 'get') };
      },
    },
    ListInstanceProfiles: {
      handle: (input, ctx) => {
        const result = iam.pageInstanceProfiles(
          { ...page(input), pathPrefix: input.string('PathPrefix') },
          authorizer(ctx),
        );
        return {
          InstanceProfiles: result.items.map((profile) => instanceProfileView(iam, profile, 'list')),
          ...pageTail(result),
        };
      },
    },
    ListInstanceProfilesForRole: {
      handle: (input, ctx) => {
        const result = iam.listInstanceProfilesForRole(required(input, 'RoleName'), page(input), authorizer(ctx));
        return {
          InstanceProfiles: result.items.map((profile) => instanceProfileView(iam, profile, 'list')),
          ...pageTail(result),
        };
      },
    },
    AddRoleToInstanceProfile: {
      handle: (input, ctx) => {
        iam.addRoleToInstanceProfile(
          required(input, 'InstanceProfileName'),
          required(input, 'RoleName'),
          authorizer(ctx),
        );
        return undefined;
      },
    },
    RemoveRoleFromInstanceProfile: {
      handle: (input, ctx) => {
        iam.removeRoleFromInstanceProfile(
          required(input, 'InstanceProfileName'),
          required(input, 'RoleName'),
          authorizer(ctx),
        );
        return undefined;
      },
    },
    DeleteInstanceProfile: {
      handle: (input, ctx) => {
        iam.deleteInstanceProfile(required(input, 'InstanceProfileName'), authorizer(ctx));
        return undefined;
      },
    },
    TagInstanceProfile: {
      handle: (input, ctx) => {
        iam.tagInstanceProfile(required(input, 'InstanceProfileName'), requiredTags(input), authorizer(ctx));
        return undefined;
      },
    },
    UntagInstanceProfile: {
      handle: (input, ctx) => {
        iam.untagInstanceProfile(required(input, 'InstanceProfileName'), requiredTagKeys(input), authorizer(ctx));
        return undefined;
      },
    },
    ListInstanceProfileTags: {
      handle: (input, ctx) => {
        const result = iam.listInstanceProfileTags(
          required(input, 'InstanceProfileName'),
          page(input),
          authorizer(ctx),
        );
        return { Tags: result.items, ...pageTail(result) };
      },
    },
  };
}
