/**
 * Cognito's lockout of repeated failed sign-ins, seen through the real AWS CLI v2: after five wrong passwords,
 * `aws cognito-idp initiate-auth --no-sign-request` is answered "Password attempts exceeded", even with the
 * right password, until the lockout ends. The server runs on a clock the test moves, so that the one-second
 * first lockout does not race the CLI's start-up time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsFromEnv } from '../../local-aws/config.ts';
import { startLocalAws, type RunningLocalAws } from '../../local-aws/server/app.ts';
import { aws, cliError } from './cli.ts';

interface LocalConfig {
  userPoolClientId: string;
  demoUsers: { username: string; password: string }[];
}

let server: RunningLocalAws;
let config: LocalConfig;
let now = new Date();

beforeAll(async () => {
  server = await startLocalAws({ ...settingsFromEnv(), port: 0, dataDir: 'memory' }, { clock: () => now, log: () => undefined });
  config = (await (await fetch(`${server.url}/_local/config`)).json()) as LocalConfig;
});

afterAll(async () => {
  await server.close();
});

function signIn(username: string, password: string) {
  return aws(['cognito-idp', 'initiate-auth', '--no-sign-request', '--client-id', config.userPoolClientId, '--auth-flow', 'USER_PASSWORD_AUTH', '--auth-parameters', `USERNAME=${username},PASSWORD=${password}`], {
    endpoint: server.url,
  });
}

describe('aws cognito-idp initiate-auth after repeated wrong passwords', () => {
  it('answers NotAuthorizedException "Password attempts exceeded" after the fifth failure, even to the right password', async () => {
    const viewer = config.demoUsers.find((user) => user.username === 'viewer')!;
    for (let attempt = 1; attempt <= 5; attempt++) {
      const wrong = await signIn(viewer.username, 'Wrong-Passw0rd!');
      expect(wrong.stderr).toContain(cliError('NotAuthorizedException', 'InitiateAuth', 'Incorrect username or password.'));
    }
    const locked = await signIn(viewer.username, viewer.password);
    expect(locked.status).not.toBe(0);
    expect(locked.stderr).toContain(cliError('NotAuthorizedException', 'InitiateAuth', 'Password attempts exceeded'));

    now = new Date(now.getTime() + 1000);
    const after = await signIn(viewer.username, viewer.password);
    expect(after.status).toBe(0);
    expect(after.json).toHaveProperty('AuthenticationResult.AccessToken');
  });
});
