/**
 * The foundation every console flow stands on, driven with the real AWS CLI v2: Cognito sign-in → identity-pool
 * credentials → signed calls; AWS's refusals for bad, wrong and expired credentials; IAM policy denial for the
 * viewer; the /_local endpoints; CORS preflights as the SDK v3 sends them from the browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsFromEnv } from '../../local-aws/config.ts';
import { startLocalAws } from '../../local-aws/server/app.ts';
import { aws, startServer, type CliResult } from './cli.ts';

const ACCOUNT_ID = '123456789012';
const DOCUMENTED_KEY = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};
const EC2_TRUST_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

/** GET /_local/config. */
interface LocalConfig {
  accountId: string;
  region: string;
  regions: string[];
  userPoolId: string;
  userPoolClientId: string;
  identityPoolId: string;
  demoUsers: { username: string; password: string; description: string }[];
  adminAccessKey: { accessKeyId: string; secretAccessKey: string };
}

interface ServerUnderTest {
  url: string;
  config: LocalConfig;
  close(): Promise<void>;
}

async function fetchConfig(url: string): Promise<LocalConfig> {
  const response = await fetch(`${url}/_local/config`);
  if (!response.ok) throw new Error(`GET /_local/config answered ${response.status}`);
  return (await response.json()) as LocalConfig;
}

/** The CLI's JSON output of a call that must succeed. */
function output<T>(result: CliResult): T {
  if (result.status !== 0 || result.json === undefined) {
    throw new Error(`the AWS CLI failed (exit ${result.status}): ${result.stderr.trim()}`);
  }
  return result.json as T;
}

/** AWS's error code from the CLI's "An error occurred (Code) when calling the Op operation: …" line. */
function errorCode(result: CliResult): string | undefined {
  return /An error occurred \(([^)]+)\)/.exec(result.stderr)?.[1];
}

interface TemporaryCredentials {
  AccessKeyId: string;
  SecretKey: string;
  SessionToken: string;
  Expiration: number | string;
}

function password(config: LocalConfig, username: string): string {
  const user = config.demoUsers.find((u) => u.username === username);
  if (!user) throw new Error(`demo user ${username} is not in /_local/config`);
  return user.password;
}

/** Cognito user pool sign-in, then the identity pool's GetId and GetCredentialsForIdentity, as the console does. */
async function signIn(config: LocalConfig, username: string, endpoint?: string): Promise<TemporaryCredentials> {
  const auth = await aws(
    [
      'cognito-idp',
      'initiate-auth',
      '--no-sign-request',
      '--auth-flow',
      'USER_PASSWORD_AUTH',
      '--client-id',
      config.userPoolClientId,
      '--auth-parameters',
      `USERNAME=${username},PASSWORD=${password(config, username)}`,
    ],
    { endpoint },
  );
  const idToken = output<{ AuthenticationResult: { IdToken: string } }>(auth).AuthenticationResult.IdToken;
  expect(idToken.split('.')).toHaveLength(3);

  const logins = JSON.stringify({ [`cognito-idp.${config.region}.amazonaws.com/${config.userPoolId}`]: idToken });
  const id = await aws(
    [
      'cognito-identity',
      'get-id',
      '--no-sign-request',
      '--identity-pool-id',
      config.identityPoolId,
      '--logins',
      logins,
    ],
    { endpoint },
  );
  const identityId = output<{ IdentityId: string }>(id).IdentityId;
  expect(identityId).toMatch(new RegExp(`^${config.region}:[0-9a-f-]{36}$`));

  const credentials = await aws(
    [
      'cognito-identity',
      'get-credentials-for-identity',
      '--no-sign-request',
      '--identity-id',
      identityId,
      '--logins',
      logins,
    ],
    { endpoint },
  );
  const result = output<{ IdentityId: string; Credentials: TemporaryCredentials }>(credentials);
  expect(result.IdentityId).toBe(identityId);
  return result.Credentials;
}

function asEnv(credentials: TemporaryCredentials): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: credentials.AccessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.SecretKey,
    AWS_SESSION_TOKEN: credentials.SessionToken,
  };
}

describe('local AWS foundation, through the AWS CLI v2', () => {
  let server: ServerUnderTest;

  beforeAll(async () => {
    const started = await startServer();
    server = { ...started, config: await fetchConfig(started.url) };
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers GET /_local/health and GET /_local/config with the demo account', async () => {
    const health = await fetch(`${server.url}/_local/health`);
    expect(health.status).toBe(200);
    expect(health.headers.get('content-type')).toMatch(/application\/json/);
    expect(await health.json()).toEqual(expect.any(Object));

    const response = await fetch(`${server.url}/_local/config`);
    expect(response.status).toBe(200);
    const config = (await response.json()) as LocalConfig;
    expect(config.accountId).toBe(ACCOUNT_ID);
    expect(config.region).toBe('us-east-1');
    expect(config.regions).toContain('us-east-1');
    expect(config.userPoolId).toMatch(/^us-east-1_[0-9A-Za-z]+$/);
    expect(config.userPoolClientId).toMatch(/^[0-9a-z]+$/);
    expect(config.identityPoolId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    expect(config.demoUsers.map((u) => u.username).sort()).toEqual(['admin', 'newhire', 'viewer']);
    expect(config.adminAccessKey).toEqual(DOCUMENTED_KEY);
  });

  it('signs in with a user pool password and gets credentials for the console-admin role', async () => {
    const credentials = await signIn(server.config, 'admin');
    expect(credentials.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(credentials.SessionToken).not.toBe('');

    const identity = output<{ Account: string; Arn: string; UserId: string }>(
      await aws(['sts', 'get-caller-identity'], { env: asEnv(credentials) }),
    );
    expect(identity.Account).toBe(ACCOUNT_ID);
    expect(identity.Arn).toBe(`arn:aws:sts::${ACCOUNT_ID}:assumed-role/console-admin/CognitoIdentityCredentials`);
    expect(identity.UserId).toMatch(/^AROA[A-Z0-9]+:CognitoIdentityCredentials$/);
  });

  it("answers the CLI's documented key as the local-admin IAM user", async () => {
    const identity = output<{ Arn: string; Account: string }>(await aws(['sts', 'get-caller-identity']));
    expect(identity).toMatchObject({ Account: ACCOUNT_ID, Arn: `arn:aws:iam::${ACCOUNT_ID}:user/local-admin` });
  });

  it('refuses an unknown access key with InvalidClientTokenId', async () => {
    const env = { AWS_ACCESS_KEY_ID: 'AKIAI44QH8DHBEXAMPLE', AWS_SECRET_ACCESS_KEY: DOCUMENTED_KEY.secretAccessKey };
    const sts = await aws(['sts', 'get-caller-identity'], { env });
    expect(sts.status).not.toBe(0);
    expect(errorCode(sts)).toBe('InvalidClientTokenId');
    expect(sts.stderr).toContain('The security token included in the request is invalid');

    const iam = await aws(['iam', 'list-roles'], { env });
    expect(errorCode(iam)).toBe('InvalidClientTokenId');
  });

  it('refuses a wrong secret key with SignatureDoesNotMatch', async () => {
    const env = {
      AWS_ACCESS_KEY_ID: DOCUMENTED_KEY.accessKeyId,
      AWS_SECRET_ACCESS_KEY: 'not-the-secret-key-of-local-admin-000000',
    };
    const result = await aws(['sts', 'get-caller-identity'], { env });
    expect(result.status).not.toBe(0);
    expect(errorCode(result)).toBe('SignatureDoesNotMatch');
    expect(result.stderr).toContain('The request signature we calculated does not match the signature you provided');
  });

  it("denies the viewer's iam create-role with AccessDenied naming iam:CreateRole, and creates nothing", async () => {
    const credentials = await signIn(server.config, 'viewer');
    const viewerArn = `arn:aws:sts::${ACCOUNT_ID}:assumed-role/console-viewer/CognitoIdentityCredentials`;
    const identity = output<{ Arn: string }>(await aws(['sts', 'get-caller-identity'], { env: asEnv(credentials) }));
    expect(identity.Arn).toBe(viewerArn);

    const roleName = 'viewer-must-not-create-this';
    const denied = await aws(
      ['iam', 'create-role', '--role-name', roleName, '--assume-role-policy-document', EC2_TRUST_POLICY],
      { env: asEnv(credentials) },
    );
    expect(denied.status).not.toBe(0);
    expect(errorCode(denied)).toBe('AccessDenied');
    expect(denied.stderr).toContain(`User: ${viewerArn} is not authorized to perform: iam:CreateRole on resource:`);
    expect(denied.stderr).toContain(`arn:aws:iam::${ACCOUNT_ID}:role/${roleName}`);

    // Reading is allowed for the viewer; the role it tried to create does not exist.
    const roles = output<{ Roles: { RoleName: string }[] }>(
      await aws(['iam', 'list-roles'], { env: asEnv(credentials) }),
    );
    expect(roles.Roles.map((r) => r.RoleName)).toContain('console-viewer');
    const lookup = await aws(['iam', 'get-role', '--role-name', roleName]);
    expect(errorCode(lookup)).toBe('NoSuchEntity');
  });

  it('answers a CORS preflight from a browser origin with the SDK v3 headers allowed', async () => {
    const sdkHeaders = [
      'authorization',
      'content-type',
      'x-amz-date',
      'x-amz-security-token',
      'x-amz-user-agent',
      'x-amz-target',
      'x-amz-content-sha256',
      'amz-sdk-invocation-id',
      'amz-sdk-request',
    ];
    const origin = 'http://127.0.0.1:3000';
    const preflight = await fetch(`${server.url}/`, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': sdkHeaders.join(','),
      },
    });
    expect(preflight.status).toBeGreaterThanOrEqual(200);
    expect(preflight.status).toBeLessThan(300);
    expect([origin, '*']).toContain(preflight.headers.get('access-control-allow-origin'));
    expect(preflight.headers.get('access-control-allow-methods')).toMatch(/\bPOST\b/);
    const allowed = (preflight.headers.get('access-control-allow-headers') ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase());
    for (const header of sdkHeaders) expect(allowed).toContain(header);

    // The answer itself carries CORS headers too, and exposes the request id the SDK reads.
    const call = await fetch(`${server.url}/`, {
      method: 'POST',
      headers: {
        Origin: origin,
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'AWSCognitoIdentityService.GetId',
      },
      body: JSON.stringify({ IdentityPoolId: server.config.identityPoolId }),
    });
    expect([origin, '*']).toContain(call.headers.get('access-control-allow-origin'));
    expect((call.headers.get('access-control-expose-headers') ?? '').toLowerCase()).toContain('x-amzn-requestid');
  });
});

describe('expired temporary credentials', () => {
  let server: ServerUnderTest;

  beforeAll(async () => {
    // Credentials that live one second: AWS's minimum is far longer, but the refusal is the same.
    const localAws = await startLocalAws({
      ...settingsFromEnv({}),
      port: 0,
      dataDir: 'memory',
      credentialsTtlSeconds: 1,
    });
    server = { url: localAws.url, config: await fetchConfig(localAws.url), close: () => localAws.close() };
  });
  afterAll(async () => {
    await server?.close();
  });

  it('are refused with ExpiredToken once their lifetime is over', async () => {
    const credentials = await signIn(server.config, 'admin', server.url);
    await new Promise((resolveWait) => setTimeout(resolveWait, 1500));
    const result = await aws(['sts', 'get-caller-identity'], { env: asEnv(credentials), endpoint: server.url });
    expect(result.status).not.toBe(0);
    expect(errorCode(result)).toBe('ExpiredToken');
    expect(result.stderr).toContain('The security token included in the request is expired');
  });
});
