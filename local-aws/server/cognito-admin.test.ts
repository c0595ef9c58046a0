import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { settingsFromEnv } from '../config.ts';
import { startLocalAws, type RunningLocalAws } from './app.ts';

/** Cognito's administrative operations through the whole server: SigV4, IAM authorization, the SDK's own client. */

const T0 = new Date('2026-03-01T10:00:00Z');
const ACCOUNT = '123456789012';

describe('over the wire with the SDK (SigV4, IAM authorization)', () => {
  let server: RunningLocalAws;
  let userPoolId: string;
  let userPoolClientId: string;
  const admin = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
  const cognito = (credentials: { accessKeyId: string; secretAccessKey: string }) =>
    new CognitoIdentityProviderClient({ region: 'us-east-1', endpoint: server.url, credentials, maxAttempts: 1 });

  beforeAll(async () => {
    server = await startLocalAws({ ...settingsFromEnv({}), port: 0, dataDir: 'memory' });
    const config = (await (await fetch(`${server.url}/_local/config`)).json()) as { userPoolId: string; userPoolClientId: string };
    ({ userPoolId, userPoolClientId } = config);
  });
  afterAll(async () => {
    await server.close();
  });

  it('local-admin creates a user, who then gets the NEW_PASSWORD_REQUIRED challenge; the user is deleted again', async () => {
    const client = cognito(admin);
    const created = await client.send(
      new AdminCreateUserCommand({ UserPoolId: userPoolId, Username: 'sdk-user', TemporaryPassword: 'Temp-Passw0rd!', MessageAction: 'SUPPRESS' }),
    );
    expect(created.User).toMatchObject({ Username: 'sdk-user', UserStatus: 'FORCE_CHANGE_PASSWORD', Enabled: true });
    expect(created.User?.UserCreateDate).toBeInstanceOf(Date);
    const auth = await cognito(admin).send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: userPoolClientId, AuthParameters: { USERNAME: 'sdk-user', PASSWORD: 'Temp-Passw0rd!' } }),
    );
    expect(auth.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    await client.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: 'sdk-user', Password: 'Final-Passw0rd!', Permanent: true }));
    await client.send(new AdminDeleteUserCommand({ UserPoolId: userPoolId, Username: 'sdk-user' }));
    await expect(client.send(new AdminDeleteUserCommand({ UserPoolId: userPoolId, Username: 'sdk-user' }))).rejects.toMatchObject({ name: 'UserNotFoundException' });
  });

  it('an IAM user without permission is refused with AccessDeniedException naming the action and pool', async () => {
    const { iam, credentials } = server.world;
    const user = iam.createUser({ userName: 'no-cognito' }, T0);
    const key = { AccessKeyId: 'AKIAEXAMPLENOCOGNITO', SecretAccessKey: 'no-cognito-secret-access-key-example-000' };
    credentials.addUserAccessKey({ accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey, userArn: user.arn, userId: user.userId, accountId: ACCOUNT });
    const refused = cognito({ accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey }).send(
      new AdminCreateUserCommand({ UserPoolId: userPoolId, Username: 'sneaky', TemporaryPassword: 'Temp-Passw0rd!' }),
    );
    await expect(refused).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringContaining(`is not authorized to perform: cognito-idp:AdminCreateUser on resource: arn:aws:cognito-idp:us-east-1:${ACCOUNT}:userpool/${userPoolId}`),
    });
    expect(server.world.userPools.findUser(userPoolId, 'sneaky')).toBeUndefined();
  });

  it('an unsigned AdminCreateUser is refused', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.AdminCreateUser' },
      body: JSON.stringify({ UserPoolId: userPoolId, Username: 'anonymous', TemporaryPassword: 'Temp-Passw0rd!' }),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(server.world.userPools.findUser(userPoolId, 'anonymous')).toBeUndefined();
  });
});
