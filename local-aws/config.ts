/** Local AWS settings: fixed account facts plus what the environment may change (see README, "Local AWS"). */
export const ACCOUNT_ID = '123456789012';
export const DEFAULT_REGION = 'us-east-1';
/** Regions local AWS serves EC2 in; the first is the default. */
export const REGIONS = ['us-east-1', 'eu-west-1'] as const;

export interface LocalAwsSettings {
  port: number;
  host: string;
  /** Folder for the SQLite database, or 'memory' to keep nothing. */
  dataDir: string;
  /** How long a new instance profile stays invisible to EC2 (IAM eventual consistency). */
  iamPropagationMs: number;
  /** Raw LOCAL_AWS_FAULTS value, e.g. "throttle=0.2". Parsed by server/faults.ts. */
  faults: string;
  /** Lifetime of Cognito identity-pool credentials (AWS: 3600 s). */
  credentialsTtlSeconds: number;
  /** Lifetime of Cognito ID and access tokens (AWS default: 3600 s). */
  tokenTtlSeconds: number;
  /** Web origins whose pages may call local AWS (CORS): the console's, plus LOCAL_AWS_ALLOWED_ORIGINS. */
  allowedOrigins: string[];
  /** Host names answered besides loopback names and the bound address (LOCAL_AWS_ALLOWED_HOSTS). */
  allowedHosts: string[];
}

/** Where `npm start` serves the console unless CONSOLE_PORT says otherwise. */
export const DEFAULT_CONSOLE_PORT = 3000;

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
}

function listFromEnv(env: NodeJS.ProcessEnv, name: string): string[] {
  return (env[name] ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/**
 * The origin of a web page as browsers send it in the Origin header ("http://127.0.0.1:3000"). Refuses "*" and
 * "null" (a file opened from disk or a sandboxed frame: any page can be one), and anything with a path.
 */
export function webOrigin(raw: string, where: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${where}: "${raw}" is not an origin such as http://127.0.0.1:3000`);
  }
  const originOnly = url.pathname === '/' && url.search === '' && url.hash === '' && url.username === '' && url.password === '';
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !originOnly) {
    throw new Error(`${where}: "${raw}" is not an origin such as http://127.0.0.1:3000 (scheme, host and port only)`);
  }
  return url.origin;
}

/** An origin on 127.0.0.1 or localhost, and its twin on the other name: browsers treat them as two origins. */
export function withLoopbackTwin(origin: string): string[] {
  const url = new URL(origin);
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') return [url.origin];
  const twin = new URL(origin);
  twin.hostname = url.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  return [url.origin, twin.origin];
}

export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): LocalAwsSettings {
  return {
    port: intFromEnv(env, 'LOCAL_AWS_PORT', 4566),
    host: env.LOCAL_AWS_HOST ?? '127.0.0.1',
    dataDir: env.LOCAL_AWS_DATA_DIR ?? '.local-aws',
    iamPropagationMs: intFromEnv(env, 'LOCAL_AWS_IAM_PROPAGATION_MS', 0),
    faults: env.LOCAL_AWS_FAULTS ?? '',
    credentialsTtlSeconds: intFromEnv(env, 'LOCAL_AWS_CREDENTIALS_TTL_SECONDS', 3600),
    tokenTtlSeconds: intFromEnv(env, 'LOCAL_AWS_TOKEN_TTL_SECONDS', 3600),
    allowedOrigins: [
      ...withLoopbackTwin(`http://127.0.0.1:${intFromEnv(env, 'CONSOLE_PORT', DEFAULT_CONSOLE_PORT)}`),
      ...listFromEnv(env, 'LOCAL_AWS_ALLOWED_ORIGINS').map((origin) => webOrigin(origin, 'LOCAL_AWS_ALLOWED_ORIGINS')),
    ],
    allowedHosts: listFromEnv(env, 'LOCAL_AWS_ALLOWED_HOSTS').map((host) => host.toLowerCase()),
  };
}
