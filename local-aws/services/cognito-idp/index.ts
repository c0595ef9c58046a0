import type { JsonObject, JsonService, OperationDefinition } from '../../protocols/operation.ts';
import { adminOperations } from './admin-operations.ts';
import * as errors from './errors.ts';
import { optionalString, requiredString, stringMap } from './input.ts';
import { AUTH_FLOWS, type UserPoolModel } from './model.ts';
import { PreparedPasswords, type PasswordHasher } from './password.ts';

const CHALLENGE_NAMES = [
  'SMS_MFA',
  'EMAIL_OTP',
  'SOFTWARE_TOKEN_MFA',
  'SELECT_MFA_TYPE',
  'MFA_SETUP',
  'PASSWORD_VERIFIER',
  'CUSTOM_CHALLENGE',
  'SELECT_CHALLENGE',
  'DEVICE_SRP_AUTH',
  'DEVICE_PASSWORD_VERIFIER',
  'ADMIN_NO_SRP_AUTH',
  'NEW_PASSWORD_REQUIRED',
  'SMS_OTP',
  'PASSWORD',
  'WEB_AUTHN',
  'PASSWORD_SRP',
] as const;

function signInInput(input: JsonObject) {
  const authFlow = requiredString(input, 'AuthFlow', 'authFlow', errors.missingMember);
  const clientId = requiredString(input, 'ClientId', 'clientId', errors.missingMember);
  if (!(AUTH_FLOWS as readonly string[]).includes(authFlow)) throw errors.enumViolation('authFlow', authFlow, AUTH_FLOWS);
  return { authFlow, clientId, authParameters: stringMap(input, 'AuthParameters') ?? {} };
}

/** InitiateAuth: the password is checked by scrypt prepared off the event loop. */
function signInOperation(userPools: UserPoolModel): OperationDefinition<JsonObject, PasswordHasher> {
  return {
    public: true,
    prepare: (input, ctx) => PreparedPasswords.prepare(userPools.signInPasswordWork(signInInput(input), ctx.now)),
    handle: (input, ctx, passwords) => userPools.initiateAuth(signInInput(input), ctx.now, passwords),
  };
}

function newPasswordChallengeInput(input: JsonObject) {
  const clientId = requiredString(input, 'ClientId', 'clientId', errors.missingMember);
  const challengeName = requiredString(input, 'ChallengeName', 'challengeName', errors.missingMember);
  if (!(CHALLENGE_NAMES as readonly string[]).includes(challengeName)) {
    throw errors.enumViolation('challengeName', challengeName, CHALLENGE_NAMES);
  }
  const session = optionalString(input, 'Session');
  const responses = stringMap(input, 'ChallengeResponses') ?? {};
  if (challengeName !== 'NEW_PASSWORD_REQUIRED') {
    // The only challenge local AWS issues; a session can answer only the challenge it was issued for.
    throw errors.notAuthorized('Invalid session for the user.');
  }
  return { clientId, session, responses };
}

/** RespondToAuthChallenge (NEW_PASSWORD_REQUIRED): the new password is hashed off the event loop. */
function newPasswordChallengeOperation(userPools: UserPoolModel): OperationDefinition<JsonObject, PasswordHasher> {
  return {
    public: true,
    prepare: (input, ctx) => PreparedPasswords.prepare(userPools.newPasswordWork(newPasswordChallengeInput(input), ctx.now)),
    handle: (input, ctx, passwords) => userPools.respondToNewPasswordChallenge(newPasswordChallengeInput(input), ctx.now, passwords),
  };
}

/**
 * Cognito user pools (AWSCognitoIdentityProviderService, JSON 1.1): the sign-in operations, all unsigned, and the
 * administrative user operations, signed (admin-operations.ts).
 */
export function createCognitoIdpService(deps: { userPools: UserPoolModel }): JsonService {
  const { userPools } = deps;
  return {
    name: 'cognito-idp',
    protocol: 'json1.1',
    targetPrefix: 'AWSCognitoIdentityProviderService',
    accessDenied: errors.accessDenied,
    operations: {
      InitiateAuth: signInOperation(userPools),
      RespondToAuthChallenge: newPasswordChallengeOperation(userPools),
      GetUser: {
        public: true,
        handle: (input: JsonObject, ctx) =>
          userPools.getUser(requiredString(input, 'AccessToken', 'accessToken', errors.missingMember), ctx.now),
      },
      GlobalSignOut: {
        public: true,
        handle: (input: JsonObject, ctx) => {
          userPools.globalSignOut(requiredString(input, 'AccessToken', 'accessToken', errors.missingMember), ctx.now);
          return {};
        },
      },
      ...adminOperations(userPools),
    },
  };
}
