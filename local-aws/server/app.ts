/**
 * startLocalAws: builds the world and the services, and serves them on one HTTP port.
 * Used by main.ts, `npm start`, the e2e setup, the benchmarks and integration tests (port 0 = any free port).
 */
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { LocalAwsSettings } from '../config.ts';
import { createCognitoIdentityService } from '../services/cognito-identity/index.ts';
import { createCognitoIdpService } from '../services/cognito-idp/index.ts';
import { jwksRoute } from '../services/cognito-idp/jwks-route.ts';
import { createEc2Service } from '../services/ec2/index.ts';
import { createIamService } from '../services/iam/index.ts';
import { createStsService } from '../services/sts/index.ts';
import { FaultInjector, parseFaults } from './faults.ts';
import { OriginPolicy } from './origin-policy.ts';
import { createLocalAwsServer, type LocalAwsRuntime, type LocalAwsServerOptions } from './http.ts';
import type { ServiceDefinition } from '../protocols/operation.ts';
import { createWorld, type LocalAwsWorld } from './world.ts';

export interface StartOptions {
  /** The server's clock (SigV4 skew checks, ctx.now); tests may move it. */
  clock?: () => Date;
  log?: (line: string) => void;
  /** Tests shorten the connection timeouts (createLocalAwsServer documents the defaults). */
  timeouts?: LocalAwsServerOptions['timeouts'];
}

export interface RunningLocalAws {
  url: string;
  port: number;
  /** The current world; /_local/reset replaces it. */
  readonly world: LocalAwsWorld;
  /** Lets pages of these web origins call local AWS (a console started after it, on a port picked then). */
  allowOrigins(...origins: string[]): void;
  close(): Promise<void>;
}

export function createServices(world: LocalAwsWorld): ServiceDefinition[] {
  return [
    createIamService({ iam: world.iam }),
    createStsService(),
    createEc2Service({ ec2: world.ec2, iam: world.iam }),
    createCognitoIdpService({ userPools: world.userPools }),
    createCognitoIdentityService({ identityPools: world.identityPools }),
  ];
}

function runtimeOf(world: LocalAwsWorld): LocalAwsRuntime {
  const services = createServices(world);
  const config = world.store.collection('local');
  return {
    store: world.store,
    credentials: world.credentials,
    policies: world.iam,
    services,
    config: () => config.get('config'),
    publicDocument: (method, pathname) => jwksRoute(world.userPools, method, pathname),
  };
}

/** Deletes the SQLite files of a data directory (the directory itself stays). */
function deleteState(dataDir: string): void {
  if (dataDir === 'memory') return;
  for (const file of ['state.sqlite', 'state.sqlite-wal', 'state.sqlite-shm']) rmSync(join(dataDir, file), { force: true });
}

export async function startLocalAws(initialSettings: LocalAwsSettings, options: StartOptions = {}): Promise<RunningLocalAws> {
  // A copy: POST /_local/iam-propagation changes it while the server runs.
  const settings = { ...initialSettings };
  const clock = options.clock ?? (() => new Date());
  const faults = new FaultInjector(parseFaults(settings.faults));
  let world = createWorld(settings, clock());
  let runtime = runtimeOf(world);
  const originPolicy = new OriginPolicy({ allowedOrigins: settings.allowedOrigins, allowedHosts: settings.allowedHosts });

  const server = createLocalAwsServer({
    runtime: () => runtime,
    reset: () => {
      world.store.close();
      deleteState(settings.dataDir);
      world = createWorld(settings, clock());
      runtime = runtimeOf(world);
    },
    faults,
    iamPropagationMs: {
      get: () => settings.iamPropagationMs,
      set: (ms) => {
        settings.iamPropagationMs = ms;
      },
    },
    clock,
    log: options.log,
    timeouts: options.timeouts,
    health: () => ({ dataDir: settings.dataDir }),
    originPolicy,
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(settings.port, settings.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    world.store.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host === '0.0.0.0' ? '127.0.0.1' : settings.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    get world() {
      return world;
    },
    allowOrigins: (...origins) => originPolicy.allowOrigins(...origins),
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // Give in-flight requests a moment, then cut what is left.
        setTimeout(() => server.closeAllConnections(), 1000).unref();
      }).then(() => world.store.close());
      return closing;
    },
  };
}
