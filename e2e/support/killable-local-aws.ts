/**
 * A local AWS that a spec can kill with SIGKILL (`kill -9`) and start again, plus a console server pointing at
 * it. Unlike the in-process local AWS of e2e/global-setup.ts, this one runs as its own process
 * (`node --import tsx local-aws/server/main.ts`, as test/conformance/durability.test.ts does) with its state
 * in a temporary data directory, and restarts on the same port and data directory, so the console keeps its
 * endpoint and local AWS its state.
 *
 * Children are killed in stop(), and also when the worker process exits without calling it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { repoRoot } from '../../scripts/console-build.ts';
import { freePort } from '../../scripts/free-port.ts';
import { startConsoleServer, type ConsoleServer } from '../../scripts/serve-console.ts';
import { postLocal, type LocalAwsConfig } from './local-aws.ts';

const START_TIMEOUT_MS = 30_000;
const LOG_LINES_KEPT = 200;

/** Every child of this worker, so an exit without stop() still kills them (ChildProcess.kill is synchronous). */
const liveChildren = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of liveChildren) child.kill('SIGKILL');
});

export class KillableLocalAws {
  private child: ChildProcess | undefined;
  private consoleServer: ConsoleServer | undefined;
  private consolePort = 0;
  private port = 0;
  private readonly log: string[] = [];
  /** Set once the first start picked a free port; restarts reuse it. */
  url = '';
  readonly dataDir: string;

  private constructor() {
    this.dataDir = mkdtempSync(join(tmpdir(), 'e2e-killable-local-aws-'));
  }

  /** Starts local AWS on a free port (seeding the new data directory) and a console server for it. */
  static async start(): Promise<KillableLocalAws> {
    const instance = new KillableLocalAws();
    try {
      instance.consolePort = await freePort();
      await instance.startProcess();
      instance.consoleServer = await startConsoleServer({ port: instance.consolePort, distDir: resolve(repoRoot, 'dist'), localAwsEndpoint: instance.url });
    } catch (error) {
      await instance.stop();
      throw error;
    }
    return instance;
  }

  get consoleUrl(): string {
    if (!this.consoleServer) throw new Error('the console server is not running');
    return this.consoleServer.url;
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** The process's stdout and stderr so far (last lines), for failure reports. */
  output(): string {
    return this.log.join('\n');
  }

  /** SIGKILL, no warning: the process cannot flush, close its database or answer what it holds. */
  async kill9(): Promise<void> {
    const child = this.child;
    if (!child) throw new Error('local AWS is not running');
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill('SIGKILL');
    });
  }

  /** Starts a new process on the same port and data directory. */
  async restart(): Promise<void> {
    if (this.child) throw new Error('local AWS is still running: kill it first');
    await this.startProcess();
  }

  async config(): Promise<LocalAwsConfig> {
    const response = await fetch(`${this.url}/_local/config`);
    if (!response.ok) throw new Error(`GET /_local/config answered ${response.status}`);
    return (await response.json()) as LocalAwsConfig;
  }

  /** POST /_local/faults (syntax in local-aws/server/faults.ts); returns what local AWS now applies. */
  async setFaults(spec: string): Promise<string> {
    return ((await postLocal(this.url, 'faults', { faults: spec })) as { faults: string }).faults;
  }

  /** Kills local AWS, stops the console server and deletes the data directory. Safe to call twice. */
  async stop(): Promise<void> {
    if (this.child) await this.kill9();
    if (this.consoleServer) {
      await this.consoleServer.close();
      this.consoleServer = undefined;
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  private keepLog(line: string): void {
    this.log.push(line);
    if (this.log.length > LOG_LINES_KEPT) this.log.shift();
  }

  private async startProcess(): Promise<void> {
    // `node --import tsx` keeps the server in this one process: tsx's CLI would run it in a grandchild that a
    // SIGKILL of the child does not reach.
    const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'local-aws', 'server', 'main.ts')], {
      cwd: repoRoot,
      env: {
        ...process.env,
        LOCAL_AWS_PORT: String(this.port),
        LOCAL_AWS_DATA_DIR: this.dataDir,
        LOCAL_AWS_FAULTS: '',
        LOCAL_AWS_ALLOWED_ORIGINS: `http://127.0.0.1:${this.consolePort}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    liveChildren.add(child);
    this.child = child;
    child.once('exit', () => {
      liveChildren.delete(child);
      if (this.child === child) this.child = undefined;
    });
    createInterface({ input: child.stderr! }).on('line', (line) => this.keepLog(`[stderr] ${line}`));
    const lines = createInterface({ input: child.stdout! });

    const url = await new Promise<string>((resolveUrl, reject) => {
      const timer = setTimeout(() => reject(new Error(`local AWS did not start within ${START_TIMEOUT_MS} ms:\n${this.output()}`)), START_TIMEOUT_MS);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`local AWS exited (${signal ?? code}) before listening:\n${this.output()}`));
      });
      lines.on('line', (line) => {
        this.keepLog(line);
        const match = /listening on (http:\/\/\S+)/.exec(line);
        if (match) {
          clearTimeout(timer);
          resolveUrl(match[1]!);
        }
      });
    }).catch((error: unknown) => {
      child.kill('SIGKILL');
      throw error;
    });
    if (this.url !== '' && url !== this.url) throw new Error(`local AWS restarted at ${url}, not at ${this.url}`);
    this.url = url;
    this.port = Number(new URL(url).port);
  }
}
