import type { GetUserRequest, ListAttachedUserPoliciesRequest } from '@aws-sdk/client-iam';
import type { Decoded } from '../../../protocols/model/decoded.ts';
import { IamMessages, validationError } from '../errors.ts';
import type { IamModel } from '../model.ts';
import { pageTail } from '../views.ts';
import { authorizer, page, type IamOperations } from './input.ts';

export function userOperations(iam: IamModel): IamOperations {
  return {
    GetUser: {
      handle: (input: Decoded<GetUserRequest>, ctx) => {
        // Without UserName, GetUser describes the calling user (only IAM users have one).
        let userName = input.UserName;
        if (userName === undefined) {
          const caller = ctx.caller?.principalArn ?? '';
          if (!/^arn:aws:iam::\d{12}:user\//.test(caller)) throw validationError(IamMessages.getUserWithoutName);
          userName = caller.slice(caller.lastIndexOf('/') + 1);
        }
        const user = iam.getUser(userName, authorizer(ctx));
        return {
          User: {
            Path: user.path,
            UserName: user.userName,
            UserId: user.userId,
            Arn: user.arn,
            CreateDate: new Date(user.createDate),
            PermissionsBoundary: user.permissionsBoundaryArn
              ? { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: user.permissionsBoundaryArn }
              : undefined,
            Tags: user.tags.length > 0 ? user.tags.map((tag) => ({ Key: tag.Key, Value: tag.Value })) : undefined,
          },
        };
      },
    },
    ListAttachedUserPolicies: {
      handle: (input: Decoded<ListAttachedUserPoliciesRequest>, ctx) => {
        const result = iam.listAttachedUserPolicies(
          input.UserName,
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
  };
}
