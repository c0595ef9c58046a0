/** Builds the console with Vite when dist/ is missing or older than what it is built from. */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..');

/** Everything a console build depends on: if any of it changed after dist/index.html, the build is stale. */
const BUILD_INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', 'scripts/sdk-chunks.ts', 'tsconfig.json', 'package-lock.json'];

function newestMtime(path: string): number {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Why the console must be (re)built, or undefined when dist/ is current. */
export function consoleBuildStaleness(root = repoRoot): string | undefined {
  let built: number;
  try {
    built = statSync(join(root, 'dist', 'index.html')).mtimeMs;
  } catch {
    return 'dist/ has no build yet';
  }
  for (const input of BUILD_INPUTS) {
    if (newestMtime(join(root, input)) > built) return `${input} changed since the last build`;
  }
  return undefined;
}

/**
 * Runs `vite build` with its output captured: the ~150 lines of chunk sizes help nobody starting the console.
 * Resolves with Vite's warnings (its stderr), if any; a failed build rejects with everything Vite printed, so its
 * errors stay visible.
 */
export function buildConsole(root = repoRoot): Promise<string> {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  return new Promise((resolveBuild, rejectBuild) => {
    const child = spawn(process.execPath, [vite, 'build'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', rejectBuild);
    child.once('close', (code, signal) => {
      if (code === 0) resolveBuild(stderr.trim());
      else rejectBuild(new Error(`vite build exited with ${code ?? signal}:\n${stdout}${stderr}`));
    });
  });
}

/** Builds only when needed; `log` says what happens and why, then one line for the finished build. */
export async function ensureConsoleBuilt(log: (message: string) => void = console.log, root = repoRoot): Promise<void> {
  const reason = consoleBuildStaleness(root);
  if (!reason) {
    log('Console build in dist/ is up to date.');
    return;
  }
  log(`Building the console with Vite (${reason})…`);
  const started = performance.now();
  const warnings = await buildConsole(root);
  if (warnings) log(warnings);
  log(`Built the console into dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}
