/**
 * Starts what the end-to-end specs run against: a fresh in-memory local AWS and the built console, each on a
 * free port. Specs read the addresses from the environment, which Playwright passes on to its workers:
 * - E2E_BASE_URL: the console (playwright.config.ts uses it as baseURL)
 * - LOCAL_AWS_URL: local AWS, for specs that seed or inspect state through the SDK or /_local endpoints
 * - LOCAL_AWS_CREDENTIALS_TTL_SECONDS: the identity-pool credentials lifetime of this run
 * Returns the teardown that stops both.
 *
 * Credentials from the identity pool live LOCAL_AWS_CREDENTIALS_TTL_SECONDS (default here 30 s instead of AWS's
 * 3600 s) so the session-refresh spec can see a renewal within a test's time.
 */
import type { FullConfig } from '@playwright/test';
import { resolve } from 'node:path';
import { settingsFromEnv, withLoopbackTwin } from '../local-aws/config.ts';
import { startLocalAws } from '../local-aws/server/app.ts';
import { ensureConsoleBuilt, repoRoot } from '../scripts/console-build.ts';
import { startConsoleServer } from '../scripts/serve-console.ts';

export const E2E_CREDENTIALS_TTL_SECONDS = '30';

export default async function globalSetup(_config: FullConfig): Promise<() => Promise<void>> {
  await ensureConsoleBuilt((message) => console.log(`[e2e] ${message}`));

  // Exported so the specs (in the workers) know the lifetime this run uses.
  process.env.LOCAL_AWS_CREDENTIALS_TTL_SECONDS ??= E2E_CREDENTIALS_TTL_SECONDS;
  const settings = settingsFromEnv({
    ...process.env,
    LOCAL_AWS_PORT: '0',
    LOCAL_AWS_DATA_DIR: 'memory',
    LOCAL_AWS_FAULTS: '',
  });
  const localAws = await startLocalAws(settings);
  let consoleServer;
  try {
    consoleServer = await startConsoleServer({
      port: 0,
      distDir: resolve(repoRoot, 'dist'),
      localAwsEndpoint: localAws.url,
    });
  } catch (error) {
    await localAws.close();
    throw error;
  }

  // The console's port is only known now; local AWS answers pages of no other origin.
  localAws.allowOrigins(...withLoopbackTwin(consoleServer.url));
  process.env.LOCAL_AWS_URL = localAws.url;
  process.env.E2E_BASE_URL = consoleServer.url;
  console.log(`[e2e] local AWS at ${localAws.url}, console at ${consoleServer.url}`);

  const server = consoleServer;
  return async () => {
    await server.close();
    await localAws.close();
  };
}
