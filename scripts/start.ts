/**
 * `npm start`: builds the console if needed, starts local AWS (state kept in .local-aws/) and serves the console,
 * then prints where everything is and how to sign in. Ctrl-C stops both.
 */
import { resolve } from 'node:path';
import { settingsFromEnv, withLoopbackTwin } from '../local-aws/config.ts';
import { startLocalAws } from '../local-aws/server/app.ts';
import { exposureWarning } from '../local-aws/server/exposure.ts';
import { ensureConsoleBuilt, repoRoot } from './console-build.ts';
import { startConsoleServer } from './serve-console.ts';

/** The fields of GET /_local/config this script prints. */
interface LocalConfig {
  accountId: string;
  region: string;
  demoUsers: { username: string; password: string; description: string }[];
  adminAccessKey: { accessKeyId: string; secretAccessKey: string };
}

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const port = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`${name} must be a port number, got "${raw}"`);
  return port;
}

function describeListenError(error: unknown, what: string, envName: string): Error {
  if (error instanceof Error && (error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    return new Error(`${what}: the port is already in use. Stop the other process or set ${envName} to another port.`);
  }
  return error instanceof Error ? error : new Error(String(error));
}

async function main(): Promise<void> {
  await ensureConsoleBuilt((message) => console.log(message));

  const settings = settingsFromEnv();
  if (settings.dataDir !== 'memory') settings.dataDir = resolve(repoRoot, settings.dataDir);
  const localAws = await startLocalAws(settings).catch((error: unknown) => {
    throw describeListenError(error, `Local AWS could not listen on port ${settings.port}`, 'LOCAL_AWS_PORT');
  });

  const consolePort = portFromEnv('CONSOLE_PORT', 3000);
  const consoleServer = await startConsoleServer({
    port: consolePort,
    host: process.env.CONSOLE_HOST ?? '127.0.0.1',
    distDir: resolve(repoRoot, 'dist'),
    localAwsEndpoint: localAws.url,
  }).catch(async (error: unknown) => {
    await localAws.close();
    throw describeListenError(error, `The console could not listen on port ${consolePort}`, 'CONSOLE_PORT');
  });
  // Already allowed for the default CONSOLE_PORT; this covers a port picked by the system (CONSOLE_PORT=0).
  localAws.allowOrigins(...withLoopbackTwin(consoleServer.url));

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) {
      console.log('Forcing exit.');
      process.exit(1);
    }
    stopping = true;
    console.log(`\n${signal}: stopping the console and local AWS…`);
    Promise.allSettled([consoleServer.close(), localAws.close()]).then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  const response = await fetch(`${localAws.url}/_local/config`);
  if (!response.ok) throw new Error(`GET ${localAws.url}/_local/config answered ${response.status}`);
  const config = (await response.json()) as LocalConfig;
  const state = settings.dataDir === 'memory' ? 'kept in memory only' : `kept in ${settings.dataDir}`;
  const nameWidth = Math.max(...config.demoUsers.map((user) => user.username.length));
  const passwordWidth = Math.max(...config.demoUsers.map((user) => user.password.length));

  console.log(
    [
      '',
      `Console:    ${consoleServer.url}`,
      `Local AWS:  ${localAws.url}   (account ${config.accountId}, state ${state})`,
      '',
      'Demo sign-ins:',
      ...config.demoUsers.map(
        (user) => `  ${user.username.padEnd(nameWidth)}  ${user.password.padEnd(passwordWidth)}  ${user.description}`,
      ),
      '',
      'AWS CLI v2 against local AWS (IAM user local-admin, AdministratorAccess):',
      `  export AWS_ACCESS_KEY_ID=${config.adminAccessKey.accessKeyId}`,
      `  export AWS_SECRET_ACCESS_KEY=${config.adminAccessKey.secretAccessKey}`,
      `  export AWS_DEFAULT_REGION=${config.region}`,
      `  aws --endpoint-url ${localAws.url} iam list-roles`,
      '',
      'Press Ctrl-C to stop.',
    ].join('\n'),
  );
  const warning = exposureWarning(settings.host, localAws.port);
  if (warning.length > 0) console.warn(['', ...warning].join('\n'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
