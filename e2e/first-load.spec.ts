/**
 * The sign-in page's first load holds no AWS SDK code: the SDK chunks (the build's list, scripts/sdk-chunks.ts) are
 * fetched only once the user types, and a submit waits for them however slowly they arrive.
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { repoRoot } from '../scripts/console-build.ts';
import { builtFileOf, readSdkChunks } from '../scripts/sdk-chunks.ts';
import { test, expect } from './support/fixtures.ts';
import { demoUser } from './support/local-aws.ts';
import type { SignInPage } from './support/sign-in-page.ts';

const sdkChunks = readSdkChunks(join(repoRoot, 'dist'));
const isSdkChunk = (url: string | URL): boolean => sdkChunks.has(builtFileOf(String(url)));

/** Every script the page requests, as built files, in order. */
function recordScripts(page: Page): string[] {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(builtFileOf(request.url()));
  });
  return scripts;
}

/** Usable: both fields can be typed into and the button can be pressed. */
async function expectUsable(signInPage: SignInPage): Promise<void> {
  await expect(signInPage.username).toBeEditable();
  await expect(signInPage.password).toBeEditable();
  await expect(signInPage.submit).toBeEnabled();
}

test('no SDK code is loaded before the sign-in form works; typing fetches it and signing in works', async ({ page, signInPage, localAws }) => {
  const scripts = recordScripts(page);
  await page.goto('/instances');
  await expectUsable(signInPage);
  await expect(page).toHaveURL(/\/signin\?next=%2Finstances$/);
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((file) => sdkChunks.has(file))).toEqual([]);

  const admin = demoUser(localAws, 'admin');
  await signInPage.username.fill(admin.username);
  await expect.poll(() => scripts.filter((file) => sdkChunks.has(file)).length).toBeGreaterThan(0);
  await signInPage.password.fill(admin.password);
  await signInPage.submit.click();
  await expect(page).toHaveURL(/\/instances$/);
  await expect(page.getByRole('table', { name: 'Instances' })).toBeVisible();
});

test('a submit waits for SDK code that arrives late', async ({ page, signInPage, localAws }) => {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const held: string[] = [];
  await page.route(isSdkChunk, async (route) => {
    held.push(route.request().url());
    await released;
    await route.continue();
  });
  const admin = demoUser(localAws, 'admin');
  await signInPage.goto();
  await signInPage.signIn(admin.username, admin.password);
  await expect.poll(() => held.length).toBeGreaterThan(0);
  // Still signing in: the button waits, disabled, for the held SDK code.
  await expect(signInPage.submit).toBeDisabled();
  release();
  await expect(page).toHaveURL(/\/roles$/);
});

test('SDK code that cannot be loaded is reported in plain words', async ({ page, signInPage, localAws }) => {
  await page.route(isSdkChunk, (route) => route.abort('connectionrefused'));
  const admin = demoUser(localAws, 'admin');
  await signInPage.goto();
  await signInPage.signIn(admin.username, admin.password);
  await expect(
    signInPage.error('The console could not load the code it signs in with from its server. Check your network connection, reload the page, then sign in again.'),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/signin$/);
});
