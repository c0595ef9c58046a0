/**
 * Cognito's administrative user operations (AdminCreateUser, AdminSetUserPassword, AdminDeleteUser): signed with
 * SigV4 by developer credentials and authorized on the user pool's ARN before anything else, as on AWS.
 */
import type {
  AdminCreateUserRequest,
  AdminDeleteUserRequest,
  AdminSetUserPasswordRequest,
} from '@aws-sdk/client-cognito-identity-provider';
import { ACCOUNT_ID } from '../../config.ts';
import type { Decoded } from '../../protocols/model/decoded.ts';
import type { OperationDefinition, RequestContext } from '../../protocols/operation.ts';
import { MemberChecks, MESSAGE_ACTIONS, PASSWORD_RULES, USER_POOL_ID_RULES, USERNAME_RULES } from './admin-input.ts';
import { UserPoolModel, type UserPoolUser } from './model.ts';
import { PreparedPasswords, type PasswordHasher } from './password.ts';

function authorizeOnPool(ctx: RequestContext, action: string, userPoolId: string): void {
  // The caller's own account: a pool ID names no account, and local AWS has one.
  const accountId = ctx.caller?.accountId ?? ACCOUNT_ID;
  ctx.authorize(`cognito-idp:${action}`, UserPoolModel.userPoolArn(ctx.region, accountId, userPoolId));
}

/** UserType as AdminCreateUser answers it (sub first, then the other attributes). */
function userType(user: UserPoolUser) {
  return {
    Username: user.username,
    Attributes: [
      { Name: 'sub', Value: user.sub },
      ...Object.entries(user.attributes).map(([Name, Value]) => ({ Name, Value })),
    ],
    UserCreateDate: new Date(user.createdAt),
    UserLastModifiedDate: new Date(user.updatedAt),
    Enabled: user.enabled,
    UserStatus: user.status,
  };
}

/**
 * Hashes a password member off the event loop, ahead of the handler (which validates it). A value that cannot be a
 * valid password is left to the handler to refuse, unhashed.
 */
function preparePassword(password: string | undefined): Promise<PasswordHasher> {
  const hashable = password !== undefined && password.length <= PASSWORD_RULES.max;
  return PreparedPasswords.prepare({ hash: hashable ? [password] : [] });
}

export function adminOperations(userPools: UserPoolModel): Record<string, OperationDefinition> {
  const adminCreateUser: OperationDefinition<Decoded<AdminCreateUserRequest>, PasswordHasher> = {
    prepare: (input) => preparePassword(input.TemporaryPassword),
    handle: (input, ctx, passwords) => {
      const { UserPoolId: userPoolId, Username: username, TemporaryPassword: temporaryPassword } = input;
      const checks = new MemberChecks();
      checks.string(userPoolId, 'userPoolId', USER_POOL_ID_RULES);
      checks.string(username, 'username', USERNAME_RULES);
      const attributes = checks.attributes(input.UserAttributes, 'userAttributes');
      checks.attributes(input.ValidationData, 'validationData');
      checks.string(temporaryPassword, 'temporaryPassword', PASSWORD_RULES);
      const messageAction = checks.enumValue(input.MessageAction, 'messageAction', MESSAGE_ACTIONS);
      checks.deliveryMediums(input.DesiredDeliveryMediums, 'desiredDeliveryMediums');
      checks.done();
      authorizeOnPool(ctx, 'AdminCreateUser', userPoolId);
      const user = userPools.adminCreateUser(
        userPoolId,
        {
          username,
          ...(temporaryPassword !== undefined ? { temporaryPassword } : {}),
          ...(attributes ? { attributes } : {}),
          ...(messageAction ? { messageAction } : {}),
        },
        ctx.now,
        passwords,
      );
      return { User: userType(user) };
    },
  };
  const adminSetUserPassword: OperationDefinition<Decoded<AdminSetUserPasswordRequest>, PasswordHasher> = {
    prepare: (input) => preparePassword(input.Password),
    handle: (input, ctx, passwords) => {
      const { UserPoolId: userPoolId, Username: username, Password: password } = input;
      const checks = new MemberChecks();
      checks.string(userPoolId, 'userPoolId', USER_POOL_ID_RULES);
      checks.string(username, 'username', USERNAME_RULES);
      checks.string(password, 'password', PASSWORD_RULES);
      checks.done();
      authorizeOnPool(ctx, 'AdminSetUserPassword', userPoolId);
      userPools.adminSetUserPassword(userPoolId, username, password, input.Permanent ?? false, ctx.now, passwords);
      return {};
    },
  };
  return {
    AdminCreateUser: adminCreateUser,
    AdminSetUserPassword: adminSetUserPassword,
    AdminDeleteUser: {
      handle: (input: Decoded<AdminDeleteUserRequest>, ctx) => {
        const { UserPoolId: userPoolId, Username: username } = input;
        const checks = new MemberChecks();
        checks.string(userPoolId, 'userPoolId', USER_POOL_ID_RULES);
        checks.string(username, 'username', USERNAME_RULES);
        checks.done();
        authorizeOnPool(ctx, 'AdminDeleteUser', userPoolId);
        userPools.adminDeleteUser(userPoolId, username);
        return {};
      },
    },
  };
}
