/**
 * Serves the built console (dist/) with a strict Content-Security-Policy, an SPA fallback to index.html and
 * a runtime /config.json, so one build can point at local AWS or at a real account.
 *
 * Standalone: `tsx scripts/serve-console.ts` (CONSOLE_PORT, CONSOLE_HOST, LOCAL_AWS_URL, CONSOLE_CONFIG).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';

export interface ConsoleServerOptions {
  /** 0 picks a free port. */
  port: number;
  distDir: string;
  /** Where the browser reaches local AWS, e.g. http://127.0.0.1:4566. Ignored when a config file is given. */
  localAwsEndpoint?: string;
  /** A JSON file served as /config.json instead of the local-mode default (defaults to $CONSOLE_CONFIG). */
  configFile?: string;
  host?: string;
}

export interface ConsoleServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The runtime configuration the console reads at start-up; only the fields the server itself looks at. */
interface RuntimeConfig {
  mode: 'local' | 'aws';
  localAwsEndpoint?: string;
  region?: string;
  [key: string]: unknown;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** Vite writes content-hashed file names under assets/: they never change, so browsers may keep them for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

export function loadRuntimeConfig(
  options: Pick<ConsoleServerOptions, 'configFile' | 'localAwsEndpoint'>,
): RuntimeConfig {
  const file = options.configFile ?? process.env.CONSOLE_CONFIG;
  if (file) {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new Error(`${file}: expected a JSON object`);
    const config = parsed as RuntimeConfig;
    if (config.mode !== 'local' && config.mode !== 'aws') throw new Error(`${file}: "mode" must be "local" or "aws"`);
    if (config.mode === 'local' && typeof config.localAwsEndpoint !== 'string') {
      throw new Error(`${file}: mode "local" needs "localAwsEndpoint"`);
    }
    return config;
  }
  if (!options.localAwsEndpoint) throw new Error('startConsoleServer needs localAwsEndpoint or a config file');
  return { mode: 'local', localAwsEndpoint: options.localAwsEndpoint };
}

export function contentSecurityPolicy(config: RuntimeConfig): string {
  // The console calls AWS straight from the browser: local AWS's origin, or every regional AWS endpoint.
  const awsOrigins =
    config.mode === 'local' && config.localAwsEndpoint
      ? new URL(config.localAwsEndpoint).origin
      : 'https://*.amazonaws.com';
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Cloudscape sets inline style attributes at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ${awsOrigins}`,
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export async function startConsoleServer(options: ConsoleServerOptions): Promise<ConsoleServer> {
  const distDir = resolve(options.distDir);
  const indexFile = join(distDir, 'index.html');
  if (!isFile(indexFile)) throw new Error(`${indexFile} does not exist: build the console first (npm run build)`);

  const config = loadRuntimeConfig(options);
  const configBody = JSON.stringify(config, null, 2);
  const securityHeaders: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(config),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };

  function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
    res.writeHead(status, { ...securityHeaders, 'Content-Length': Buffer.byteLength(body).toString(), ...headers });
    res.end(res.req.method === 'HEAD' ? undefined : body);
  }

  function sendFile(res: ServerResponse, path: string, cacheControl: string): void {
    const size = statSync(path).size;
    res.writeHead(200, {
      ...securityHeaders,
      'Content-Type': CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': size.toString(),
      'Cache-Control': cacheControl,
    });
    if (res.req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(path)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }, 'Method Not Allowed\n');
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://console.invalid').pathname);
    } catch {
      send(res, 400, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Bad Request\n');
      return;
    }
    if (pathname === '/config.json') {
      send(res, 200, { 'Content-Type': CONTENT_TYPES['.json'], 'Cache-Control': 'no-store' }, configBody);
      return;
    }
    const candidate = resolve(distDir, `.${pathname}`);
    const insideDist = candidate === distDir || candidate.startsWith(distDir + sep);
    if (!insideDist || pathname.includes('\0')) {
      send(res, 404, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Not Found\n');
      return;
    }
    if (candidate !== distDir && isFile(candidate)) {
      const hashed = pathname.startsWith('/assets/');
      sendFile(res, candidate, hashed ? IMMUTABLE : candidate === indexFile ? 'no-cache' : 'public, max-age=300');
      return;
    }
    // Client-side routes (/roles/my-role) have no dot in their last segment; a missing asset is a real 404.
    const lastSegment = pathname.slice(pathname.lastIndexOf('/') + 1);
    if (!lastSegment.includes('.')) {
      sendFile(res, indexFile, 'no-cache');
      return;
    }
    send(res, 404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }, 'Not Found\n');
  }

  const server = createServer(handle);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port, host, () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  const server = await startConsoleServer({
    port: Number(process.env.CONSOLE_PORT ?? 3000),
    host: process.env.CONSOLE_HOST ?? '127.0.0.1',
    distDir: resolve(import.meta.dirname, '..', 'dist'),
    localAwsEndpoint: process.env.LOCAL_AWS_URL ?? 'http://127.0.0.1:4566',
  });
  console.log(`Console: ${server.url}`);
  const stop = (): void => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
