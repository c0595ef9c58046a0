import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './scripts/chromium.ts';

/**
 * Three projects:
 * - unit: fast tests next to the code (local-aws/, scripts/) and pure-logic console tests in src/. Everything runs
 *   in the node environment: jsdom is not installed, so console tests must not need a DOM.
 * - conformance: black-box tests in test/conformance/ that start their own local AWS on port 0 (so files may run
 *   in parallel) and drive it with the AWS CLI v2, which is slow to start: longer timeouts.
 * - browser: component tests of the console (`*.browser.test.tsx` in src/), rendered in Debian's Chromium by
 *   Vitest's browser mode and its Playwright provider, with Cloudscape's styles loaded as in the app
 *   (src/browser-test-setup.ts).
 * Playwright specs in e2e/ are not Vitest's business.
 */
const exportTests = ['test/iac/**/*.test.ts', 'test/deploy/template-spec.test.ts'];
const excluded = ['**/node_modules/**', 'dist/**', 'e2e/**', '.local-aws/**'];
const browserTests = 'src/**/*.browser.test.tsx';
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
          exclude: [...excluded, 'test/conformance/**', ...exportTests, browserTests],
        },
      },
      {
        // The exports as code are type-checked against aws-cdk-lib and synthesized through it: seconds of CPU per
        // role. Apart from the unit tests, so they never starve the unit tests' timed servers on two cores.
        test: {
          ...shared,
          name: 'export',
          include: exportTests,
          exclude: excluded,
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
      {
        // Vite pre-bundles the dependencies it finds in the test files, and trusts its cache while the lock file
        // is unchanged: a test that then imports a component nobody imported before makes it bundle again in
        // mid-run, and the page ends up with two copies of React ("Invalid hook call"). A fresh bundle per run
        // costs a few seconds and cannot go stale.
        optimizeDeps: { force: true },
        test: {
          name: 'browser',
          include: [browserTests],
          exclude: excluded,
          setupFiles: ['src/browser-test-setup.ts'],
          // Failure screenshots belong with the other test output (git-ignored), not in the tree.
          attachmentsDir: 'test-results/browser/attachments',
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: { executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS },
            }),
            instances: [{ browser: 'chromium' }],
            // A desktop-sized frame, so Cloudscape lays the components out as on a laptop, not a phone.
            viewport: { width: 1280, height: 800 },
            screenshotDirectory: 'test-results/browser',
          },
        },
      },
    ],
  },
});
