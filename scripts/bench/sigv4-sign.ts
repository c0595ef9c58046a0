/**
 * The one fast SigV4 signer of `npm run bench` and test/robustness (on node:crypto): signing keys are derived once
 * per secret, day, region and service. Independent of local-aws's verifier on purpose, so the benchmark and the
 * robustness tests also check that the two agree (a mismatch shows up as errors).
 *
 * `signHeaders` signs any `POST /` (optional raw query string, form or JSON 1.1 body, and hooks that break the
 * signature for refusal tests); `QuerySigner` is the short form for awsQuery/ec2Query form posts.
 */
import { createHash, createHmac } from 'node:crypto';

export interface SigningKeyPair {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface SignRequest {
  /** SigV4 signing name (scope), e.g. iam, ec2, cognito-idp. Omit `credentials` to send unsigned. */
  service: string;
  region?: string;
  credentials?: SigningKeyPair;
  /** Raw query string after `?`, signed as SigV4 canonicalizes it. */
  query?: string;
  /** X-Amz-Target for JSON 1.1 calls. */
  target?: string;
  contentType?: string;
  /** Signing date; defaults to now. */
  date?: Date;
  /** Changes the computed signature before it goes into the header (tests of refusal). */
  tamperSignature?: (signature: string) => string;
  /** Changes the whole Authorization header after signing (e.g. its scope). */
  tamperAuthorization?: (header: string) => string;
}

export interface SignedQueryRequest {
  headers: Record<string, string>;
  body: string;
}

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded; charset=utf-8';
export const JSON_11_CONTENT_TYPE = 'application/x-amz-json-1.1';

const sha256Hex = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();

/** 20150830T123600Z */
export function amzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

const signingKeys = new Map<string, Buffer>();
/** Keys for a few secrets × days × regions × services; cleared when full so a long run cannot grow it forever. */
const MAX_CACHED_KEYS = 256;

function signingKey(secret: string, day: string, region: string, service: string): Buffer {
  const cacheKey = `${secret}\n${day}\n${region}\n${service}`;
  let key = signingKeys.get(cacheKey);
  if (!key) {
    key = hmac(hmac(hmac(hmac(`AWS4${secret}`, day), region), service), 'aws4_request');
    if (signingKeys.size >= MAX_CACHED_KEYS) signingKeys.clear();
    signingKeys.set(cacheKey, key);
  }
  return key;
}

function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function lenientDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** SigV4's canonical query: each name and value decoded once and re-encoded, pairs sorted. */
function canonicalQuery(query: string): string {
  if (query === '') return '';
  const pairs = query
    .split('&')
    .filter((piece) => piece.length > 0)
    .map((piece) => {
      const eq = piece.indexOf('=');
      const name = eq === -1 ? piece : piece.slice(0, eq);
      const value = eq === -1 ? '' : piece.slice(eq + 1);
      return `${rfc3986(lenientDecode(name))}=${rfc3986(lenientDecode(value))}`;
    });
  return pairs.sort().join('&');
}

/** Form-encodes parameters the way the SDK does (RFC 3986). */
export function form(params: Record<string, string | number>): string {
  return Object.entries(params)
    .map(([name, value]) => `${rfc3986(name)}=${rfc3986(String(value))}`)
    .join('&');
}

/**
 * The headers of a signed (or, without credentials, unsigned) `POST /` to `host` (e.g. 127.0.0.1:4566), `host`
 * included: content-type, host, x-amz-target, x-amz-date, x-amz-security-token and authorization.
 */
export function signHeaders(host: string, request: SignRequest, body: string | Buffer): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': request.contentType ?? (request.target !== undefined ? JSON_11_CONTENT_TYPE : FORM_CONTENT_TYPE),
    host,
  };
  if (request.target !== undefined) headers['x-amz-target'] = request.target;
  const credentials = request.credentials;
  if (!credentials) return headers;
  const date = amzDate(request.date ?? new Date());
  headers['x-amz-date'] = date;
  if (credentials.sessionToken !== undefined) headers['x-amz-security-token'] = credentials.sessionToken;
  const names = Object.keys(headers).sort();
  const signedHeaders = names.join(';');
  const day = date.slice(0, 8);
  const region = request.region ?? 'us-east-1';
  const scope = `${day}/${region}/${request.service}/aws4_request`;
  const canonicalRequest = [
    'POST',
    '/',
    canonicalQuery(request.query ?? ''),
    names.map((name) => `${name}:${headers[name]!.trim()}\n`).join(''),
    signedHeaders,
    sha256Hex(body),
  ].join('\n');
  const stringToSign = `AWS4-HMAC-SHA256\n${date}\n${scope}\n${sha256Hex(canonicalRequest)}`;
  let signature = createHmac('sha256', signingKey(credentials.secretAccessKey, day, region, request.service))
    .update(stringToSign, 'utf8')
    .digest('hex');
  if (request.tamperSignature) signature = request.tamperSignature(signature);
  const authorization = `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  headers.authorization = request.tamperAuthorization ? request.tamperAuthorization(authorization) : authorization;
  return headers;
}

/** Signs awsQuery / ec2Query form posts for one key, region and service. */
export class QuerySigner {
  constructor(
    private readonly credentials: SigningKeyPair,
    private readonly region: string,
    private readonly service: string,
    private readonly contentType = FORM_CONTENT_TYPE,
  ) {}

  /** Signs `POST /` with a form body; `host` is what the Host header will carry (e.g. 127.0.0.1:4566). */
  sign(host: string, params: Record<string, string>, now: Date = new Date()): SignedQueryRequest {
    return this.signBody(host, new URLSearchParams(params).toString(), now);
  }

  signBody(host: string, body: string, now: Date = new Date()): SignedQueryRequest {
    const headers = signHeaders(
      host,
      {
        service: this.service,
        region: this.region,
        credentials: this.credentials,
        contentType: this.contentType,
        date: now,
      },
      body,
    );
    return { headers, body };
  }
}
