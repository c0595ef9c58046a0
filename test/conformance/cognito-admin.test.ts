/**
 * Cognito's administrative user operations driven with the real AWS CLI v2: `aws cognito-idp admin-create-user`
 * (signed with local-admin's key), the FORCE_CHANGE_PASSWORD user it makes and the NEW_PASSWORD_REQUIRED challenge
 * that follows, AWS's errors for a taken name and a weak temporary password, and admin-set-user-password /
 * admin-delete-user.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aws, cliError, startServer, type CliResult, type StartedServer } from './cli.ts';

interface LocalConfig {
  userPoolId: string;
  userPoolClientId: string;
}

function output<T>(result: CliResult): T {
  if (result.status !== 0 || result.json === undefined) throw new Error(`the AWS CLI failed (exit ${result.status}): ${result.stderr.trim()}`);
  return result.json as T;
}

interface CreatedUser {
  User: { Username: string; Attributes: { Name: string; Value: string }[]; UserCreateDate: string; UserLastModifiedDate: string; Enabled: boolean; UserStatus: string };
}

let server: StartedServer;
let config: LocalConfig;

beforeAll(async () => {
  server = await startServer();
  config = (await (await fetch(`${server.url}/_local/config`)).json()) as LocalConfig;
});

afterAll(async () => {
  await server.close();
});

function signIn(username: string, password: string): Promise<CliResult> {
  return aws([
    'cognito-idp',
    'initiate-auth',
    '--no-sign-request',
    '--client-id',
    config.userPoolClientId,
    '--auth-flow',
    'USER_PASSWORD_AUTH',
    '--auth-parameters',
    `USERNAME=${username},PASSWORD=${password}`,
  ]);
}

describe('aws cognito-idp admin-*', () => {
  it('admin-create-user makes a FORCE_CHANGE_PASSWORD user whose temporary password asks for a new one', async () => {
    const created = output<CreatedUser>(
      await aws([
        'cognito-idp',
        'admin-create-user',
        '--user-pool-id',
        config.userPoolId,
        '--username',
        'cli-first-timer',
        '--temporary-password',
        'Temp-Passw0rd!',
        '--message-action',
        'SUPPRESS',
        '--user-attributes',
        'Name=email,Value=first@example.com',
        'Name=email_verified,Value=true',
      ]),
    );
    expect(created.User).toMatchObject({ Username: 'cli-first-timer', Enabled: true, UserStatus: 'FORCE_CHANGE_PASSWORD' });
    expect(created.User.Attributes).toEqual([
      { Name: 'sub', Value: expect.stringMatching(/^[0-9a-f-]{36}$/) },
      { Name: 'email', Value: 'first@example.com' },
      { Name: 'email_verified', Value: 'true' },
    ]);
    // The CLI turns the epoch-seconds timestamps into ISO 8601 dates.
    expect(Number.isNaN(Date.parse(created.User.UserCreateDate))).toBe(false);

    const challenge = output<{ ChallengeName: string; ChallengeParameters: { USER_ID_FOR_SRP: string } }>(await signIn('cli-first-timer', 'Temp-Passw0rd!'));
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(challenge.ChallengeParameters.USER_ID_FOR_SRP).toBe('cli-first-timer');
  });

  it('refuses a taken user name and a temporary password the pool policy rejects, with AWS errors', async () => {
    const taken = await aws(['cognito-idp', 'admin-create-user', '--user-pool-id', config.userPoolId, '--username', 'admin', '--message-action', 'SUPPRESS']);
    expect(taken.status).not.toBe(0);
    expect(taken.stderr).toContain(cliError('UsernameExistsException', 'AdminCreateUser', 'User account already exists'));

    const weak = await aws([
      'cognito-idp',
      'admin-create-user',
      '--user-pool-id',
      config.userPoolId,
      '--username',
      'cli-weak',
      '--temporary-password',
      'weakpassword',
      '--message-action',
      'SUPPRESS',
    ]);
    expect(weak.status).not.toBe(0);
    expect(weak.stderr).toContain(cliError('InvalidPasswordException', 'AdminCreateUser', 'Password does not conform to policy: Password must have uppercase characters'));
  });

  it('refuses an unsigned call, and an unknown pool', async () => {
    const unsigned = await aws(['cognito-idp', 'admin-create-user', '--no-sign-request', '--user-pool-id', config.userPoolId, '--username', 'cli-anon']);
    expect(unsigned.status).not.toBe(0);
    const unknown = await aws(['cognito-idp', 'admin-create-user', '--user-pool-id', 'us-east-1_Nope12345', '--username', 'cli-x', '--message-action', 'SUPPRESS']);
    expect(unknown.stderr).toContain(cliError('ResourceNotFoundException', 'AdminCreateUser', 'User pool us-east-1_Nope12345 does not exist.'));
  });

  it('admin-set-user-password --permanent confirms the user; admin-delete-user removes them', async () => {
    output(await aws(['cognito-idp', 'admin-create-user', '--user-pool-id', config.userPoolId, '--username', 'cli-temp', '--message-action', 'SUPPRESS']));
    const set = await aws(['cognito-idp', 'admin-set-user-password', '--user-pool-id', config.userPoolId, '--username', 'cli-temp', '--password', 'Final-Passw0rd!', '--permanent']);
    expect(set.status, set.stderr).toBe(0);
    const tokens = output<{ AuthenticationResult: { IdToken: string } }>(await signIn('cli-temp', 'Final-Passw0rd!'));
    expect(tokens.AuthenticationResult.IdToken).toEqual(expect.any(String));

    const deleted = await aws(['cognito-idp', 'admin-delete-user', '--user-pool-id', config.userPoolId, '--username', 'cli-temp']);
    expect(deleted.status, deleted.stderr).toBe(0);
    const gone = await signIn('cli-temp', 'Final-Passw0rd!');
    expect(gone.stderr).toContain(cliError('NotAuthorizedException', 'InitiateAuth', 'Incorrect username or password.'));
    const again = await aws(['cognito-idp', 'admin-delete-user', '--user-pool-id', config.userPoolId, '--username', 'cli-temp']);
    expect(again.stderr).toContain(cliError('UserNotFoundException', 'AdminDeleteUser', 'User does not exist.'));
  });
});
