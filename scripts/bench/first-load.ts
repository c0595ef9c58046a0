/**
 * The sign-in page's first load as a browser gets it: in Debian's Chromium with an empty cache, every JS and CSS file
 * the page requests from opening /signin until its form is usable, each with its gzip -9 size (the console's server
 * does not compress) and whether it holds AWS SDK code (the build's list, scripts/sdk-chunks.ts).
 *
 * "Usable" means what a user needs to sign in: the Username and Password fields and the "Sign in" button are visible,
 * enabled and not covered (Playwright's actionability checks of a click, run as a trial that clicks nothing). Files
 * requested by then are counted even if they were only preloaded; files requested later (the SDK, fetched once the
 * user types) are not.
 */
import { chromium, type Request } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../chromium.ts';
import { builtFileOf, readSdkChunks } from '../sdk-chunks.ts';

export interface LoadedFile {
  file: string;
  kind: 'js' | 'css';
  bytes: number;
  gzipBytes: number;
  sdk: boolean;
}

export interface FirstLoadResult {
  /** From navigation start to a usable form; informative only (it depends on the machine's load). */
  usableMs: number;
  files: LoadedFile[];
  jsGzipBytes: number;
  cssGzipBytes: number;
  /** Files among them that hold AWS SDK code. */
  sdkFiles: string[];
}

function kindOf(file: string): LoadedFile['kind'] | undefined {
  if (/\.m?js$/.test(file)) return 'js';
  if (file.endsWith('.css')) return 'css';
  return undefined;
}

export async function measureFirstLoad(consoleUrl: string, distDir: string): Promise<FirstLoadResult> {
  const sdkChunks = readSdkChunks(distDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(60_000);
    const requested: Request[] = [];
    page.on('request', (request) => requested.push(request));
    const started = performance.now();
    await page.goto(new URL('/signin', consoleUrl).href);
    await page.getByLabel('Username', { exact: true }).click({ trial: true });
    await page.getByLabel('Password', { exact: true }).click({ trial: true });
    await page.getByRole('button', { name: 'Sign in', exact: true }).click({ trial: true });
    const usableMs = Math.round(performance.now() - started);

    const files: LoadedFile[] = [];
    for (const request of requested.slice()) {
      const file = builtFileOf(request.url());
      const kind = kindOf(file);
      if (!kind || !request.url().startsWith(consoleUrl)) continue;
      // Sized from the build output: the same bytes the server sent, whether or not the response has arrived yet.
      const content = readFileSync(join(distDir, file));
      files.push({ file, kind, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length, sdk: sdkChunks.has(file) });
    }
    files.sort((a, b) => b.gzipBytes - a.gzipBytes);
    const gzipOf = (kind: LoadedFile['kind']) => files.filter((f) => f.kind === kind).reduce((sum, f) => sum + f.gzipBytes, 0);
    return {
      usableMs,
      files,
      jsGzipBytes: gzipOf('js'),
      cssGzipBytes: gzipOf('css'),
      sdkFiles: files.filter((f) => f.sdk).map((f) => f.file),
    };
  } finally {
    await browser.close();
  }
}
