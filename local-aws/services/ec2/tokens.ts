import { invalidPaginationToken } from './errors.ts';

/** NextToken values are opaque to callers: a versioned, base64url-wrapped position. */
export function encodeToken(after: string): string {
  return Buffer.from(JSON.stringify({ v: 1, after }), 'utf8').toString('base64url');
}

export function decodeToken(token: string): string {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (parsed && typeof parsed === 'object' && 'v' in parsed && parsed.v === 1 && 'after' in parsed && typeof parsed.after === 'string') {
      return parsed.after;
    }
  } catch {
    // fall through: anything unreadable is AWS's invalid token
  }
  throw invalidPaginationToken();
}
