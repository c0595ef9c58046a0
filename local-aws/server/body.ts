/**
 * Request bodies, read as a front end reads them: with a limit known before the first byte (the declared
 * Content-Length is refused at once when too large), hashed while they stream (SigV4 needs the SHA-256 of
 * the body, so it is never hashed a second time), and kept in memory only up to the limit.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export type BodyRead =
  | { kind: 'read'; body: Buffer; sha256: string }
  /** More bytes than the limit (declared or sent): the rest of the body is left unread. */
  | { kind: 'too-large' }
  /** The client went away (or the server's request timeout cut it) before the body ended. */
  | { kind: 'aborted' };

/** Whether the declared Content-Length already exceeds `limit` (chunked bodies declare none). */
export function declaresMoreThan(req: IncomingMessage, limit: number): boolean {
  return Number(req.headers['content-length']) > limit;
}

/**
 * Reads the body up to `limit` bytes, hashing it as it streams. When the body proves too large the request
 * stops being read (paused), so that the caller can answer and close the connection without taking in the rest.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyRead> {
  if (declaresMoreThan(req, limit)) return Promise.resolve({ kind: 'too-large' });
  return new Promise((resolve) => {
    const hash = createHash('sha256');
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyRead): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      req.off('error', onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        chunks.length = 0;
        finish({ kind: 'too-large' });
        return;
      }
      hash.update(chunk);
      chunks.push(chunk);
    };
    const onEnd = (): void => finish({ kind: 'read', body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size), sha256: hash.digest('hex') });
    const onClose = (): void => finish({ kind: 'aborted' });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('close', onClose);
    req.on('error', onClose);
  });
}

/**
 * JSON bodies nest at most this deep. The deepest AWS JSON input local AWS serves (a Cognito attribute list:
 * object → list → object) is 3 levels; 64 leaves room for any real client while keeping JSON.parse and every
 * recursive walk over the result far from the stack limit.
 */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/** One linear pass over the raw bytes (strings skipped): whether objects/arrays nest deeper than `maxDepth`. */
export function jsonNestsDeeperThan(body: Uint8Array, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i]!;
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      if (++depth > maxDepth) return true;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}
