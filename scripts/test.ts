/**
 * `npm test`: every check of the project, in order, with one summary at the end whose last line is exactly
 * `N passed, N failed`. Steps: system dependencies, tsc (console), tsc (node), eslint, vitest (unit), vitest
 * (export as code), vitest (browser: component tests in Chromium), vitest (conformance), vite build, Playwright.
 * Each has a time limit (a guard against hangs, not the expected duration).
 * Exits non-zero if anything failed.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './console-build.ts';
import {
  exitCodeOutcome,
  formatSummary,
  playwrightOutcome,
  type StepOutcome,
  type StepRow,
  vitestOutcome,
} from './test-report.ts';

const reportsDir = join(repoRoot, 'test-results');
const playwrightReport = join(reportsDir, 'playwright.json');
const isCi = process.env.CI === 'true' || process.env.CI === '1';

/**
 * The machine's AWS settings must not leak into the tests: drop every AWS_* variable, point the CLI and SDK at
 * config files that do not exist, and keep them off the instance metadata service.
 */
function isolatedEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('AWS_')) env[key] = value;
  }
  const nowhere = join(tmpdir(), 'iam-role-console-tests-no-aws-config');
  env.AWS_CONFIG_FILE = join(nowhere, 'config');
  env.AWS_SHARED_CREDENTIALS_FILE = join(nowhere, 'credentials');
  env.AWS_EC2_METADATA_DISABLED = 'true';
  env.AWS_PAGER = '';
  return env;
}

const env = isolatedEnv();
let running: { pid: number } | undefined;

/** Runs a command in its own process group (so a timeout can stop all of it); resolves to its exit code. */
function runCommand(
  args: readonly string[],
  timeoutMs: number,
  extraEnv: NodeJS.ProcessEnv = {},
): Promise<number | null> {
  return new Promise((resolveRun) => {
    const [command, ...rest] = args;
    const child = spawn(command, rest, {
      cwd: repoRoot,
      env: { ...env, ...extraEnv },
      stdio: 'inherit',
      detached: true,
    });
    if (child.pid !== undefined) running = { pid: child.pid };
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(`\n[test] ${args.join(' ')} ran longer than ${timeoutMs / 1000}s: stopping it`);
      killGroup(child.pid, 'SIGTERM');
      setTimeout(() => killGroup(child.pid, 'SIGKILL'), 5000).unref();
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      console.error(`[test] could not start ${command}: ${error.message}`);
      resolveRun(127);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      running = undefined;
      resolveRun(timedOut ? null : code);
    });
  });
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (running) killGroup(running.pid, 'SIGTERM');
    console.error(`\n[test] ${signal}: stopped`);
    process.exit(130);
  });
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

const node = process.execPath;
const bin = {
  tsc: join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'),
  eslint: join(repoRoot, 'node_modules', 'eslint', 'bin', 'eslint.js'),
  vitest: join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs'),
  vite: join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'),
  playwright: join(repoRoot, 'node_modules', '@playwright', 'test', 'cli.js'),
};
const minutes = (n: number): number => n * 60_000;

interface Step {
  name: string;
  run(previous: readonly StepRow[]): Promise<StepOutcome>;
}

/** One Vitest project (see vitest.config.ts) as its own step, so a slow project cannot hide the other's results. */
function vitestStep(name: string, project: string, timeoutMs: number): Step {
  const report = join(reportsDir, `vitest-${project}.json`);
  return {
    name,
    run: async () => {
      rmSync(report, { force: true });
      const code = await runCommand(
        [
          node,
          bin.vitest,
          'run',
          '--project',
          project,
          '--passWithNoTests',
          '--reporter=default',
          '--reporter=json',
          `--outputFile.json=${report}`,
        ],
        timeoutMs,
      );
      return vitestOutcome(readJson(report), code);
    },
  };
}

const steps: Step[] = [
  {
    name: 'system dependencies',
    run: async () =>
      exitCodeOutcome(
        'ensure-deps --system',
        await runCommand([node, 'scripts/ensure-deps.mjs', '--system'], minutes(10)),
      ),
  },
  {
    name: 'tsc (console)',
    run: async () =>
      exitCodeOutcome(
        'tsc -p tsconfig.json',
        await runCommand([node, bin.tsc, '-p', 'tsconfig.json', '--noEmit'], minutes(5)),
      ),
  },
  {
    name: 'tsc (node)',
    run: async () =>
      exitCodeOutcome(
        'tsc -p tsconfig.node.json',
        await runCommand([node, bin.tsc, '-p', 'tsconfig.node.json', '--noEmit'], minutes(5)),
      ),
  },
  {
    name: 'eslint',
    run: async () => exitCodeOutcome('eslint', await runCommand([node, bin.eslint, '.'], minutes(5))),
  },
  vitestStep('vitest (unit)', 'unit', minutes(5)),
  vitestStep('vitest (export as code)', 'export', minutes(5)),
  vitestStep('vitest (browser components)', 'browser', minutes(5)),
  vitestStep('vitest (conformance, AWS CLI)', 'conformance', minutes(10)),
  {
    name: 'vite build',
    run: async () => exitCodeOutcome('vite build', await runCommand([node, bin.vite, 'build'], minutes(5))),
  },
  {
    name: 'playwright (e2e)',
    run: async (previous) => {
      const build = previous.find((row) => row.name === 'vite build');
      if (build && build.failed > 0) return { passed: 0, failed: 1, failures: ['not run: the console build failed'] };
      rmSync(playwrightReport, { force: true });
      const code = await runCommand(
        [node, bin.playwright, 'test', '--reporter=list,json', ...(isCi ? ['--forbid-only'] : [])],
        minutes(25),
        { PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightReport },
      );
      return playwrightOutcome(readJson(playwrightReport), code);
    },
  },
];

async function main(): Promise<void> {
  mkdirSync(reportsDir, { recursive: true });
  const rows: StepRow[] = [];
  for (const step of steps) {
    console.log(`\n=== ${step.name} ===`);
    const started = performance.now();
    let outcome: StepOutcome;
    try {
      outcome = await step.run(rows);
    } catch (error) {
      outcome = {
        passed: 0,
        failed: 1,
        failures: [`${step.name} crashed: ${error instanceof Error ? error.message : String(error)}`],
      };
    }
    const row: StepRow = { name: step.name, seconds: (performance.now() - started) / 1000, ...outcome };
    rows.push(row);
    console.log(`=== ${step.name}: ${row.passed} passed, ${row.failed} failed (${row.seconds.toFixed(1)}s) ===`);
  }
  console.log(`\n${formatSummary(rows)}`);
  process.exitCode = rows.some((row) => row.failed > 0) ? 1 : 0;
}

await main();
