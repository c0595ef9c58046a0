import { defineConfig } from 'vitest/config';

/**
 * Two projects:
 * - unit: fast tests next to the code (local-aws/, scripts/) and pure-logic console tests in src/. Everything runs
 *   in the node environment: jsdom is not installed, so console tests must not need a DOM.
 * - conformance: black-box tests in test/conformance/ that start their own local AWS on port 0 (so files may run
 *   in parallel) and drive it with the AWS CLI v2, which is slow to start: longer timeouts.
 * Playwright specs in e2e/ are not Vitest's business.
 */
const excluded = ['**/node_modules/**', 'dist/**', 'e2e/**', '.local-aws/**'];
const shared = {
  environment: 'node',
  // Tests must never reach real AWS with the machine's credentials.
  env: { AWS_EC2_METADATA_DISABLED: 'true' },
};

export default defineConfig({
  test: {
    // Vitest's default on two cores is one worker; the conformance files spend most of their time waiting for the
    // AWS CLI (a separate Python process), so three files at a time finish sooner without starving the box.
    maxWorkers: 3,
    projects: [
      {
        test: {
          ...shared,
          name: 'unit',
          include: ['local-aws/**/*.test.ts', 'scripts/**/*.test.ts', 'src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
          exclude: [...excluded, 'test/conformance/**'],
        },
      },
      {
        test: {
          ...shared,
          name: 'conformance',
          include: ['test/conformance/**/*.test.ts'],
          exclude: excluded,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
