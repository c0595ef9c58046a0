import { beforeEach, describe, expect, it } from 'vitest';
import { settingsFromEnv } from '../../config.ts';
import { openStore } from '../../store/store.ts';
import { awsError } from '../../protocols/test-support.ts';
import { decodeJsonInput } from '../../protocols/model/decode.ts';
import { decodeJwt, hasValidSignature } from './jwt.ts';
import { UserPoolModel, type AuthenticationResult, type InitiateAuthOutput, type SignOutEvent } from './model.ts';
import { createCognitoIdpService } from './index.ts';
import type { RequestContext } from '../../protocols/operation.ts';

const T0 = new Date('2026-03-01T10:00:00Z');
const later = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);
const ADMIN_ROLE = 'arn:aws:iam::123456789012:role/iam-role-console/console-admin';
const VIEWER_ROLE = 'arn:aws:iam::123456789012:role/iam-role-console/console-viewer';

let model: UserPoolModel;
let poolId: string;
let clientId: string;

function setUp(): void {
  model = new UserPoolModel(openStore('memory'), { ...settingsFromEnv({}), tokenTtlSeconds: 3600 });
  const pool = model.createUserPool({ poolName: 'console', accountId: '123456789012' }, T0);
  poolId = pool.id;
  clientId = model.createUserPoolClient(poolId, { clientName: 'web', explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }, T0).clientId;
  model.createGroup(poolId, { groupName: 'admins', roleArn: ADMIN_ROLE, precedence: 1 }, T0);
  model.createGroup(poolId, { groupName: 'viewers', roleArn: VIEWER_ROLE, precedence: 2 }, T0);
  model.adminCreateUser(poolId, { username: 'admin', temporaryPassword: 'Admin-Passw0rd!', attributes: { email: 'admin@example.com', email_verified: 'true' } }, T0);
  model.adminSetUserPassword(poolId, 'admin', 'Admin-Passw0rd!', true, T0);
  model.adminAddUserToGroup(poolId, 'admin', 'admins');
  model.adminAddUserToGroup(poolId, 'admin', 'viewers');
  model.adminCreateUser(poolId, { username: 'newhire', temporaryPassword: 'Welcome-Temp0!', attributes: { email: 'newhire@example.com' } }, T0);
}

function signIn(username: string, password: string, at = T0): InitiateAuthOutput {
  return model.initiateAuth({ authFlow: 'USER_PASSWORD_AUTH', clientId, authParameters: { USERNAME: username, PASSWORD: password } }, at);
}

function tokens(output: InitiateAuthOutput): AuthenticationResult {
  if (!('AuthenticationResult' in output)) throw new Error('expected tokens');
  return output.AuthenticationResult;
}

beforeEach(setUp);

describe('InitiateAuth USER_PASSWORD_AUTH', () => {
  it('issues ID, access and refresh tokens with Cognito claims, signed by the pool key', () => {
    const result = tokens(signIn('admin', 'Admin-Passw0rd!'));
    expect(result).toMatchObject({ ExpiresIn: 3600, TokenType: 'Bearer' });
    expect(result.RefreshToken).toEqual(expect.any(String));
    const id = decodeJwt(result.IdToken)!.claims;
    expect(id).toMatchObject({
      iss: `https://cognito-idp.us-east-1.amazonaws.com/${poolId}`,
      aud: clientId,
      token_use: 'id',
      'cognito:username': 'admin',
      'cognito:groups': ['admins', 'viewers'],
      'cognito:roles': [ADMIN_ROLE, VIEWER_ROLE],
      'cognito:preferred_role': ADMIN_ROLE,
      email: 'admin@example.com',
      email_verified: true,
      auth_time: T0.getTime() / 1000,
      iat: T0.getTime() / 1000,
      exp: T0.getTime() / 1000 + 3600,
    });
    expect(id.sub).toMatch(/^[0-9a-f-]{36}$/);
    const access = decodeJwt(result.AccessToken)!.claims;
    expect(access).toMatchObject({ client_id: clientId, token_use: 'access', scope: 'aws.cognito.signin.user.admin', username: 'admin', sub: id.sub });
    expect(access.jti).toEqual(expect.any(String));
    expect(access.aud).toBeUndefined();
    const jwks = model.jwksFor(poolId)!;
    expect(jwks.keys).toHaveLength(1);
    expect(decodeJwt(result.IdToken)!.header.kid).toBe(jwks.keys[0]!.kid);
    expect(hasValidSignature(result.IdToken, (model as unknown as { pools: { get(id: string): { signingKey: never } } }).pools.get(poolId).signingKey)).toBe(true);
  });

  it('answers a wrong password and an unknown user alike (PreventUserExistenceErrors)', () => {
    expect(awsError(() => signIn('admin', 'wrong'))).toEqual({ code: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    expect(awsError(() => signIn('nobody', 'whatever'))).toEqual({ code: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('answers UserNotFoundException for an unknown user on a LEGACY client', () => {
    clientId = model.createUserPoolClient(poolId, { clientName: 'legacy', explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'], preventUserExistenceErrors: 'LEGACY' }, T0).clientId;
    expect(awsError(() => signIn('nobody', 'whatever'))).toEqual({ code: 'UserNotFoundException', message: 'User does not exist.' });
  });

  it('treats user names case-insensitively', () => {
    expect(tokens(signIn('ADMIN', 'Admin-Passw0rd!')).IdToken).toEqual(expect.any(String));
  });

  it('refuses unknown clients, disabled flows, admin flows and missing parameters', () => {
    expect(awsError(() => model.initiateAuth({ authFlow: 'USER_PASSWORD_AUTH', clientId: 'nope', authParameters: {} }, T0))).toEqual({
      code: 'ResourceNotFoundException',
      message: 'User pool client nope does not exist.',
    });
    const srpOnly = model.createUserPoolClient(poolId, { clientName: 'srp', explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }, T0).clientId;
    expect(awsError(() => model.initiateAuth({ authFlow: 'USER_PASSWORD_AUTH', clientId: srpOnly, authParameters: { USERNAME: 'admin', PASSWORD: 'x' } }, T0))).toEqual({
      code: 'InvalidParameterException',
      message: 'USER_PASSWORD_AUTH flow not enabled for this client',
    });
    expect(awsError(() => model.initiateAuth({ authFlow: 'USER_SRP_AUTH', clientId, authParameters: {} }, T0))).toEqual({
      code: 'InvalidParameterException',
      message: 'USER_SRP_AUTH is not enabled for the client.',
    });
    expect(awsError(() => model.initiateAuth({ authFlow: 'ADMIN_NO_SRP_AUTH', clientId, authParameters: {} }, T0))).toEqual({
      code: 'InvalidParameterException',
      message: 'Initiate Auth method not supported.',
    });
    expect(awsError(() => model.initiateAuth({ authFlow: 'USER_PASSWORD_AUTH', clientId, authParameters: { USERNAME: 'admin' } }, T0))).toEqual({
      code: 'InvalidParameterException',
      message: 'Missing required parameter PASSWORD',
    });
  });
});

describe('NEW_PASSWORD_REQUIRED', () => {
  function challenge(at = T0): { Session: string; ChallengeParameters: Record<string, string> } {
    const output = signIn('newhire', 'Welcome-Temp0!', at);
    if (!('ChallengeName' in output)) throw new Error('expected a challenge');
    expect(output.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    return output;
  }

  it('sends USER_ID_FOR_SRP and both JSON strings, then signs in with the new password', () => {
    const { Session, ChallengeParameters } = challenge();
    expect(ChallengeParameters.USER_ID_FOR_SRP).toBe('newhire');
    expect(JSON.parse(ChallengeParameters.userAttributes!)).toEqual({ email: 'newhire@example.com' });
    expect(JSON.parse(ChallengeParameters.requiredAttributes!)).toEqual([]);
    const answered = model.respondToNewPasswordChallenge(
      { clientId, session: Session, responses: { USERNAME: 'newhire', NEW_PASSWORD: 'Chosen-Passw0rd!', 'userAttributes.name': 'New Hire' } },
      later(60),
    );
    expect(answered.AuthenticationResult.IdToken).toEqual(expect.any(String));
    expect(model.findUser(poolId, 'newhire')).toMatchObject({ status: 'CONFIRMED', attributes: { email: 'newhire@example.com', name: 'New Hire' } });
    expect(awsError(() => signIn('newhire', 'Welcome-Temp0!'))).toEqual({ code: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    expect(tokens(signIn('newhire', 'Chosen-Passw0rd!')).AccessToken).toEqual(expect.any(String));
    expect(
      awsError(() => model.respondToNewPasswordChallenge({ clientId, session: Session, responses: { USERNAME: 'newhire', NEW_PASSWORD: 'Other-Passw0rd!' } }, later(70))),
    ).toEqual({ code: 'NotAuthorizedException', message: 'Invalid session for the user, session can only be used once.' });
  });

  it('refuses a weak password with the policy text and keeps the session usable', () => {
    const { Session } = challenge();
    expect(awsError(() => model.respondToNewPasswordChallenge({ clientId, session: Session, responses: { USERNAME: 'newhire', NEW_PASSWORD: 'short' } }, T0))).toEqual({
      code: 'InvalidPasswordException',
      message: 'Password does not conform to policy: Password not long enough',
    });
    expect(
      awsError(() => model.respondToNewPasswordChallenge({ clientId, session: Session, responses: { USERNAME: 'newhire', NEW_PASSWORD: 'longenough1!' } }, T0)),
    ).toEqual({ code: 'InvalidPasswordException', message: 'Password does not conform to policy: Password must have uppercase characters' });
    expect(
      model.respondToNewPasswordChallenge({ clientId, session: Session, responses: { USERNAME: 'newhire', NEW_PASSWORD: 'Longenough1!' } }, T0).AuthenticationResult,
    ).toBeDefined();
  });

  it('expires the session after three minutes and rejects unknown sessions', () => {
    const { Session } = challenge();
    const respond = (session: string | undefined, at: Date) => () =>
      model.respondToNewPasswordChallenge({ clientId, session, responses: { USERNAME: 'newhire', NEW_PASSWORD: 'Chosen-Passw0rd!' } }, at);
    expect(awsError(respond(Session, later(181)))).toEqual({ code: 'NotAuthorizedException', message: 'Invalid session for the user, session is expired.' });
    expect(awsError(respond('made-up', T0))).toEqual({ code: 'NotAuthorizedException', message: 'Invalid session for the user.' });
    expect(awsError(respond(undefined, T0))).toEqual({ code: 'NotAuthorizedException', message: 'Invalid session for the user.' });
  });

  it('requires NEW_PASSWORD', () => {
    const { Session } = challenge();
    expect(awsError(() => model.respondToNewPasswordChallenge({ clientId, session: Session, responses: { USERNAME: 'newhire' } }, T0))).toEqual({
      code: 'InvalidParameterException',
      message: 'Missing required parameter NEW_PASSWORD',
    });
  });

  it('stops accepting an expired temporary password', () => {
    expect(awsError(() => signIn('newhire', 'Welcome-Temp0!', later(8 * 86_400)))).toEqual({
      code: 'NotAuthorizedException',
      message: 'Temporary password has expired and must be reset by an administrator.',
    });
  });
});

describe('refresh tokens, GetUser and GlobalSignOut', () => {
  it('refreshes without a new refresh token and keeps auth_time', () => {
    const first = tokens(signIn('admin', 'Admin-Passw0rd!'));
    const refreshed = tokens(model.initiateAuth({ authFlow: 'REFRESH_TOKEN_AUTH', clientId, authParameters: { REFRESH_TOKEN: first.RefreshToken! } }, later(1800)));
    expect(refreshed.RefreshToken).toBeUndefined();
    const claims = decodeJwt(refreshed.IdToken)!.claims;
    expect(claims.auth_time).toBe(T0.getTime() / 1000);
    expect(claims.iat).toBe(T0.getTime() / 1000 + 1800);
    expect(awsError(() => model.initiateAuth({ authFlow: 'REFRESH_TOKEN', clientId, authParameters: { REFRESH_TOKEN: 'garbage' } }, T0))).toEqual({
      code: 'NotAuthorizedException',
      message: 'Invalid Refresh Token',
    });
  });

  it('GetUser names the user; expired access tokens are refused', () => {
    const { AccessToken } = tokens(signIn('admin', 'Admin-Passw0rd!'));
    const user = model.getUser(AccessToken, later(10));
    expect(user.Username).toBe('admin');
    expect(user.UserAttributes).toEqual(expect.arrayContaining([{ Name: 'email', Value: 'admin@example.com' }, { Name: 'sub', Value: expect.any(String) }]));
    expect(awsError(() => model.getUser(AccessToken, later(3600)))).toEqual({ code: 'NotAuthorizedException', message: 'Access Token has expired' });
    expect(awsError(() => model.getUser('nonsense', T0))).toEqual({ code: 'NotAuthorizedException', message: 'Invalid Access Token' });
  });

  it('GlobalSignOut revokes refresh and access tokens, marks ID tokens revoked and tells listeners', () => {
    const events: SignOutEvent[] = [];
    model.onGlobalSignOut((event) => events.push(event));
    const session = tokens(signIn('admin', 'Admin-Passw0rd!'));
    expect(model.checkIdToken(session.IdToken, later(5))).toMatchObject({ valid: true });
    model.globalSignOut(session.AccessToken, later(10));
    expect(events).toEqual([{ userPoolId: poolId, username: 'admin', sub: expect.any(String), at: later(10) }]);
    expect(awsError(() => model.initiateAuth({ authFlow: 'REFRESH_TOKEN_AUTH', clientId, authParameters: { REFRESH_TOKEN: session.RefreshToken! } }, later(20)))).toEqual({
      code: 'NotAuthorizedException',
      message: 'Refresh Token has been revoked',
    });
    expect(awsError(() => model.getUser(session.AccessToken, later(20)))).toEqual({ code: 'NotAuthorizedException', message: 'Access Token has been revoked' });
    expect(model.checkIdToken(session.IdToken, later(20))).toEqual({ valid: false, reason: 'revoked' });
    // A fresh sign-in works again.
    expect(model.getUser(tokens(signIn('admin', 'Admin-Passw0rd!', later(30))).AccessToken, later(31)).Username).toBe('admin');
  });

  it('checkIdToken reports expiry with both times', () => {
    const { IdToken, AccessToken } = tokens(signIn('admin', 'Admin-Passw0rd!'));
    const exp = T0.getTime() / 1000 + 3600;
    expect(model.checkIdToken(IdToken, later(4000))).toEqual({ valid: false, reason: 'expired', expiredAt: exp, now: exp + 400 });
    expect(model.checkIdToken(AccessToken, T0)).toEqual({ valid: false, reason: 'not-id-token' });
    expect(model.checkIdToken('x.y.z', T0)).toEqual({ valid: false, reason: 'malformed' });
  });
});

describe('the JSON service', () => {
  const ctx = { requestId: 'r', service: 'cognito-idp', region: 'us-east-1', now: T0, caller: undefined, authorize: () => undefined } satisfies RequestContext;

  it('marks the sign-in operations public (the Admin* ones are signed) and validates required members and enums', () => {
    const service = createCognitoIdpService({ userPools: model });
    const publicOperations = Object.entries(service.operations).filter(([, op]) => op.public).map(([name]) => name);
    expect(publicOperations.sort()).toEqual(['GetUser', 'GlobalSignOut', 'InitiateAuth', 'RespondToAuthChallenge']);
    expect(Object.keys(service.operations).filter((name) => name.startsWith('Admin')).every((name) => !service.operations[name]!.public)).toBe(true);
    expect(awsError(() => decodeJsonInput(service.model, 'InitiateAuth', JSON.stringify({ ClientId: clientId })))).toEqual({
      code: 'InvalidParameterException',
      message: "1 validation error detected: Value null at 'authFlow' failed to satisfy constraint: Member must not be null",
    });
    expect(awsError(() => service.operations.InitiateAuth!.handle({ AuthFlow: 'PASSWORD', ClientId: clientId }, ctx)).message).toMatch(
      /^1 validation error detected: Value 'PASSWORD' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set: \[USER_SRP_AUTH, /,
    );
    const out = service.operations.InitiateAuth!.handle(
      { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'admin', PASSWORD: 'Admin-Passw0rd!' } },
      ctx,
    ) as { AuthenticationResult: AuthenticationResult };
    expect(service.operations.GlobalSignOut!.handle({ AccessToken: out.AuthenticationResult.AccessToken }, ctx)).toEqual({});
  });
});
