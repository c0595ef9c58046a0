/**
 * Cognito's administrative user operations (AdminCreateUser, AdminSetUserPassword, AdminDeleteUser): signed with
 * SigV4 by developer credentials and authorized on the user pool's ARN before anything else, as on AWS.
 */
import { ACCOUNT_ID } from '../../config.ts';
import type { JsonObject, OperationDefinition, RequestContext } from '../../protocols/operation.ts';
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
    Attributes: [{ Name: 'sub', Value: user.sub }, ...Object.entries(user.attributes).map(([Name, Value]) => ({ Name, Value }))],
    UserCreateDate: new Date(user.createdAt),
    UserLastModifiedDate: new Date(user.updatedAt),
    Enabled: user.enabled,
    UserStatus: user.status,
  };
}

/**
 * Hashes the password member of a request off the event loop, ahead of the handler (which validates it). A value
 * that cannot be a valid password is left to the handler to refuse, unhashed.
 */
function preparePasswordMember(member: string): (input: JsonObject) => Promise<PasswordHasher> {
  return (input) => {
    const password = input[member];
    const hashable = typeof password === 'string' && password.length <= PASSWORD_RULES.max;
    return PreparedPasswords.prepare({ hash: hashable ? [password] : [] });
  };
}

export function adminOperations(userPools: UserPoolModel): Record<string, OperationDefinition<JsonObject, PasswordHasher>> {
  return {
    AdminCreateUser: {
      prepare: preparePasswordMember('TemporaryPassword'),
      handle: (input, ctx, passwords) => {
        const checks = new MemberChecks(input);
        const userPoolId = checks.string('UserPoolId', 'userPoolId', USER_POOL_ID_RULES);
        const username = checks.string('Username', 'username', USERNAME_RULES);
        const attributes = checks.attributes('UserAttributes', 'userAttributes');
        checks.attributes('ValidationData', 'validationData');
        const temporaryPassword = checks.string('TemporaryPassword', 'temporaryPassword', PASSWORD_RULES);
        checks.boolean('ForceAliasCreation');
        const messageAction = checks.enumValue('MessageAction', 'messageAction', MESSAGE_ACTIONS);
        checks.deliveryMediums('DesiredDeliveryMediums', 'desiredDeliveryMediums');
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
    },
    AdminSetUserPassword: {
      prepare: preparePasswordMember('Password'),
      handle: (input, ctx, passwords) => {
        const checks = new MemberChecks(input);
        const userPoolId = checks.string('UserPoolId', 'userPoolId', USER_POOL_ID_RULES);
        const username = checks.string('Username', 'username', USERNAME_RULES);
        const password = checks.string('Password', 'password', { ...PASSWORD_RULES, required: true });
        const permanent = checks.boolean('Permanent') ?? false;
        checks.done();
        authorizeOnPool(ctx, 'AdminSetUserPassword', userPoolId);
        userPools.adminSetUserPassword(userPoolId, username, password, permanent, ctx.now, passwords);
        return {};
      },
    },
    AdminDeleteUser: {
      handle: (input, ctx) => {
        const checks = new MemberChecks(input);
        const userPoolId = checks.string('UserPoolId', 'userPoolId', USER_POOL_ID_RULES);
        const username = checks.string('Username', 'username', USERNAME_RULES);
        checks.done();
        authorizeOnPool(ctx, 'AdminDeleteUser', userPoolId);
        userPools.adminDeleteUser(userPoolId, username);
        return {};
      },
    },
  };
}
