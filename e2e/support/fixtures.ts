import { test as base } from '@playwright/test';
import { ConsolePage } from './console-page.ts';
import { fetchLocalAwsConfig, type LocalAwsConfig } from './local-aws.ts';
import { NewPasswordPage } from './new-password-page.ts';
import { SignInPage } from './sign-in-page.ts';

interface ConsoleFixtures {
  signInPage: SignInPage;
  newPasswordPage: NewPasswordPage;
  consolePage: ConsolePage;
}

interface WorkerFixtures {
  localAws: LocalAwsConfig;
}

/** Page objects per test; local AWS's /_local/config once per worker. */
export const test = base.extend<ConsoleFixtures, WorkerFixtures>({
  localAws: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires a destructuring pattern for fixture arguments.
    async ({}, use) => {
      await use(await fetchLocalAwsConfig());
    },
    { scope: 'worker' },
  ],
  signInPage: async ({ page }, use) => use(new SignInPage(page)),
  newPasswordPage: async ({ page }, use) => use(new NewPasswordPage(page)),
  consolePage: async ({ page }, use) => use(new ConsolePage(page)),
});

export { expect } from '@playwright/test';
