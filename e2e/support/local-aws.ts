import { LOCAL_WRITE_HEADERS } from '../../local-aws/server/local-endpoints.ts';

/** What the specs need to know about the local AWS started by e2e/global-setup.ts. */
export interface LocalAwsConfig {
  accountId: string;
  region: string;
  regions: string[];
  demoUsers: { username: string; password: string; description: string }[];
}

export function localAwsUrl(): string {
  const url = process.env.LOCAL_AWS_URL;
  if (!url) throw new Error('LOCAL_AWS_URL is not set: run the specs through playwright.config.ts (its global setup starts local AWS).');
  return url;
}

export async function fetchLocalAwsConfig(): Promise<LocalAwsConfig> {
  const response = await fetch(`${localAwsUrl()}/_local/config`);
  if (!response.ok) throw new Error(`GET /_local/config answered ${response.status}`);
  return (await response.json()) as LocalAwsConfig;
}

/** POST /_local/<path> of the local AWS at baseUrl, as a write must be sent (JSON and X-Local-AWS); returns its JSON answer. */
export async function postLocal(baseUrl: string, path: string, body: Record<string, unknown>): Promise<unknown> {
  const response = await fetch(`${baseUrl}/_local/${path}`, { method: 'POST', headers: LOCAL_WRITE_HEADERS, body: JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST /_local/${path} ${JSON.stringify(body)} answered ${response.status}: ${text}`);
  return JSON.parse(text);
}

/** Lifetime of identity-pool credentials in this run (global-setup's default unless overridden). */
export function credentialsTtlSeconds(): number {
  return Number(process.env.LOCAL_AWS_CREDENTIALS_TTL_SECONDS ?? '120');
}

export function demoUser(config: LocalAwsConfig, username: string): { username: string; password: string } {
  const user = config.demoUsers.find((candidate) => candidate.username === username);
  if (!user) throw new Error(`local AWS has no demo user "${username}"`);
  return user;
}
