import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, verify } from 'node:crypto';

/** An RS256 signing key of a user pool, stored as PEM so it survives restarts. */
export interface SigningKey {
  kid: string;
  privateKeyPem: string;
  publicKeyPem: string;
}

/** One entry of a JWKS document, in the shape Cognito publishes. */
export interface PublicJwk {
  alg: 'RS256';
  e: string;
  kid: string;
  kty: 'RSA';
  n: string;
  use: 'sig';
}

export type JwtClaims = Record<string, unknown>;

export interface DecodedJwt {
  header: { alg?: unknown; kid?: unknown; typ?: unknown };
  claims: JwtClaims;
}

export function generateSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    // Cognito's key ids are base64 strings of 44 characters.
    kid: randomBytes(32).toString('base64'),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

export function publicJwk(key: SigningKey): PublicJwk {
  const jwk = createPublicKey(key.publicKeyPem).export({ format: 'jwk' });
  return { alg: 'RS256', e: String(jwk.e), kid: key.kid, kty: 'RSA', n: String(jwk.n), use: 'sig' };
}

function base64UrlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function signJwt(claims: JwtClaims, key: SigningKey): string {
  const signingInput = `${base64UrlJson({ kid: key.kid, alg: 'RS256' })}.${base64UrlJson(claims)}`;
  const signature = sign('RSA-SHA256', Buffer.from(signingInput), createPrivateKey(key.privateKeyPem));
  return `${signingInput}.${signature.toString('base64url')}`;
}

function parseJsonSegment(segment: string): unknown {
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Splits and parses a compact JWS without checking anything; undefined when it is not a JWT at all. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]+$/.test(part))) return undefined;
  const header = parseJsonSegment(parts[0]!);
  const claims = parseJsonSegment(parts[1]!);
  if (!isObject(header) || !isObject(claims)) return undefined;
  return { header, claims };
}

/** True when the token is an RS256 JWS signed by `key` (the kid must match too). */
export function hasValidSignature(token: string, key: SigningKey): boolean {
  const decoded = decodeJwt(token);
  if (!decoded || decoded.header.alg !== 'RS256' || decoded.header.kid !== key.kid) return false;
  const lastDot = token.lastIndexOf('.');
  const signature = Buffer.from(token.slice(lastDot + 1), 'base64url');
  return verify('RSA-SHA256', Buffer.from(token.slice(0, lastDot)), createPublicKey(key.publicKeyPem), signature);
}
