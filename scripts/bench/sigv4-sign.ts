/**
 * A minimal SigV4 signer for awsQuery POST requests (form body), fast enough for load generation: the signing key
 * is derived once per day, region and service. Independent of local-aws's verifier on purpose, so the benchmark
 * also checks that the two agree (a mismatch shows up as errors).
 */
import { createHash, createHmac } from 'node:crypto';

export interface SigningKeyPair {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface SignedQueryRequest {
  headers: Record<string, string>;
  body: string;
}

const sha256Hex = (data: string): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data).digest();

/** 20150830T123600Z */
export function amzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export class QuerySigner {
  private cachedKey: { scope: string; key: Buffer } | undefined;

  constructor(
    private readonly credentials: SigningKeyPair,
    private readonly region: string,
    private readonly service: string,
    private readonly contentType = 'application/x-www-form-urlencoded; charset=utf-8',
  ) {}

  private keyFor(day: string): Buffer {
    const scope = `${day}/${this.region}/${this.service}`;
    if (this.cachedKey?.scope !== scope) {
      const kDate = hmac(`AWS4${this.credentials.secretAccessKey}`, day);
      const key = hmac(hmac(hmac(kDate, this.region), this.service), 'aws4_request');
      this.cachedKey = { scope, key };
    }
    return this.cachedKey.key;
  }

  /** Signs `POST /` with a form body; `host` is what the Host header will carry (e.g. 127.0.0.1:4566). */
  sign(host: string, params: Record<string, string>, now: Date = new Date()): SignedQueryRequest {
    return this.signBody(host, new URLSearchParams(params).toString(), now);
  }

  signBody(host: string, body: string, now: Date = new Date()): SignedQueryRequest {
    const date = amzDate(now);
    const day = date.slice(0, 8);
    const headers: Record<string, string> = {
      'content-type': this.contentType,
      host,
      'x-amz-date': date,
    };
    if (this.credentials.sessionToken) headers['x-amz-security-token'] = this.credentials.sessionToken;
    const names = Object.keys(headers).sort();
    const signedHeaders = names.join(';');
    const canonicalRequest = [
      'POST',
      '/',
      '',
      names.map((n) => `${n}:${headers[n]}\n`).join(''),
      signedHeaders,
      sha256Hex(body),
    ].join('\n');
    const scope = `${day}/${this.region}/${this.service}/aws4_request`;
    const stringToSign = ['AWS4-HMAC-SHA256', date, scope, sha256Hex(canonicalRequest)].join('\n');
    const signature = createHmac('sha256', this.keyFor(day)).update(stringToSign).digest('hex');
    headers.authorization = `AWS4-HMAC-SHA256 Credential=${this.credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
    return { headers, body };
  }
}
