/**
 * The console at scale, in Debian's Chromium: against a local AWS seeded with 10,000 instances and 5,000 instance
 * profiles, how long the instances page takes to show its first rows (the first DescribeInstances page; the others
 * keep loading), and how long each keystroke takes, once every instance is loaded, in the instances filter and in the
 * Modify IAM role dialog's instance-profile drop-down. Both are timed in the page: the first rows from the click on
 * "Instances" to the paint that shows them (see recordFirstRows), a keystroke from the key event to the paint that
 * shows its effect (see recordKeyLatency).
 */
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../chromium.ts';

/** Per-keystroke latencies, in the order typed. */
export interface KeystrokeTimes {
  keystrokes: number;
  medianMs: number;
  maxMs: number;
  samplesMs: number[];
}

export interface UiScaleResult {
  firstRowsMs: number;
  instanceFilter: KeystrokeTimes;
  profileDropdown: KeystrokeTimes;
}

/**
 * Installs, in the page, a recorder of input latency: from each keydown's event time to just after the next paint
 * that follows it (a frame callback, then a message, which runs once that frame has been painted). Work the page
 * does for the key (React renders, layout, resize observers) delays that paint and so is counted; Playwright's own
 * round trip is not.
 */
async function recordKeyLatency(page: Page): Promise<void> {
  await page.evaluate(() => {
    const latencies: number[] = [];
    (window as unknown as { keyLatencies: number[] }).keyLatencies = latencies;
    window.addEventListener(
      'keydown',
      (event) => {
        const started = event.timeStamp;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => latencies.push(performance.now() - started);
          channel.port2.postMessage(undefined);
        });
      },
      { capture: true },
    );
  });
}

/**
 * Installs, in the page, a recorder of the instances page's first rows: from the next click's event time to just
 * after the paint that shows the first instance link in the Instances table (found by a mutation observer; the same
 * frame-then-message wait as recordKeyLatency). Timed in the page, so Playwright's polling is not counted.
 */
async function recordFirstRows(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { firstRowsMs: Promise<number> }).firstRowsMs = new Promise((resolve) => {
      let clickedAt: number | undefined;
      window.addEventListener('click', (event) => (clickedAt = event.timeStamp), { capture: true, once: true });
      const observer = new MutationObserver(() => {
        if (clickedAt === undefined || !document.querySelector('table[aria-label="Instances"] a[href^="/instances/i-"]')) return;
        observer.disconnect();
        const from = clickedAt;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now() - from);
          channel.port2.postMessage(undefined);
        });
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
  });
}

async function typeTimed(page: Page, text: string): Promise<KeystrokeTimes> {
  await page.evaluate(() => (window as unknown as { keyLatencies: number[] }).keyLatencies.splice(0));
  for (const key of text) {
    await page.keyboard.type(key);
    await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0))));
  }
  await page.waitForFunction((count) => (window as unknown as { keyLatencies: number[] }).keyLatencies.length >= count, text.length);
  const times = await page.evaluate(() => (window as unknown as { keyLatencies: number[] }).keyLatencies.slice());
  const sorted = [...times].sort((a, b) => a - b);
  const round = (ms: number): number => Math.round(ms * 10) / 10;
  return {
    keystrokes: times.length,
    medianMs: round(sorted[Math.floor(sorted.length / 2)]!),
    maxMs: round(sorted.at(-1)!),
    samplesMs: times.map(round),
  };
}

export async function measureUiScale(consoleUrl: string, admin: { username: string; password: string }): Promise<UiScaleResult> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(60_000);
    await page.goto(consoleUrl);
    await page.getByLabel('Username').fill(admin.username);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(/\/roles/);

    await recordFirstRows(page);
    await page.getByRole('navigation').getByRole('link', { name: 'Instances' }).click();
    // Awaited in the page: Playwright's own polling for the rows would compete with the page for its main thread.
    const firstRowsMs = Math.round(await page.evaluate(() => (window as unknown as { firstRowsMs: Promise<number> }).firstRowsMs));
    await page.getByRole('table', { name: 'Instances' }).getByRole('link', { name: /^i-[0-9a-f]{17}$/ }).first().waitFor();
    // The filter is timed over the whole list: wait until every page is in.
    await page.getByText(/^Loading more instances/).waitFor({ state: 'detached', timeout: 120_000 });
    await recordKeyLatency(page);

    await page.getByRole('combobox', { name: 'Find instances' }).click();
    const instanceFilter = await typeTimed(page, 'fleet-04242');
    await page.keyboard.press('Escape');

    await page.getByRole('table', { name: 'Instances' }).getByRole('checkbox').nth(1).check();
    await page.getByRole('button', { name: 'Actions' }).click();
    await page.getByRole('menuitem', { name: 'Security' }).click();
    await page.getByRole('menuitem', { name: 'Modify IAM role' }).click();
    const dialog = page.getByRole('dialog', { name: 'Modify IAM role' });
    await dialog.getByRole('button', { name: /IAM role/ }).first().click();
    await page.getByRole('combobox', { name: 'Find instance profiles' }).click();
    const profileDropdown = await typeTimed(page, 'bench-profile-04242');
    return { firstRowsMs, instanceFilter, profileDropdown };
  } finally {
    await browser.close();
  }
}
