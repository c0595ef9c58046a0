/**
 * Every operation local AWS serves (read from the services' operation tables, which were checked against AWS's
 * models at start-up), signed as local-admin through the real HTTP server: with no parameters, with each required
 * member missing in turn and with each member of the wrong type. Every answer is AWS's error shape for the
 * protocol with a 4xx, never a 5xx; refused requests carry the code AWS answers for that defect.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, startLocalAws, type RunningLocalAws } from '../../local-aws/server/app.ts';
import { testSettings } from '../../local-aws/server/test-support.ts';
import { malformedCases, type MalformedCase } from '../../scripts/bench/malformed-requests.ts';
import { ADMIN_KEY, parseError, WireClient, type ParsedError } from './aws-wire.ts';

let localAws: RunningLocalAws;
let client: WireClient;
const serverLog: string[] = [];

beforeAll(async () => {
  localAws = await startLocalAws(testSettings(), { log: (line) => serverLog.push(line) });
  client = new WireClient(localAws.url, { maxSockets: 2 });
}, 60_000);

afterAll(async () => {
  client?.close();
  await localAws?.close();
});

function wireProtocol(protocol: MalformedCase['protocol']): ParsedError['protocol'] {
  return protocol === 'json1.1' ? 'json' : protocol;
}

describe('every operation, malformed', () => {
  it('answers each with AWS’s error shape and a 4xx (the expected code when AWS must refuse it), never a 5xx', async () => {
    const cases = malformedCases(createServices(localAws.world));
    const operations = new Set(cases.map((entry) => `${entry.service}:${entry.operation}`));
    expect(operations.size).toBeGreaterThan(60);
    const wrong: string[] = [];
    for (const entry of cases) {
      const response = await client.send({ ...entry.request, credentials: ADMIN_KEY });
      const label = `${entry.service}:${entry.operation} ${entry.kind} ${entry.member} → ${response.status} ${response.body.slice(0, 200)}`;
      if (response.status >= 500) {
        wrong.push(`5xx: ${label}`);
        continue;
      }
      const error = response.status >= 400 ? parseError(wireProtocol(entry.protocol), response) : undefined;
      if (response.status >= 400 && !error) wrong.push(`not AWS's error shape: ${label}`);
      if (entry.expectedCode !== undefined && error?.code !== entry.expectedCode) wrong.push(`expected ${entry.expectedCode}: ${label}`);
    }
    expect(wrong).toEqual([]);
    console.log(`[robustness/all-operations] ${cases.length} requests over ${operations.size} operations`);
    expect(serverLog.filter((line) => line.includes('failed'))).toEqual([]);
  }, 300_000);

  it('decodes a DescribeInstances with 20,000 filters, the last one included', async () => {
    const describe = (params: string[]) => client.send({ service: 'ec2', credentials: ADMIN_KEY, body: ['Action=DescribeInstances', 'Version=2016-11-15', ...params].join('&') });
    const all = await describe([]);
    const ids = [...all.body.matchAll(/<instanceId>(i-[0-9a-f]+)<\/instanceId>/g)].map((match) => match[1]!);
    expect(ids.length).toBeGreaterThan(1);
    const states = ['pending', 'running', 'stopping', 'stopped', 'shutting-down', 'terminated'];
    const params: string[] = [];
    for (let i = 1; i < 20_000; i++) {
      params.push(`Filter.${i}.Name=instance-state-name`, ...states.map((state, n) => `Filter.${i}.Value.${n + 1}=${state}`));
    }
    params.push('Filter.20000.Name=instance-id', `Filter.20000.Value.1=${ids[1]}`);
    const response = await describe(params);
    expect(response.status).toBe(200);
    expect([...response.body.matchAll(/<instanceId>(i-[0-9a-f]+)<\/instanceId>/g)].map((match) => match[1])).toEqual([ids[1]]);
  }, 60_000);
});
