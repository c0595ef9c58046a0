import { describe, expect, it } from 'vitest';
import { createPublicKey, verify } from 'node:crypto';
import { decodeJwt, generateSigningKey, hasValidSignature, publicJwk, signJwt } from './jwt.ts';

const key = generateSigningKey();
const otherKey = generateSigningKey();

describe('RS256 JWTs', () => {
  it('signs a token whose header names the key and whose claims round-trip', () => {
    const token = signJwt({ sub: 'abc', exp: 123, 'cognito:groups': ['admins'] }, key);
    const decoded = decodeJwt(token);
    expect(decoded?.header).toEqual({ kid: key.kid, alg: 'RS256' });
    expect(decoded?.claims).toEqual({ sub: 'abc', exp: 123, 'cognito:groups': ['admins'] });
    expect(hasValidSignature(token, key)).toBe(true);
  });

  it('produces a signature any RS256 verifier accepts with the published JWK', () => {
    const token = signJwt({ sub: 'abc' }, key);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const jwk = publicJwk(key);
    expect(jwk).toMatchObject({ alg: 'RS256', kty: 'RSA', use: 'sig', kid: key.kid, e: 'AQAB' });
    const publicKey = createPublicKey({ key: { kty: jwk.kty, n: jwk.n, e: jwk.e }, format: 'jwk' });
    expect(verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature, 'base64url'))).toBe(true);
  });

  it('rejects a token signed by another key, a tampered payload and an alg other than RS256', () => {
    const token = signJwt({ sub: 'abc' }, key);
    expect(hasValidSignature(signJwt({ sub: 'abc' }, otherKey), key)).toBe(false);
    const [header, , signature] = token.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ sub: 'admin' })).toString('base64url');
    expect(hasValidSignature(`${header}.${forgedPayload}.${signature}`, key)).toBe(false);
    const noneHeader = Buffer.from(JSON.stringify({ kid: key.kid, alg: 'none' })).toString('base64url');
    expect(hasValidSignature(`${noneHeader}.${forgedPayload}.`, key)).toBe(false);
  });

  it('does not decode what is not a compact JWS', () => {
    expect(decodeJwt('not-a-token')).toBeUndefined();
    expect(decodeJwt('a.b')).toBeUndefined();
    expect(decodeJwt('e30.bm90IGpzb24.c2ln')).toBeUndefined();
  });
});
