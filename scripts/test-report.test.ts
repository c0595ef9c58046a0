import { describe, expect, it } from 'vitest';
import { exitCodeOutcome, formatSummary, playwrightOutcome, vitestOutcome } from './test-report.ts';

describe('vitestOutcome', () => {
  it('counts passed and failed tests and names the failures', () => {
    const report = {
      numPassedTests: 3,
      numFailedTests: 1,
      numPendingTests: 1,
      numTodoTests: 0,
      testResults: [
        {
          name: `${process.cwd()}/local-aws/a.test.ts`,
          status: 'failed',
          assertionResults: [
            { fullName: 'a works', status: 'passed' },
            { fullName: 'a breaks', status: 'failed' },
          ],
        },
      ],
    };
    expect(vitestOutcome(report, 1)).toEqual({
      passed: 3,
      failed: 1,
      failures: ['local-aws/a.test.ts > a breaks'],
      note: '1 skipped',
    });
  });

  it('counts a file that failed to load as a failure', () => {
    const report = {
      numPassedTests: 2,
      numFailedTests: 0,
      testResults: [
        { name: 'x.test.ts', status: 'failed', message: 'Cannot find module ./y\nstack', assertionResults: [] },
      ],
    };
    const outcome = vitestOutcome(report, 1);
    expect(outcome.failed).toBe(1);
    expect(outcome.failures).toEqual(['x.test.ts failed to run: Cannot find module ./y']);
  });

  it('fails when vitest exits non-zero without a failed test, or writes no report', () => {
    expect(vitestOutcome({ numPassedTests: 5, numFailedTests: 0, testResults: [] }, 1).failed).toBe(1);
    expect(vitestOutcome(undefined, 1)).toMatchObject({ passed: 0, failed: 1 });
    expect(vitestOutcome({ numPassedTests: 5, numFailedTests: 0, testResults: [] }, 0)).toMatchObject({
      passed: 5,
      failed: 0,
    });
  });
});

describe('playwrightOutcome', () => {
  const spec = (title: string, status: string) => ({ title, tests: [{ status }] });

  it('counts expected and flaky as passed and unexpected as failed', () => {
    const report = {
      stats: { expected: 4, unexpected: 1, flaky: 1, skipped: 2 },
      suites: [
        {
          title: 'auth.spec.ts',
          specs: [spec('signs in', 'expected')],
          suites: [{ title: 'refresh', specs: [spec('renews', 'unexpected')] }],
        },
      ],
      errors: [],
    };
    expect(playwrightOutcome(report, 1)).toEqual({
      passed: 5,
      failed: 1,
      failures: ['auth.spec.ts > refresh > renews'],
      note: '1 flaky, 2 skipped',
    });
  });

  it('fails on a global-setup error even when no test failed', () => {
    const report = {
      stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 0 },
      suites: [],
      errors: [{ message: 'Error: port busy\n  at x' }],
    };
    expect(playwrightOutcome(report, 1)).toEqual({
      passed: 0,
      failed: 1,
      failures: ['Playwright error: Error: port busy'],
      note: undefined,
    });
    expect(playwrightOutcome(undefined, 1).failed).toBe(1);
  });
});

describe('formatSummary', () => {
  it('ends with exactly "N passed, N failed" summed over all steps', () => {
    const summary = formatSummary([
      { name: 'tsc', seconds: 1, ...exitCodeOutcome('tsc', 0) },
      { name: 'eslint', seconds: 2, ...exitCodeOutcome('eslint', 2) },
      { name: 'vitest', seconds: 3, passed: 40, failed: 2, failures: ['a > b', 'c > d'] },
    ]);
    const lines = summary.split('\n');
    expect(lines.at(-1)).toBe('41 passed, 3 failed');
    expect(summary).toContain('[eslint] eslint exited with code 2');
    expect(summary).toContain('[vitest] c > d');
  });
});
