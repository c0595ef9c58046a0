/// <reference lib="dom" />
// (page.evaluate callbacks in this file run in the browser)
/**
 * Hostile text stored in IAM (with the CLI, within AWS's character rules) is shown as text by the console: no
 * script runs, no element is injected, the layout keeps to the viewport. Also: no credentials in localStorage or
 * in the URL after sign-in.
 *
 * AWS's rules decide where each string can go: role descriptions allow only \t \n \r, printable ASCII and
 * U+00A1-U+00FF (so HTML fits, right-to-left and zero-width characters do not); tag keys and values allow
 * \p{L}\p{Z}\p{N} and _.:/=+-@, so neither HTML nor U+202E / U+200B (format characters, category Cf) fit there:
 * tags get right-to-left script and odd spaces instead; only a policy document takes anything, including the
 * override and zero-width characters and a 10,000-character string (a role's inline policies may total 10,240
 * characters, whitespace excluded).
 */
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures.ts';
import { awsCliOk } from './support/aws-cli.ts';
import { demoUser } from './support/local-aws.ts';
import { RoleDetailsPage, RolesListPage } from './support/roles-pages.ts';
import { EC2_TRUST, uniqueRoleName } from './support/roles-cli.ts';

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(1)</script>';
const RTL = '\u202E';
const ZERO_WIDTH = '\u200B';
const HTML_DESCRIPTION = `Owned by ${IMG} and ${SCRIPT} team`;
// Words, then a 320-character unbroken token, 1,000 characters in all (AWS's maximum).
const LONG_DESCRIPTION = 'Long-description '.repeat(40).padEnd(1000, 'x');
// Right-to-left letters (Hebrew, Arabic), an ideographic space (Zs) and a 256-character value (AWS's maximum).
const RTL_TAG = { Key: 'צוות\u3000فريق', Value: `${'مرحبا '.repeat(42)}abcd` };
const RESOURCE_PREFIX = `arn:aws:s3:::${IMG}${SCRIPT}${RTL}gnp.exe${ZERO_WIDTH}/`;
const LONG_RESOURCE = `${RESOURCE_PREFIX}${'a'.repeat(10_000 - RESOURCE_PREFIX.length)}`;

/**
 * JSON with every non-ASCII character written as a \\uXXXX escape: a policy document's characters must be in
 * \\u0009-\\u00FF on the wire, but its JSON strings may hold any character through escapes.
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0100-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Fails the test on any dialog (alert/confirm/prompt): a hostile string must never execute. */
function failOnDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return dialogs;
}

async function expectInert(page: Page, dialogs: string[]): Promise<void> {
  await expect(page.locator('img[onerror]')).toHaveCount(0);
  await expect(page.locator('main script, [role="main"] script')).toHaveCount(0);
  // Leave time for an injected handler (a broken image's onerror fires asynchronously).
  await page.waitForTimeout(300);
  expect(dialogs, 'no alert/confirm/prompt may fire').toEqual([]);
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, 'the page must not scroll horizontally').toBeLessThanOrEqual(clientWidth);
}

async function signInAsAdmin(page: Page, localAws: Parameters<typeof demoUser>[0]): Promise<void> {
  const admin = demoUser(localAws, 'admin');
  await page.goto('/signin');
  await page.getByLabel('Username', { exact: true }).fill(admin.username);
  await page.getByLabel('Password', { exact: true }).fill(admin.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/roles$/);
}

test.describe('hostile input', () => {
  test.describe.configure({ timeout: 90_000 });

  test('HTML, right-to-left, zero-width and very long strings are stored and shown as text', async ({ page, localAws }) => {
    const htmlRole = uniqueRoleName('hostile-html');
    const longRole = uniqueRoleName('hostile-long');
    await awsCliOk(['iam', 'create-role', '--role-name', htmlRole, '--assume-role-policy-document', EC2_TRUST, '--description', HTML_DESCRIPTION, '--tags', JSON.stringify([RTL_TAG])]);
    await awsCliOk(['iam', 'create-role', '--role-name', longRole, '--assume-role-policy-document', EC2_TRUST, '--description', LONG_DESCRIPTION]);
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: LONG_RESOURCE }] };
    await awsCliOk(['iam', 'put-role-policy', '--role-name', htmlRole, '--policy-name', 'hostile-inline', '--policy-document', asciiJson(policy)]);

    // Stored exactly as sent.
    const stored = await awsCliOk<{ Role: { Description: string; Tags: { Key: string; Value: string }[] } }>(['iam', 'get-role', '--role-name', htmlRole]);
    expect(stored.Role.Description).toBe(HTML_DESCRIPTION);
    expect(stored.Role.Tags).toEqual([RTL_TAG]);
    const long = await awsCliOk<{ Role: { Description: string } }>(['iam', 'get-role', '--role-name', longRole]);
    expect(long.Role.Description).toHaveLength(1000);
    const inline = await awsCliOk<{ PolicyDocument: { Statement: { Resource: string }[] } }>(['iam', 'get-role-policy', '--role-name', htmlRole, '--policy-name', 'hostile-inline']);
    expect(inline.PolicyDocument.Statement[0]!.Resource).toHaveLength(10_000);

    const dialogs = failOnDialogs(page);
    await signInAsAdmin(page, localAws);

    // Roles list: the description is text in its cell.
    const list = new RolesListPage(page);
    await list.goto('hostile-');
    await expect(list.row(htmlRole)).toContainText(HTML_DESCRIPTION);
    await expect(list.row(longRole)).toBeVisible();
    await expectInert(page, dialogs);
    await page.screenshot({ path: 'test-results/hostile-input/roles-list.png', fullPage: true });

    // Role details: summary (description), permissions (the inline policy), tags.
    const details = new RoleDetailsPage(page);
    await details.goto(htmlRole);
    await expect(page.getByRole('main').getByText(HTML_DESCRIPTION, { exact: true }).first()).toBeVisible();
    await expectInert(page, dialogs);
    await details.goto(htmlRole, 'permissions');
    const inlineTable = details.table('Inline policies');
    await expect(inlineTable).toContainText('hostile-inline');
    const expand = inlineTable.getByRole('button', { name: /hostile-inline/ }).first();
    if (await expand.count()) await expand.click();
    await expect(page.getByText(`${IMG}${SCRIPT}${RTL}gnp.exe${ZERO_WIDTH}`, { exact: false }).first()).toBeVisible();
    await expectInert(page, dialogs);
    await page.screenshot({ path: 'test-results/hostile-input/role-permissions.png', fullPage: true });

    await details.goto(htmlRole, 'tags');
    const tags = details.table('Tags');
    await expect(tags).toContainText(RTL_TAG.Key);
    await expect(tags).toContainText(RTL_TAG.Value);
    await expectInert(page, dialogs);
    await page.screenshot({ path: 'test-results/hostile-input/role-tags.png', fullPage: true });

    await details.goto(longRole);
    await expect(page.getByRole('main').getByText(LONG_DESCRIPTION, { exact: true }).first()).toBeVisible();
    await expectInert(page, dialogs);
    await page.screenshot({ path: 'test-results/hostile-input/long-description.png', fullPage: true });
  });

  test('no credentials in localStorage or in the URL after sign-in', async ({ page, localAws }) => {
    const secrets: string[] = [];
    page.on('response', async (response) => {
      const target = response.request().headers()['x-amz-target'] ?? '';
      if (!/InitiateAuth|RespondToAuthChallenge|GetCredentialsForIdentity/.test(target)) return;
      try {
        const body = (await response.json()) as {
          AuthenticationResult?: { RefreshToken?: string; IdToken?: string; AccessToken?: string };
          Credentials?: { AccessKeyId?: string; SecretKey?: string; SessionToken?: string };
        };
        for (const value of [
          body.AuthenticationResult?.RefreshToken,
          body.AuthenticationResult?.IdToken,
          body.AuthenticationResult?.AccessToken,
          body.Credentials?.AccessKeyId,
          body.Credentials?.SecretKey,
          body.Credentials?.SessionToken,
        ]) {
          if (value) secrets.push(value);
        }
      } catch {
        // Not JSON (an error page): nothing to collect.
      }
    });
    await signInAsAdmin(page, localAws);
    await new RolesListPage(page).goto();
    await expect.poll(() => secrets.length, { message: 'the sign-in responses were seen' }).toBeGreaterThanOrEqual(4);

    const storage = await page.evaluate(() => Object.entries(localStorage));
    const flat = storage.map(([key, value]) => `${key}=${value}`);
    for (const entry of flat) {
      expect(entry).not.toMatch(/ASIA|SessionToken|secret|RefreshToken|IdToken|AccessToken/i);
      for (const secret of secrets) expect(entry.includes(secret), `localStorage entry ${entry.slice(0, 40)} holds a credential`).toBe(false);
    }
    for (const secret of secrets) expect(page.url()).not.toContain(secret);
    expect(page.url()).not.toMatch(/ASIA|token|secret|password/i);
    console.log(`localStorage keys after sign-in: ${storage.map(([key]) => key).join(', ') || '(none)'}`);
  });
});
