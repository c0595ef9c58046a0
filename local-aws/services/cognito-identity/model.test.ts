import { beforeEach, describe, expect, it } from 'vitest';
import { settingsFromEnv } from '../../config.ts';
import { CredentialStore } from '../../identity/credentials.ts';
import { awsError } from '../../protocols/test-support.ts';
import { openStore } from '../../store/store.ts';
import { seedConsoleSignIn, type ConsoleSignInSeed } from '../../seed/cognito.ts';
import { UserPoolModel, type AuthenticationResult } from '../cognito-idp/model.ts';
import { signJwt, decodeJwt, generateSigningKey } from '../cognito-idp/jwt.ts';
import { IamModel } from '../iam/model.ts';
import { IdentityPoolModel } from './model.ts';

const T0 = new Date('2026-03-01T10:00:00Z');
const later = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);

let userPools: UserPoolModel;
let identityPools: IdentityPoolModel;
let iam: IamModel;
let credentials: CredentialStore;
let seed: ConsoleSignInSeed;
let provider: string;

beforeEach(() => {
  const store = openStore('memory');
  const settings = { ...settingsFromEnv({}), tokenTtlSeconds: 3600, credentialsTtlSeconds: 3600 };
  userPools = new UserPoolModel(store, settings);
  iam = new IamModel(store);
  credentials = new CredentialStore(store);
  identityPools = new IdentityPoolModel(store, { userPools, iam, credentials, settings });
  seed = seedConsoleSignIn({ userPools, identityPools, iam }, T0);
  provider = `cognito-idp.us-east-1.amazonaws.com/${seed.userPoolId}`;
});

function signIn(username: string, password: string, at = T0): AuthenticationResult {
  const out = userPools.initiateAuth(
    { authFlow: 'USER_PASSWORD_AUTH', clientId: seed.userPoolClientId, authParameters: { USERNAME: username, PASSWORD: password } },
    at,
  );
  if (!('AuthenticationResult' in out)) throw new Error('expected tokens');
  return out.AuthenticationResult;
}

function credentialsFor(idToken: string, at = T0) {
  const logins = { [provider]: idToken };
  const { IdentityId } = identityPools.getId({ identityPoolId: seed.identityPoolId, logins }, at);
  return identityPools.getCredentialsForIdentity({ identityId: IdentityId, logins }, at);
}

describe('GetId and GetCredentialsForIdentity', () => {
  it('gives each user a stable identity and credentials for the preferred role', () => {
    const admin = signIn('admin', 'Admin-Passw0rd!');
    const first = credentialsFor(admin.IdToken);
    expect(first.IdentityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    expect(first.Credentials.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(first.Credentials.Expiration).toEqual(later(3600));
    const stored = credentials.find(first.Credentials.AccessKeyId)!;
    expect(stored.caller.arn).toBe('arn:aws:sts::123456789012:assumed-role/console-admin/CognitoIdentityCredentials');
    expect(stored.caller.principalArn).toBe('arn:aws:iam::123456789012:role/iam-role-console/console-admin');
    expect(stored.caller.userId).toMatch(/^AROA[A-Z2-7]{17}:CognitoIdentityCredentials$/);
    expect(credentialsFor(signIn('admin', 'Admin-Passw0rd!', later(60)).IdToken, later(60)).IdentityId).toBe(first.IdentityId);

    const viewer = credentialsFor(signIn('viewer', 'Viewer-Passw0rd!').IdToken);
    expect(viewer.IdentityId).not.toBe(first.IdentityId);
    expect(credentials.find(viewer.Credentials.AccessKeyId)!.caller.arn).toBe(
      'arn:aws:sts::123456789012:assumed-role/console-viewer/CognitoIdentityCredentials',
    );
  });

  it('refuses unknown pools, malformed ids and missing logins', () => {
    const token = signIn('admin', 'Admin-Passw0rd!').IdToken;
    expect(awsError(() => identityPools.getId({ identityPoolId: 'us-east-1:00000000-0000-0000-0000-000000000000', logins: { [provider]: token } }, T0))).toEqual({
      code: 'ResourceNotFoundException',
      message: "IdentityPool 'us-east-1:00000000-0000-0000-0000-000000000000' not found.",
    });
    expect(awsError(() => identityPools.getId({ identityPoolId: 'nope', logins: {} }, T0))).toEqual({
      code: 'InvalidParameterException',
      message: "1 validation error detected: Value 'nope' at 'identityPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+",
    });
    expect(awsError(() => identityPools.getId({ identityPoolId: seed.identityPoolId, logins: {} }, T0))).toEqual({
      code: 'NotAuthorizedException',
      message: 'Unauthenticated access is not supported for this identity pool.',
    });
    expect(awsError(() => identityPools.getCredentialsForIdentity({ identityId: 'us-east-1:11111111-1111-1111-1111-111111111111', logins: {} }, T0))).toEqual({
      code: 'ResourceNotFoundException',
      message: "Identity 'us-east-1:11111111-1111-1111-1111-111111111111' not found.",
    });
  });

  it('verifies the token: provider, signature, expiry, kind and audience', () => {
    const { IdToken, AccessToken } = signIn('admin', 'Admin-Passw0rd!');
    const getId = (logins: Record<string, string>, at = T0) => () => identityPools.getId({ identityPoolId: seed.identityPoolId, logins }, at);
    expect(awsError(getId({ 'cognito-idp.us-east-1.amazonaws.com/us-east-1_Other1234': IdToken }))).toEqual({
      code: 'NotAuthorizedException',
      message: 'Token is not from a supported provider of this identity pool.',
    });
    expect(awsError(getId({ [provider]: 'not-a-jwt' }))).toEqual({
      code: 'NotAuthorizedException',
      message: 'Invalid login token. Not a valid OpenId Connect identity token.',
    });
    const exp = T0.getTime() / 1000 + 3600;
    expect(awsError(getId({ [provider]: IdToken }, later(3601)))).toEqual({
      code: 'NotAuthorizedException',
      message: `Invalid login token. Token expired: ${exp + 1} >= ${exp}`,
    });
    expect(awsError(getId({ [provider]: AccessToken }))).toEqual({ code: 'NotAuthorizedException', message: 'Invalid login token. Missing a required claim: aud' });
    const forged = signJwt({ ...decodeJwt(IdToken)!.claims, 'cognito:preferred_role': 'x' }, { ...generateSigningKey(), kid: decodeJwt(IdToken)!.header.kid as string });
    expect(awsError(getId({ [provider]: forged }))).toEqual({ code: 'NotAuthorizedException', message: 'Invalid login token. Token signature invalid.' });

    const otherClient = userPools.createUserPoolClient(seed.userPoolId, { clientName: 'other', explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] }, T0).clientId;
    const out = userPools.initiateAuth({ authFlow: 'USER_PASSWORD_AUTH', clientId: otherClient, authParameters: { USERNAME: 'admin', PASSWORD: 'Admin-Passw0rd!' } }, T0);
    if (!('AuthenticationResult' in out)) throw new Error('expected tokens');
    expect(awsError(getId({ [provider]: out.AuthenticationResult.IdToken }))).toEqual({
      code: 'NotAuthorizedException',
      message: 'Token is not from a supported provider of this identity pool.',
    });
  });

  it("refuses another user's login for an identity", () => {
    const adminLogins = { [provider]: signIn('admin', 'Admin-Passw0rd!').IdToken };
    const { IdentityId } = identityPools.getId({ identityPoolId: seed.identityPoolId, logins: adminLogins }, T0);
    const viewerLogins = { [provider]: signIn('viewer', 'Viewer-Passw0rd!').IdToken };
    identityPools.getId({ identityPoolId: seed.identityPoolId, logins: viewerLogins }, T0);
    expect(awsError(() => identityPools.getCredentialsForIdentity({ identityId: IdentityId, logins: viewerLogins }, T0))).toEqual({
      code: 'NotAuthorizedException',
      message: "Logins don't match. Please include at least one valid login for this identity or identity pool.",
    });
  });

  it('denies users without a group role (AmbiguousRoleResolution Deny)', () => {
    userPools.adminCreateUser(seed.userPoolId, { username: 'loner', temporaryPassword: 'Loner-Passw0rd!' }, T0);
    userPools.adminSetUserPassword(seed.userPoolId, 'loner', 'Loner-Passw0rd!', true, T0);
    expect(awsError(() => credentialsFor(signIn('loner', 'Loner-Passw0rd!').IdToken))).toEqual({
      code: 'NotAuthorizedException',
      message: 'The ambiguous role mapping rules denied this request.',
    });
  });

  it('refuses a role whose trust policy does not trust this identity pool', () => {
    iam.updateAssumeRolePolicy(
      'console-admin',
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Federated: 'cognito-identity.amazonaws.com' },
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': 'us-east-1:00000000-0000-0000-0000-000000000000' } },
          },
        ],
      }),
    );
    expect(awsError(() => credentialsFor(signIn('admin', 'Admin-Passw0rd!').IdToken))).toEqual({
      code: 'InvalidIdentityPoolConfigurationException',
      message: 'Invalid identity pool configuration. Check assigned IAM roles for this pool.',
    });
  });

  it('GlobalSignOut revokes the credentials issued to that user only, and later logins with old tokens fail', () => {
    const admin = signIn('admin', 'Admin-Passw0rd!');
    const adminCredentials = credentialsFor(admin.IdToken);
    const viewerCredentials = credentialsFor(signIn('viewer', 'Viewer-Passw0rd!').IdToken);
    userPools.globalSignOut(admin.AccessToken, later(10));
    expect(credentials.find(adminCredentials.Credentials.AccessKeyId)!.revoked).toBe(true);
    expect(credentials.find(viewerCredentials.Credentials.AccessKeyId)!.revoked).toBeUndefined();
    expect(awsError(() => credentialsFor(admin.IdToken, later(20)))).toEqual({ code: 'NotAuthorizedException', message: 'Invalid login token. Token has been revoked.' });
  });
});
