/**
 * CORS as AWS answers browsers (IAM, EC2, STS and Cognito are all browser-callable): the Origin is
 * echoed, the SDK v3 headers are allowed (amz-sdk-* break preflights otherwise, aws-sdk-js-v3#6395)
 * and the response headers the SDK reads are exposed.
 */
import type { IncomingHttpHeaders } from 'node:http';

export const ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'x-amz-date',
  'x-amz-security-token',
  'x-amz-user-agent',
  'x-amz-target',
  'x-amz-content-sha256',
  'amz-sdk-invocation-id',
  'amz-sdk-request',
  'x-amz-api-version',
];
const ALLOWED_HEADER_SET = new Set(ALLOWED_HEADERS);
const ALLOWED_HEADERS_TEXT = ALLOWED_HEADERS.join(', ');
export const EXPOSED_HEADERS = 'x-amzn-requestid, x-amzn-errortype, x-amz-request-id, date';
export const ALLOWED_METHODS = 'GET, POST, OPTIONS';
export const MAX_AGE_SECONDS = '86400';

/** Headers added to every normal response. */
export function corsHeaders(origin: string | undefined): Record<string, string> {
  return origin
    ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin', 'Access-Control-Expose-Headers': EXPOSED_HEADERS }
    : { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': EXPOSED_HEADERS };
}

/** Headers of the answer to an OPTIONS preflight. Extra headers the browser asks for are allowed too. */
export function preflightHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const requested = headers['access-control-request-headers'];
  let allowHeaders = ALLOWED_HEADERS_TEXT;
  if (typeof requested === 'string' && requested.length > 0) {
    const extra = requested
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter((h) => h !== '' && !ALLOWED_HEADER_SET.has(h));
    if (extra.length > 0) allowHeaders = `${ALLOWED_HEADERS_TEXT}, ${extra.join(', ')}`;
  }
  return {
    ...corsHeaders(headers.origin),
    'Access-Control-Allow-Methods': ALLOWED_METHODS,
    'Access-Control-Allow-Headers': allowHeaders,
    'Access-Control-Max-Age': MAX_AGE_SECONDS,
  };
}
