/**
 * AWS Signature Version 4 verification (Authorization-header and presigned query-string forms), as AWS
 * services do it: canonical request → string to sign → HMAC chain with the secret key → constant-time compare.
 * Verification is split in two so that the server can refuse a request from its head alone, before it
 * reads the body: checkSigV4Head (date, scope, key, token, expiry, skew), then checkSignature over the
 * SHA-256 of the body as it was streamed.
 *
 * Failures are returned as SigV4Failure kinds; server/service-errors.ts turns each kind into the
 * addressed service's own error (IAM/STS, EC2 and the JSON services word them differently).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { SigningCredential } from '../identity/credentials.ts';

export const ALGORITHM = 'AWS4-HMAC-SHA256';
/** AWS refuses signatures dated more than 15 minutes away from its clock. */
export const MAX_SKEW_MS = 15 * 60 * 1000;
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

export type SigV4FailureKind =
  /** No Authorization header at all. */
  | 'missing'
  /** The header is there but unusable (missing parts, bad date, bad terminator). */
  | 'incomplete'
  /** Unknown access key, wrong or missing session token, revoked session. */
  | 'invalid-client-token'
  /** The signature (or its scope) does not match. */
  | 'signature-mismatch'
  /** The request date is more than 15 minutes away from now. */
  | 'signature-expired'
  /** Temporary credentials past their expiration. */
  | 'expired-token';

export class SigV4Failure extends Error {
  constructor(
    readonly kind: SigV4FailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'SigV4Failure';
  }
}

export const SIGNATURE_MISMATCH_MESSAGE =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

export interface ParsedAuthorization {
  accessKeyId: string;
  /** YYYYMMDD of the credential scope. */
  scopeDate: string;
  region: string;
  service: string;
  terminator: string;
  /** Lower-case names, in the order given (AWS requires them sorted; the signer sorts them). */
  signedHeaders: string[];
  signedHeadersText: string;
  signature: string;
  /** Set for a presigned request, whose signature, date and token travel in the query string. */
  presigned?: PresignedParameters;
}

export interface PresignedParameters {
  amzDate: string;
  /** X-Amz-Expires: how many seconds after amzDate the URL may be used. */
  expiresSeconds: number;
  securityToken: string | undefined;
  /** X-Amz-Content-Sha256 hoisted into the query by the presigner (e.g. UNSIGNED-PAYLOAD). */
  contentSha256: string | undefined;
}

/** Parses `AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/iam/aws4_request, SignedHeaders=host;x-amz-date, Signature=…`. */
export function parseAuthorization(header: string): ParsedAuthorization {
  const space = header.indexOf(' ');
  const algorithm = space === -1 ? header : header.slice(0, space);
  if (algorithm !== ALGORITHM) {
    throw new SigV4Failure('incomplete', `Unsupported AWS 'algorithm': '${algorithm}'`);
  }
  let credential: string | undefined;
  let signedHeadersText: string | undefined;
  let signature: string | undefined;
  for (const part of header.slice(space + 1).split(',')) {
    const trimmed = part.trim();
    const eq = trimmed.indexOf('=');
    if (eq === -1) continue;
    const name = trimmed.slice(0, eq);
    const value = trimmed.slice(eq + 1);
    if (name === 'Credential') credential = value;
    else if (name === 'SignedHeaders') signedHeadersText = value;
    else if (name === 'Signature') signature = value;
  }
  const missing: string[] = [];
  if (credential === undefined) missing.push("Authorization header requires 'Credential' parameter.");
  if (signature === undefined) missing.push("Authorization header requires 'Signature' parameter.");
  if (signedHeadersText === undefined) missing.push("Authorization header requires 'SignedHeaders' parameter.");
  if (missing.length > 0) throw new SigV4Failure('incomplete', `${missing.join(' ')} Authorization=${header}`);

  return {
    ...parseCredentialScope(credential!),
    signedHeaders: signedHeadersText!.split(';'),
    signedHeadersText: signedHeadersText!,
    signature: signature!,
  };
}

/** The longest validity a presigned URL may ask for (seven days), as AWS documents for X-Amz-Expires. */
export const MAX_PRESIGNED_EXPIRES_SECONDS = 604_800;
const SIGNATURE_PARAMETER = 'X-Amz-Signature';

/**
 * Reads the SigV4 parameters of a presigned request from its decoded query parameters; undefined when the
 * request does not carry X-Amz-Algorithm (it is then not presigned).
 */
export function parsePresignedQuery(query: ReadonlyMap<string, string>): ParsedAuthorization | undefined {
  const algorithm = query.get('X-Amz-Algorithm');
  if (algorithm === undefined) return undefined;
  if (algorithm !== ALGORITHM) throw new SigV4Failure('incomplete', `Unsupported AWS 'algorithm': '${algorithm}'`);
  const required = ['X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-SignedHeaders', SIGNATURE_PARAMETER];
  const missing = required.filter((name) => !query.has(name));
  if (missing.length > 0) {
    throw new SigV4Failure('incomplete', `AWS query-string parameters must include ${required.map((name) => `'${name}'`).join(', ')}. Missing: ${missing.join(', ')}.`);
  }
  const expiresText = query.get('X-Amz-Expires')!;
  const expiresSeconds = /^\d{1,7}$/.test(expiresText) ? Number(expiresText) : Number.NaN;
  if (!(expiresSeconds >= 1 && expiresSeconds <= MAX_PRESIGNED_EXPIRES_SECONDS)) {
    throw new SigV4Failure('incomplete', `X-Amz-Expires must be a number of seconds from 1 to ${MAX_PRESIGNED_EXPIRES_SECONDS}, not '${expiresText}'.`);
  }
  const signedHeadersText = query.get('X-Amz-SignedHeaders')!;
  return {
    ...parseCredentialScope(query.get('X-Amz-Credential')!),
    signedHeaders: signedHeadersText.split(';'),
    signedHeadersText,
    signature: query.get(SIGNATURE_PARAMETER)!,
    presigned: {
      amzDate: query.get('X-Amz-Date')!,
      expiresSeconds,
      securityToken: query.get('X-Amz-Security-Token'),
      contentSha256: query.get('X-Amz-Content-Sha256'),
    },
  };
}

/** `AKID/20150830/us-east-1/iam/aws4_request` → its five parts. */
function parseCredentialScope(credential: string): Pick<ParsedAuthorization, 'accessKeyId' | 'scopeDate' | 'region' | 'service' | 'terminator'> {
  const scope = credential.split('/');
  if (scope.length !== 5 || scope.some((piece) => piece.length === 0)) {
    throw new SigV4Failure('incomplete', `Credential should be scoped to a valid region, not '${scope[2] ?? ''}'. `);
  }
  const [accessKeyId, scopeDate, region, service, terminator] = scope as [string, string, string, string, string];
  return { accessKeyId, scopeDate, region, service, terminator };
}

/** What the verifier needs from an HTTP request before its body is read. */
export interface SigV4RequestHead {
  method: string;
  /** Path and query exactly as on the request line, e.g. `/?Action=GetRole`. */
  url: string;
  /** Node's flat list [name, value, name, value, …], keeping duplicates in order. */
  rawHeaders: readonly string[];
}

export interface SigV4Request extends SigV4RequestHead {
  body: Buffer;
}

// RFC 3986 unreserved characters stay; everything else is %XX with upper-case hex.
export function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function safeDecode(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The canonical URI: the normalised path (dot segments and empty segments removed), each segment
 * URI-encoded once. Local AWS serves only `/`, so the general case is rare.
 */
export function canonicalUri(path: string): string {
  if (path === '/' || path === '') return '/';
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(uriEncode(safeDecode(segment)));
  }
  const joined = `/${out.join('/')}`;
  return path.endsWith('/') && out.length > 0 ? `${joined}/` : joined;
}

/**
 * Parameters sorted by encoded name, then value; names and values URI-encoded; `a` becomes `a=`.
 * A presigned request's canonical query leaves out its own X-Amz-Signature.
 */
export function canonicalQuery(query: string, presigned = false): string {
  if (query.length === 0) return '';
  const pairs: [string, string][] = [];
  for (const piece of query.split('&')) {
    if (piece.length === 0) continue;
    const eq = piece.indexOf('=');
    const name = safeDecode(eq === -1 ? piece : piece.slice(0, eq));
    if (presigned && name === SIGNATURE_PARAMETER) continue;
    const value = eq === -1 ? '' : piece.slice(eq + 1);
    pairs.push([uriEncode(name), uriEncode(safeDecode(value))]);
  }
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

/** Trims a header value and collapses runs of spaces to one, as the canonical form requires. */
function canonicalHeaderValue(value: string): string {
  const trimmed = value.trim();
  return trimmed.includes('  ') || trimmed.includes('\t') || trimmed.includes('\n')
    ? trimmed.replace(/\s+/g, ' ')
    : trimmed;
}

/** `name:value\n` for each signed header; repeated headers are joined with commas in arrival order. */
export function canonicalHeaders(rawHeaders: readonly string[], signedHeaders: readonly string[]): string {
  const values = new Map<string, string>();
  for (const name of signedHeaders) values.set(name, '');
  const seen = new Set<string>();
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!.toLowerCase();
    if (!values.has(name)) continue;
    const value = canonicalHeaderValue(rawHeaders[i + 1]!);
    values.set(name, seen.has(name) ? `${values.get(name)},${value}` : value);
    seen.add(name);
  }
  let out = '';
  for (const name of signedHeaders) out += `${name}:${values.get(name)}\n`;
  return out;
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function buildCanonicalRequest(request: SigV4RequestHead, auth: ParsedAuthorization, payloadHash: string): string {
  const q = request.url.indexOf('?');
  const path = q === -1 ? request.url : request.url.slice(0, q);
  const query = q === -1 ? '' : request.url.slice(q + 1);
  return [
    request.method.toUpperCase(),
    canonicalUri(path),
    canonicalQuery(query, auth.presigned !== undefined),
    canonicalHeaders(request.rawHeaders, auth.signedHeaders),
    auth.signedHeadersText,
    payloadHash,
  ].join('\n');
}

const signingKeys = new Map<string, Buffer>();
const SIGNING_KEY_CACHE_LIMIT = 512;

/** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4"+secret, date), region), service), "aws4_request"), cached per day/region/service. */
export function signingKey(secretAccessKey: string, date: string, region: string, service: string): Buffer {
  const cacheKey = `${secretAccessKey}\n${date}\n${region}\n${service}`;
  let key = signingKeys.get(cacheKey);
  if (key === undefined) {
    const kDate = createHmac('sha256', `AWS4${secretAccessKey}`).update(date).digest();
    const kRegion = createHmac('sha256', kDate).update(region).digest();
    const kService = createHmac('sha256', kRegion).update(service).digest();
    key = createHmac('sha256', kService).update('aws4_request').digest();
    if (signingKeys.size >= SIGNING_KEY_CACHE_LIMIT) signingKeys.clear();
    signingKeys.set(cacheKey, key);
  }
  return key;
}

export function computeSignature(input: {
  secretAccessKey: string;
  amzDate: string;
  scopeDate: string;
  region: string;
  service: string;
  canonicalRequest: string;
}): string {
  const scope = `${input.scopeDate}/${input.region}/${input.service}/aws4_request`;
  const stringToSign = `${ALGORITHM}\n${input.amzDate}\n${scope}\n${sha256Hex(input.canonicalRequest)}`;
  return createHmac('sha256', signingKey(input.secretAccessKey, input.scopeDate, input.region, input.service))
    .update(stringToSign)
    .digest('hex');
}

function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'latin1');
  const right = Buffer.from(b, 'latin1');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** First value of a header (case-insensitive) from Node's raw list. */
export function rawHeader(rawHeaders: readonly string[], lowerName: string): string | undefined {
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!;
    if (name.length === lowerName.length && name.toLowerCase() === lowerName) return rawHeaders[i + 1];
  }
  return undefined;
}

const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** Parses 20150830T123600Z; undefined when malformed. */
export function parseAmzDate(text: string): Date | undefined {
  const m = AMZ_DATE.exec(text);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

export function formatAmzDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function requestDate(request: SigV4RequestHead, auth: ParsedAuthorization): { amzDate: string; date: Date } {
  const amz = auth.presigned?.amzDate ?? rawHeader(request.rawHeaders, 'x-amz-date');
  if (amz !== undefined) {
    const date = parseAmzDate(amz.trim());
    if (!date) {
      throw new SigV4Failure('incomplete', `Date must be in ISO-8601 'basic format'. Got '${amz}'. See http://en.wikipedia.org/wiki/ISO_8601`);
    }
    return { amzDate: amz.trim(), date };
  }
  const http = rawHeader(request.rawHeaders, 'date');
  const parsed = http === undefined ? Number.NaN : Date.parse(http);
  if (Number.isNaN(parsed)) {
    throw new SigV4Failure('incomplete', "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  }
  const date = new Date(parsed);
  return { amzDate: formatAmzDate(date), date };
}

export interface VerifyOptions {
  /** The signing name of the service being addressed (iam, sts, ec2, cognito-idp, cognito-identity). */
  service: string;
  /** Whether the scope may name this region (EC2: the regions it serves; global services: any region). */
  isValidRegion(region: string): boolean;
  now: Date;
  findCredential(accessKeyId: string): SigningCredential | undefined;
}

/** What checkSigV4Head found: the key that signed and the date that went into the string to sign. */
export interface CheckedHead {
  credential: SigningCredential;
  amzDate: string;
}

/**
 * Everything that can be checked before the body is read. Throws SigV4Failure.
 * Check order: header shape → date → scope → key → session token → expiry → clock skew (or, presigned, X-Amz-Expires).
 */
export function checkSigV4Head(request: SigV4RequestHead, auth: ParsedAuthorization, options: VerifyOptions): CheckedHead {
  const { amzDate, date } = requestDate(request, auth);

  if (auth.terminator !== 'aws4_request') {
    throw new SigV4Failure('incomplete', `Credential should be scoped with a valid terminator: 'aws4_request', not '${auth.terminator}'.`);
  }
  if (!auth.signedHeaders.includes('host')) {
    throw new SigV4Failure('incomplete', "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }
  if (auth.service !== options.service) {
    throw new SigV4Failure('signature-mismatch', `Credential should be scoped to correct service: '${options.service}'. `);
  }
  if (!options.isValidRegion(auth.region)) {
    throw new SigV4Failure('signature-mismatch', `Credential should be scoped to a valid region. `);
  }
  const dateStamp = amzDate.slice(0, 8);
  if (auth.scopeDate !== dateStamp) {
    throw new SigV4Failure(
      'signature-mismatch',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.scopeDate}' != '${dateStamp}', from '${amzDate}'.`,
    );
  }

  const credential = options.findCredential(auth.accessKeyId);
  if (!credential) throw new SigV4Failure('invalid-client-token', 'unknown access key');
  const sentToken = auth.presigned ? auth.presigned.securityToken : rawHeader(request.rawHeaders, 'x-amz-security-token');
  if (credential.sessionToken !== undefined) {
    if (sentToken === undefined || !constantTimeEqual(sentToken, credential.sessionToken)) {
      throw new SigV4Failure('invalid-client-token', 'missing or wrong session token');
    }
  } else if (sentToken !== undefined && sentToken !== '') {
    throw new SigV4Failure('invalid-client-token', 'session token sent with a long-term key');
  }
  if (credential.revoked) throw new SigV4Failure('invalid-client-token', 'revoked session');
  if (credential.expiration !== undefined && options.now.getTime() >= Date.parse(credential.expiration)) {
    throw new SigV4Failure('expired-token', 'expired session');
  }
  checkRequestTime(amzDate, date, auth.presigned, options.now);
  return { credential, amzDate };
}

function checkRequestTime(amzDate: string, date: Date, presigned: PresignedParameters | undefined, now: Date): void {
  const skew = date.getTime() - now.getTime();
  if (presigned) {
    // Services other than S3 keep their 15-minute window for presigned requests: a longer X-Amz-Expires does not extend it.
    const validMs = Math.min(presigned.expiresSeconds * 1000, MAX_SKEW_MS);
    if (skew < -validMs) {
      const limit = new Date(now.getTime() - validMs);
      throw new SigV4Failure(
        'signature-expired',
        `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(limit)} (${formatAmzDate(now)} - ${validMs / 1000} sec.)`,
      );
    }
  } else if (skew < -MAX_SKEW_MS) {
    const limit = new Date(now.getTime() - MAX_SKEW_MS);
    throw new SigV4Failure('signature-expired', `Signature expired: ${amzDate} is now earlier than ${formatAmzDate(limit)} (${formatAmzDate(now)} - 15 min.)`);
  }
  if (skew > MAX_SKEW_MS) {
    const limit = new Date(now.getTime() + MAX_SKEW_MS);
    throw new SigV4Failure(
      'signature-expired',
      `Signature not yet current: ${amzDate} is still later than ${formatAmzDate(limit)} (${formatAmzDate(now)} + 15 min.)`,
    );
  }
}

/**
 * Checks the signature of a request whose head passed checkSigV4Head, given the SHA-256 (hex) of its body
 * as received. A declared x-amz-content-sha256 is what was signed, and must match the body unless it is
 * UNSIGNED-PAYLOAD. Throws SigV4Failure.
 */
export function checkSignature(request: SigV4RequestHead, auth: ParsedAuthorization, head: CheckedHead, bodySha256: string): void {
  const declared = rawHeader(request.rawHeaders, 'x-amz-content-sha256') ?? auth.presigned?.contentSha256;
  if (declared !== undefined && declared !== UNSIGNED_PAYLOAD && declared !== bodySha256) {
    throw new SigV4Failure('signature-mismatch', SIGNATURE_MISMATCH_MESSAGE);
  }
  const expected = computeSignature({
    secretAccessKey: head.credential.secretAccessKey,
    amzDate: head.amzDate,
    scopeDate: auth.scopeDate,
    region: auth.region,
    service: auth.service,
    canonicalRequest: buildCanonicalRequest(request, auth, declared ?? bodySha256),
  });
  if (!constantTimeEqual(expected, auth.signature)) throw new SigV4Failure('signature-mismatch', SIGNATURE_MISMATCH_MESSAGE);
}

/** Verifies a signed request whose body is at hand (checkSigV4Head, then checkSignature). Returns the signing credential. */
export function verifySigV4(request: SigV4Request, auth: ParsedAuthorization, options: VerifyOptions): SigningCredential {
  const head = checkSigV4Head(request, auth, options);
  checkSignature(request, auth, head, request.body.length === 0 ? EMPTY_SHA256 : sha256Hex(request.body));
  return head.credential;
}
