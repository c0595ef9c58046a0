/**
 * How Playwright launches Debian's Chromium here, for the end-to-end tests and the benchmark alike
 * (`npx playwright install` cannot download browsers on these machines).
 */
export const CHROMIUM_EXECUTABLE = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
