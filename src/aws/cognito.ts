/**
 * Cognito user pool and identity pool calls. This module pulls in the SDK: load it with import() so the
 * sign-in page's first paint does not wait for it.
 */
import {
  CognitoIdentityProviderClient,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  type AuthenticationResultType,
  type InitiateAuthCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { CognitoIdentityClient, GetCredentialsForIdentityCommand, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import { getAwsEnvironment, getCognitoSettings, regionOfCognitoId } from './environment.ts';
import type { IdentityCredentials, UserPoolTokens } from './credentials.ts';
import { RETRY_SETTINGS } from './retry.ts';

let userPoolClient: CognitoIdentityProviderClient | undefined;
let identityClient: CognitoIdentityClient | undefined;

function userPool(): CognitoIdentityProviderClient {
  const { endpoint } = getAwsEnvironment();
  userPoolClient ??= new CognitoIdentityProviderClient({
    region: regionOfCognitoId(getCognitoSettings().userPoolId),
    ...(endpoint ? { endpoint } : {}),
    ...RETRY_SETTINGS,
  });
  return userPoolClient;
}

function identityPool(): CognitoIdentityClient {
  const { endpoint } = getAwsEnvironment();
  identityClient ??= new CognitoIdentityClient({
    region: regionOfCognitoId(getCognitoSettings().identityPoolId),
    ...(endpoint ? { endpoint } : {}),
    ...RETRY_SETTINGS,
  });
  return identityClient;
}

export type SignInOutcome =
  | { kind: 'signed-in'; tokens: UserPoolTokens }
  | { kind: 'new-password-required'; session: string; requiredAttributes: string[]; username: string };

function tokensFrom(result: AuthenticationResultType | undefined, refreshToken: string | undefined, issuedAt: number): UserPoolTokens {
  if (!result?.IdToken || !result.AccessToken) throw new Error('Cognito answered without tokens.');
  const token = result.RefreshToken ?? refreshToken;
  if (!token) throw new Error('Cognito answered without a refresh token.');
  return {
    idToken: result.IdToken,
    accessToken: result.AccessToken,
    refreshToken: token,
    issuedAt,
    expiresAt: issuedAt + (result.ExpiresIn ?? 3600) * 1000,
  };
}

function parseJsonArray(text: string | undefined): string[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

function outcomeOf(output: InitiateAuthCommandOutput, username: string, issuedAt: number): SignInOutcome {
  if (output.ChallengeName === 'NEW_PASSWORD_REQUIRED') {
    if (!output.Session) throw new Error('Cognito asked for a new password without a session.');
    return {
      kind: 'new-password-required',
      session: output.Session,
      requiredAttributes: parseJsonArray(output.ChallengeParameters?.requiredAttributes),
      username: output.ChallengeParameters?.USER_ID_FOR_SRP ?? username,
    };
  }
  if (output.ChallengeName) throw new Error(`This console does not support the sign-in step "${output.ChallengeName}".`);
  return { kind: 'signed-in', tokens: tokensFrom(output.AuthenticationResult, undefined, issuedAt) };
}

export async function signInWithPassword(username: string, password: string): Promise<SignInOutcome> {
  const issuedAt = Date.now();
  const output = await userPool().send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: getCognitoSettings().userPoolClientId,
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  );
  return outcomeOf(output, username, issuedAt);
}

export async function answerNewPassword(username: string, session: string, newPassword: string): Promise<SignInOutcome> {
  const issuedAt = Date.now();
  const output = await userPool().send(
    new RespondToAuthChallengeCommand({
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      ClientId: getCognitoSettings().userPoolClientId,
      Session: session,
      ChallengeResponses: { USERNAME: username, NEW_PASSWORD: newPassword },
    }),
  );
  return outcomeOf(output, username, issuedAt);
}

export async function refreshUserPoolTokens(refreshToken: string): Promise<UserPoolTokens> {
  const issuedAt = Date.now();
  const output = await userPool().send(
    new InitiateAuthCommand({
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: getCognitoSettings().userPoolClientId,
      AuthParameters: { REFRESH_TOKEN: refreshToken },
    }),
  );
  return tokensFrom(output.AuthenticationResult, refreshToken, issuedAt);
}

/** Revokes every token of the user (and, on local AWS, the credentials issued for them). */
export async function globalSignOut(accessToken: string): Promise<void> {
  await userPool().send(new GlobalSignOutCommand({ AccessToken: accessToken }));
}

/** The identity pool's login key for our user pool: "cognito-idp.<region>.amazonaws.com/<poolId>". */
export function userPoolLoginKey(userPoolId: string): string {
  return `cognito-idp.${regionOfCognitoId(userPoolId)}.amazonaws.com/${userPoolId}`;
}

export async function fetchIdentityCredentials(idToken: string, knownIdentityId: string | undefined): Promise<IdentityCredentials> {
  const settings = getCognitoSettings();
  const logins = { [userPoolLoginKey(settings.userPoolId)]: idToken };
  const identityId =
    knownIdentityId ?? (await identityPool().send(new GetIdCommand({ IdentityPoolId: settings.identityPoolId, Logins: logins }))).IdentityId;
  if (!identityId) throw new Error('The identity pool answered without an identity ID.');
  const output = await identityPool().send(new GetCredentialsForIdentityCommand({ IdentityId: identityId, Logins: logins }));
  const credentials = output.Credentials;
  if (!credentials?.AccessKeyId || !credentials.SecretKey || !credentials.SessionToken || !credentials.Expiration) {
    throw new Error('The identity pool answered without complete credentials.');
  }
  return {
    identityId: output.IdentityId ?? identityId,
    accessKeyId: credentials.AccessKeyId,
    secretAccessKey: credentials.SecretKey,
    sessionToken: credentials.SessionToken,
    expiration: credentials.Expiration,
  };
}

/** Forgets the clients (their endpoint or region may change with a new configuration). */
export function resetCognitoClients(): void {
  userPoolClient?.destroy();
  identityClient?.destroy();
  userPoolClient = undefined;
  identityClient = undefined;
}
