/**
 * Local AWS refuses what AWS refuses: replays after the 15-minute window, signatures scoped to another service or to a
 * region EC2 does not serve, a session token of another identity, a session revoked by GlobalSignOut, and signatures
 * that differ in a single character; `/_local/*` answers loopback peers only.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, startLocalAws, type RunningLocalAws } from '../../local-aws/server/app.ts';
import { testSettings } from '../../local-aws/server/test-support.ts';
import { FaultInjector } from '../../local-aws/server/faults.ts';
import { createLocalAwsServer } from '../../local-aws/server/http.ts';
import { handleLocalRequest, isLoopback, type LocalEndpointDeps } from '../../local-aws/server/local-endpoints.ts';
import { createWorld } from '../../local-aws/server/world.ts';
import {
  ADMIN_KEY,
  form,
  parseError,
  WireClient,
  type Credentials,
  type WireRequest,
  type WireResponse,
} from './aws-wire.ts';

const SETTINGS = testSettings();
const MINUTE = 60_000;

// The server's clock: tests move it to replay requests later.
let clockMs = Date.now();
let localAws: RunningLocalAws;
let client: WireClient;
let config: {
  userPoolClientId: string;
  userPoolId: string;
  identityPoolId: string;
  region: string;
  demoUsers: { username: string; password: string }[];
};

beforeAll(async () => {
  localAws = await startLocalAws(SETTINGS, { clock: () => new Date(clockMs), log: () => {} });
  client = new WireClient(localAws.url, { maxSockets: 2 });
  config = (await (await fetch(`${localAws.url}/_local/config`)).json()) as typeof config;
}, 60_000);

afterAll(async () => {
  client?.close();
  await localAws?.close();
});

const LIST_ROLES = form({ Action: 'ListRoles', Version: '2010-05-08', MaxItems: 1 });
const CALLER = form({ Action: 'GetCallerIdentity', Version: '2011-06-15' });
const DESCRIBE = form({ Action: 'DescribeInstances', Version: '2016-11-15', MaxResults: 5 });

function iam(overrides: Partial<WireRequest> = {}): WireRequest {
  return { service: 'iam', credentials: ADMIN_KEY, body: LIST_ROLES, date: new Date(clockMs), ...overrides };
}
function ec2(overrides: Partial<WireRequest> = {}): WireRequest {
  return { service: 'ec2', credentials: ADMIN_KEY, body: DESCRIBE, date: new Date(clockMs), ...overrides };
}

async function refused(
  request: WireRequest,
  protocol: 'awsQuery' | 'ec2Query' | 'json',
): Promise<{ code: string; message: string; status: number }> {
  const response = await client.send(request);
  const error = parseError(protocol, response);
  if (!error)
    throw new Error(`expected AWS's ${protocol} error shape, got ${response.status} ${response.body.slice(0, 300)}`);
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
  return { ...error, status: response.status };
}

async function ok(request: WireRequest): Promise<WireResponse> {
  const response = await client.send(request);
  if (response.status !== 200) throw new Error(`expected 200, got ${response.status} ${response.body.slice(0, 300)}`);
  return response;
}

// ---------------------------------------------------------------- Cognito sign-in over the wire

interface SignedIn {
  accessToken: string;
  credentials: Credentials;
}

async function json(target: string, body: unknown): Promise<Record<string, unknown>> {
  const service = target.startsWith('AWSCognitoIdentityService') ? 'cognito-identity' : 'cognito-idp';
  const response = await client.send({ service, target, body: JSON.stringify(body) });
  if (response.status !== 200) throw new Error(`${target} answered ${response.status} ${response.body}`);
  return JSON.parse(response.body) as Record<string, unknown>;
}

/** User-pool sign-in, then the identity pool's GetId and GetCredentialsForIdentity, as the console does. */
async function signIn(username: string): Promise<SignedIn> {
  const password = config.demoUsers.find((user) => user.username === username)!.password;
  const auth = await json('AWSCognitoIdentityProviderService.InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: config.userPoolClientId,
    AuthParameters: { USERNAME: username, PASSWORD: password },
  });
  const result = auth['AuthenticationResult'] as { IdToken: string; AccessToken: string };
  const logins = { [`cognito-idp.${config.region}.amazonaws.com/${config.userPoolId}`]: result.IdToken };
  const { IdentityId } = (await json('AWSCognitoIdentityService.GetId', {
    IdentityPoolId: config.identityPoolId,
    Logins: logins,
  })) as { IdentityId: string };
  const issued = await json('AWSCognitoIdentityService.GetCredentialsForIdentity', { IdentityId, Logins: logins });
  const credentials = issued['Credentials'] as { AccessKeyId: string; SecretKey: string; SessionToken: string };
  return {
    accessToken: result.AccessToken,
    credentials: {
      accessKeyId: credentials.AccessKeyId,
      secretAccessKey: credentials.SecretKey,
      sessionToken: credentials.SessionToken,
    },
  };
}

describe('replayed requests', () => {
  it('accepts a signature up to 15 minutes old and refuses it after the window (IAM, STS, EC2)', async () => {
    const signedAt = new Date(clockMs);
    const original = clockMs;
    try {
      clockMs = original + 14 * MINUTE;
      await ok(iam({ date: signedAt }));
      await ok(ec2({ date: signedAt }));

      clockMs = original + 15 * MINUTE + 1000;
      const replayedIam = await refused(iam({ date: signedAt }), 'awsQuery');
      expect(replayedIam).toMatchObject({ code: 'SignatureDoesNotMatch', status: 403 });
      expect(replayedIam.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z/);
      const replayedSts = await refused(
        { service: 'sts', credentials: ADMIN_KEY, body: CALLER, date: signedAt },
        'awsQuery',
      );
      expect(replayedSts.code).toBe('SignatureDoesNotMatch');
      const replayedEc2 = await refused(ec2({ date: signedAt }), 'ec2Query');
      expect(replayedEc2).toMatchObject({ code: 'RequestExpired' });

      // A request dated more than 15 minutes ahead of the server's clock is refused too.
      clockMs = original - 16 * MINUTE;
      expect((await refused(iam({ date: signedAt }), 'awsQuery')).message).toMatch(/^Signature not yet current/);
    } finally {
      clockMs = original;
    }
  });
});

describe('signatures scoped to another service or region', () => {
  it('refuses a signature whose scope was changed to another service or region after signing', async () => {
    const toIam = await refused(
      iam({
        service: 'ec2',
        tamperAuthorization: (header) => header.replace('/ec2/aws4_request', '/iam/aws4_request'),
      }),
      'awsQuery',
    );
    expect(toIam).toMatchObject({ code: 'SignatureDoesNotMatch', status: 403 });
    const toEuWest = await refused(
      ec2({ tamperAuthorization: (header) => header.replace('/us-east-1/ec2/', '/eu-west-1/ec2/') }),
      'ec2Query',
    );
    expect(toEuWest.code).toBe('SignatureDoesNotMatch');
    // Untouched, both are served.
    await ok(iam());
    await ok(ec2());
  });

  it("refuses IAM's actions signed for EC2 or STS in the addressed service's words, and performs none of them", async () => {
    const create = form({
      Action: 'CreateRole',
      Version: '2010-05-08',
      RoleName: 'scoped-elsewhere',
      AssumeRolePolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      }),
    });
    const viaEc2 = await refused(ec2({ body: create }), 'ec2Query');
    expect(viaEc2).toMatchObject({
      code: 'InvalidAction',
      message: 'The action CreateRole is not valid for this web service.',
    });
    const viaSts = await refused(
      { service: 'sts', credentials: ADMIN_KEY, body: create, date: new Date(clockMs) },
      'awsQuery',
    );
    expect(viaSts.code).toBe('InvalidAction');
    expect(localAws.world.store.collection('iam.roles').has('scoped-elsewhere')).toBe(false);
  });

  it('refuses a signature for an unknown service or for the other Cognito service', async () => {
    const s3 = await refused(iam({ service: 's3' }), 'awsQuery');
    expect(s3).toMatchObject({ code: 'SignatureDoesNotMatch', status: 403 });
    expect(s3.message).toBe("Credential should be scoped to correct service: 'iam'. ");

    const body = JSON.stringify({ IdentityPoolId: config.identityPoolId, Logins: {} });
    const wrongCognito = await refused(
      {
        service: 'cognito-idp',
        credentials: ADMIN_KEY,
        target: 'AWSCognitoIdentityService.GetId',
        body,
        date: new Date(clockMs),
      },
      'json',
    );
    expect(wrongCognito.code).toBe('InvalidSignatureException');
    expect(wrongCognito.message).toBe("Credential should be scoped to correct service: 'cognito-identity'. ");
  });

  it('refuses EC2 requests signed for a region local AWS does not serve, and serves the ones it does', async () => {
    await ok(ec2({ region: 'eu-west-1' }));
    for (const region of ['ap-south-1', 'us-west-2', 'moon-east-1']) {
      const error = await refused(ec2({ region }), 'ec2Query');
      expect(error.code).toBe('SignatureDoesNotMatch');
      expect(error.message).toBe('Credential should be scoped to a valid region. ');
    }
  });
});

describe('signature comparison', () => {
  it('refuses signatures that differ in the first character, the last character, or the length', async () => {
    const flip = (c: string) => (c === '0' ? '1' : '0');
    await ok(iam());
    const variants: [string, (signature: string) => string][] = [
      ['first character', (s) => flip(s[0]!) + s.slice(1)],
      ['last character', (s) => s.slice(0, -1) + flip(s.at(-1)!)],
      ['one character short', (s) => s.slice(0, -1)],
      ['one character long', (s) => `${s}0`],
      ['upper-case hex', (s) => (s.toUpperCase() === s ? `${flip(s[0]!)}${s.slice(1)}` : s.toUpperCase())],
      ['empty', () => ''],
    ];
    for (const [, tamper] of variants) {
      const iamError = await refused(iam({ tamperSignature: tamper }), 'awsQuery');
      expect(iamError).toMatchObject({ code: 'SignatureDoesNotMatch', status: 403 });
      const ec2Error = await refused(ec2({ tamperSignature: tamper }), 'ec2Query');
      expect(ec2Error.code).toBe('SignatureDoesNotMatch');
    }
    const cognito = await refused(
      {
        service: 'cognito-idp',
        credentials: ADMIN_KEY,
        target: 'AWSCognitoIdentityProviderService.GetUser',
        body: '{"AccessToken":"x"}',
        date: new Date(clockMs),
        tamperSignature: (s) => s.slice(0, -1) + flip(s.at(-1)!),
      },
      'json',
    );
    expect(cognito.code).toBe('InvalidSignatureException');
  });
});

describe('temporary credentials from Cognito', () => {
  let admin: SignedIn;
  let viewer: SignedIn;

  beforeAll(async () => {
    admin = await signIn('admin');
    viewer = await signIn('viewer');
  });

  it("refuses admin's temporary key carrying viewer's session token (and the other way round)", async () => {
    const asAdmin = await ok({ service: 'sts', credentials: admin.credentials, body: CALLER, date: new Date(clockMs) });
    expect(asAdmin.body).toContain('assumed-role/console-admin/');

    for (const mixed of [
      { ...admin.credentials, sessionToken: viewer.credentials.sessionToken },
      { ...viewer.credentials, sessionToken: admin.credentials.sessionToken },
      { accessKeyId: admin.credentials.accessKeyId, secretAccessKey: admin.credentials.secretAccessKey },
    ]) {
      const sts = await refused(
        { service: 'sts', credentials: mixed, body: CALLER, date: new Date(clockMs) },
        'awsQuery',
      );
      expect(sts).toMatchObject({
        code: 'InvalidClientTokenId',
        status: 403,
        message: 'The security token included in the request is invalid.',
      });
      const ec2Error = await refused(ec2({ credentials: mixed }), 'ec2Query');
      expect(ec2Error.code).toBe('AuthFailure');
    }
    // A session token added to the long-term key is refused too.
    const withToken = await refused(
      iam({ credentials: { ...ADMIN_KEY, sessionToken: admin.credentials.sessionToken } }),
      'awsQuery',
    );
    expect(withToken.code).toBe('InvalidClientTokenId');
  });

  it("refuses a session after the user's GlobalSignOut, for its tokens and its temporary credentials", async () => {
    const session = await signIn('viewer');
    await ok(ec2({ credentials: session.credentials }));
    await json('AWSCognitoIdentityProviderService.GlobalSignOut', { AccessToken: session.accessToken });

    const afterSignOut = await refused(ec2({ credentials: session.credentials }), 'ec2Query');
    expect(afterSignOut.code).toBe('AuthFailure');
    const sts = await refused(
      { service: 'sts', credentials: session.credentials, body: CALLER, date: new Date(clockMs) },
      'awsQuery',
    );
    expect(sts.code).toBe('InvalidClientTokenId');
    const getUser = await refused(
      {
        service: 'cognito-idp',
        target: 'AWSCognitoIdentityProviderService.GetUser',
        body: JSON.stringify({ AccessToken: session.accessToken }),
      },
      'json',
    );
    expect(getUser.code).toBe('NotAuthorizedException');
    // Admin's session was not signed out.
    await ok({ service: 'sts', credentials: admin.credentials, body: CALLER, date: new Date(clockMs) });
  });

  it('refuses temporary credentials after they expire (ExpiredToken)', async () => {
    const original = clockMs;
    try {
      clockMs = original + 61 * MINUTE;
      const expired = await refused(
        { service: 'sts', credentials: admin.credentials, body: CALLER, date: new Date(clockMs) },
        'awsQuery',
      );
      expect(expired).toMatchObject({ code: 'ExpiredToken', status: 403 });
    } finally {
      clockMs = original;
    }
  });
});

describe('/_local/* answers loopback peers only', () => {
  it('classifies peer addresses', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'])
      expect(isLoopback(address), address).toBe(true);
    for (const address of [
      '10.0.0.5',
      '192.168.1.20',
      '203.0.113.7',
      '::ffff:10.0.0.1',
      '2001:db8::1',
      '0.0.0.0',
      '::',
      '',
      undefined,
      '::ffff:128.0.0.1',
      'fe80::1',
    ]) {
      expect(isLoopback(address), String(address)).toBe(false);
    }
  });

  it('answers 403 to a non-loopback peer before touching anything, on every /_local path', async () => {
    let touched = 0;
    const deps: LocalEndpointDeps = {
      health: () => (touched++, {}),
      config: () => (touched++, { adminAccessKey: ADMIN_KEY }),
      reset: () => {
        touched++;
      },
      faults: new FaultInjector(),
      iamPropagationMs: {
        get: () => (touched++, 0),
        set: () => {
          touched++;
        },
      },
    };
    for (const [method, path] of [
      ['GET', '/_local/config'],
      ['GET', '/_local/health'],
      ['POST', '/_local/reset'],
      ['POST', '/_local/faults'],
      ['GET', '/_local/faults'],
      ['POST', '/_local/iam-propagation'],
      ['OPTIONS', '/_local/config'],
    ] as const) {
      const sent: { status?: number; body?: string } = {};
      const req = {
        method,
        headers: {},
        socket: { remoteAddress: '203.0.113.7' },
        on: () => req,
      } as unknown as IncomingMessage;
      const res = {
        writeHead: (status: number) => {
          sent.status = status;
          return res;
        },
        end: (body?: string) => {
          sent.body = body;
        },
      } as unknown as ServerResponse;
      await handleLocalRequest(req, res, path, deps);
      expect(sent.status, `${method} ${path}`).toBe(403);
      expect(sent.body).not.toContain('AKIA');
    }
    expect(touched).toBe(0);
  });

  it('over HTTP: a loopback peer gets the config, the same server refuses a peer whose socket address is not loopback', async () => {
    const world = createWorld(SETTINGS);
    const services = createServices(world);
    const server = createLocalAwsServer({
      runtime: () => ({
        store: world.store,
        credentials: world.credentials,
        policies: world.iam,
        services,
        config: () => world.store.collection('local').get('config'),
        publicDocument: () => undefined,
      }),
      reset: () => {},
      faults: new FaultInjector(),
      iamPropagationMs: { get: () => 0, set: () => undefined },
      log: () => {},
    });
    // The kernel only gives loopback addresses here; present the second connection as coming from elsewhere.
    let connections = 0;
    server.on('connection', (socket) => {
      connections++;
      if (connections > 1) Object.defineProperty(socket, 'remoteAddress', { value: '198.51.100.23' });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const loopback = await fetch(`${url}/_local/config`, { headers: { connection: 'close' } });
      expect(loopback.status).toBe(200);
      expect(((await loopback.json()) as { adminAccessKey: { accessKeyId: string } }).adminAccessKey.accessKeyId).toBe(
        ADMIN_KEY.accessKeyId,
      );

      const remote = await fetch(`${url}/_local/config`, { headers: { connection: 'close' } });
      expect(remote.status).toBe(403);
      expect(await remote.text()).not.toContain(ADMIN_KEY.secretAccessKey);
      const reset = await fetch(`${url}/_local/reset`, { method: 'POST', headers: { connection: 'close' } });
      expect(reset.status).toBe(403);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      world.store.close();
    }
  });
});
