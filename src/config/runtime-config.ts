/**
 * Runtime configuration, read at start-up from /config.json next to the app, so one build serves local AWS
 * and real accounts. See public/config.example.json.
 */

export interface DemoUser {
  username: string;
  password: string;
  description: string;
}

export interface RuntimeConfig {
  mode: 'local' | 'aws';
  /** Local AWS base URL; undefined on real AWS (the SDK picks each service's regional endpoint). */
  endpoint?: string;
  /** Known up front on local AWS; on real AWS it comes from STS GetCallerIdentity after sign-in. */
  accountId?: string;
  region: string;
  regions: string[];
  userPoolId: string;
  userPoolClientId: string;
  identityPoolId: string;
  demoUsers: DemoUser[];
}

export class RuntimeConfigError extends Error {
  override name = 'RuntimeConfigError';
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireString(source: Json, key: string, where: string): string {
  const value = source[key];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new RuntimeConfigError(`${where} needs "${key}" (a non-empty string).`);
  }
  return value.trim();
}

function optionalStringList(source: Json, key: string, where: string): string[] | undefined {
  const value = source[key];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0 || !value.every((item) => typeof item === 'string' && item !== '')) {
    throw new RuntimeConfigError(`${where}: "${key}" must be a non-empty list of region names.`);
  }
  return value as string[];
}

function parseDemoUsers(value: unknown, where: string): DemoUser[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new RuntimeConfigError(`${where}: "demoUsers" must be a list.`);
  return value.map((entry, index) => {
    if (!isObject(entry)) throw new RuntimeConfigError(`${where}: demoUsers[${index}] must be an object.`);
    return {
      username: requireString(entry, 'username', `${where} demoUsers[${index}]`),
      password: requireString(entry, 'password', `${where} demoUsers[${index}]`),
      description: typeof entry.description === 'string' ? entry.description : '',
    };
  });
}

function regionsWith(region: string, regions: string[] | undefined): string[] {
  const list = regions ?? [region];
  return list.includes(region) ? list : [region, ...list];
}

export function parseEndpoint(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RuntimeConfigError(`config.json: "localAwsEndpoint" is not a URL: ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RuntimeConfigError(`config.json: "localAwsEndpoint" must be an http(s) URL: ${raw}`);
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/** The first file: either `{mode:"local", localAwsEndpoint}` or the full `{mode:"aws", …}` settings. */
export type BootstrapConfig = { mode: 'local'; localAwsEndpoint: string } | { mode: 'aws'; config: RuntimeConfig };

export function parseBootstrapConfig(value: unknown): BootstrapConfig {
  if (!isObject(value)) throw new RuntimeConfigError('config.json must contain a JSON object.');
  const mode = value.mode;
  if (mode === 'local') {
    return { mode: 'local', localAwsEndpoint: parseEndpoint(requireString(value, 'localAwsEndpoint', 'config.json')) };
  }
  if (mode === 'aws') {
    const region = requireString(value, 'region', 'config.json');
    return {
      mode: 'aws',
      config: {
        mode: 'aws',
        region,
        regions: regionsWith(region, optionalStringList(value, 'regions', 'config.json')),
        userPoolId: requireString(value, 'userPoolId', 'config.json'),
        userPoolClientId: requireString(value, 'userPoolClientId', 'config.json'),
        identityPoolId: requireString(value, 'identityPoolId', 'config.json'),
        demoUsers: [],
      },
    };
  }
  throw new RuntimeConfigError('config.json: "mode" must be "local" or "aws".');
}

/** Local AWS's GET /_local/config answer (adminAccessKey is for the CLI and deliberately ignored). */
export function parseLocalAwsConfig(value: unknown, endpoint: string): RuntimeConfig {
  const where = `${endpoint}/_local/config`;
  if (!isObject(value)) throw new RuntimeConfigError(`${where} did not return a JSON object.`);
  const region = requireString(value, 'region', where);
  return {
    mode: 'local',
    endpoint,
    accountId: requireString(value, 'accountId', where),
    region,
    regions: regionsWith(region, optionalStringList(value, 'regions', where)),
    userPoolId: requireString(value, 'userPoolId', where),
    userPoolClientId: requireString(value, 'userPoolClientId', where),
    identityPoolId: requireString(value, 'identityPoolId', where),
    demoUsers: parseDemoUsers(value.demoUsers, where),
  };
}

async function fetchJson(fetcher: typeof fetch, url: string, unreachable: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetcher(url, { cache: 'no-store', headers: { accept: 'application/json' } });
  } catch {
    throw new RuntimeConfigError(unreachable);
  }
  if (!response.ok) throw new RuntimeConfigError(`${url} answered HTTP ${response.status}. ${unreachable}`);
  try {
    return await response.json();
  } catch {
    throw new RuntimeConfigError(`${url} is not valid JSON.`);
  }
}

export async function loadRuntimeConfig(fetcher: typeof fetch = fetch, configUrl = '/config.json'): Promise<RuntimeConfig> {
  const bootstrap = parseBootstrapConfig(
    await fetchJson(fetcher, configUrl, 'The console needs a config.json next to index.html (see config.example.json).'),
  );
  if (bootstrap.mode === 'aws') return bootstrap.config;
  const endpoint = bootstrap.localAwsEndpoint;
  const local = await fetchJson(
    fetcher,
    `${endpoint}/_local/config`,
    `Cannot reach local AWS at ${endpoint}. Start it with "npm run local-aws" (or "npm start") and reload this page.`,
  );
  return parseLocalAwsConfig(local, endpoint);
}
