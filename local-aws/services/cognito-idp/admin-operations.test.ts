import { beforeEach, describe, expect, it } from 'vitest';
import { settingsFromEnv } from '../../config.ts';
import { awsError } from '../../protocols/test-support.ts';
import { decodeJsonInput } from '../../protocols/model/decode.ts';
import type { JsonObject, RequestContext } from '../../protocols/operation.ts';
import { openStore } from '../../store/store.ts';
import { createCognitoIdpService } from './index.ts';
import { UserPoolModel } from './model.ts';
import { DEFAULT_PASSWORD_POLICY, generateTemporaryPassword, passwordPolicyViolation } from './password.ts';

const T0 = new Date('2026-03-01T10:00:00Z');
const ACCOUNT = '123456789012';

let model: UserPoolModel;
let poolId: string;
let clientId: string;
let authorized: { action: string; resource: string }[];

function context(): RequestContext {
  return {
    requestId: 'r',
    service: 'cognito-idp',
    region: 'us-east-1',
    now: T0,
    caller: { arn: `arn:aws:iam::${ACCOUNT}:user/local-admin`, userId: 'AIDAEXAMPLE', accountId: ACCOUNT, accessKeyId: 'AKIAEXAMPLE', principalArn: `arn:aws:iam::${ACCOUNT}:user/local-admin` },
    authorize: (action, resource) => {
      authorized.push({ action, resource });
    },
  };
}

function call(operation: string, input: JsonObject): unknown {
  const service = createCognitoIdpService({ userPools: model });
  const definition = service.operations[operation];
  if (!definition) throw new Error(`no operation ${operation}`);
  expect(definition.public).toBeFalsy();
  return definition.handle(decodeJsonInput(service.model, operation, JSON.stringify(input)), context());
}

function signIn(username: string, password: string) {
  return model.initiateAuth({ authFlow: 'USER_PASSWORD_AUTH', clientId, authParameters: { USERNAME: username, PASSWORD: password } }, T0);
}

beforeEach(() => {
  authorized = [];
  model = new UserPoolModel(openStore('memory'), { ...settingsFromEnv({}), tokenTtlSeconds: 3600 });
  poolId = model.createUserPool({ poolName: 'console', accountId: ACCOUNT }, T0).id;
  clientId = model.createUserPoolClient(poolId, { clientName: 'web', explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }, T0).clientId;
});

describe('AdminCreateUser', () => {
  it('creates a FORCE_CHANGE_PASSWORD user whose temporary password leads to NEW_PASSWORD_REQUIRED, authorized on the pool ARN', () => {
    const output = call('AdminCreateUser', {
      UserPoolId: poolId,
      Username: 'first-timer',
      TemporaryPassword: 'Temp-Passw0rd!',
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: 'first@example.com' },
        { Name: 'email_verified', Value: 'true' },
      ],
    }) as { User: Record<string, unknown> };

    expect(authorized).toEqual([{ action: 'cognito-idp:AdminCreateUser', resource: `arn:aws:cognito-idp:us-east-1:${ACCOUNT}:userpool/${poolId}` }]);
    expect(output.User).toEqual({
      Username: 'first-timer',
      Attributes: [
        { Name: 'sub', Value: expect.stringMatching(/^[0-9a-f-]{36}$/) },
        { Name: 'email', Value: 'first@example.com' },
        { Name: 'email_verified', Value: 'true' },
      ],
      UserCreateDate: T0,
      UserLastModifiedDate: T0,
      Enabled: true,
      UserStatus: 'FORCE_CHANGE_PASSWORD',
    });
    expect(signIn('first-timer', 'Temp-Passw0rd!')).toMatchObject({ ChallengeName: 'NEW_PASSWORD_REQUIRED', ChallengeParameters: { USER_ID_FOR_SRP: 'first-timer' } });
  });

  it('refuses a user name taken in any letter case with UsernameExistsException', () => {
    call('AdminCreateUser', { UserPoolId: poolId, Username: 'dup', TemporaryPassword: 'Temp-Passw0rd!' });
    expect(awsError(() => call('AdminCreateUser', { UserPoolId: poolId, Username: 'DUP', TemporaryPassword: 'Temp-Passw0rd!' }))).toEqual({
      code: 'UsernameExistsException',
      message: 'User account already exists',
    });
  });

  it("checks the temporary password against the pool's policy (InvalidPasswordException) and creates nothing", () => {
    expect(awsError(() => call('AdminCreateUser', { UserPoolId: poolId, Username: 'weak', TemporaryPassword: 'short' }))).toEqual({
      code: 'InvalidPasswordException',
      message: 'Password does not conform to policy: Password not long enough',
    });
    expect(awsError(() => call('AdminCreateUser', { UserPoolId: poolId, Username: 'weak', TemporaryPassword: 'nouppercase1!' }))).toEqual({
      code: 'InvalidPasswordException',
      message: 'Password does not conform to policy: Password must have uppercase characters',
    });
    expect(model.findUser(poolId, 'weak')).toBeUndefined();
  });

  it('generates a temporary password the policy accepts when none is given', () => {
    call('AdminCreateUser', { UserPoolId: poolId, Username: 'generated', MessageAction: 'SUPPRESS' });
    expect(model.findUser(poolId, 'generated')).toMatchObject({ status: 'FORCE_CHANGE_PASSWORD' });
  });

  it('answers the frontend validation errors of AWS, all of them at once', () => {
    expect(awsError(() => call('AdminCreateUser', {}))).toEqual({
      code: 'InvalidParameterException',
      message:
        "2 validation errors detected: Value null at 'userPoolId' failed to satisfy constraint: Member must not be null; Value null at 'username' failed to satisfy constraint: Member must not be null",
    });
    expect(awsError(() => call('AdminCreateUser', { UserPoolId: poolId, Username: 'has space', MessageAction: 'SEND' }))).toEqual({
      code: 'InvalidParameterException',
      message:
        "2 validation errors detected: Value at 'username' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+; Value 'SEND' at 'messageAction' failed to satisfy constraint: Member must satisfy enum value set: [RESEND, SUPPRESS]",
    });
    expect(authorized).toEqual([]);
  });

  it('answers ResourceNotFoundException for an unknown pool, after authorizing', () => {
    expect(awsError(() => call('AdminCreateUser', { UserPoolId: 'us-east-1_nothere0', Username: 'x', TemporaryPassword: 'Temp-Passw0rd!' }))).toEqual({
      code: 'ResourceNotFoundException',
      message: 'User pool us-east-1_nothere0 does not exist.',
    });
    expect(authorized).toHaveLength(1);
  });

  it('RESEND renews an invited user (UserNotFoundException for nobody, UnsupportedUserStateException once confirmed)', () => {
    expect(awsError(() => call('AdminCreateUser', { UserPoolId: poolId, Username: 'ghost', MessageAction: 'RESEND' })).code).toBe('UserNotFoundException');
    call('AdminCreateUser', { UserPoolId: poolId, Username: 'invited', TemporaryPassword: 'Temp-Passw0rd!' });
    const resent = call('AdminCreateUser', { UserPoolId: poolId, Username: 'invited', MessageAction: 'RESEND', TemporaryPassword: 'Other-Passw0rd!' }) as { User: { UserStatus: string } };
    expect(resent.User.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    expect(signIn('invited', 'Other-Passw0rd!')).toMatchObject({ ChallengeName: 'NEW_PASSWORD_REQUIRED' });
    model.adminSetUserPassword(poolId, 'invited', 'Final-Passw0rd!', true, T0);
    expect(awsError(() => call('AdminCreateUser', { UserPoolId: poolId, Username: 'invited', MessageAction: 'RESEND' })).code).toBe('UnsupportedUserStateException');
  });
});

describe('AdminSetUserPassword and AdminDeleteUser', () => {
  it('a permanent password confirms the user; deleting the user ends their sign-ins', () => {
    call('AdminCreateUser', { UserPoolId: poolId, Username: 'temp', TemporaryPassword: 'Temp-Passw0rd!' });
    call('AdminSetUserPassword', { UserPoolId: poolId, Username: 'temp', Password: 'Final-Passw0rd!', Permanent: true });
    const signedIn = signIn('temp', 'Final-Passw0rd!');
    if (!('AuthenticationResult' in signedIn)) throw new Error('expected tokens');
    expect(model.findUser(poolId, 'temp')).toMatchObject({ status: 'CONFIRMED' });

    call('AdminDeleteUser', { UserPoolId: poolId, Username: 'temp' });
    expect(authorized.map((entry) => entry.action)).toEqual(['cognito-idp:AdminCreateUser', 'cognito-idp:AdminSetUserPassword', 'cognito-idp:AdminDeleteUser']);
    expect(model.findUser(poolId, 'temp')).toBeUndefined();
    expect(awsError(() => model.initiateAuth({ authFlow: 'REFRESH_TOKEN_AUTH', clientId, authParameters: { REFRESH_TOKEN: signedIn.AuthenticationResult.RefreshToken! } }, T0)).code).toBe(
      'NotAuthorizedException',
    );
    expect(awsError(() => call('AdminDeleteUser', { UserPoolId: poolId, Username: 'temp' }))).toEqual({ code: 'UserNotFoundException', message: 'User does not exist.' });
  });

  it('AdminSetUserPassword enforces the policy', () => {
    call('AdminCreateUser', { UserPoolId: poolId, Username: 'temp', TemporaryPassword: 'Temp-Passw0rd!' });
    expect(awsError(() => call('AdminSetUserPassword', { UserPoolId: poolId, Username: 'temp', Password: 'alllowercase1!', Permanent: true }))).toEqual({
      code: 'InvalidPasswordException',
      message: 'Password does not conform to policy: Password must have uppercase characters',
    });
  });
});

describe('generated temporary passwords', () => {
  it('always satisfy the default policy', () => {
    for (let i = 0; i < 200; i++) expect(passwordPolicyViolation(generateTemporaryPassword(DEFAULT_PASSWORD_POLICY), DEFAULT_PASSWORD_POLICY)).toBeUndefined();
  });
});
