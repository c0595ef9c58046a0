import { describe, expect, it } from 'vitest';
import { loadRuntimeConfig, parseBootstrapConfig, parseLocalAwsConfig, RuntimeConfigError } from './runtime-config.ts';

const localConfig = {
  accountId: '123456789012',
  region: 'us-east-1',
  regions: ['us-east-1', 'eu-west-1'],
  userPoolId: 'us-east-1_AbCdEfGhI',
  userPoolClientId: 'client123',
  identityPoolId: 'us-east-1:11111111-2222-3333-4444-555555555555',
  demoUsers: [{ username: 'admin', password: 'Admin-Passw0rd!', description: 'May do everything' }],
  adminAccessKey: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'secret' },
};

function fakeFetch(routes: Record<string, { status?: number; body: unknown } | 'unreachable'>): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    const url = String(input);
    const route = routes[url];
    if (!route || route === 'unreachable') throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(route.body), { status: route.status ?? 200 });
  }) as typeof fetch;
}

describe('parseBootstrapConfig', () => {
  it('accepts local mode and normalises the endpoint', () => {
    expect(parseBootstrapConfig({ mode: 'local', localAwsEndpoint: 'http://127.0.0.1:4566/' })).toEqual({
      mode: 'local',
      localAwsEndpoint: 'http://127.0.0.1:4566',
    });
  });

  it('accepts aws mode and puts the default region into the region list', () => {
    const parsed = parseBootstrapConfig({
      mode: 'aws',
      region: 'eu-west-1',
      regions: ['us-east-1'],
      userPoolId: 'eu-west-1_X',
      userPoolClientId: 'c',
      identityPoolId: 'eu-west-1:abc',
    });
    expect(parsed.mode).toBe('aws');
    if (parsed.mode === 'aws') {
      expect(parsed.config.regions).toEqual(['eu-west-1', 'us-east-1']);
      expect(parsed.config.endpoint).toBeUndefined();
      expect(parsed.config.demoUsers).toEqual([]);
    }
  });

  it('explains what is missing', () => {
    expect(() => parseBootstrapConfig({ mode: 'aws', region: 'us-east-1' })).toThrow('config.json needs "userPoolId"');
    expect(() => parseBootstrapConfig({ mode: 'cloud' })).toThrow(RuntimeConfigError);
    expect(() => parseBootstrapConfig({ mode: 'local', localAwsEndpoint: 'ftp://x' })).toThrow('http(s) URL');
    expect(() => parseBootstrapConfig([])).toThrow('JSON object');
  });
});

describe('parseLocalAwsConfig', () => {
  it('reads /_local/config and keeps the endpoint', () => {
    const config = parseLocalAwsConfig(localConfig, 'http://127.0.0.1:4566');
    expect(config).toEqual({
      mode: 'local',
      endpoint: 'http://127.0.0.1:4566',
      accountId: '123456789012',
      region: 'us-east-1',
      regions: ['us-east-1', 'eu-west-1'],
      userPoolId: 'us-east-1_AbCdEfGhI',
      userPoolClientId: 'client123',
      identityPoolId: 'us-east-1:11111111-2222-3333-4444-555555555555',
      demoUsers: [{ username: 'admin', password: 'Admin-Passw0rd!', description: 'May do everything' }],
    });
    expect(config).not.toHaveProperty('adminAccessKey');
  });

  it('rejects malformed demo users', () => {
    expect(() => parseLocalAwsConfig({ ...localConfig, demoUsers: [{ username: 'x' }] }, 'http://h')).toThrow('demoUsers[0] needs "password"');
  });
});

describe('loadRuntimeConfig', () => {
  it('follows local mode to local AWS', async () => {
    const config = await loadRuntimeConfig(
      fakeFetch({
        '/config.json': { body: { mode: 'local', localAwsEndpoint: 'http://127.0.0.1:4566' } },
        'http://127.0.0.1:4566/_local/config': { body: localConfig },
      }),
    );
    expect(config.endpoint).toBe('http://127.0.0.1:4566');
    expect(config.demoUsers).toHaveLength(1);
  });

  it('says how to start local AWS when it is unreachable', async () => {
    const load = loadRuntimeConfig(
      fakeFetch({ '/config.json': { body: { mode: 'local', localAwsEndpoint: 'http://127.0.0.1:4566' } }, 'http://127.0.0.1:4566/_local/config': 'unreachable' }),
    );
    await expect(load).rejects.toThrow('Cannot reach local AWS at http://127.0.0.1:4566. Start it with "npm run local-aws"');
  });

  it('reports a missing config.json', async () => {
    await expect(loadRuntimeConfig(fakeFetch({ '/config.json': { status: 404, body: {} } }))).rejects.toThrow('/config.json answered HTTP 404');
  });
});
