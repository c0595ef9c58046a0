/**
 * Runs the real AWS CLI v2 (/usr/bin/aws) against a local AWS started in this process.
 *
 *   const server = await startServer();          // fresh, in memory, random port
 *   const result = await aws(['iam', 'get-role', '--role-name', 'X']);
 *   result.status / result.stdout / result.stderr / result.json
 *   await server.close();
 *
 * The CLI runs asynchronously: a synchronous spawn would block the event loop the server answers on.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { settingsFromEnv } from '../../local-aws/config.ts';
import { startLocalAws } from '../../local-aws/server/app.ts';

export const AWS_CLI = '/usr/bin/aws';

/** local-admin's key (AdministratorAccess): AWS's documentation example pair. */
export const ADMIN_ENV = {
  AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
} as const;

export interface StartedServer {
  url: string;
  close(): Promise<void>;
}

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON; undefined when empty or not JSON. */
  json: unknown;
}

export interface CliOptions {
  /** Extra or overriding environment (e.g. other credentials). */
  env?: Record<string, string>;
  /** Defaults to the server of the last startServer(). */
  endpoint?: string;
}

let currentEndpoint: string | undefined;
const tempDirs: string[] = [];

export async function startServer(): Promise<StartedServer> {
  const server = await startLocalAws({ ...settingsFromEnv(), port: 0, dataDir: 'memory' });
  currentEndpoint = server.url;
  return {
    url: server.url,
    close: async () => {
      if (currentEndpoint === server.url) currentEndpoint = undefined;
      await server.close();
      for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The environment the CLI runs with: admin credentials, us-east-1, no config files, no pager. */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? tmpdir(),
    ...ADMIN_ENV,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_PAGER: '',
    AWS_DEFAULT_OUTPUT: 'json',
    AWS_EC2_METADATA_DISABLED: 'true',
    ...extra,
  };
}

export function aws(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const endpoint = options.endpoint ?? currentEndpoint;
  if (!endpoint) throw new Error('aws(): call startServer() first or pass options.endpoint');
  return new Promise((resolve) => {
    execFile(
      AWS_CLI,
      [...args, '--endpoint-url', endpoint],
      { env: cliEnv(options.env), maxBuffer: 64 * 1024 * 1024, timeout: 60_000 },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        let json: unknown;
        if (stdout.trim() !== '') {
          try {
            json = JSON.parse(stdout);
          } catch {
            json = undefined;
          }
        }
        resolve({ status, stdout, stderr, json });
      },
    );
  });
}

/** Writes `content` to a temporary file and returns the `file://` URL the CLI reads it from. */
export function fileArg(content: string, name = 'document.json'): string {
  const dir = mkdtempSync(join(tmpdir(), 'aws-cli-'));
  tempDirs.push(dir);
  const path = join(dir, name);
  writeFileSync(path, content);
  return `file://${path}`;
}

/** The CLI's error line: "An error occurred (Code) when calling the Op operation: Message". */
export function cliError(code: string, operation: string, message: string): string {
  return `An error occurred (${code}) when calling the ${operation} operation: ${message}`;
}
