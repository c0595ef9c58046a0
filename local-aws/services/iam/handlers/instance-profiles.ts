import type {
  AddRoleToInstanceProfileRequest,
  CreateInstanceProfileRequest,
  DeleteInstanceProfileRequest,
  GetInstanceProfileRequest,
  ListInstanceProfilesForRoleRequest,
  ListInstanceProfilesRequest,
  ListInstanceProfileTagsRequest,
  RemoveRoleFromInstanceProfileRequest,
  TagInstanceProfileRequest,
  UntagInstanceProfileRequest,
} from '@aws-sdk/client-iam';
import type { Decoded } from '../../../protocols/model/decoded.ts';
import type { IamModel } from '../model.ts';
import { instanceProfileView, pageTail } from '../views.ts';
import { authorizer, page, type IamOperations } from './input.ts';

export function instanceProfileOperations(iam: IamModel): IamOperations {
  return {
    CreateInstanceProfile: {
      handle: (input: Decoded<CreateInstanceProfileRequest>, ctx) => {
        const profile = iam.createInstanceProfile(
          { instanceProfileName: input.InstanceProfileName, path: input.Path, tags: input.Tags },
          ctx.now,
          authorizer(ctx),
        );
        return { InstanceProfile: instanceProfileView(iam, profile, 'create') };
      },
    },
    GetInstanceProfile: {
      handle: (input: Decoded<GetInstanceProfileRequest>, ctx) => {
        const profile = iam.getInstanceProfile(input.InstanceProfileName, authorizer(ctx));
        return { InstanceProfile: instanceProfileView(iam, profile, 'get') };
      },
    },
    ListInstanceProfiles: {
      handle: (input: Decoded<ListInstanceProfilesRequest>, ctx) => {
        const result = iam.pageInstanceProfiles({ ...page(input), pathPrefix: input.PathPrefix }, authorizer(ctx));
        return {
          InstanceProfiles: result.items.map((profile) => instanceProfileView(iam, profile, 'list')),
          ...pageTail(result),
        };
      },
    },
    ListInstanceProfilesForRole: {
      handle: (input: Decoded<ListInstanceProfilesForRoleRequest>, ctx) => {
        const result = iam.listInstanceProfilesForRole(input.RoleName, page(input), authorizer(ctx));
        return {
          InstanceProfiles: result.items.map((profile) => instanceProfileView(iam, profile, 'list')),
          ...pageTail(result),
        };
      },
    },
    AddRoleToInstanceProfile: {
      handle: (input: Decoded<AddRoleToInstanceProfileRequest>, ctx) => {
        iam.addRoleToInstanceProfile(input.InstanceProfileName, input.RoleName, authorizer(ctx));
        return undefined;
      },
    },
    RemoveRoleFromInstanceProfile: {
      handle: (input: Decoded<RemoveRoleFromInstanceProfileRequest>, ctx) => {
        iam.removeRoleFromInstanceProfile(input.InstanceProfileName, input.RoleName, authorizer(ctx));
        return undefined;
      },
    },
    DeleteInstanceProfile: {
      handle: (input: Decoded<DeleteInstanceProfileRequest>, ctx) => {
        iam.deleteInstanceProfile(input.InstanceProfileName, authorizer(ctx));
        return undefined;
      },
    },
    TagInstanceProfile: {
      handle: (input: Decoded<TagInstanceProfileRequest>, ctx) => {
        iam.tagInstanceProfile(input.InstanceProfileName, input.Tags, authorizer(ctx));
        return undefined;
      },
    },
    UntagInstanceProfile: {
      handle: (input: Decoded<UntagInstanceProfileRequest>, ctx) => {
        iam.untagInstanceProfile(input.InstanceProfileName, input.TagKeys, authorizer(ctx));
        return undefined;
      },
    },
    ListInstanceProfileTags: {
      handle: (input: Decoded<ListInstanceProfileTagsRequest>, ctx) => {
        const result = iam.listInstanceProfileTags(input.InstanceProfileName, page(input), authorizer(ctx));
        return { Tags: result.items, ...pageTail(result) };
      },
    },
  };
}
