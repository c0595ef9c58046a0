/**
 * Local AWS's front door under abuse, for `npm run bench`:
 * - unsigned floods: the server's RSS rise while 100 clients at once POST unsigned 20 MB bodies, once with a declared
 *   Content-Length (an IAM-style form) and once chunked to a public Cognito operation (no length to refuse early);
 * - password loops: signed GetRole p50 for other callers, alone, while 16 loops sign in with the right passwords
 *   (scrypt on libuv's thread pool), and while 16 loops send wrong passwords (the lockout answers most of them).
 * The GetRole-vs-bare-server throughput comparison uses bare-get-role-child.ts and lives in bench.ts with the
 * other GetRole measurement.
 */
import { request } from 'node:http';
import { rssMb } from '../../test/robustness/load.ts';
import { runLoad, type LoadResult } from './load.ts';
import type { QuerySigner } from './sigv4-sign.ts';

const MIB = 1024 * 1024;
const INITIATE_AUTH = 'AWSCognitoIdentityProviderService.InitiateAuth';
const JSON_11 = 'application/x-amz-json-1.1';

export interface FloodResult {
  clients: number;
  bodyMb: number;
  /** How each client's request ended: `HTTP <status>`, or the transport error's code. */
  outcomes: Record<string, number>;
  /** MiB the client managed to send before the server answered, summed over the clients. */
  sentMb: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  rssRiseMb: number;
}

/** Sends one unsigned POST, streaming `bodyBytes` in 1 MiB chunks until the server answers or closes. */
function floodOnce(
  url: URL,
  bodyBytes: number,
  chunked: boolean,
  chunk: Buffer,
): Promise<{ outcome: string; sent: number }> {
  return new Promise((resolve) => {
    let sent = 0;
    let settled = false;
    const finish = (outcome: string): void => {
      if (settled) return;
      settled = true;
      req.destroy();
      resolve({ outcome, sent });
    };
    const req = request({
      host: url.hostname,
      port: url.port,
      method: 'POST',
      path: '/',
      agent: false,
      headers: chunked
        ? { 'content-type': JSON_11, 'x-amz-target': INITIATE_AUTH, 'transfer-encoding': 'chunked' }
        : { 'content-type': 'application/x-www-form-urlencoded', 'content-length': bodyBytes },
    });
    req.on('response', (res) => {
      res.resume();
      finish(`HTTP ${res.statusCode}`);
    });
    req.on('error', (error: NodeJS.ErrnoException) => finish(error.code ?? error.message));
    const pump = (): void => {
      while (!settled && sent < bodyBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!settled) req.end();
    };
    pump();
  });
}

export async function measureUnsignedFlood(options: {
  url: string;
  serverPid: number;
  clients: number;
  bodyBytes: number;
  chunked: boolean;
}): Promise<FloodResult> {
  const url = new URL(options.url);
  const chunk = Buffer.alloc(MIB, 0x61);
  const rssBeforeMb = rssMb(options.serverPid);
  let rssPeakMb = rssBeforeMb;
  const sampler = setInterval(() => {
    rssPeakMb = Math.max(rssPeakMb, rssMb(options.serverPid));
  }, 10);
  const results = await Promise.all(
    Array.from({ length: options.clients }, () => floodOnce(url, options.bodyBytes, options.chunked, chunk)),
  );
  clearInterval(sampler);
  rssPeakMb = Math.max(rssPeakMb, rssMb(options.serverPid));
  const outcomes: Record<string, number> = {};
  for (const { outcome } of results) outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  return {
    clients: options.clients,
    bodyMb: options.bodyBytes / MIB,
    outcomes,
    sentMb: results.reduce((sum, { sent }) => sum + sent, 0) / MIB,
    rssBeforeMb,
    rssPeakMb,
    rssRiseMb: Math.round((rssPeakMb - rssBeforeMb) * 10) / 10,
  };
}

export interface PasswordLoopsResult {
  loops: number;
  /** Other callers' signed GetRole while the loops run. */
  getRole: LoadResult;
  /** How the sign-ins were answered: `ok` or the error's __type and message. */
  answers: Record<string, number>;
}

export interface PasswordLoopsOptions {
  url: string;
  signer: QuerySigner;
  roleName: string;
  clientId: string;
  users: readonly { username: string; password: string }[];
  seconds: number;
  concurrency: number;
}

async function signIn(url: string, clientId: string, username: string, password: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': JSON_11, 'x-amz-target': INITIATE_AUTH },
    body: JSON.stringify({
      ClientId: clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  });
  const body = (await response.json()) as { __type?: string; message?: string };
  return response.ok ? 'ok' : `${body.__type}: ${body.message}`;
}

/** Signed GetRole load, with `loops` sign-in loops (0: none) running beside it for as long. */
export async function measureGetRoleBeside(
  options: PasswordLoopsOptions,
  loops: number,
  password: (user: { password: string }) => string,
): Promise<PasswordLoopsResult> {
  const host = new URL(options.url).host;
  const answers: Record<string, number> = {};
  let running = true;
  const loop = async (index: number): Promise<void> => {
    const user = options.users[index % options.users.length]!;
    while (running) {
      const answer = await signIn(options.url, options.clientId, user.username, password(user));
      answers[answer] = (answers[answer] ?? 0) + 1;
    }
  };
  const loopsDone = Promise.all(Array.from({ length: loops }, (_, index) => loop(index)));
  const getRole = await runLoad({
    url: options.url,
    seconds: options.seconds,
    concurrency: options.concurrency,
    next: () => options.signer.sign(host, { Action: 'GetRole', RoleName: options.roleName, Version: '2010-05-08' }),
  });
  running = false;
  await loopsDone;
  return { loops, getRole, answers };
}

export interface FrontDoorResult {
  declaredFlood: FloodResult;
  chunkedFlood: FloodResult;
  getRoleAlone: PasswordLoopsResult;
  rightPasswordLoops: PasswordLoopsResult;
  wrongPasswordLoops: PasswordLoopsResult;
}

const FLOOD = { clients: 100, bodyBytes: 20 * MIB };
const PASSWORD_LOOPS = 16;
const WRONG_PASSWORD = 'Wrong-Passw0rd!';

/**
 * Runs every front-door measurement against one local AWS (its pid for RSS). The right-password loops run before the
 * wrong-password ones, which lock the demo users out.
 */
export async function measureFrontDoor(
  server: { url: string; pid: number },
  loops: Omit<PasswordLoopsOptions, 'url'>,
): Promise<FrontDoorResult> {
  const declaredFlood = await measureUnsignedFlood({
    url: server.url,
    serverPid: server.pid,
    ...FLOOD,
    chunked: false,
  });
  const chunkedFlood = await measureUnsignedFlood({ url: server.url, serverPid: server.pid, ...FLOOD, chunked: true });
  const options = { ...loops, url: server.url };
  const getRoleAlone = await measureGetRoleBeside(options, 0, (user) => user.password);
  const rightPasswordLoops = await measureGetRoleBeside(options, PASSWORD_LOOPS, (user) => user.password);
  const wrongPasswordLoops = await measureGetRoleBeside(options, PASSWORD_LOOPS, () => WRONG_PASSWORD);
  return { declaredFlood, chunkedFlood, getRoleAlone, rightPasswordLoops, wrongPasswordLoops };
}
