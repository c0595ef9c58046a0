/**
 * The front door of a real local AWS: requests are refused from their head before their body is read,
 * bodies are bounded, JSON depth is checked before parsing, sockets end, and presigned URLs work.
 * A raw socket shows what the server does before the body arrives: it answers (and closes) a request
 * whose body has not been sent at all.
 */
import { connect } from 'node:net';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAws, type RunningLocalAws } from './app.ts';
import { MAX_UNSIGNED_BODY_BYTES } from './http.ts';
import { NodeSha256, signedFetch, testSettings } from './test-support.ts';

const ADMIN = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const TWENTY_MB = 20 * 1024 * 1024;
const IDP_TARGET = 'AWSCognitoIdentityProviderService.InitiateAuth';

let localAws: RunningLocalAws;
let clientId: string;

beforeAll(async () => {
  localAws = await startLocalAws(testSettings(), {
    log: () => undefined,
    timeouts: { headersMs: 1000, requestMs: 2000, checkIntervalMs: 100 },
  });
  clientId = ((await (await fetch(`${localAws.url}/_local/config`)).json()) as { userPoolClientId: string }).userPoolClientId;
}, 60_000);

afterAll(async () => {
  await localAws?.close();
});

interface RawAnswer {
  status: number;
  headers: Map<string, string>;
  body: string;
}

/**
 * Sends `head` (and `body`, if any) on a fresh socket and collects everything the server sends until it
 * closes the connection. The server must close it: a request left waiting for its body would never end.
 */
function rawExchange(head: string, body?: Buffer): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(localAws.port, '127.0.0.1', () => {
      socket.write(head);
      if (body) socket.write(body);
    });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [headText = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...headerLines] = headText.split('\r\n');
      const headers = new Map(headerLines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
  });
}

function requestHead(headers: Record<string, string | number>): string {
  const lines = Object.entries({ Host: `127.0.0.1:${localAws.port}`, ...headers }).map(([name, value]) => `${name}: ${value}`);
  return `POST / HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}

/** Signs a form POST with the SDK signer and returns its head with a declared (but unsent) body of `contentLength` bytes. */
async function signedHead(credentials: { accessKeyId: string; secretAccessKey: string }, body: string, contentLength: number): Promise<string> {
  const signer = new SignatureV4({ credentials, region: 'us-east-1', service: 'iam', sha256: NodeSha256 });
  const signed = await signer.sign(
    {
      method: 'POST',
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: localAws.port,
      path: '/',
      headers: { host: `127.0.0.1:${localAws.port}`, 'content-type': 'application/x-www-form-urlencoded' },
      body,
    },
    { signingDate: new Date() },
  );
  const { host: _host, ...headers } = signed.headers;
  return requestHead({ ...headers, 'Content-Length': contentLength, Connection: 'close' });
}

describe('refused from the head, before the body is read', () => {
  it('an unsigned 20 MB query body: MissingAuthenticationToken, connection closed, no body sent', async () => {
    const answer = await rawExchange(requestHead({ 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': TWENTY_MB }));
    expect(answer.status).toBe(403);
    expect(answer.headers.get('connection')).toBe('close');
    expect(answer.body).toContain('<Code>MissingAuthenticationToken</Code>');
  });

  it('an unsigned 20 MB body for a public Cognito operation: RequestEntityTooLargeException', async () => {
    const answer = await rawExchange(requestHead({ 'X-Amz-Target': IDP_TARGET, 'Content-Type': 'application/x-amz-json-1.1', 'Content-Length': TWENTY_MB }));
    expect(answer.status).toBe(413);
    expect(answer.headers.get('connection')).toBe('close');
    expect(JSON.parse(answer.body)).toMatchObject({ __type: 'RequestEntityTooLargeException' });
  });

  it('an unsigned 20 MB body for a signed-only Cognito operation: MissingAuthenticationTokenException', async () => {
    const answer = await rawExchange(
      requestHead({ 'X-Amz-Target': 'AWSCognitoIdentityProviderService.AdminCreateUser', 'Content-Type': 'application/x-amz-json-1.1', 'Content-Length': TWENTY_MB }),
    );
    expect(JSON.parse(answer.body)).toMatchObject({ __type: 'MissingAuthenticationTokenException' });
  });

  it('a request signed with an unknown key: InvalidClientTokenId, no body sent', async () => {
    const head = await signedHead({ accessKeyId: 'AKIAUNKNOWNEXAMPLE01', secretAccessKey: 'x' }, 'Action=ListRoles&Version=2010-05-08', TWENTY_MB);
    const answer = await rawExchange(head);
    expect(answer.status).toBe(403);
    expect(answer.headers.get('connection')).toBe('close');
    expect(answer.body).toContain('<Code>InvalidClientTokenId</Code>');
  });

  it('a signed request declaring more than 20 MiB: RequestEntityTooLarge, no body sent', async () => {
    const answer = await rawExchange(await signedHead(ADMIN, 'Action=ListRoles&Version=2010-05-08', TWENTY_MB + 1));
    expect(answer.status).toBe(413);
    expect(answer.body).toContain('<Code>RequestEntityTooLarge</Code>');
  });

  it('a signed request with the right key but a body not matching its signature: SignatureDoesNotMatch', async () => {
    const signedBody = 'Action=ListRoles&Version=2010-05-08';
    const sent = Buffer.from(signedBody.replace('ListRoles', 'ListUsers'));
    const answer = await rawExchange(await signedHead(ADMIN, signedBody, sent.length), sent);
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('<Code>SignatureDoesNotMatch</Code>');
  });
});

describe('unsigned bodies', () => {
  it('refuses a chunked public body once it passes the unsigned JSON limit, without reading the rest', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const chunks = Math.ceil(MAX_UNSIGNED_BODY_BYTES.json / chunk.length) + 1;
    const framed = Buffer.concat(Array.from({ length: chunks }, () => Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')])));
    // The last chunk (0-length) is never sent: the server must not wait for it.
    const answer = await rawExchange(requestHead({ 'X-Amz-Target': IDP_TARGET, 'Content-Type': 'application/x-amz-json-1.1', 'Transfer-Encoding': 'chunked' }), framed);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ __type: 'RequestEntityTooLargeException' });
  });

  it('answers JSON nested beyond the depth limit with SerializationException, before parsing it', async () => {
    const depth = 100_000;
    const response = await fetch(localAws.url, {
      method: 'POST',
      headers: { 'x-amz-target': IDP_TARGET, 'content-type': 'application/x-amz-json-1.1' },
      body: `{"ClientId":"${clientId}","AuthFlow":"USER_PASSWORD_AUTH","AuthParameters":${'['.repeat(depth)}${']'.repeat(depth)}}`,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ __type: 'SerializationException' });
  });

  it('still signs in through the public operation', async () => {
    const response = await fetch(localAws.url, {
      method: 'POST',
      headers: { 'x-amz-target': IDP_TARGET, 'content-type': 'application/x-amz-json-1.1' },
      body: JSON.stringify({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'admin', PASSWORD: 'wrong-Password-1!' } }),
    });
    expect(await response.json()).toMatchObject({ __type: 'NotAuthorizedException' });
  });
});

describe('sockets that end', () => {
  it('cuts a client whose body never finishes with 408 after the request timeout', async () => {
    const answer = await rawExchange(requestHead({ 'X-Amz-Target': IDP_TARGET, 'Content-Length': 100 }), Buffer.from('{"Cli'));
    expect(answer.status).toBe(408);
  });

  it('closes a connection that never sends its headers', async () => {
    const answer = await rawExchange('POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    expect(answer.status).toBe(408);
  });
});

describe('presigned (query-string) SigV4', () => {
  async function presignedUrl(query: Record<string, string>, options: { signingDate?: Date; expiresIn?: number; headers?: Record<string, string> } = {}): Promise<string> {
    const signer = new SignatureV4({ credentials: ADMIN, region: 'us-east-1', service: 'sts', sha256: NodeSha256 });
    const presigned = await signer.presign(
      { method: 'GET', protocol: 'http:', hostname: '127.0.0.1', port: localAws.port, path: '/', query, headers: { host: `127.0.0.1:${localAws.port}`, ...options.headers } },
      { signingDate: options.signingDate ?? new Date(), expiresIn: options.expiresIn ?? 60 },
    );
    const search = new URLSearchParams(presigned.query as Record<string, string>);
    return `${localAws.url}/?${search.toString()}`;
  }
  const getCallerIdentity = { Action: 'GetCallerIdentity', Version: '2011-06-15' };

  it('serves a URL presigned by @smithy/signature-v4', async () => {
    const response = await fetch(await presignedUrl(getCallerIdentity));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<Arn>arn:aws:iam::123456789012:user/local-admin</Arn>');
  });

  it('serves one presigned with an UNSIGNED-PAYLOAD hash', async () => {
    const response = await fetch(await presignedUrl(getCallerIdentity, { headers: { 'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD' } }));
    expect(response.status).toBe(200);
  });

  it('refuses it once X-Amz-Expires has passed', async () => {
    const response = await fetch(await presignedUrl(getCallerIdentity, { signingDate: new Date(Date.now() - 120_000), expiresIn: 60 }));
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/<Code>SignatureDoesNotMatch<\/Code><Message>Signature expired: \d{8}T\d{6}Z is now earlier than/);
  });

  it('refuses a URL whose parameters were changed after signing', async () => {
    const response = await fetch((await presignedUrl(getCallerIdentity)).replace('GetCallerIdentity', 'GetSessionToken'));
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
  });

  it('refuses an X-Amz-Expires beyond seven days', async () => {
    const url = new URL(await presignedUrl(getCallerIdentity));
    url.searchParams.set('X-Amz-Expires', '604801');
    const response = await fetch(url);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('<Code>IncompleteSignature</Code>');
  });
});

describe('signed requests keep working', () => {
  it('a signed body within the limit is verified against its streamed hash', async () => {
    const response = await signedFetch(localAws.url, { service: 'iam', ...ADMIN, body: 'Action=GetRole&Version=2010-05-08&RoleName=console-admin' });
    expect(response.status).toBe(200);
  });
});
