import { NodeSha256 } from './test-support.ts';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import type { SigningCredential } from '../identity/credentials.ts';
import {
  canonicalQuery,
  canonicalUri,
  checkSigV4Head,
  formatAmzDate,
  parseAuthorization,
  parsePresignedQuery,
  SIGNATURE_MISMATCH_MESSAGE,
  SigV4Failure,
  verifySigV4,
  type SigV4FailureKind,
  type SigV4Request,
} from './sigv4.ts';

/** AWS's published SigV4 test suite (aws-sig-v4-test-suite): key, date, scope and expected signatures. */
const SUITE_KEY = 'AKIDEXAMPLE';
const SUITE_SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const SUITE_NOW = new Date('2015-08-30T12:36:00Z');
const SUITE_CALLER = { arn: 'arn:aws:iam::123456789012:user/suite', userId: 'AIDA', accountId: '123456789012', accessKeyId: SUITE_KEY, principalArn: 'arn:aws:iam::123456789012:user/suite' };

interface SuiteCase {
  name: string;
  method: string;
  url: string;
  headers: [string, string][];
  body?: string;
  signedHeaders: string;
  signature: string;
}

const BASE: [string, string][] = [
  ['Host', 'example.amazonaws.com'],
  ['X-Amz-Date', '20150830T123600Z'],
];

const SUITE: SuiteCase[] = [
  { name: 'get-vanilla', method: 'GET', url: '/', headers: BASE, signedHeaders: 'host;x-amz-date', signature: '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31' },
  { name: 'post-vanilla', method: 'POST', url: '/', headers: BASE, signedHeaders: 'host;x-amz-date', signature: '5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b' },
  { name: 'post-vanilla-query', method: 'POST', url: '/?Param1=value1', headers: BASE, signedHeaders: 'host;x-amz-date', signature: '28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11' },
  { name: 'get-vanilla-query-order-key-case', method: 'GET', url: '/?Param2=value2&Param1=value1', headers: BASE, signedHeaders: 'host;x-amz-date', signature: 'b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500' },
  {
    name: 'get-vanilla-query-unreserved',
    method: 'GET',
    url: '/?-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz=-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
    headers: BASE,
    signedHeaders: 'host;x-amz-date',
    signature: '9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197',
  },
  { name: 'get-vanilla-utf8-query', method: 'GET', url: '/?%E1%88%B4=bar', headers: BASE, signedHeaders: 'host;x-amz-date', signature: '2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04' },
  {
    name: 'post-vanilla-query-nonunreserved',
    method: 'POST',
    url: '/?%40%23%24%25%5E=&%2B=%2F%2C%3F%3E%3C%60%22%3B%3A%5C%7C%5D%5B%7B%7D',
    headers: BASE,
    signedHeaders: 'host;x-amz-date',
    signature: '66c82657c86e26fb25238d0e69f011edc4c6df5ae71119d7cb98ed9b87393c1e',
  },
  { name: 'get-utf8', method: 'GET', url: '/%E1%88%B4', headers: BASE, signedHeaders: 'host;x-amz-date', signature: '8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85' },
  { name: 'get-unreserved', method: 'GET', url: '/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', headers: BASE, signedHeaders: 'host;x-amz-date', signature: '07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f' },
  {
    name: 'get-header-value-trim',
    method: 'GET',
    url: '/',
    headers: [['Host', 'example.amazonaws.com'], ['My-Header1', ' value1 '], ['My-Header2', ' "a   b   c" '], ['X-Amz-Date', '20150830T123600Z']],
    signedHeaders: 'host;my-header1;my-header2;x-amz-date',
    signature: 'acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736',
  },
  {
    name: 'get-header-key-duplicate',
    method: 'GET',
    url: '/',
    headers: [['Host', 'example.amazonaws.com'], ['My-Header1', 'value2'], ['My-Header1', 'value2'], ['My-Header1', 'value1'], ['X-Amz-Date', '20150830T123600Z']],
    signedHeaders: 'host;my-header1;x-amz-date',
    signature: 'c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea',
  },
  {
    name: 'post-header-key-sort',
    method: 'POST',
    url: '/',
    headers: [['Host', 'example.amazonaws.com'], ['My-Header1', 'value1'], ['X-Amz-Date', '20150830T123600Z']],
    signedHeaders: 'host;my-header1;x-amz-date',
    signature: 'c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c',
  },
  {
    name: 'post-x-www-form-urlencoded',
    method: 'POST',
    url: '/',
    headers: [['Content-Type', 'application/x-www-form-urlencoded'], ['Host', 'example.amazonaws.com'], ['X-Amz-Date', '20150830T123600Z']],
    body: 'Param1=value1',
    signedHeaders: 'content-type;host;x-amz-date',
    signature: 'ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a',
  },
];

function suiteRequest(c: SuiteCase, signature = c.signature): { request: SigV4Request; authorization: string } {
  const authorization = `AWS4-HMAC-SHA256 Credential=${SUITE_KEY}/20150830/us-east-1/service/aws4_request, SignedHeaders=${c.signedHeaders}, Signature=${signature}`;
  return {
    request: { method: c.method, url: c.url, rawHeaders: c.headers.flat(), body: Buffer.from(c.body ?? '') },
    authorization,
  };
}

const suiteCredential: SigningCredential = { accessKeyId: SUITE_KEY, secretAccessKey: SUITE_SECRET, caller: SUITE_CALLER };

function verifySuite(request: SigV4Request, authorization: string, now = SUITE_NOW, credential: SigningCredential = suiteCredential) {
  return verifySigV4(request, parseAuthorization(authorization), {
    service: 'service',
    isValidRegion: (r: string) => r === 'us-east-1',
    now,
    findCredential: (id) => (id === credential.accessKeyId ? credential : undefined),
  });
}

function failureOf(fn: () => unknown): { kind: SigV4FailureKind; message: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof SigV4Failure) return { kind: error.kind, message: error.message };
    throw error;
  }
  throw new Error('expected a SigV4Failure');
}

describe('AWS SigV4 test suite', () => {
  for (const c of SUITE) {
    it(`${c.name} verifies`, () => {
      const { request, authorization } = suiteRequest(c);
      expect(verifySuite(request, authorization).accessKeyId).toBe(SUITE_KEY);
    });
    it(`${c.name} rejects a signature off by one digit`, () => {
      const wrong = c.signature.slice(0, -1) + (c.signature.endsWith('0') ? '1' : '0');
      const { request, authorization } = suiteRequest(c, wrong);
      expect(failureOf(() => verifySuite(request, authorization))).toEqual({ kind: 'signature-mismatch', message: SIGNATURE_MISMATCH_MESSAGE });
    });
  }

  it('post-sts-header-before: a session credential needs its token', () => {
    const token =
      'AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==';
    const session: SigningCredential = { ...suiteCredential, sessionToken: token, expiration: '2015-08-30T13:00:00Z' };
    const c: SuiteCase = {
      name: 'post-sts-header-before',
      method: 'POST',
      url: '/',
      headers: [...BASE, ['X-Amz-Security-Token', token]],
      signedHeaders: 'host;x-amz-date;x-amz-security-token',
      signature: '85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead',
    };
    const { request, authorization } = suiteRequest(c);
    expect(verifySuite(request, authorization, SUITE_NOW, session).accessKeyId).toBe(SUITE_KEY);
    // Without the token header (same signature): refused as an invalid token.
    const noToken = { ...request, rawHeaders: BASE.flat() };
    expect(failureOf(() => verifySuite(noToken, authorization, SUITE_NOW, session)).kind).toBe('invalid-client-token');
    // Expired session.
    expect(failureOf(() => verifySuite(request, authorization, new Date('2015-08-30T13:00:01Z'), session)).kind).toBe('expired-token');
    // Revoked session.
    expect(failureOf(() => verifySuite(request, authorization, SUITE_NOW, { ...session, revoked: true })).kind).toBe('invalid-client-token');
  });
});

describe('SigV4 checks around the signature', () => {
  const vanilla = SUITE[0]!;

  it('refuses an unknown key', () => {
    const { request, authorization } = suiteRequest(vanilla);
    expect(failureOf(() => verifySuite(request, authorization.replace(SUITE_KEY, 'AKIDUNKNOWN'))).kind).toBe('invalid-client-token');
  });

  it('refuses a scope naming another service or region', () => {
    const { request, authorization } = suiteRequest(vanilla);
    expect(failureOf(() => verifySuite(request, authorization.replace('/service/', '/iam/')))).toEqual({
      kind: 'signature-mismatch',
      message: "Credential should be scoped to correct service: 'service'. ",
    });
    expect(failureOf(() => verifySuite(request, authorization.replace('us-east-1', 'mars-1'))).kind).toBe('signature-mismatch');
  });

  it('words clock skew as AWS does, in both directions', () => {
    const { request, authorization } = suiteRequest(vanilla);
    expect(failureOf(() => verifySuite(request, authorization, new Date('2015-08-30T12:51:01Z')))).toEqual({
      kind: 'signature-expired',
      message: 'Signature expired: 20150830T123600Z is now earlier than 20150830T123601Z (20150830T125101Z - 15 min.)',
    });
    expect(failureOf(() => verifySuite(request, authorization, new Date('2015-08-30T12:20:59Z')))).toEqual({
      kind: 'signature-expired',
      message: 'Signature not yet current: 20150830T123600Z is still later than 20150830T123559Z (20150830T122059Z + 15 min.)',
    });
    expect(verifySuite(request, authorization, new Date('2015-08-30T12:50:59Z')).accessKeyId).toBe(SUITE_KEY);
  });

  it('reports an incomplete Authorization header', () => {
    expect(failureOf(() => parseAuthorization('AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/iam/aws4_request')).message).toMatch(
      /^Authorization header requires 'Signature' parameter\. Authorization header requires 'SignedHeaders' parameter\./,
    );
    expect(failureOf(() => parseAuthorization('AWS3 x')).kind).toBe('incomplete');
  });

  it('requires a date header', () => {
    const { request, authorization } = suiteRequest(vanilla);
    const undated = { ...request, rawHeaders: ['Host', 'example.amazonaws.com'] };
    expect(failureOf(() => verifySuite(undated, authorization)).message).toBe(
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    );
  });

  it('checks a declared payload hash against the body', () => {
    const c = SUITE.find((s) => s.name === 'post-x-www-form-urlencoded')!;
    const { request, authorization } = suiteRequest(c);
    const tampered = { ...request, body: Buffer.from('Param1=value2') };
    expect(failureOf(() => verifySuite(tampered, authorization)).kind).toBe('signature-mismatch');
  });

  it('canonicalises paths and queries', () => {
    expect(canonicalUri('/a/./b/../c//d/')).toBe('/a/c/d/');
    expect(canonicalUri('/a b')).toBe('/a%20b');
    expect(canonicalQuery('b=2&a=1&a=0&c')).toBe('a=0&a=1&b=2&c=');
    expect(canonicalQuery('x=a%20b&y=a*b')).toBe('x=a%20b&y=a%2Ab');
  });
});

describe('requests signed by the AWS SDK signer (@smithy/signature-v4)', () => {
  const credential: SigningCredential = {
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    caller: SUITE_CALLER,
  };

  async function sdkSigned(service: string, body: string, extraHeaders: Record<string, string>, signingDate: Date, sessionToken?: string) {
    const signer = new SignatureV4({
      credentials: { accessKeyId: credential.accessKeyId, secretAccessKey: credential.secretAccessKey, sessionToken },
      region: 'us-east-1',
      service,
      sha256: NodeSha256,
    });
    const signed = await signer.sign(
      {
        method: 'POST',
        protocol: 'http:',
        hostname: '127.0.0.1',
        port: 4599,
        path: '/',
        query: {},
        headers: { host: '127.0.0.1:4599', 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...extraHeaders },
        body,
      },
      { signingDate },
    );
    const rawHeaders = Object.entries(signed.headers).flat();
    return { request: { method: 'POST', url: '/', rawHeaders, body: Buffer.from(body) }, authorization: signed.headers['authorization']! };
  }

  it('verifies an SDK-signed IAM GetRole, and refuses it after the body changes', async () => {
    const now = new Date('2026-11-28T01:02:03Z');
    const body = 'Action=GetRole&Version=2010-05-08&RoleName=Matillion%2BRole';
    const { request, authorization } = await sdkSigned('iam', body, { 'amz-sdk-invocation-id': 'abc', 'amz-sdk-request': 'attempt=1; max=3' }, now);
    const options = { service: 'iam', isValidRegion: (r: string) => r === 'us-east-1', now, findCredential: (id: string) => (id === credential.accessKeyId ? credential : undefined) };
    expect(formatAmzDate(now)).toBe('20261128T010203Z');
    expect(verifySigV4(request, parseAuthorization(authorization), options)).toBe(credential);
    const changed = { ...request, body: Buffer.from(body.replace('Matillion', 'Other')) };
    expect(failureOf(() => verifySigV4(changed, parseAuthorization(authorization), options)).kind).toBe('signature-mismatch');
  });

  it('verifies an SDK-signed request carrying a session token', async () => {
    const now = new Date('2026-11-28T01:02:03Z');
    const session: SigningCredential = { ...credential, accessKeyId: 'AKIAIOSFODNN7EXAMPLE', sessionToken: 'tok/en+==', expiration: '2026-11-28T02:00:00Z' };
    const { request, authorization } = await sdkSigned('sts', 'Action=GetCallerIdentity&Version=2011-06-15', {}, now, session.sessionToken);
    const options = { service: 'sts', isValidRegion: (r: string) => r === 'us-east-1', now, findCredential: () => session };
    expect(verifySigV4(request, parseAuthorization(authorization), options)).toBe(session);
  });
});

describe('presigned requests (@smithy/signature-v4 presign)', () => {
  const now = new Date('2026-11-28T01:02:03Z');
  const session: SigningCredential = {
    accessKeyId: 'ASIAEXAMPLEEXAMPLE01',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    sessionToken: 'tok/en+==',
    expiration: '2026-11-28T02:00:00Z',
    caller: SUITE_CALLER,
  };
  const options = (at: Date) => ({ service: 'sts', isValidRegion: (r: string) => r === 'us-east-1', now: at, findCredential: () => session });

  async function presigned(expiresIn: number) {
    const { accessKeyId, secretAccessKey, sessionToken } = session;
    const signer = new SignatureV4({ credentials: { accessKeyId, secretAccessKey, sessionToken }, region: 'us-east-1', service: 'sts', sha256: NodeSha256 });
    const request = await signer.presign(
      { method: 'GET', protocol: 'http:', hostname: '127.0.0.1', port: 4599, path: '/', query: { Action: 'GetCallerIdentity', Version: '2011-06-15' }, headers: { host: '127.0.0.1:4599' } },
      { signingDate: now, expiresIn },
    );
    const query = new URLSearchParams(request.query as Record<string, string>);
    return { url: `/?${query.toString()}`, query: new Map(query), rawHeaders: ['host', '127.0.0.1:4599'] };
  }

  it('carries the session token in the query and verifies over an empty body', async () => {
    const { url, query, rawHeaders } = await presigned(300);
    const auth = parsePresignedQuery(query)!;
    expect(auth.presigned).toMatchObject({ expiresSeconds: 300, securityToken: 'tok/en+==' });
    expect(verifySigV4({ method: 'GET', url, rawHeaders, body: Buffer.alloc(0) }, auth, options(now))).toBe(session);
  });

  it('expires after X-Amz-Expires (and never later than 15 minutes)', async () => {
    const short = await presigned(60);
    const request = { method: 'GET', url: short.url, rawHeaders: short.rawHeaders };
    expect(() => checkSigV4Head(request, parsePresignedQuery(short.query)!, options(new Date(now.getTime() + 60_000)))).not.toThrow();
    expect(failureOf(() => checkSigV4Head(request, parsePresignedQuery(short.query)!, options(new Date(now.getTime() + 61_000))))).toMatchObject({
      kind: 'signature-expired',
      message: 'Signature expired: 20261128T010203Z is now earlier than 20261128T010204Z (20261128T010304Z - 60 sec.)',
    });
    const long = await presigned(3600);
    expect(failureOf(() => checkSigV4Head({ ...request, url: long.url }, parsePresignedQuery(long.query)!, options(new Date(now.getTime() + 901_000)))).kind).toBe('signature-expired');
  });

  it('is not presigned without X-Amz-Algorithm, and incomplete without its other parameters', () => {
    expect(parsePresignedQuery(new Map([['Action', 'GetCallerIdentity']]))).toBeUndefined();
    expect(failureOf(() => parsePresignedQuery(new Map([['X-Amz-Algorithm', 'AWS4-HMAC-SHA256']]))).kind).toBe('incomplete');
  });
});
