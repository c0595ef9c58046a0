/**
 * `npm run bench`: builds the console and measures
 * 1. in Chromium (bench/first-load.ts), every JS and CSS file the sign-in page downloads until its form is usable
 *    (gzip -9) and whether any holds AWS SDK code, plus every other chunk, and
 * 2. local AWS throughput for signed iam:GetRole calls (concurrency 4, 10 s, loopback, keep-alive),
 * 3. the create-role wizard's route chunk beyond the shell (from the Vite manifest, gzip -9),
 * 4. the wizard's policy filter per keystroke over 1,600 policies,
 * 5. EC2 at scale (10,000 instances, 5,000 instance profiles): DescribeInstances / ListInstanceProfiles pages of 1,000,
 *    then the console at that scale in Chromium (bench/ui-scale.ts): the instances page's first rows, and each
 *    keystroke, from key to paint, in the instances filter and in the Modify IAM role dialog's profile drop-down,
 * 6. the load test of test/robustness/load.ts (50 clients, BENCH_LOAD_SECONDS, default 60) with the server's RSS,
 * 7. in this process (bench/in-process.ts): loading the AWS managed policy catalog, and evaluating a cached policy.
 * 8. the front door (bench/front-door.ts): RSS under 100 concurrent unsigned 20 MB bodies, other callers' GetRole p50
 *    beside 16 sign-in loops (right and wrong passwords), and signed GetRole against a bare Node server answering a
 *    canned GetRole (bench/bare-get-role-child.ts), measured right after the GetRole run of 2.
 * 9. a fuzz of 20,000 signed malformed requests over every operation (5xx count) and the decode time of a
 *    20,000-filter DescribeInstances (bench/model-fuzz.ts).
 * Everything runs on loopback against local AWS children started here and stopped before exit.
 * Prints a table, then the JSON (also written to .bench/results.json). Exits 0 even when a target is missed:
 * the `targets` block says which were met.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { buildConsole, repoRoot } from './console-build.ts';
import { otherAssets, type AssetSize } from './bench/bundle.ts';
import { measureEc2Scale, type Ec2ScaleResult } from './bench/ec2-scale.ts';
import { measureFirstLoad, type FirstLoadResult } from './bench/first-load.ts';
import { measureInProcess } from './bench/in-process.ts';
import { measureFrontDoor, type FrontDoorResult } from './bench/front-door.ts';
import { runLoad, type LoadResult } from './bench/load.ts';
import { measureModelFuzz, modelFuzzReport, modelFuzzTargets } from './bench/model-fuzz.ts';
import { measurePolicyFilter } from './bench/policy-filter.ts';
import { readManifest, routeCostBeyondShell, type RouteCost } from './bench/route-chunk.ts';
import { QuerySigner } from './bench/sigv4-sign.ts';
import { measureUiScale, type UiScaleResult } from './bench/ui-scale.ts';
import { freePort } from './free-port.ts';
import { startConsoleServer } from './serve-console.ts';
import { runLoadTest, type LoadTestResult } from '../test/robustness/load.ts';

const TARGETS = {
  firstLoadJsGzipKb: 150,
  firstLoadCssGzipKb: 120,
  getRolePerSecond: 3000,
  createRoleRouteGzipKb: 60,
  policyFilterMs: 50,
  describeInstancesPageMs: 100,
  describeInstancesCalls: 10,
  listInstanceProfilesCalls: 5,
  instancesFirstRowsMs: 1000,
  instanceFilterKeystrokeMs: 20,
  profileDropdownKeystrokeMs: 19,
  loadServerErrors: 0,
  managedPolicySeedMs: 5000,
  policyEvaluationMicros: 50,
  unsignedFloodRssRiseMb: 100,
  getRoleVsBareServer: 0.3,
};
const LOAD_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const LOAD_TEST_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const LOAD_TEST_CLIENTS = 50;
const CREATE_ROLE_ROUTE = 'src/features/roles/create/CreateRolePage.tsx';
/**
 * What a signed-in user has loaded before opening the wizard: the entry chunk (always counted), the console shell
 * and the landing page /roles, whose "Create role" button opens the wizard (it brings the SDK core and the table).
 */
const SHELL_ROUTES = ['src/app/shell/ConsoleShell.tsx', 'src/features/roles/RolesPage.tsx'];
const CONCURRENCY = 4;
const ROLE_NAME = 'bench-get-role';

const kb = (bytes: number): number => Math.round((bytes / 1024) * 10) / 10;

interface LocalConfig {
  region: string;
  userPoolClientId: string;
  adminAccessKey: { accessKeyId: string; secretAccessKey: string };
  demoUsers: { username: string; password: string }[];
}

/** Starts local AWS in a child process so the load generator does not share its event loop. */
interface LocalAwsChild {
  url: string;
  pid: number;
  child: ChildProcess;
  seeded?: { instances: number; instanceProfiles: number; seedMs: number };
}

async function startLocalAwsChild(
  extraEnv: Record<string, string> = {},
  script = 'local-aws-child.ts',
): Promise<LocalAwsChild> {
  // `node --import tsx` keeps local AWS in this one child process (tsx's CLI would add a wrapper process), so its pid
  // is the server's for the memory figures and a kill reaches it.
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'scripts', 'bench', script)], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, LOCAL_AWS_FAULTS: '', ...extraEnv },
  });
  const lines = createInterface({ input: child.stdout! });
  const ready = await new Promise<Omit<LocalAwsChild, 'child'>>((resolveUrl, rejectUrl) => {
    const timer = setTimeout(() => rejectUrl(new Error('local AWS did not start within 120 s')), 120_000);
    child.once('exit', (code) => rejectUrl(new Error(`local AWS exited with ${code} before it was ready`)));
    lines.on('line', (line) => {
      try {
        const parsed = JSON.parse(line) as Partial<Omit<LocalAwsChild, 'child'>>;
        if (parsed.url && parsed.pid) {
          clearTimeout(timer);
          resolveUrl({ url: parsed.url, pid: parsed.pid, seeded: parsed.seeded });
        }
      } catch {
        // Not the ready line.
      }
    });
  });
  return { ...ready, child };
}

/** Stops a child started here and waits until it has exited. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function localConfig(url: string): Promise<LocalConfig> {
  return (await (await fetch(`${url}/_local/config`)).json()) as LocalConfig;
}

async function measureScale(): Promise<Ec2ScaleResult & { seedMs: number; ui: UiScaleResult }> {
  const consolePort = await freePort();
  const { url, child, seeded } = await startLocalAwsChild({ BENCH_SCALE: '1', LOCAL_AWS_ALLOWED_ORIGINS: `http://127.0.0.1:${consolePort}` });
  try {
    const config = await localConfig(url);
    const result = await measureEc2Scale(url, config.adminAccessKey, config.region);
    const consoleServer = await startConsoleServer({ port: consolePort, distDir: join(repoRoot, 'dist'), localAwsEndpoint: url });
    try {
      const admin = config.demoUsers.find((user) => user.username === 'admin');
      if (!admin) throw new Error('local AWS has no demo user admin');
      const ui = await measureUiScale(consoleServer.url, admin);
      return { ...result, seedMs: seeded?.seedMs ?? 0, ui };
    } finally {
      await consoleServer.close();
    }
  } finally {
    await stopChild(child);
  }
}

/** The sign-in page's first load in Chromium, against a console server and a local AWS of its own. */
async function measureSignInFirstLoad(distDir: string): Promise<FirstLoadResult> {
  const consolePort = await freePort();
  const { url, child } = await startLocalAwsChild({ LOCAL_AWS_ALLOWED_ORIGINS: `http://127.0.0.1:${consolePort}` });
  try {
    const consoleServer = await startConsoleServer({ port: consolePort, distDir, localAwsEndpoint: url });
    try {
      return await measureFirstLoad(consoleServer.url, distDir);
    } finally {
      await consoleServer.close();
    }
  } finally {
    await stopChild(child);
  }
}

async function measureLoadTest(): Promise<LoadTestResult> {
  const { url, child, pid } = await startLocalAwsChild();
  try {
    return await runLoadTest({ url, clients: LOAD_TEST_CLIENTS, durationMs: LOAD_TEST_SECONDS * 1000, serverPid: pid });
  } finally {
    await stopChild(child);
  }
}

async function iamCall(
  url: string,
  signer: QuerySigner,
  params: Record<string, string>,
): Promise<{ status: number; text: string }> {
  const host = new URL(url).host;
  const signed = signer.sign(host, { ...params, Version: '2010-05-08' });
  const { host: _host, ...headers } = signed.headers;
  const response = await fetch(`${url}/`, { method: 'POST', headers, body: signed.body });
  return { status: response.status, text: await response.text() };
}

/** The same signed GetRole load against a bare Node server answering `cannedBody`: the ceiling for local AWS. */
async function measureBareGetRole(signer: QuerySigner, cannedBody: string): Promise<LoadResult> {
  const { url, child } = await startLocalAwsChild({ BENCH_CANNED_BODY: cannedBody }, 'bare-get-role-child.ts');
  try {
    const host = new URL(url).host;
    return await runLoad({
      url,
      seconds: LOAD_SECONDS,
      concurrency: CONCURRENCY,
      next: () => signer.sign(host, { Action: 'GetRole', RoleName: ROLE_NAME, Version: '2010-05-08' }),
    });
  } finally {
    await stopChild(child);
  }
}

async function measureFrontDoorOnChild(): Promise<FrontDoorResult> {
  const { url, child, pid } = await startLocalAwsChild();
  try {
    const config = await localConfig(url);
    return await measureFrontDoor(
      { url, pid },
      {
        signer: new QuerySigner(config.adminAccessKey, config.region, 'iam'),
        roleName: 'console-admin',
        clientId: config.userPoolClientId,
        users: config.demoUsers,
        seconds: LOAD_SECONDS,
        concurrency: CONCURRENCY,
      },
    );
  } finally {
    await stopChild(child);
  }
}

async function measureGetRole(): Promise<{ getRole: LoadResult; bareGetRole: LoadResult }> {
  const { url, child } = await startLocalAwsChild();
  try {
    const config = await localConfig(url);
    const signer = new QuerySigner(config.adminAccessKey, config.region, 'iam');
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
    const created = await iamCall(url, signer, {
      Action: 'CreateRole',
      RoleName: ROLE_NAME,
      AssumeRolePolicyDocument: trust,
    });
    if (created.status !== 200)
      throw new Error(`CreateRole failed: HTTP ${created.status} ${created.text.slice(0, 300)}`);
    const probe = await iamCall(url, signer, { Action: 'GetRole', RoleName: ROLE_NAME });
    if (probe.status !== 200 || !probe.text.includes(`<RoleName>${ROLE_NAME}</RoleName>`)) {
      throw new Error(`GetRole does not answer as expected: HTTP ${probe.status} ${probe.text.slice(0, 300)}`);
    }
    const host = new URL(url).host;
    const getRole = await runLoad({
      url,
      seconds: LOAD_SECONDS,
      concurrency: CONCURRENCY,
      next: () => signer.sign(host, { Action: 'GetRole', RoleName: ROLE_NAME, Version: '2010-05-08' }),
    });
    return { getRole, bareGetRole: await measureBareGetRole(signer, probe.text) };
  } finally {
    await stopChild(child);
  }
}

function table(rows: (string | number)[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) =>
          typeof cell === 'number' ? String(cell).padStart(widths[column]!) : cell.padEnd(widths[column]!),
        )
        .join('  '),
    )
    .join('\n');
}

const assetRows = (kind: string, assets: AssetSize[]): (string | number)[][] =>
  assets.map((asset) => [kind, asset.file, kb(asset.bytes), kb(asset.gzipBytes)]);

const count = (counts: Record<string, number>): number => Object.values(counts).reduce((sum, n) => sum + n, 0);
const listCounts = (counts: Record<string, number>): string =>
  Object.keys(counts).length === 0
    ? 'none'
    : Object.entries(counts)
        .sort((a, b) => b[1] - a[1])
        .map(([code, n]) => `${code} ${n}`)
        .join(', ');

async function main(): Promise<void> {
  console.log('Building the console (vite build)…');
  await buildConsole(repoRoot);
  const dist = join(repoRoot, 'dist');
  console.log('Loading the sign-in page in Chromium until its form is usable…');
  const firstLoad = await measureSignInFirstLoad(dist);
  const laterAssets = otherAssets(dist, new Set(firstLoad.files.map((file) => file.file)));
  const manifest = readManifest(dist);
  if (!manifest) throw new Error('dist/.vite/manifest.json is missing: vite.config.ts needs build.manifest: true');
  const createRoleRoute: RouteCost = routeCostBeyondShell(dist, manifest, CREATE_ROLE_ROUTE, SHELL_ROUTES);

  console.log('Timing the policy filter (1,600 policies, one keystroke at a time)…');
  const policyFilter = measurePolicyFilter();

  console.log('Timing the managed policy catalog load and cached policy evaluation, in process…');
  const inProcess = measureInProcess();

  console.log(`Measuring signed iam:GetRole on local AWS (concurrency ${CONCURRENCY}, ${LOAD_SECONDS} s)…`);
  const { getRole, bareGetRole } = await measureGetRole();

  console.log('Seeding 10,000 instances and 5,000 instance profiles, then listing them…');
  const ec2Scale = await measureScale();

  console.log(`Load test: ${LOAD_TEST_CLIENTS} clients for ${LOAD_TEST_SECONDS} s…`);
  const loadTest = await measureLoadTest();
  const loadServerErrors = count(loadTest.serverErrors) + count(loadTest.transportErrors);

  console.log('Front door: unsigned 20 MB floods, sign-in loops beside GetRole…');
  const frontDoor = await measureFrontDoorOnChild();
  const floodRssRiseMb = Math.max(frontDoor.declaredFlood.rssRiseMb, frontDoor.chunkedFlood.rssRiseMb);
  const getRoleVsBare = Math.round((getRole.requestsPerSecond / bareGetRole.requestsPerSecond) * 100) / 100;
  console.log('Model fuzz: 20,000 signed malformed requests over every operation, then 20,000 filters decoded…');
  const modelFuzz = await measureModelFuzz();
  const modelFuzzLines = modelFuzzReport(modelFuzz);

  const targets = {
    firstLoadJs: {
      limitKb: TARGETS.firstLoadJsGzipKb,
      actualKb: kb(firstLoad.jsGzipBytes),
      met: kb(firstLoad.jsGzipBytes) <= TARGETS.firstLoadJsGzipKb,
    },
    firstLoadCss: {
      limitKb: TARGETS.firstLoadCssGzipKb,
      actualKb: kb(firstLoad.cssGzipBytes),
      met: kb(firstLoad.cssGzipBytes) <= TARGETS.firstLoadCssGzipKb,
    },
    noSdkInFirstLoad: { met: firstLoad.sdkFiles.length === 0, found: firstLoad.sdkFiles },
    getRolePerSecond: {
      minimum: TARGETS.getRolePerSecond,
      actual: Math.round(getRole.requestsPerSecond),
      met: getRole.requestsPerSecond >= TARGETS.getRolePerSecond && getRole.errors === 0,
    },
    createRoleRouteJs: {
      limitKb: TARGETS.createRoleRouteGzipKb,
      actualKb: kb(createRoleRoute.jsGzipBytes),
      met: kb(createRoleRoute.jsGzipBytes) <= TARGETS.createRoleRouteGzipKb,
    },
    policyFilterMaxMs: {
      limitMs: TARGETS.policyFilterMs,
      actualMs: policyFilter.maxMs,
      met: policyFilter.maxMs < TARGETS.policyFilterMs,
    },
    describeInstancesPageMs: {
      limitMs: TARGETS.describeInstancesPageMs,
      medianMs: ec2Scale.describeInstances.medianMs,
      maxMs: ec2Scale.describeInstances.maxMs,
      met: ec2Scale.describeInstances.maxMs < TARGETS.describeInstancesPageMs,
    },
    describeInstancesCalls: {
      limit: TARGETS.describeInstancesCalls,
      actual: ec2Scale.describeInstances.calls,
      met:
        ec2Scale.describeInstances.calls <= TARGETS.describeInstancesCalls &&
        ec2Scale.describeInstances.instances >= 10_000,
    },
    listInstanceProfilesCalls: {
      limit: TARGETS.listInstanceProfilesCalls,
      actual: ec2Scale.listInstanceProfiles.calls,
      met:
        ec2Scale.listInstanceProfiles.calls <= TARGETS.listInstanceProfilesCalls &&
        ec2Scale.listInstanceProfiles.profiles >= 5_000,
    },
    instancesFirstRows: {
      limitMs: TARGETS.instancesFirstRowsMs,
      actualMs: ec2Scale.ui.firstRowsMs,
      met: ec2Scale.ui.firstRowsMs <= TARGETS.instancesFirstRowsMs,
    },
    instanceFilterKeystroke: {
      limitMs: TARGETS.instanceFilterKeystrokeMs,
      ...ec2Scale.ui.instanceFilter,
      met: ec2Scale.ui.instanceFilter.maxMs <= TARGETS.instanceFilterKeystrokeMs,
    },
    profileDropdownKeystroke: {
      limitMs: TARGETS.profileDropdownKeystrokeMs,
      ...ec2Scale.ui.profileDropdown,
      met: ec2Scale.ui.profileDropdown.maxMs <= TARGETS.profileDropdownKeystrokeMs,
    },
    managedPolicySeedMs: {
      limitMs: TARGETS.managedPolicySeedMs,
      actualMs: inProcess.managedPolicySeedMs,
      met: inProcess.managedPolicySeedMs < TARGETS.managedPolicySeedMs,
    },
    policyEvaluationMicros: {
      limitMicros: TARGETS.policyEvaluationMicros,
      actualMicros: inProcess.policyEvaluation.microsPerCall,
      met: inProcess.policyEvaluation.microsPerCall < TARGETS.policyEvaluationMicros,
    },
    loadTestServerErrors: {
      limit: TARGETS.loadServerErrors,
      actual: loadServerErrors,
      met: loadServerErrors === TARGETS.loadServerErrors,
    },
    unsignedFloodRssRiseMb: {
      limitMb: TARGETS.unsignedFloodRssRiseMb,
      actualMb: floodRssRiseMb,
      met: floodRssRiseMb < TARGETS.unsignedFloodRssRiseMb,
    },
    getRoleVsBareServer: {
      minimum: TARGETS.getRoleVsBareServer,
      actual: getRoleVsBare,
      met: getRoleVsBare >= TARGETS.getRoleVsBareServer && getRole.errors === 0 && bareGetRole.errors === 0,
    },
    ...modelFuzzTargets(modelFuzz),
  };
  const results = {
    measuredAt: new Date().toISOString(),
    firstLoad,
    laterAssets,
    createRoleRoute,
    policyFilter,
    inProcess,
    getRole,
    bareGetRole,
    frontDoor,
    ec2Scale,
    loadTest,
    modelFuzz,
    targets,
  };

  const mark = (met: boolean): string => (met ? 'ok' : 'MISSED');
  const di = ec2Scale.describeInstances;
  const lip = ec2Scale.listInstanceProfiles;
  console.log(
    [
      '',
      `Sign-in page in Chromium, every file downloaded until the form is usable (${firstLoad.usableMs} ms), gzip -9:`,
      table([
        ['kind', 'file', 'KB', 'gzip KB', 'AWS SDK'],
        ...firstLoad.files.map((file) => [file.kind, file.file, kb(file.bytes), kb(file.gzipBytes), file.sdk ? 'SDK' : '']),
      ]),
      `total: JS ${kb(firstLoad.jsGzipBytes)} KB gzip, CSS ${kb(firstLoad.cssGzipBytes)} KB gzip`,
      '',
      'Every other chunk, loaded when a page needs it (gzip -9):',
      table([
        ['kind', 'file', 'KB', 'gzip KB'],
        ...assetRows('js', laterAssets.js),
        ...assetRows('css', laterAssets.css),
      ]),
      '',
      `Create-role wizard route beyond the entry and ${SHELL_ROUTES.join(', ')} (static imports only, gzip -9):`,
      table([
        ['kind', 'file', 'KB', 'gzip KB'],
        ...assetRows('js', createRoleRoute.js),
        ...assetRows('css', createRoleRoute.css),
      ]),
      `total: JS ${kb(createRoleRoute.jsGzipBytes)} KB gzip, CSS ${kb(createRoleRoute.cssGzipBytes)} KB gzip`,
      '',
      `Policy filter, ${policyFilter.policies} policies, "${policyFilter.query}" typed one key at a time with each type filter:`,
      table([
        ['keystrokes', 'median ms', 'max ms', 'first ms'],
        [policyFilter.keystrokes, policyFilter.medianMs, policyFilter.maxMs, policyFilter.firstKeystrokeMs],
      ]),
      '',
      'iam:GetRole on local AWS:',
      table([
        ['requests', 'req/s', 'p50 ms', 'p99 ms', 'errors'],
        [
          getRole.requests,
          Math.round(getRole.requestsPerSecond),
          Number(getRole.p50Ms.toFixed(2)),
          Number(getRole.p99Ms.toFixed(2)),
          getRole.errors,
        ],
      ]),
      ...(getRole.firstError ? [`first error: ${getRole.firstError}`] : []),
      `bare Node server answering a canned GetRole, same load: ${Math.round(bareGetRole.requestsPerSecond)} req/s (local AWS: ${getRoleVsBare} of it)`,
      '',
      'Front door: 100 clients at once, each POSTing an unsigned 20 MB body:',
      table([
        ['body', 'client outcomes', 'MB sent', 'RSS before MB', 'RSS peak MB', 'rise MB'],
        ...[
          ['Content-Length (query)', frontDoor.declaredFlood] as const,
          ['chunked (public Cognito)', frontDoor.chunkedFlood] as const,
        ].map(([label, flood]) => [
          label,
          listCounts(flood.outcomes),
          flood.sentMb,
          flood.rssBeforeMb,
          flood.rssPeakMb,
          flood.rssRiseMb,
        ]),
      ]),
      `Other callers' signed GetRole (concurrency ${CONCURRENCY}) beside sign-in loops:`,
      table([
        ['beside', 'req/s', 'p50 ms', 'p99 ms', 'sign-in answers'],
        ...[
          ['nothing', frontDoor.getRoleAlone] as const,
          ['16 loops, right passwords', frontDoor.rightPasswordLoops] as const,
          ['16 loops, wrong passwords', frontDoor.wrongPasswordLoops] as const,
        ].map(([label, run]) => [
          label,
          Math.round(run.getRole.requestsPerSecond),
          Number(run.getRole.p50Ms.toFixed(2)),
          Number(run.getRole.p99Ms.toFixed(2)),
          listCounts(run.answers),
        ]),
      ]),
      '',
      `EC2 at scale (seeded in ${ec2Scale.seedMs} ms), pages of 1,000, signed, loopback:`,
      table([
        ['call', 'calls', 'items', 'median ms', 'max ms', 'total ms'],
        ['DescribeInstances', di.calls, di.instances, di.medianMs, di.maxMs, di.totalMs],
        ['ListInstanceProfiles', lip.calls, lip.profiles, '', lip.maxMs, lip.totalMs],
      ]),
      '',
      `Load test (${loadTest.clients} clients, ${Math.round(loadTest.durationMs / 1000)} s, console mix):`,
      table([
        ['requests', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'RSS start MB', 'RSS end MB'],
        [
          loadTest.requests,
          loadTest.requestsPerSecond,
          loadTest.p50,
          loadTest.p90,
          loadTest.p99,
          loadTest.maxMs,
          loadTest.rssStartMb,
          loadTest.rssEndMb,
        ],
      ]),
      `AWS errors by code: ${listCounts(loadTest.errorsByCode)}`,
      `5xx: ${listCounts(loadTest.serverErrors)}; transport errors: ${listCounts(loadTest.transportErrors)}`,
      '',
      ...modelFuzzLines.lines,
      '',
      'Targets:',
      table([
        ['target', 'limit', 'actual', ''],
        [
          'sign-in first load JS gzip KB (browser, until usable)',
          `≤ ${TARGETS.firstLoadJsGzipKb}`,
          targets.firstLoadJs.actualKb,
          mark(targets.firstLoadJs.met),
        ],
        [
          'sign-in first load CSS gzip KB (browser, until usable)',
          `≤ ${TARGETS.firstLoadCssGzipKb}`,
          targets.firstLoadCss.actualKb,
          mark(targets.firstLoadCss.met),
        ],
        [
          'AWS SDK code before the sign-in form works',
          'none',
          firstLoad.sdkFiles.length === 0 ? 'none' : firstLoad.sdkFiles.join(', '),
          mark(targets.noSdkInFirstLoad.met),
        ],
        [
          'GetRole req/s',
          `≥ ${TARGETS.getRolePerSecond}`,
          targets.getRolePerSecond.actual,
          mark(targets.getRolePerSecond.met),
        ],
        [
          'create-role route JS gzip KB beyond shell + /roles',
          `≤ ${TARGETS.createRoleRouteGzipKb}`,
          targets.createRoleRouteJs.actualKb,
          mark(targets.createRoleRouteJs.met),
        ],
        [
          'policy filter ms/keystroke (max)',
          `< ${TARGETS.policyFilterMs}`,
          policyFilter.maxMs,
          mark(targets.policyFilterMaxMs.met),
        ],
        [
          'DescribeInstances 1,000-page ms (max)',
          `< ${TARGETS.describeInstancesPageMs}`,
          `${di.maxMs} (median ${di.medianMs})`,
          mark(targets.describeInstancesPageMs.met),
        ],
        [
          'DescribeInstances calls for 10,000',
          `≤ ${TARGETS.describeInstancesCalls}`,
          `${di.calls} (${di.instances} instances)`,
          mark(targets.describeInstancesCalls.met),
        ],
        [
          'ListInstanceProfiles calls for 5,000',
          `≤ ${TARGETS.listInstanceProfilesCalls}`,
          `${lip.calls} (${lip.profiles} profiles, ${lip.totalMs} ms)`,
          mark(targets.listInstanceProfilesCalls.met),
        ],
        [
          'instances page first rows, 10,000 instances (ms, click to paint)',
          `≤ ${TARGETS.instancesFirstRowsMs}`,
          targets.instancesFirstRows.actualMs,
          mark(targets.instancesFirstRows.met),
        ],
        [
          'instances filter ms/keystroke (max)',
          `≤ ${TARGETS.instanceFilterKeystrokeMs}`,
          `${targets.instanceFilterKeystroke.maxMs} (median ${targets.instanceFilterKeystroke.medianMs})`,
          mark(targets.instanceFilterKeystroke.met),
        ],
        [
          'profile drop-down ms/keystroke, 5,000 (max)',
          `≤ ${TARGETS.profileDropdownKeystrokeMs}`,
          `${targets.profileDropdownKeystroke.maxMs} (median ${targets.profileDropdownKeystroke.medianMs})`,
          mark(targets.profileDropdownKeystroke.met),
        ],
        [
          'managed policy catalog load ms',
          `< ${TARGETS.managedPolicySeedMs}`,
          inProcess.managedPolicySeedMs,
          mark(targets.managedPolicySeedMs.met),
        ],
        [
          'policy evaluation µs/call (cached)',
          `< ${TARGETS.policyEvaluationMicros}`,
          inProcess.policyEvaluation.microsPerCall,
          mark(targets.policyEvaluationMicros.met),
        ],
        [
          'load test 5xx + transport errors',
          `= ${TARGETS.loadServerErrors}`,
          loadServerErrors,
          mark(targets.loadTestServerErrors.met),
        ],
        [
          'RSS rise, 100 unsigned 20 MB bodies (MB)',
          `< ${TARGETS.unsignedFloodRssRiseMb}`,
          floodRssRiseMb,
          mark(targets.unsignedFloodRssRiseMb.met),
        ],
        [
          'signed GetRole / bare server answering GetRole',
          `≥ ${TARGETS.getRoleVsBareServer}`,
          getRoleVsBare,
          mark(targets.getRoleVsBareServer.met),
        ],
        ...modelFuzzLines.targetRows,
      ]),
      '',
    ].join('\n'),
  );
  mkdirSync(join(repoRoot, '.bench'), { recursive: true });
  writeFileSync(join(repoRoot, '.bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify(results, null, 2));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
