import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './scripts/chromium.ts';

const isCi = process.env.CI === 'true' || process.env.CI === '1';

/**
 * End-to-end specs in e2e/ against the built console and an in-memory local AWS, both started by
 * e2e/global-setup.ts on free ports. The global setup runs before workers start, so the E2E_BASE_URL it sets
 * is in each worker's environment when the worker loads this file.
 *
 * Chromium is Debian's (/usr/bin/chromium): `npx playwright install` cannot download browsers here.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  globalSetup: './e2e/global-setup.ts',
  // One worker: the machine has two cores, and the browser plus local AWS already use both.
  workers: 1,
  fullyParallel: false,
  forbidOnly: isCi,
  retries: isCi ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: process.env.E2E_BASE_URL,
    browserName: 'chromium',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    launchOptions: {
      executablePath: CHROMIUM_EXECUTABLE,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{ name: 'chromium' }],
});
