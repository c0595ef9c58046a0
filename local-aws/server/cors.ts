/**
 * CORS as AWS answers browsers (IAM, EC2, STS and Cognito are all browser-callable), but only for the origins
 * that origin-policy.ts lets through: the SDK v3 headers are allowed (amz-sdk-* break preflights otherwise,
 * aws-sdk-js-v3#6395) and the response headers the SDK reads are exposed. Nothing else a preflight asks for is
 * allowed, so a page cannot smuggle in headers of its own.
 */
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
export const EXPOSED_HEADERS = 'x-amzn-requestid, x-amzn-errortype, x-amz-request-id, date';
export const ALLOWED_METHODS = 'GET, POST, OPTIONS';
export const MAX_AGE_SECONDS = '86400';

/**
 * Headers added to every normal response.
 * @param allowedOrigin the request's Origin, once the origin policy has let it through; undefined when it sent none
 */
export function corsHeaders(allowedOrigin: string | undefined): Record<string, string> {
  if (allowedOrigin === undefined) return {};
  return { 'Access-Control-Allow-Origin': allowedOrigin, Vary: 'Origin', 'Access-Control-Expose-Headers': EXPOSED_HEADERS };
}

/** Headers of the answer to an OPTIONS preflight (none when the request has no Origin, so is no preflight). */
export function preflightHeaders(allowedOrigin: string | undefined, allowedHeaders: readonly string[] = ALLOWED_HEADERS): Record<string, string> {
  if (allowedOrigin === undefined) return {};
  return {
    ...corsHeaders(allowedOrigin),
    'Access-Control-Allow-Methods': ALLOWED_METHODS,
    'Access-Control-Allow-Headers': allowedHeaders.join(', '),
    'Access-Control-Max-Age': MAX_AGE_SECONDS,
  };
}
