/**
 * A short run of the load test (5 clients, 3 s): the console's mix of calls gets no 5xx and no transport errors.
 * The full run (50 clients, 60 s) is `npm run bench`.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startLocalAws, type RunningLocalAws } from '../../local-aws/server/app.ts';
import { testSettings } from '../../local-aws/server/test-support.ts';
import { runLoadTest } from './load.ts';

let localAws: RunningLocalAws;

beforeAll(async () => {
  localAws = await startLocalAws(
    testSettings(),
    { log: (line) => console.error(line) },
  );
}, 60_000);

afterAll(async () => {
  await localAws?.close();
});

it('serves 5 concurrent clients for 3 s with no 5xx and no transport errors', async () => {
  const result = await runLoadTest({ url: localAws.url, clients: 5, durationMs: 3000 });
  console.log(`[robustness/load] ${JSON.stringify(result)}`);
  expect(result.serverErrors).toEqual({});
  expect(result.transportErrors).toEqual({});
  expect(result.requests).toBeGreaterThan(50);
  expect(Object.keys(result.operations)).toEqual(
    expect.arrayContaining([
      'ListRoles',
      'GetRole',
      'ListInstanceProfiles',
      'ListPolicies',
      'DescribeInstances',
      'DescribeIamInstanceProfileAssociations',
      'AssociateIamInstanceProfile',
    ]),
  );
  expect(result.p99).toBeGreaterThan(0);
  expect(result.p99).toBeGreaterThanOrEqual(result.p50);
}, 60_000);

it('refuses to run against anything but loopback, or unbounded', async () => {
  await expect(runLoadTest({ url: 'http://192.0.2.10:4566', clients: 1, durationMs: 10 })).rejects.toThrow(/loopback/);
  await expect(runLoadTest({ url: localAws.url, clients: 5000, durationMs: 10 })).rejects.toThrow(/clients/);
  await expect(runLoadTest({ url: localAws.url, clients: 1, durationMs: 3_600_000 })).rejects.toThrow(/durationMs/);
});
