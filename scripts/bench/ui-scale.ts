/**
 * The console at scale, in Debian's Chromium: against a local AWS seeded with 10,000 instances and 5,000 instance
 * profiles, how long the instances page takes to show its first rows, and how long each keystroke takes in the
 * instances filter and in the Attach/Replace dialog's instance-profile drop-down. A keystroke is timed from the key
 * to the second animation frame after it (the page has handled it and painted), Playwright's round trip included,
 * so the figures are upper bounds.
 */
import { chromium, type Page } from '@playwright/test';

export interface UiScaleResult {
  firstRowsMs: number;
  instanceFilter: { keystrokes: number; medianMs: number; maxMs: number };
  profileDropdown: { keystrokes: number; medianMs: number; maxMs: number };
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

async function keystrokeMs(page: Page, key: string): Promise<number> {
  const started = performance.now();
  await page.keyboard.type(key);
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
  return performance.now() - started;
}

async function typeTimed(page: Page, text: string): Promise<UiScaleResult['instanceFilter']> {
  const times: number[] = [];
  for (const key of text) times.push(await keystrokeMs(page, key));
  const sorted = [...times].sort((a, b) => a - b);
  const round = (ms: number): number => Math.round(ms * 10) / 10;
  return { keystrokes: times.length, medianMs: round(sorted[Math.floor(sorted.length / 2)]!), maxMs: round(sorted.at(-1)!) };
}

export async function measureUiScale(consoleUrl: string, admin: { username: string; password: string }): Promise<UiScaleResult> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(60_000);
    await page.goto(consoleUrl);
    await page.getByLabel('Username').fill(admin.username);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(/\/roles/);

    const started = performance.now();
    await page.getByRole('navigation').getByRole('link', { name: 'Instances' }).click();
    const instanceLinks = page.getByRole('table', { name: 'Instances' }).getByRole('link', { name: /^i-[0-9a-f]{17}$/ });
    await instanceLinks.first().waitFor();
    const firstRowsMs = Math.round(performance.now() - started);

    await page.getByRole('combobox', { name: 'Find instances' }).click();
    const instanceFilter = await typeTimed(page, 'fleet-04242');
    await page.keyboard.press('Escape');

    await page.getByRole('table', { name: 'Instances' }).getByRole('checkbox').nth(1).check();
    await page.getByRole('button', { name: 'Actions' }).click();
    await page.getByRole('menuitem', { name: 'Security' }).click();
    await page.getByRole('menuitem', { name: 'Modify IAM role' }).click();
    const dialog = page.getByRole('dialog', { name: 'Attach/Replace IAM role' });
    await dialog.getByRole('button', { name: /IAM role/ }).first().click();
    await page.getByRole('combobox', { name: 'Find instance profiles' }).click();
    const profileDropdown = await typeTimed(page, 'bench-profile-04242');
    return { firstRowsMs, instanceFilter, profileDropdown };
  } finally {
    await browser.close();
  }
}
