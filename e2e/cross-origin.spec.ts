/**
 * Local AWS listens on 127.0.0.1, and so can every web page the developer has open. This spec plays those pages:
 * one served from another 127.0.0.1 port, one opened from disk (Origin "null"), and one on a name that resolves to
 * 127.0.0.1 (DNS rebinding, simulated with Chromium's --host-resolver-rules). Each tries what used to work: read
 * /_local/config (the admin key and demo passwords), make signed admin calls through CORS, wipe the state with a
 * cross-site form, hang every call with a no-cors POST of delay=600000. Then the state must be as it was, and the
 * console must still sign in and list roles.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { signedHeaders } from '../local-aws/server/test-support.ts';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../scripts/chromium.ts';
import { currentFaults } from './support/faults.ts';
import { expect, test } from './support/fixtures.ts';
import { demoUser, localAwsUrl } from './support/local-aws.ts';
import { attachedPolicyArns, createRoleWithCli, deleteRoleWithCli, EC2_TRUST, getRole, uniqueRoleName } from './support/roles-cli.ts';

const ADMIN_KEY = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const ADMINISTRATOR_ACCESS = 'arn:aws:iam::aws:policy/AdministratorAccess';
const VIEWER_ROLE = 'console-viewer';
const REBOUND_NAME = 'rebind.attacker.test';

interface SignedCall {
  name: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * Calls signed with local-admin's key, which is no secret (AWS's documentation example): what a page that read
 * it would send. Signed here rather than in the page, the requests are the same.
 */
async function signedAdminCalls(plantedRole: string): Promise<SignedCall[]> {
  const iamCall = async (name: string, body: string): Promise<SignedCall> => ({
    name,
    body,
    headers: await signedHeaders(localAwsUrl(), { service: 'iam', ...ADMIN_KEY, body }),
  });
  return [
    await iamCall('Signed CreateRole through CORS', `Action=CreateRole&Version=2010-05-08&RoleName=${plantedRole}&AssumeRolePolicyDocument=${encodeURIComponent(EC2_TRUST)}`),
    await iamCall(
      'Signed AttachRolePolicy AdministratorAccess through CORS',
      `Action=AttachRolePolicy&Version=2010-05-08&RoleName=${VIEWER_ROLE}&PolicyArn=${encodeURIComponent(ADMINISTRATOR_ACCESS)}`,
    ),
  ];
}

/** The attacker's page: runs every attack against local AWS and lists what each one got. */
function attackerPage(awsUrl: string, calls: SignedCall[]): string {
  const script = `
    const aws = ${JSON.stringify(awsUrl)};
    const calls = ${JSON.stringify(calls)};
    const results = document.getElementById('results');
    function report(name, outcome) {
      const item = document.createElement('li');
      item.textContent = name + ': ' + outcome;
      results.append(item);
    }
    async function attempt(name, action) {
      try {
        report(name, 'GOT THROUGH: ' + (await action()));
      } catch (error) {
        report(name, 'blocked (' + error.name + ': ' + error.message + ')');
      }
    }
    const answer = async (response) => response.status + ' ' + (await response.text()).slice(0, 120);
    function submitForm(action, enctype, name, value) {
      return new Promise((resolve) => {
        const sink = document.createElement('iframe');
        sink.name = 'sink-' + Math.random().toString(36).slice(2);
        sink.title = 'form target';
        sink.addEventListener('load', () => resolve(), { once: true });
        document.body.append(sink);
        const form = document.createElement('form');
        form.method = 'POST';
        form.action = action;
        form.enctype = enctype;
        form.target = sink.name;
        const input = document.createElement('input');
        input.type = 'hidden';
        input.name = name;
        input.value = value;
        form.append(input);
        document.body.append(form);
        form.submit();
      });
    }
    (async () => {
      await attempt('Read /_local/config', async () => answer(await fetch(aws + '/_local/config')));
      for (const call of calls) {
        await attempt(call.name, async () => answer(await fetch(aws + '/', { method: 'POST', headers: call.headers, body: call.body })));
      }
      await attempt('no-cors POST delay=600000 to /_local/faults', async () => {
        const response = await fetch(aws + '/_local/faults', { method: 'POST', mode: 'no-cors', body: 'delay=600000' });
        return 'delivered, answer unreadable (' + response.type + ')';
      });
      await submitForm(aws + '/_local/reset', 'application/x-www-form-urlencoded', 'confirm', 'yes');
      report('Auto-submitted form POST to /_local/reset', 'submitted');
      await submitForm(aws + '/_local/faults', 'text/plain', '{"faults":"delay=600000","x":"', '"}');
      report('Auto-submitted text/plain form of JSON to /_local/faults', 'submitted');
      document.getElementById('status').textContent = 'Attacks finished';
    })();
  `;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Attacker</title></head>
    <body><h1>Another web page</h1><ul id="results" aria-label="Attack results"></ul><p id="status" role="status"></p>
    <script>${script}</script></body></html>`;
}

async function runAttacks(page: Page, url: string): Promise<string[]> {
  await page.goto(url);
  await expect(page.getByRole('status')).toHaveText('Attacks finished', { timeout: 20_000 });
  return page.getByRole('list', { name: 'Attack results' }).getByRole('listitem').allTextContents();
}

function expectEveryAttackBlocked(outcomes: string[]): void {
  const byName = (prefix: string) => outcomes.find((outcome) => outcome.startsWith(prefix)) ?? `${prefix}: missing`;
  expect(byName('Read /_local/config')).toMatch(/: blocked \(TypeError/);
  expect(byName('Signed CreateRole through CORS')).toMatch(/: blocked \(TypeError/);
  expect(byName('Signed AttachRolePolicy AdministratorAccess through CORS')).toMatch(/: blocked \(TypeError/);
  expect(outcomes.join('\n')).not.toMatch(/AKIA|Passw0rd/);
}

test.describe('pages of other origins cannot use local AWS', () => {
  const survivor = uniqueRoleName('survives-attacks');
  const planted = uniqueRoleName('planted');
  let attackerServer: Server;
  let attackerUrl: string;
  let diskDir: string;
  let calls: SignedCall[];

  test.beforeAll(async () => {
    await createRoleWithCli(survivor);
    calls = await signedAdminCalls(planted);
    const html = attackerPage(localAwsUrl(), calls);
    attackerServer = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(html);
    });
    await new Promise<void>((resolve) => attackerServer.listen(0, '127.0.0.1', resolve));
    attackerUrl = `http://127.0.0.1:${(attackerServer.address() as AddressInfo).port}/`;
    diskDir = mkdtempSync(join(tmpdir(), 'e2e-attacker-page-'));
    writeFileSync(join(diskDir, 'attacker.html'), html);
  });

  test.afterAll(async () => {
    await new Promise<void>((resolve) => attackerServer.close(() => resolve()));
    rmSync(diskDir, { recursive: true, force: true });
    // The local AWS is shared by the specs that follow (the roles list expects its seeded roles on one page).
    await deleteRoleWithCli(survivor);
  });

  /** Nothing the pages tried took effect. */
  async function expectStateUntouched(): Promise<void> {
    expect((await getRole(survivor)).RoleName).toBe(survivor);
    await expect(getRole(planted)).rejects.toThrow(/NoSuchEntity/);
    expect(await attachedPolicyArns(VIEWER_ROLE)).not.toContain(ADMINISTRATOR_ACCESS);
    expect(await currentFaults()).toBe('');
  }

  test('a page on another 127.0.0.1 port reads no secret, makes no signed call, resets nothing, injects no fault', async ({ page }, testInfo) => {
    const outcomes = await runAttacks(page, attackerUrl);
    await page.screenshot({ path: testInfo.outputPath('attacker-page.png'), fullPage: true });
    await testInfo.attach('attacker page', { path: testInfo.outputPath('attacker-page.png'), contentType: 'image/png' });
    expectEveryAttackBlocked(outcomes);
    await expectStateUntouched();
  });

  test('a file opened from disk (Origin "null") gets no further', async ({ page }) => {
    expectEveryAttackBlocked(await runAttacks(page, pathToFileURL(join(diskDir, 'attacker.html')).href));
    await expectStateUntouched();
  });

  test('a page on a name rebound to 127.0.0.1 (DNS rebinding) is refused by its Host', async () => {
    const port = new URL(localAwsUrl()).port;
    const browser = await chromium.launch({
      executablePath: CHROMIUM_EXECUTABLE,
      args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${REBOUND_NAME} 127.0.0.1`],
    });
    try {
      const page = await browser.newPage();
      // Once the name points at 127.0.0.1, the page and local AWS share an origin: no CORS stands in the way.
      const config = await page.goto(`http://${REBOUND_NAME}:${port}/_local/config`);
      expect(config?.status()).toBe(403);
      // Chromium shows the JSON answer as text, quotes escaped.
      await expect(page.getByText(`Host \\"${REBOUND_NAME}:${port}\\" is not served by local AWS`)).toBeVisible();
      expect(await page.content()).not.toMatch(/AKIA|Passw0rd/);
      const reset = await page.evaluate(
        async () => (await fetch('/_local/reset', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Local-AWS': '1' }, body: '{}' })).status,
      );
      expect(reset).toBe(403);
    } finally {
      await browser.close();
    }
    await expectStateUntouched();
  });

  test('after all that, the console still signs in and lists roles', async ({ page, signInPage, consolePage, localAws }) => {
    const admin = demoUser(localAws, 'admin');
    await signInPage.goto();
    await signInPage.signIn(admin.username, admin.password);
    await expect(page).toHaveURL(/\/roles$/);
    await consolePage.expectRows('Roles');
    await expect(consolePage.table('Roles').getByRole('rowheader', { name: 'console-admin' })).toBeVisible();
  });
});
