/**
 * A bounded load test of local AWS on loopback: `clients` concurrent keep-alive clients, each sending the console's
 * calls one after another for `durationMs` — ListRoles, GetRole, ListInstanceProfiles, ListPolicies with MaxItems,
 * DescribeInstances, DescribeIamInstanceProfileAssociations, and Associate / Replace / Disassociate on an instance of
 * its own that the setup launches with RunInstances first.
 *
 * AWS's own refusals (4xx with AWS's error shape, e.g. IncorrectState while a disassociation completes) are counted
 * by code in `errorsByCode`; 5xx answers and transport failures (resets, timeouts, unparseable answers) are counted
 * apart, and a healthy run has none of them. Called by `npm run bench` and by load.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { ADMIN_KEY, form, parseError, WireClient, type Credentials, type WireResponse } from './aws-wire.ts';

export interface LoadTestOptions {
  /** Local AWS's base URL; must be a loopback address. */
  url: string;
  /** Concurrent clients (1–200). */
  clients?: number;
  /** How long the clients send, after the setup (at most 10 minutes). */
  durationMs?: number;
  signal?: AbortSignal;
  /** Process id of local AWS (or of its launcher) when it runs in another process: the RSS of that process and its
   * descendants is measured instead of this process's. */
  serverPid?: number;
  /** Defaults to the key in GET /_local/config (the documented local-admin key). */
  credentials?: Credentials;
  region?: string;
}

export interface LoadTestResult {
  requests: number;
  /** AWS's own errors (4xx in the protocol's error shape), by code. */
  errorsByCode: Record<string, number>;
  /** 5xx answers, by AWS error code (or `HTTP <status>` when the body is not an AWS error). */
  serverErrors: Record<string, number>;
  /** Requests that got no usable answer: resets, timeouts, non-AWS bodies. */
  transportErrors: Record<string, number>;
  /** Calls per operation. */
  operations: Record<string, number>;
  /** Latency percentiles in milliseconds. */
  p50: number;
  p90: number;
  p99: number;
  maxMs: number;
  requestsPerSecond: number;
  durationMs: number;
  clients: number;
  instances: number;
  /** Resident memory of local AWS (serverPid) or of this process, in MiB, before and after the run. */
  rssStartMb: number;
  rssEndMb: number;
  rssOf: 'server' | 'this process';
}

const IAM_VERSION = '2010-05-08';
const EC2_VERSION = '2016-11-15';
const MAX_CLIENTS = 200;
const MAX_DURATION_MS = 10 * 60_000;
const LAUNCH_BATCH = 20;

function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === 'localhost' || hostname === '[::1]' || hostname === '::1' || /^127\.\d+\.\d+\.\d+$/.test(hostname)
  );
}

/** VmRSS of a process and its descendants in KiB (a `tsx` launcher runs the server in a child of its own). */
function treeRssKb(pid: number): number {
  let kb = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    let children = '';
    try {
      children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8');
    } catch {
      continue;
    }
    for (const child of children.split(' ').filter(Boolean)) kb += treeRssKb(Number(child));
  }
  return kb;
}

/** Resident memory in MiB of local AWS (pid) and its descendants, or of this process when pid is undefined. */
export function rssMb(pid: number | undefined): number {
  const kb = pid === undefined ? process.memoryUsage().rss / 1024 : treeRssKb(pid);
  return Math.round((kb / 1024) * 10) / 10;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, index)]! * 100) / 100;
}

function all(body: string, element: string): string[] {
  return [...body.matchAll(new RegExp(`<${element}>([^<]*)</${element}>`, 'g'))].map((m) => m[1]!);
}

function increment(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

class Recorder {
  readonly latencies: number[] = [];
  readonly errorsByCode: Record<string, number> = {};
  readonly serverErrors: Record<string, number> = {};
  readonly transportErrors: Record<string, number> = {};
  readonly operations: Record<string, number> = {};
  requests = 0;
}

/** One call; returns the answer when it is a 200, undefined after recording any other outcome. */
async function call(
  client: WireClient,
  recorder: Recorder | undefined,
  service: 'iam' | 'ec2',
  operation: string,
  params: Record<string, string | number>,
  credentials: Credentials,
  region: string,
): Promise<WireResponse | undefined> {
  const version = service === 'iam' ? IAM_VERSION : EC2_VERSION;
  let response: WireResponse;
  try {
    response = await client.send({
      service,
      region,
      credentials,
      body: form({ Action: operation, Version: version, ...params }),
    });
  } catch (error) {
    if (!recorder) throw error;
    recorder.requests++;
    increment(recorder.operations, operation);
    increment(
      recorder.transportErrors,
      (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error)),
    );
    return undefined;
  }
  if (recorder) {
    recorder.requests++;
    recorder.latencies.push(response.elapsedMs);
    increment(recorder.operations, operation);
  }
  if (response.status === 200) return response;
  const error = parseError(service === 'iam' ? 'awsQuery' : 'ec2Query', response);
  if (!recorder) throw new Error(`${operation} failed during setup: ${response.status} ${response.body.slice(0, 300)}`);
  if (response.status >= 500) increment(recorder.serverErrors, error?.code ?? `HTTP ${response.status}`);
  else if (error) increment(recorder.errorsByCode, error.code);
  else increment(recorder.transportErrors, `unparseable ${response.status} answer`);
  return undefined;
}

interface Fixture {
  roleNames: string[];
  profileNames: string[];
  instanceIds: string[];
}

async function setUp(
  client: WireClient,
  clients: number,
  credentials: Credentials,
  region: string,
  deadline: number,
): Promise<Fixture> {
  const iam = (op: string, params: Record<string, string | number> = {}) =>
    call(client, undefined, 'iam', op, params, credentials, region);
  const ec2 = (op: string, params: Record<string, string | number> = {}) =>
    call(client, undefined, 'ec2', op, params, credentials, region);

  const roles = await iam('ListRoles', { MaxItems: 100 });
  const roleNames = all(roles!.body, 'RoleName');
  // Instance profiles that hold a role can be attached.
  const profiles = await iam('ListInstanceProfiles', { MaxItems: 100 });
  const profileNames: string[] = [];
  for (const name of all(profiles!.body, 'InstanceProfileName')) {
    const profile = await iam('GetInstanceProfile', { InstanceProfileName: name });
    if (profile!.body.includes('<RoleName>')) profileNames.push(name);
    if (profileNames.length === 3) break;
  }
  if (profileNames.length < 2)
    throw new Error(
      'the load test needs two instance profiles that hold a role (the seeded WebServerRole and BatchWorkerRole)',
    );

  // One instance per client, so that a client's associate/replace/disassociate never races another's.
  const instanceIds: string[] = [];
  while (instanceIds.length < clients) {
    const count = Math.min(LAUNCH_BATCH, clients - instanceIds.length);
    const launched = await ec2('RunInstances', {
      ImageId: 'ami-0123456789abcdef0',
      InstanceType: 't3.micro',
      MinCount: count,
      MaxCount: count,
      'TagSpecification.1.ResourceType': 'instance',
      'TagSpecification.1.Tag.1.Key': 'Name',
      'TagSpecification.1.Tag.1.Value': 'load-test',
    });
    instanceIds.push(...all(launched!.body, 'instanceId'));
  }
  // New instances are pending for a moment; attaching needs them running.
  for (;;) {
    const params: Record<string, string> = {};
    instanceIds.forEach((id, i) => (params[`InstanceId.${i + 1}`] = id));
    const described = await ec2('DescribeInstances', params);
    const states = all(described!.body, 'name').filter((name) =>
      ['pending', 'running', 'stopping', 'stopped', 'shutting-down', 'terminated'].includes(name),
    );
    if (states.length >= instanceIds.length && states.every((state) => state === 'running')) break;
    if (Date.now() > deadline) throw new Error('the load test instances did not reach running within the setup time');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { roleNames, profileNames, instanceIds };
}

type Step = (client: WireClient) => Promise<void>;

/** The console's mix of calls for one virtual client, weighted roughly as the pages call them. */
function virtualClient(
  index: number,
  fixture: Fixture,
  recorder: Recorder,
  credentials: Credentials,
  region: string,
): Step {
  const instanceId = fixture.instanceIds[index]!;
  let associationId: string | undefined;
  let profileTurn = index;
  const nextProfile = () => fixture.profileNames[profileTurn++ % fixture.profileNames.length]!;
  const iam = (client: WireClient, op: string, params: Record<string, string | number> = {}) =>
    call(client, recorder, 'iam', op, params, credentials, region);
  const ec2 = (client: WireClient, op: string, params: Record<string, string | number> = {}) =>
    call(client, recorder, 'ec2', op, params, credentials, region);
  let turn = index;

  const steps: [number, Step][] = [
    [15, async (c) => void (await iam(c, 'ListRoles', { MaxItems: 100 }))],
    [
      10,
      async (c) => void (await iam(c, 'GetRole', { RoleName: fixture.roleNames[turn % fixture.roleNames.length]! })),
    ],
    [10, async (c) => void (await iam(c, 'ListInstanceProfiles', { MaxItems: 100 }))],
    [
      10,
      async (c) => {
        const first = await iam(c, 'ListPolicies', {
          MaxItems: 25 + (turn % 4) * 25,
          Scope: turn % 2 === 0 ? 'All' : 'AWS',
        });
        const marker = first && /<Marker>([^<]*)<\/Marker>/.exec(first.body)?.[1];
        if (marker)
          await iam(c, 'ListPolicies', {
            MaxItems: 50,
            Scope: turn % 2 === 0 ? 'All' : 'AWS',
            Marker: marker.replace(/&amp;/g, '&'),
          });
      },
    ],
    [15, async (c) => void (await ec2(c, 'DescribeInstances', { MaxResults: 100 }))],
    [
      10,
      async (c) =>
        void (await ec2(c, 'DescribeIamInstanceProfileAssociations', {
          'Filter.1.Name': 'instance-id',
          'Filter.1.Value.1': instanceId,
        })),
    ],
    [
      10,
      async (c) => {
        if (associationId === undefined) {
          const answer = await ec2(c, 'AssociateIamInstanceProfile', {
            InstanceId: instanceId,
            'IamInstanceProfile.Name': nextProfile(),
          });
          associationId = answer && /<associationId>([^<]+)<\/associationId>/.exec(answer.body)?.[1];
          if (!answer) {
            // Probably still attached from before (IncorrectState): find the current association.
            const current = await ec2(c, 'DescribeIamInstanceProfileAssociations', {
              'Filter.1.Name': 'instance-id',
              'Filter.1.Value.1': instanceId,
            });
            associationId = current ? /<associationId>([^<]+)<\/associationId>/.exec(current.body)?.[1] : undefined;
          }
        } else if (turn % 3 !== 0) {
          const answer = await ec2(c, 'ReplaceIamInstanceProfileAssociation', {
            AssociationId: associationId,
            'IamInstanceProfile.Name': nextProfile(),
          });
          associationId = answer
            ? (/<associationId>([^<]+)<\/associationId>/.exec(answer.body)?.[1] ?? associationId)
            : undefined;
        } else {
          await ec2(c, 'DisassociateIamInstanceProfile', { AssociationId: associationId });
          associationId = undefined;
        }
      },
    ],
  ];
  const totalWeight = steps.reduce((sum, [weight]) => sum + weight, 0);
  return async (client) => {
    turn++;
    // A deterministic spread over the mix (a multiplicative hash of the turn), so runs are comparable.
    let pick = (turn * 2654435761) % totalWeight;
    for (const [weight, step] of steps) {
      if (pick < weight) return step(client);
      pick -= weight;
    }
  };
}

export async function runLoadTest(options: LoadTestOptions): Promise<LoadTestResult> {
  const clients = options.clients ?? 50;
  const durationMs = options.durationMs ?? 60_000;
  const target = new URL(options.url);
  if (!isLoopbackHost(target.hostname))
    throw new Error(`the load test runs against loopback only, not ${target.hostname}`);
  if (!Number.isInteger(clients) || clients < 1 || clients > MAX_CLIENTS)
    throw new Error(`clients must be 1–${MAX_CLIENTS}`);
  if (!(durationMs > 0 && durationMs <= MAX_DURATION_MS))
    throw new Error(`durationMs must be at most ${MAX_DURATION_MS}`);

  const local = options.credentials
    ? undefined
    : ((await (await fetch(`${options.url}/_local/config`)).json()) as {
        adminAccessKey?: Credentials;
        region?: string;
      });
  const credentials = options.credentials ?? local?.adminAccessKey ?? ADMIN_KEY;
  const region = options.region ?? local?.region ?? 'us-east-1';

  const client = new WireClient(options.url, { maxSockets: clients, timeoutMs: 10_000 });
  try {
    const fixture = await setUp(client, clients, credentials, region, Date.now() + 30_000);
    const recorder = new Recorder();
    const rssStartMb = rssMb(options.serverPid);
    const started = performance.now();
    const stopAt = started + durationMs;
    const running = Array.from({ length: clients }, async (_, index) => {
      const step = virtualClient(index, fixture, recorder, credentials, region);
      while (performance.now() < stopAt && !options.signal?.aborted) await step(client);
    });
    await Promise.all(running);
    const elapsed = performance.now() - started;
    const rssEndMb = rssMb(options.serverPid);
    const sorted = recorder.latencies.sort((a, b) => a - b);
    return {
      requests: recorder.requests,
      errorsByCode: recorder.errorsByCode,
      serverErrors: recorder.serverErrors,
      transportErrors: recorder.transportErrors,
      operations: recorder.operations,
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p99: percentile(sorted, 99),
      maxMs: Math.round((sorted.at(-1) ?? 0) * 100) / 100,
      requestsPerSecond: Math.round((recorder.requests / elapsed) * 1000),
      durationMs: Math.round(elapsed),
      clients,
      instances: fixture.instanceIds.length,
      rssStartMb,
      rssEndMb,
      rssOf: options.serverPid === undefined ? 'this process' : 'server',
    };
  } finally {
    client.close();
  }
}
