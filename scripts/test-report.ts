/** Counting and summarising for `npm test`: reads Vitest's and Playwright's JSON reports and prints the totals. */

export interface StepOutcome {
  passed: number;
  failed: number;
  /** Names of failed tests (or the reason a whole step failed), for the summary. */
  failures: string[];
  /** Extra facts for the summary line, e.g. "2 skipped". */
  note?: string;
}

export interface StepRow extends StepOutcome {
  name: string;
  seconds: number;
}

/** How a step's process ended, for messages: a null code means it was stopped (time limit) or killed. */
export function describeExit(exitCode: number | null): string {
  return exitCode === null ? 'was stopped (time limit or signal)' : `exited with code ${exitCode}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/**
 * Vitest's JSON reporter (Jest-compatible shape). A file that fails to load counts as a failed suite with no
 * failed test, and an unhandled error only shows in the exit code: both must still count as a failure.
 */
export function vitestOutcome(report: unknown, exitCode: number | null): StepOutcome {
  if (!isRecord(report)) {
    return { passed: 0, failed: 1, failures: [`vitest ${describeExit(exitCode)} without a report`] };
  }
  const failures: string[] = [];
  let failedSuitesWithoutTests = 0;
  for (const file of Array.isArray(report.testResults) ? report.testResults : []) {
    if (!isRecord(file)) continue;
    const assertions = Array.isArray(file.assertionResults) ? file.assertionResults.filter(isRecord) : [];
    for (const assertion of assertions) {
      if (assertion.status === 'failed')
        failures.push(`${relative(file.name)} > ${String(assertion.fullName ?? assertion.title)}`);
    }
    if (file.status === 'failed' && !assertions.some((a) => a.status === 'failed')) {
      failedSuitesWithoutTests += 1;
      const message = typeof file.message === 'string' && file.message ? `: ${file.message.split('\n')[0]}` : '';
      failures.push(`${relative(file.name)} failed to run${message}`);
    }
  }
  const passed = count(report.numPassedTests);
  let failed = count(report.numFailedTests) + failedSuitesWithoutTests;
  if (exitCode !== 0 && failed === 0) {
    failed = 1;
    failures.push(`vitest ${describeExit(exitCode)} (see its output above)`);
  }
  const skipped = count(report.numPendingTests) + count(report.numTodoTests);
  return { passed, failed, failures, note: skipped > 0 ? `${skipped} skipped` : undefined };
}

interface PlaywrightSpecWalk {
  failures: string[];
}

function walkPlaywrightSuite(suite: unknown, titles: string[], walk: PlaywrightSpecWalk): void {
  if (!isRecord(suite)) return;
  const title = typeof suite.title === 'string' && suite.title ? [suite.title] : [];
  for (const spec of Array.isArray(suite.specs) ? suite.specs : []) {
    if (!isRecord(spec)) continue;
    for (const test of Array.isArray(spec.tests) ? spec.tests : []) {
      if (isRecord(test) && test.status === 'unexpected') {
        walk.failures.push([...titles, ...title, String(spec.title)].join(' > '));
      }
    }
  }
  for (const child of Array.isArray(suite.suites) ? suite.suites : [])
    walkPlaywrightSuite(child, [...titles, ...title], walk);
}

/** Playwright's JSON reporter: expected = passed, unexpected = failed, flaky passed on retry. */
export function playwrightOutcome(report: unknown, exitCode: number | null): StepOutcome {
  if (!isRecord(report) || !isRecord(report.stats)) {
    return { passed: 0, failed: 1, failures: [`Playwright ${describeExit(exitCode)} without a report`] };
  }
  const walk: PlaywrightSpecWalk = { failures: [] };
  for (const suite of Array.isArray(report.suites) ? report.suites : []) walkPlaywrightSuite(suite, [], walk);
  const errors = (Array.isArray(report.errors) ? report.errors : [])
    .filter(isRecord)
    .map((error) => `Playwright error: ${String(error.message ?? '').split('\n')[0]}`);

  const flaky = count(report.stats.flaky);
  const skipped = count(report.stats.skipped);
  const passed = count(report.stats.expected) + flaky;
  let failed = count(report.stats.unexpected);
  const failures = [...walk.failures, ...errors];
  // Errors outside tests (global setup, a spec that fails to load) fail the run without failing a test.
  if (failed === 0 && (errors.length > 0 || exitCode !== 0)) {
    failed = 1;
    if (errors.length === 0) failures.push(`Playwright ${describeExit(exitCode)} (see its output above)`);
  }
  const notes = [flaky > 0 ? `${flaky} flaky` : '', skipped > 0 ? `${skipped} skipped` : ''].filter(Boolean);
  return { passed, failed, failures, note: notes.length > 0 ? notes.join(', ') : undefined };
}

/** A step that is one check (a type-check, lint, build): passes when the command exits 0. */
export function exitCodeOutcome(name: string, exitCode: number | null): StepOutcome {
  return exitCode === 0
    ? { passed: 1, failed: 0, failures: [] }
    : { passed: 0, failed: 1, failures: [`${name} ${describeExit(exitCode)}`] };
}

function relative(file: unknown): string {
  const name = typeof file === 'string' ? file : '(unknown file)';
  const cwd = `${process.cwd()}/`;
  return name.startsWith(cwd) ? name.slice(cwd.length) : name;
}

/** The summary table; its last line is exactly `N passed, N failed`. */
export function formatSummary(rows: readonly StepRow[]): string {
  const nameWidth = Math.max('Step'.length, 'Total'.length, ...rows.map((row) => row.name.length));
  const line = (name: string, passed: string, failed: string, time: string, note = ''): string =>
    `${name.padEnd(nameWidth)}  ${passed.padStart(6)}  ${failed.padStart(6)}  ${time.padStart(8)}${note ? `  ${note}` : ''}`;
  const totalPassed = rows.reduce((sum, row) => sum + row.passed, 0);
  const totalFailed = rows.reduce((sum, row) => sum + row.failed, 0);
  const totalSeconds = rows.reduce((sum, row) => sum + row.seconds, 0);
  const out = [
    line('Step', 'Passed', 'Failed', 'Time'),
    line('-'.repeat(nameWidth), '------', '------', '--------'),
    ...rows.map((row) =>
      line(row.name, String(row.passed), String(row.failed), `${row.seconds.toFixed(1)}s`, row.note),
    ),
    line('Total', String(totalPassed), String(totalFailed), `${totalSeconds.toFixed(1)}s`),
  ];
  const failures = rows.flatMap((row) => row.failures.map((failure) => `  [${row.name}] ${failure}`));
  if (failures.length > 0) {
    const shown = failures.slice(0, 40);
    out.push('', 'Failures:', ...shown);
    if (failures.length > shown.length) out.push(`  … and ${failures.length - shown.length} more`);
  }
  out.push('', `${totalPassed} passed, ${totalFailed} failed`);
  return out.join('\n');
}
