import type {
  GetUserRequest,
  GlobalSignOutRequest,
  InitiateAuthRequest,
  RespondToAuthChallengeRequest,
} from '@aws-sdk/client-cognito-identity-provider';
import * as cognitoIdpSchemas from '@aws-sdk/client-cognito-identity-provider';
import type { Decoded } from '../../protocols/model/decoded.ts';
import { ServiceModel } from '../../protocols/model/shapes.ts';
import type { JsonService, OperationDefinition } from '../../protocols/operation.ts';
import { adminOperations } from './admin-operations.ts';
import * as errors from './errors.ts';
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

function signInInput(input: Decoded<InitiateAuthRequest>) {
  const authFlow = input.AuthFlow;
  if (!(AUTH_FLOWS as readonly string[]).includes(authFlow))
    throw errors.enumViolation('authFlow', authFlow, AUTH_FLOWS);
  return { authFlow, clientId: input.ClientId, authParameters: input.AuthParameters ?? {} };
}

/** InitiateAuth: the password is checked by scrypt prepared off the event loop. */
function signInOperation(userPools: UserPoolModel): OperationDefinition<Decoded<InitiateAuthRequest>, PasswordHasher> {
  return {
    public: true,
    prepare: (input, ctx) => PreparedPasswords.prepare(userPools.signInPasswordWork(signInInput(input), ctx.now)),
    handle: (input, ctx, passwords) => userPools.initiateAuth(signInInput(input), ctx.now, passwords),
  };
}

function newPasswordChallengeInput(input: Decoded<RespondToAuthChallengeRequest>) {
  const challengeName = input.ChallengeName;
  if (!(CHALLENGE_NAMES as readonly string[]).includes(challengeName)) {
    throw errors.enumViolation('challengeName', challengeName, CHALLENGE_NAMES);
  }
  if (challengeName !== 'NEW_PASSWORD_REQUIRED') {
    // The only challenge local AWS issues; a session can answer only the challenge it was issued for.
    throw errors.notAuthorized('Invalid session for the user.');
  }
  return { clientId: input.ClientId, session: input.Session, responses: input.ChallengeResponses ?? {} };
}

/** RespondToAuthChallenge (NEW_PASSWORD_REQUIRED): the new password is hashed off the event loop. */
function newPasswordChallengeOperation(
  userPools: UserPoolModel,
): OperationDefinition<Decoded<RespondToAuthChallengeRequest>, PasswordHasher> {
  return {
    public: true,
    prepare: (input, ctx) =>
      PreparedPasswords.prepare(userPools.newPasswordWork(newPasswordChallengeInput(input), ctx.now)),
    handle: (input, ctx, passwords) =>
      userPools.respondToNewPasswordChallenge(newPasswordChallengeInput(input), ctx.now, passwords),
  };
}

/**
 * Cognito user pools (AWSCognitoIdentityProviderService, JSON 1.1): the sign-in operations, all unsigned, and the
 * administrative user operations, signed (admin-operations.ts).
 */
export function createCognitoIdpService(deps: { userPools: UserPoolModel }): JsonService {
  const { userPools } = deps;
  const operations: Record<string, OperationDefinition> = {
    InitiateAuth: signInOperation(userPools),
    RespondToAuthChallenge: newPasswordChallengeOperation(userPools),
    GetUser: {
      public: true,
      handle: (input: Decoded<GetUserRequest>, ctx) => userPools.getUser(input.AccessToken, ctx.now),
    },
    GlobalSignOut: {
      public: true,
      handle: (input: Decoded<GlobalSignOutRequest>, ctx) => {
        userPools.globalSignOut(input.AccessToken, ctx.now);
        return {};
      },
    },
    ...adminOperations(userPools),
  };
  return {
    name: 'cognito-idp',
    protocol: 'json1.1',
    targetPrefix: 'AWSCognitoIdentityProviderService',
    accessDenied: errors.accessDenied,
    model: new ServiceModel('json1.1', cognitoIdpSchemas, Object.keys(operations)),
    operations,
  };
}
