/**
 * /_local/*: endpoints for the developer and the tests, never part of AWS. Loopback clients only.
 *   GET  /_local/health  → 200 {"status":"ok",…}
 *   GET  /_local/config  → the seeded record (account, region, Cognito ids, demo users, CLI key)
 *   POST /_local/reset   → drop all state and seed again
 *   GET|POST /_local/faults → show / replace the fault injection settings (body: {"faults":"throttle=0.2"})
 *   GET|POST /_local/iam-propagation → show / change LOCAL_AWS_IAM_PROPAGATION_MS at run time (body: {"ms": 5000})
 * The server's origin policy (origin-policy.ts) has already refused foreign Hosts and Origins; what reaches here
 * has no Origin or an allowed one, which gets CORS headers (the console reads /_local/config from its own origin).
 * Every POST needs LOCAL_WRITE_HEADERS: a web page can only send them after a CORS preflight, which only allowed
 * origins pass, so no form, beacon or no-cors fetch from another page can reset state or inject faults.
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

/** What every POST /_local/* must carry (fetch(url, { method: 'POST', headers: LOCAL_WRITE_HEADERS, body: '{}' })). */
export const LOCAL_WRITE_HEADERS = { 'Content-Type': 'application/json', 'X-Local-AWS': '1' } as const;
/** Request headers a preflight to /_local may ask for. */
const LOCAL_ALLOWED_HEADERS = ['content-type', 'x-local-aws'];
const MAX_LOCAL_BODY = 64 * 1024;

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

function sendJson(res: ServerResponse, status: number, value: unknown, extra: Record<string, string> = {}): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    // Not readable by <script>/<img> of another page, whatever browsers guess.
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Resource-Policy': 'same-origin',
    ...extra,
  });
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

/** 403 for a request the origin policy refused (no CORS headers: the page that sent it may not read it). */
export function sendLocalRefusal(res: ServerResponse, message: string): void {
  sendJson(res, 403, { message });
}

/** Why a POST must be refused: a request a web page could send without a preflight. */
function simpleRequestRefusal(req: IncomingMessage, path: string): string | undefined {
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType === 'application/json' && req.headers['x-local-aws'] === '1') return undefined;
  return `POST ${path} needs the headers Content-Type: application/json and X-Local-AWS: 1 (and a JSON body)`;
}

/** The JSON object of a POST body; an empty body counts as {}. */
async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = (await readSmallBody(req)).trim();
  if (text === '') return {};
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('expected a JSON object');
  return value as Record<string, unknown>;
}

export async function handleLocalRequest(req: IncomingMessage, res: ServerResponse, path: string, deps: LocalEndpointDeps): Promise<void> {
  if (!isLoopback(req.socket.remoteAddress)) {
    sendJson(res, 403, { message: '/_local endpoints answer loopback clients only' });
    return;
  }
  const cors = corsHeaders(req.headers.origin);
  const method = req.method ?? 'GET';
  if (method === 'OPTIONS') {
    res.writeHead(204, preflightHeaders(req.headers.origin, LOCAL_ALLOWED_HEADERS));
    res.end();
    return;
  }
  if (method === 'POST') {
    const refusal = simpleRequestRefusal(req, path);
    if (refusal !== undefined) {
      req.resume();
      sendJson(res, 403, { message: refusal }, cors);
      return;
    }
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
      sendJson(res, 200, { status: 'reset' }, cors);
      return;
    case 'GET /_local/faults':
      sendJson(res, 200, { faults: describeFaults(deps.faults.settings), settings: deps.faults.settings }, cors);
      return;
    case 'POST /_local/faults': {
      try {
        const { faults } = await readJsonObject(req);
        if (typeof faults !== 'string') throw new Error('expected {"faults": "throttle=0.2,…"}');
        deps.faults.set(parseFaults(faults));
      } catch (error) {
        sendJson(res, 400, { message: error instanceof Error ? error.message : String(error) }, cors);
        return;
      }
      sendJson(res, 200, { faults: describeFaults(deps.faults.settings), settings: deps.faults.settings }, cors);
      return;
    }
    case 'GET /_local/iam-propagation':
      sendJson(res, 200, { ms: deps.iamPropagationMs.get() }, cors);
      return;
    case 'POST /_local/iam-propagation': {
      let ms: unknown;
      try {
        ms = (await readJsonObject(req)).ms;
      } catch {
        ms = undefined;
      }
      if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 0) {
        sendJson(res, 400, { message: 'expected {"ms": <whole number of milliseconds>}' }, cors);
        return;
      }
      deps.iamPropagationMs.set(ms);
      sendJson(res, 200, { ms }, cors);
      return;
    }
    default:
      sendJson(res, 404, { message: `No local endpoint ${route}` }, cors);
  }
}
