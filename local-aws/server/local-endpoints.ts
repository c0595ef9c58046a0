/**
 * /_local/*: endpoints for the developer and the tests, never part of AWS. Loopback clients only.
 *   GET  /_local/health  → 200 {"status":"ok",…}
 *   GET  /_local/config  → the seeded record (account, region, Cognito ids, demo users, CLI key)
 *   POST /_local/reset   → drop all state and seed again
 *   GET|POST /_local/faults → show / replace the fault injection settings (body: "throttle=0.2" or {"faults":"…"})
 *   GET|POST /_local/iam-propagation → show / change LOCAL_AWS_IAM_PROPAGATION_MS at run time (body: {"ms": 5000})
 * Only config and health carry CORS headers: the console reads them from another origin.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { corsHeaders, preflightHeaders } from './cors.ts';
import { describeFaults, parseFaults, type FaultInjector } from './faults.ts';

export interface LocalEndpointDeps {
  health(): Record<string, unknown>;
  config(): unknown;
  reset(): Promise<void> | void;
  faults: FaultInjector;
  /** How long a new instance profile stays invisible to EC2; tests change it without restarting. */
  iamPropagationMs: { get(): number; set(ms: number): void };
}

const CORS_PATHS = new Set(['/_local/config', '/_local/health']);
const MAX_LOCAL_BODY = 64 * 1024;

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

function sendJson(res: ServerResponse, status: number, value: unknown, extra: Record<string, string> = {}): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

function readSmallBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_LOCAL_BODY) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function faultsText(body: string): string {
  const trimmed = body.trim();
  if (!trimmed.startsWith('{')) return trimmed;
  const parsed = JSON.parse(trimmed) as { faults?: unknown };
  if (typeof parsed.faults !== 'string') throw new Error('expected {"faults": "throttle=0.2,…"}');
  return parsed.faults;
}

export async function handleLocalRequest(req: IncomingMessage, res: ServerResponse, path: string, deps: LocalEndpointDeps): Promise<void> {
  if (!isLoopback(req.socket.remoteAddress)) {
    sendJson(res, 403, { message: '/_local endpoints answer loopback clients only' });
    return;
  }
  const cors = CORS_PATHS.has(path) ? corsHeaders(req.headers.origin) : {};
  const method = req.method ?? 'GET';
  if (method === 'OPTIONS' && CORS_PATHS.has(path)) {
    res.writeHead(200, { ...preflightHeaders(req.headers), 'Content-Length': 0 });
    res.end();
    return;
  }
  const route = `${method} ${path}`;
  switch (route) {
    case 'GET /_local/health':
      sendJson(res, 200, { status: 'ok', ...deps.health() }, cors);
      return;
    case 'GET /_local/config': {
      const config = deps.config();
      if (config === undefined) sendJson(res, 404, { message: 'local AWS has not been seeded' }, cors);
      else sendJson(res, 200, config, cors);
      return;
    }
    case 'POST /_local/reset':
      await readSmallBody(req);
      await deps.reset();
      sendJson(res, 200, { status: 'reset' });
      return;
    case 'GET /_local/faults':
      sendJson(res, 200, { faults: describeFaults(deps.faults.settings), settings: deps.faults.settings });
      return;
    case 'POST /_local/faults': {
      let text: string;
      try {
        text = faultsText(await readSmallBody(req));
        deps.faults.set(parseFaults(text));
      } catch (error) {
        sendJson(res, 400, { message: error instanceof Error ? error.message : String(error) });
        return;
      }
      sendJson(res, 200, { faults: describeFaults(deps.faults.settings), settings: deps.faults.settings });
      return;
    }
    case 'GET /_local/iam-propagation':
      sendJson(res, 200, { ms: deps.iamPropagationMs.get() });
      return;
    case 'POST /_local/iam-propagation': {
      let ms: unknown;
      try {
        ms = (JSON.parse(await readSmallBody(req)) as { ms?: unknown }).ms;
      } catch {
        ms = undefined;
      }
      if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 0) {
        sendJson(res, 400, { message: 'expected {"ms": <whole number of milliseconds>}' });
        return;
      }
      deps.iamPropagationMs.set(ms);
      sendJson(res, 200, { ms });
      return;
    }
    default:
      sendJson(res, 404, { message: `No local endpoint ${route}` }, cors);
  }
}
