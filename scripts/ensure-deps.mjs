#!/usr/bin/env node
// Makes a fresh clone runnable: installs npm dependencies when they are missing or stale, makes sure the native
// better-sqlite3 module loads, and (with --system) that the Debian packages the tests drive are present.
// Plain Node with no dependencies, because it runs before node_modules exists.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wantSystem = process.argv.includes('--system');

/** The Debian packages `npm test` needs, keyed by the file each one provides. */
const SYSTEM_PACKAGES = [
  { file: '/usr/bin/chromium', pkg: 'chromium', why: 'Playwright end-to-end tests' },
  { file: '/usr/bin/aws', pkg: 'awscli', why: 'AWS CLI v2 conformance tests' },
];

function log(message) {
  console.log(`[ensure-deps] ${message}`);
}

function run(command, args, options = {}) {
  log(`running: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    console.error(`[ensure-deps] "${command} ${args.join(' ')}" exited with ${result.status ?? result.signal}`);
    process.exit(result.status || 1);
  }
}

/** How often a long, silent install says it is still at work. */
const HEARTBEAT_MS = 30_000;

/** Like run(), for a command that prints nothing for minutes: a line every HEARTBEAT_MS says it is still going. */
async function runWithHeartbeat(command, args) {
  log(`running: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const heartbeat = setInterval(() => log(`still installing (${Math.round((Date.now() - started) / 1000)} s so far)…`), HEARTBEAT_MS);
  const status = await new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? signal));
  }).finally(() => clearInterval(heartbeat));
  if (status !== 0) {
    console.error(`[ensure-deps] "${command} ${args.join(' ')}" exited with ${status}`);
    process.exit(typeof status === 'number' ? status : 1);
  }
  log(`installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** How many packages package-lock.json pins (the root project itself not counted). */
function lockedPackageCount() {
  try {
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
    return Object.keys(lock.packages ?? {}).filter((path) => path !== '').length;
  } catch {
    return undefined;
  }
}

function mtimeMs(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** node_modules is stale when npm's own record of the install is missing or older than the lock file. */
function npmInstallNeeded() {
  const installed = mtimeMs(join(root, 'node_modules', '.package-lock.json'));
  if (installed === undefined) return 'node_modules is missing';
  const lock = mtimeMs(join(root, 'package-lock.json'));
  if (lock !== undefined && lock > installed) return 'package-lock.json is newer than node_modules';
  return undefined;
}

/** Loads a module in a child process so a broken native build cannot take this process down. */
function moduleLoads(code) {
  const result = spawnSync(process.execPath, ['-e', code], { cwd: root, stdio: 'pipe', encoding: 'utf8' });
  return result.status === 0 ? undefined : (result.stderr || result.stdout || `exit ${result.status}`).trim();
}

/** The most telling line of a failed load: the thrown error's message rather than Node's source excerpt. */
function headline(problem) {
  const lines = problem.split('\n');
  return (lines.find((line) => /Error/.test(line)) ?? lines[0]).trim();
}

/** Where node_modules really is when it is a link to an install shared with other checkouts (git worktrees). */
function sharedInstall() {
  try {
    const path = join(root, 'node_modules');
    return lstatSync(path).isSymbolicLink() ? realpathSync(path) : undefined;
  } catch {
    return undefined;
  }
}

async function ensureNpmDependencies() {
  const reason = npmInstallNeeded();
  const shared = reason ? sharedInstall() : undefined;
  if (shared) {
    // npm ci replaces the link and empties the directory it points to, breaking every checkout that shares it.
    log(`${reason}, but node_modules links to ${shared}, shared with other checkouts: not running npm ci here.`);
    log(`If it really is out of date, run npm ci in ${dirname(shared)}.`);
  } else if (reason) {
    const count = lockedPackageCount();
    log(`${reason}, so the npm packages this project needs must be installed first (npm ci).`);
    log(
      `This installs ${count ? `${count} packages` : 'the packages'} pinned in package-lock.json and compiles better-sqlite3 ` +
        '(local AWS keeps its state in SQLite) from source. It takes a few minutes and npm prints little until it is done; ' +
        'it happens once per clone or lock-file change.',
    );
    await runWithHeartbeat('npm', ['ci', '--no-audit', '--no-fund']);
  }

  // npm only runs install scripts of packages listed in package.json "allowScripts"; if the native
  // build was skipped or targets another Node ABI, rebuild it (compiles from source, about a minute).
  const sqliteProblem = moduleLoads("const D = require('better-sqlite3'); new D(':memory:').close();");
  if (sqliteProblem) {
    log(`better-sqlite3 does not load (${headline(sqliteProblem)}): rebuilding it`);
    run('npm', ['rebuild', 'better-sqlite3']);
    const stillBroken = moduleLoads("const D = require('better-sqlite3'); new D(':memory:').close();");
    if (stillBroken) {
      console.error(`[ensure-deps] better-sqlite3 still does not load after a rebuild:\n${stillBroken}`);
      console.error('[ensure-deps] It needs a C++ toolchain to compile: apt-get install -y python3 make g++');
      process.exit(1);
    }
  }

  const esbuildProblem = moduleLoads("require('esbuild').transformSync('let a: number = 1', { loader: 'ts' });");
  if (esbuildProblem) {
    log(`esbuild does not work (${headline(esbuildProblem)}): rebuilding it`);
    run('npm', ['rebuild', 'esbuild']);
  }
}

function ensureSystemPackages() {
  const missing = SYSTEM_PACKAGES.filter((p) => !existsSync(p.file));
  if (missing.length === 0) return;
  const names = missing.map((p) => p.pkg);
  for (const p of missing) log(`missing ${p.file} (Debian package "${p.pkg}", for the ${p.why})`);

  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error('[ensure-deps] Not running as root, so I cannot install them. Please run:');
    console.error(`  sudo apt-get update && sudo apt-get install -y ${names.join(' ')}`);
    process.exit(1);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', '--no-install-recommends', ...names], { env });
  const stillMissing = missing.filter((p) => !existsSync(p.file));
  if (stillMissing.length > 0) {
    console.error(`[ensure-deps] still missing after apt-get: ${stillMissing.map((p) => p.file).join(', ')}`);
    process.exit(1);
  }
}

await ensureNpmDependencies();
if (wantSystem) ensureSystemPackages();
