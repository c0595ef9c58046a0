/**
 * A small, fast SigV4 signer and raw HTTP client for local AWS, written on node:crypto and node:http so that tests can
 * send what the SDK never would (broken escapes, invalid UTF-8 bytes, odd headers) with a valid signature, and so that
 * the load test can sign thousands of requests a second. The signer is scripts/bench/sigv4-sign.ts, shared with
 * `npm run bench`. Used by test/robustness/* only.
 */
import { Agent, request as httpRequest } from 'node:http';
import { signHeaders, type SignRequest, type SigningKeyPair } from '../../scripts/bench/sigv4-sign.ts';

export { amzDate, form, signHeaders } from '../../scripts/bench/sigv4-sign.ts';

export const ADMIN_KEY = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};

export type Credentials = SigningKeyPair;

export interface WireRequest extends SignRequest {
  /** Raw query string after `?`, sent and signed exactly as given. */
  query?: string;
  body?: string | Buffer;
  /** Sent but not signed. */
  extraHeaders?: Record<string, string>;
}

export interface WireResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  elapsedMs: number;
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
