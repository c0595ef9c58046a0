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
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
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
  };
}
