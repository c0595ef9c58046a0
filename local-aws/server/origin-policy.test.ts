import { request, type IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsFromEnv } from '../config.ts';
import { startLocalAws, type RunningLocalAws } from './app.ts';
import { ALLOWED_HEADERS } from './cors.ts';
import { LOCAL_WRITE_HEADERS } from './local-endpoints.ts';
import { hostName, OriginPolicy } from './origin-policy.ts';
import { signedFetch, testSettings } from './test-support.ts';

const CONSOLE = 'http://127.0.0.1:3000';
const ATTACKER = 'http://127.0.0.1:8666';
const ADMIN = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

describe('OriginPolicy', () => {
  const policy = new OriginPolicy({ allowedOrigins: [CONSOLE], allowedHosts: ['Local-AWS.test'] });

  it('reads the host name of a Host header', () => {
    expect(hostName('LOCALHOST:4566')).toBe('localhost');
    expect(hostName('[::1]:4566')).toBe('::1');
    expect(hostName('127.0.0.1')).toBe('127.0.0.1');
    expect(hostName('example.com.:80')).toBe('example.com');
  });

  it('answers Hosts that name this machine: loopback names, the address the request arrived on, configured names', () => {
    for (const host of ['localhost:4566', 'LOCALHOST', 'app.localhost:4566', '127.0.0.1:4566', '127.8.9.10', '[::1]:4566', 'local-aws.test:4566']) {
      expect(policy.isAllowedHost(host, '127.0.0.1'), host).toBe(true);
    }
    expect(policy.isAllowedHost('192.168.1.20:4566', '::ffff:192.168.1.20')).toBe(true);
    expect(policy.isAllowedHost('192.168.1.20:4566', '192.168.1.20')).toBe(true);
  });

  it('refuses Hosts a DNS-rebinding page would send, and a missing Host', () => {
    for (const host of ['evil.example:4566', '127.0.0.1.nip.io:4566', 'localhost.evil.example', '192.168.1.20:4566', '[::2]:4566', '', undefined]) {
      expect(policy.isAllowedHost(host, '127.0.0.1'), String(host)).toBe(false);
    }
  });

  it('allows listed origins only, never "null"; more can be added later', () => {
    const later = new OriginPolicy({ allowedOrigins: [CONSOLE] });
    expect(later.isAllowedOrigin(CONSOLE)).toBe(true);
    for (const origin of ['null', '*', ATTACKER, 'http://localhost:3000', 'https://127.0.0.1:3000', `${CONSOLE}/`]) {
      expect(later.isAllowedOrigin(origin), origin).toBe(false);
    }
    later.allowOrigins('http://127.0.0.1:5173/');
    expect(later.isAllowedOrigin('http://127.0.0.1:5173')).toBe(true);
  });

  it('says why a request is refused: the Host first, then the Origin; no Origin is fine', () => {
    const req = (headers: IncomingHttpHeaders) => ({ headers, socket: { localAddress: '127.0.0.1' } });
    expect(policy.refusal(req({ host: 'evil.example:4566', origin: CONSOLE }))).toMatch(/^Host "evil\.example:4566" is not served by local AWS/);
    expect(policy.refusal(req({ host: '127.0.0.1:4566', origin: 'null' }))).toMatch(/^Requests from web origin "null" are refused/);
    expect(policy.refusal(req({ host: '127.0.0.1:4566', origin: CONSOLE }))).toBeUndefined();
    expect(policy.refusal(req({ host: '127.0.0.1:4566' }))).toBeUndefined();
  });
});

describe('settings', () => {
  it("allows the console's origin by default, on both loopback names, at CONSOLE_PORT", () => {
    expect(settingsFromEnv({}).allowedOrigins).toEqual(['http://127.0.0.1:3000', 'http://localhost:3000']);
    expect(settingsFromEnv({ CONSOLE_PORT: '8080' }).allowedOrigins).toEqual(['http://127.0.0.1:8080', 'http://localhost:8080']);
  });

  it('adds LOCAL_AWS_ALLOWED_ORIGINS and LOCAL_AWS_ALLOWED_HOSTS', () => {
    const settings = settingsFromEnv({
      LOCAL_AWS_ALLOWED_ORIGINS: ' https://Console.example.com , http://localhost:5173,',
      LOCAL_AWS_ALLOWED_HOSTS: 'Local-AWS.test,host.docker.internal',
    });
    expect(settings.allowedOrigins).toEqual(['http://127.0.0.1:3000', 'http://localhost:3000', 'https://console.example.com', 'http://localhost:5173']);
    expect(settings.allowedHosts).toEqual(['local-aws.test', 'host.docker.internal']);
  });

  it('refuses "*", "null" and anything that is not an origin', () => {
    for (const value of ['*', 'null', 'http://localhost:5173/app', 'localhost:5173', 'file:///tmp/page.html']) {
      expect(() => settingsFromEnv({ LOCAL_AWS_ALLOWED_ORIGINS: value }), value).toThrow(/LOCAL_AWS_ALLOWED_ORIGINS: .* is not an origin/);
    }
  });
});

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A request with headers fetch() cannot send (Host, or none at all). */
function rawRequest(url: string, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string }): Promise<RawAnswer> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: options.headers,
        setHost: options.headers?.host !== undefined,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function corsHeaderNames(headers: Headers): string[] {
  const names: string[] = [];
  headers.forEach((_value, name) => {
    if (name.startsWith('access-control-')) names.push(name);
  });
  return names;
}

describe('over HTTP: what a page of another origin, or a rebound name, can no longer do', () => {
  let localAws: RunningLocalAws;
  const iam = (body: string, headers: Record<string, string> = {}) => signedFetch(localAws.url, { service: 'iam', ...ADMIN, body, headers });
  const roleExists = async (name: string) => (await iam(`Action=GetRole&Version=2010-05-08&RoleName=${name}`)).status === 200;

  beforeAll(async () => {
    localAws = await startLocalAws(testSettings({ allowedOrigins: [CONSOLE], allowedHosts: ['local-aws.test'] }), { log: () => {} });
  }, 60_000);
  afterAll(() => localAws.close());

  it("answers the console's preflight with the SDK's headers, and nothing else it asks for", async () => {
    const preflight = await fetch(localAws.url, {
      method: 'OPTIONS',
      headers: { origin: CONSOLE, 'access-control-request-method': 'POST', 'access-control-request-headers': 'amz-sdk-invocation-id,authorization,x-custom' },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    expect(preflight.headers.get('access-control-allow-headers')).toBe(ALLOWED_HEADERS.join(', '));
    expect(preflight.headers.get('access-control-max-age')).toBe('86400');
  });

  it('refuses the preflight of another origin, or of a file opened from disk, with 403 and no Allow-* headers', async () => {
    for (const origin of [ATTACKER, 'null']) {
      const preflight = await fetch(localAws.url, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,x-amz-date' },
      });
      expect(preflight.status, origin).toBe(403);
      expect(corsHeaderNames(preflight.headers), origin).toEqual([]);
    }
  });

  it("serves the console's signed calls with CORS headers; calls without an Origin get none", async () => {
    const fromConsole = await iam('Action=ListRoles&Version=2010-05-08', { origin: CONSOLE });
    expect(fromConsole.status).toBe(200);
    expect(fromConsole.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    expect(fromConsole.headers.get('access-control-expose-headers')).toContain('x-amzn-requestid');
    const fromCli = await iam('Action=ListRoles&Version=2010-05-08');
    expect(fromCli.status).toBe(200);
    expect(corsHeaderNames(fromCli.headers)).toEqual([]);
  });

  it('refuses a signed admin call from another origin in the service own error shape, before it has any effect', async () => {
    const create = await iam(`Action=CreateRole&Version=2010-05-08&RoleName=Planted&AssumeRolePolicyDocument=${encodeURIComponent(TRUST)}`, { origin: ATTACKER });
    expect(create.status).toBe(403);
    expect(corsHeaderNames(create.headers)).toEqual([]);
    expect(await create.text()).toContain(`<Code>AccessDenied</Code><Message>Requests from web origin &quot;${ATTACKER}&quot; are refused`);
    expect(await roleExists('Planted')).toBe(false);

    const ec2 = await signedFetch(localAws.url, { service: 'ec2', ...ADMIN, body: 'Action=DescribeInstances&Version=2016-11-15', headers: { origin: 'null' } });
    expect(ec2.status).toBe(403);
    expect(await ec2.text()).toMatch(/<Response><Errors><Error><Code>UnauthorizedOperation<\/Code>/);

    const cognito = await fetch(localAws.url, {
      method: 'POST',
      headers: { origin: ATTACKER, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
      body: '{}',
    });
    expect(cognito.status).toBe(403);
    expect(((await cognito.json()) as { __type: string }).__type).toBe('AccessDeniedException');
  });

  it('refuses a foreign Host (DNS rebinding) on AWS calls and /_local alike; loopback and configured names pass', async () => {
    const rebound = await rawRequest(localAws.url, { path: '/_local/config', headers: { host: `rebind.evil.example:${localAws.port}` } });
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body)).toEqual({ message: expect.stringMatching(/^Host "rebind\.evil\.example:\d+" is not served/) as unknown });
    expect(rebound.body).not.toContain('AKIA');

    const reset = await rawRequest(localAws.url, { method: 'POST', path: '/_local/reset', headers: { host: 'rebind.evil.example', ...LOCAL_WRITE_HEADERS }, body: '{}' });
    expect(reset.status).toBe(403);

    const aws = await rawRequest(localAws.url, {
      method: 'POST',
      headers: { host: 'rebind.evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=ListRoles&Version=2010-05-08',
    });
    expect(aws.status).toBe(403);
    expect(aws.body).toContain('<Code>AccessDenied</Code>');

    // Without any Host, Node's HTTP/1.1 parser answers 400 before local AWS sees the request.
    expect((await rawRequest(localAws.url, { path: '/_local/health' })).status).toBe(400);
    for (const host of [`localhost:${localAws.port}`, 'local-aws.test', `[::1]:${localAws.port}`, `127.0.0.1:${localAws.port}`]) {
      expect((await rawRequest(localAws.url, { path: '/_local/health', headers: { host } })).status, host).toBe(200);
    }
  });

  it('gives /_local/config (admin key, demo passwords) to the console and to callers without an Origin only', async () => {
    const stolen = await fetch(`${localAws.url}/_local/config`, { headers: { origin: ATTACKER } });
    expect(stolen.status).toBe(403);
    expect(corsHeaderNames(stolen.headers)).toEqual([]);
    expect(await stolen.text()).not.toMatch(/AKIA|Passw0rd/);
    expect((await fetch(`${localAws.url}/_local/config`, { headers: { origin: 'null' } })).status).toBe(403);

    const fromConsole = await fetch(`${localAws.url}/_local/config`, { headers: { origin: CONSOLE } });
    expect(fromConsole.status).toBe(200);
    expect(fromConsole.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    expect((await fetch(`${localAws.url}/_local/config`)).status).toBe(200);
  });

  it('takes /_local writes only as a request no form or no-cors fetch can send: JSON and X-Local-AWS', async () => {
    const world = localAws.world;
    const faultsNow = async () => ((await (await fetch(`${localAws.url}/_local/faults`)).json()) as { faults: string }).faults;
    const simple: Record<string, string>[] = [
      { 'content-type': 'application/x-www-form-urlencoded' },
      { 'content-type': 'text/plain' },
      { 'content-type': 'multipart/form-data; boundary=x' },
      { 'content-type': 'application/json' },
      { 'x-local-aws': '1', 'content-type': 'text/plain' },
    ];
    for (const headers of simple) {
      const reset = await fetch(`${localAws.url}/_local/reset`, { method: 'POST', headers, body: '{}' });
      expect(reset.status, JSON.stringify(headers)).toBe(403);
      expect(await reset.json()).toEqual({ message: expect.stringContaining('X-Local-AWS: 1') as unknown });
      const faults = await fetch(`${localAws.url}/_local/faults`, { method: 'POST', headers, body: 'delay=600000' });
      expect(faults.status, JSON.stringify(headers)).toBe(403);
    }
    expect(localAws.world).toBe(world);
    expect(await faultsNow()).toBe('');

    const foreign = await fetch(`${localAws.url}/_local/faults`, { method: 'POST', headers: { ...LOCAL_WRITE_HEADERS, origin: ATTACKER }, body: '{"faults":"delay=600000"}' });
    expect(foreign.status).toBe(403);
    expect(await faultsNow()).toBe('');

    const fromConsole = await fetch(`${localAws.url}/_local/faults`, { method: 'POST', headers: { ...LOCAL_WRITE_HEADERS, origin: CONSOLE }, body: '{"faults":"throttle=0.5"}' });
    expect(fromConsole.status).toBe(200);
    expect(fromConsole.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    expect(await faultsNow()).toBe('throttle=0.5');
    const cleared = await fetch(`${localAws.url}/_local/faults`, { method: 'POST', headers: LOCAL_WRITE_HEADERS, body: '{"faults":""}' });
    expect(cleared.status).toBe(200);
    expect(await faultsNow()).toBe('');
  });

  it('lets the console preflight a /_local write with exactly its two headers; refuses other origins', async () => {
    const ask = (origin: string) =>
      fetch(`${localAws.url}/_local/reset`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-local-aws' },
      });
    const allowed = await ask(CONSOLE);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    expect(allowed.headers.get('access-control-allow-headers')).toBe('content-type, x-local-aws');
    const refused = await ask(ATTACKER);
    expect(refused.status).toBe(403);
    expect(corsHeaderNames(refused.headers)).toEqual([]);
  });
});
