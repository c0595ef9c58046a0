/**
 * A small, fast SigV4 signer and raw HTTP client for local AWS, written on node:crypto and node:http so that tests can
 * send what the SDK never would (broken escapes, invalid UTF-8 bytes, odd headers) with a valid signature, and so that
 * the load test can sign thousands of requests a second. Used by test/robustness/* only.
 */
import { createHash, createHmac } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';

export const ADMIN_KEY = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface WireRequest {
  /** SigV4 signing name (scope), e.g. iam, ec2, cognito-idp. Omit `credentials` to send unsigned. */
  service: string;
  region?: string;
  credentials?: Credentials;
  /** Raw query string after `?`, sent and signed exactly as given. */
  query?: string;
  body?: string | Buffer;
  /** X-Amz-Target for JSON 1.1 calls. */
  target?: string;
  contentType?: string;
  /** Signing date; defaults to now. */
  date?: Date;
  /** Changes the computed signature before sending (tests of refusal). */
  tamperSignature?: (signature: string) => string;
  /** Changes the whole Authorization header after signing (e.g. its scope). */
  tamperAuthorization?: (header: string) => string;
  /** Sent but not signed. */
  extraHeaders?: Record<string, string>;
}

export interface WireResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  elapsedMs: number;
}

const FORM = 'application/x-www-form-urlencoded; charset=utf-8';
const JSON_11 = 'application/x-amz-json-1.1';

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

const signingKeys = new Map<string, Buffer>();

function signingKey(secret: string, day: string, region: string, service: string): Buffer {
  const cacheKey = `${secret}/${day}/${region}/${service}`;
  let key = signingKeys.get(cacheKey);
  if (!key) {
    key = hmac(hmac(hmac(hmac(`AWS4${secret}`, day), region), service), 'aws4_request');
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

export function amzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** The headers of a signed (or unsigned) request; `host` is included. */
export function signHeaders(host: string, request: WireRequest, body: Buffer): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': request.contentType ?? (request.target !== undefined ? JSON_11 : FORM),
    host,
  };
  if (request.target !== undefined) headers['x-amz-target'] = request.target;
  const credentials = request.credentials;
  if (!credentials) return headers;
  const date = amzDate(request.date ?? new Date());
  headers['x-amz-date'] = date;
  if (credentials.sessionToken !== undefined) headers['x-amz-security-token'] = credentials.sessionToken;
  const names = Object.keys(headers).sort();
  const day = date.slice(0, 8);
  const region = request.region ?? 'us-east-1';
  const scope = `${day}/${region}/${request.service}/aws4_request`;
  const canonical = [
    'POST',
    '/',
    canonicalQuery(request.query ?? ''),
    names.map((name) => `${name}:${headers[name]!.trim()}\n`).join(''),
    names.join(';'),
    createHash('sha256').update(body).digest('hex'),
  ].join('\n');
  const stringToSign = `AWS4-HMAC-SHA256\n${date}\n${scope}\n${createHash('sha256').update(canonical, 'utf8').digest('hex')}`;
  let signature = createHmac('sha256', signingKey(credentials.secretAccessKey, day, region, request.service))
    .update(stringToSign, 'utf8')
    .digest('hex');
  if (request.tamperSignature) signature = request.tamperSignature(signature);
  const authorization = `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`;
  headers['authorization'] = request.tamperAuthorization ? request.tamperAuthorization(authorization) : authorization;
  return headers;
}

export interface WireClientOptions {
  /** Keep-alive sockets per client; tests use a handful, the load test one per virtual client. */
  maxSockets?: number;
  /** A request that takes longer is a hang: it fails with a timeout error. */
  timeoutMs?: number;
}

/** Sends raw requests to one local AWS over keep-alive connections. */
export class WireClient {
  private readonly target: URL;
  readonly agent: Agent;
  private readonly timeoutMs: number;

  constructor(url: string, options: WireClientOptions = {}) {
    this.target = new URL(url);
    this.agent = new Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 4 });
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  send(request: WireRequest): Promise<WireResponse> {
    const body =
      request.body === undefined
        ? Buffer.alloc(0)
        : Buffer.isBuffer(request.body)
          ? request.body
          : Buffer.from(request.body, 'utf8');
    const headers: Record<string, string> = {
      ...signHeaders(this.target.host, request, body),
      ...request.extraHeaders,
    };
    headers['content-length'] = String(body.length);
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: this.target.hostname,
          port: this.target.port,
          method: 'POST',
          path: request.query === undefined ? '/' : `/?${request.query}`,
          headers,
          agent: this.agent,
          timeout: this.timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString('utf8'),
              elapsedMs: performance.now() - started,
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer within ${this.timeoutMs} ms`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Form-encodes parameters the way the SDK does (RFC 3986). */
export function form(params: Record<string, string | number>): string {
  return Object.entries(params)
    .map(([name, value]) => `${rfc3986(name)}=${rfc3986(String(value))}`)
    .join('&');
}

export interface ParsedError {
  protocol: 'awsQuery' | 'ec2Query' | 'json';
  code: string;
  message: string;
}

function xmlText(body: string, element: string): string | undefined {
  const match = new RegExp(`<${element}>([^<]*)</${element}>`).exec(body);
  return match?.[1]?.replace(/&(amp|lt|gt|quot|apos|#x[0-9A-Fa-f]+|#\d+);/g, (_, entity: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (entity in named) return named[entity]!;
    return String.fromCodePoint(entity.startsWith('#x') ? parseInt(entity.slice(2), 16) : Number(entity.slice(1)));
  });
}

/**
 * AWS's error shape for the protocol, or undefined when the body is not one:
 * awsQuery `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`,
 * ec2Query `<Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>`,
 * JSON 1.1 `{"__type": …, "message": …}` with the same code in x-amzn-ErrorType.
 */
export function parseError(protocol: ParsedError['protocol'], response: WireResponse): ParsedError | undefined {
  if (protocol === 'json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(response.body);
    } catch {
      return undefined;
    }
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { __type: code, message } = parsed as { __type?: unknown; message?: unknown };
    if (typeof code !== 'string' || code === '' || typeof message !== 'string') return undefined;
    if (response.headers['x-amzn-errortype'] !== code) return undefined;
    return { protocol, code, message };
  }
  const body = response.body;
  if (protocol === 'awsQuery') {
    if (
      !/^<ErrorResponse xmlns="https:\/\/(iam|sts)\.amazonaws\.com\/doc\/[0-9-]+\/"><Error><Type>Sender<\/Type><Code>/.test(
        body,
      )
    )
      return undefined;
    if (!/<\/Error><RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>$/.test(body)) return undefined;
  } else {
    if (!/^(<\?xml version="1\.0" encoding="UTF-8"\?>\s*)?<Response><Errors><Error><Code>/.test(body)) return undefined;
    if (!/<\/Error><\/Errors><RequestID>[0-9a-f-]{36}<\/RequestID><\/Response>$/.test(body)) return undefined;
  }
  const code = xmlText(body, 'Code');
  const message = xmlText(body, 'Message');
  if (!code || message === undefined) return undefined;
  return { protocol, code, message };
}
