/**
 * Cognito user-pool calls the specs make through the SDK against the local AWS of this run: signing a user out
 * everywhere (GlobalSignOut, as another device would) and creating first-time users with AdminCreateUser, signed
 * with local-admin's key from /_local/config.
 */
import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  CognitoIdentityProviderClient,
  GlobalSignOutCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { localAwsUrl } from './local-aws.ts';

interface CognitoConfig {
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  adminAccessKey: { accessKeyId: string; secretAccessKey: string };
}

async function cognitoConfig(): Promise<CognitoConfig> {
  const response = await fetch(`${localAwsUrl()}/_local/config`);
  if (!response.ok) throw new Error(`GET /_local/config answered ${response.status}`);
  return (await response.json()) as CognitoConfig;
}

/** The SDK signs only the Admin* calls (sign-in and GlobalSignOut are unsigned operations); the key is local-admin's. */
function client(config: CognitoConfig): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({ region: config.region, endpoint: localAwsUrl(), maxAttempts: 1, credentials: config.adminAccessKey });
}

/** Signs the user in on "another device" and calls GlobalSignOut: every session of theirs is revoked, the console's too. */
export async function globalSignOut(username: string, password: string): Promise<void> {
  const config = await cognitoConfig();
  const cognito = client(config);
  const auth = await cognito.send(
    new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: config.userPoolClientId, AuthParameters: { USERNAME: username, PASSWORD: password } }),
  );
  const accessToken = auth.AuthenticationResult?.AccessToken;
  if (!accessToken) throw new Error(`could not sign ${username} in to sign them out`);
  await cognito.send(new GlobalSignOutCommand({ AccessToken: accessToken }));
}

export interface FirstTimeUser {
  username: string;
  temporaryPassword: string;
}

/** A new user in FORCE_CHANGE_PASSWORD (AdminCreateUser, no invitation message). */
export async function createFirstTimeUser(prefix: string): Promise<FirstTimeUser> {
  const config = await cognitoConfig();
  const user = { username: `${prefix}-${Date.now().toString(36)}`, temporaryPassword: 'Temp-Welc0me!' };
  await client(config).send(
    new AdminCreateUserCommand({
      UserPoolId: config.userPoolId,
      Username: user.username,
      TemporaryPassword: user.temporaryPassword,
      MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'email', Value: `${user.username}@example.com` }],
    }),
  );
  return user;
}

export async function deleteUser(username: string): Promise<void> {
  const config = await cognitoConfig();
  await client(config).send(new AdminDeleteUserCommand({ UserPoolId: config.userPoolId, Username: username }));
}
