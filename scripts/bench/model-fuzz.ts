/**
 * `npm run bench`, model-driven decoding:
 * 1. a fuzz of signed malformed requests over every operation local AWS serves (the cases of malformed-requests.ts,
 *    each sent as is or with seeded noise: a second case's members, odd list indexes, junk JSON values), counting
 *    answers of 5xx (goal 0) and error answers not in AWS's shape for the protocol;
 * 2. the decode time (form parsing + model decoding) of a DescribeInstances with 20,000 filters (goal < 100 ms).
 * Runs an in-memory local AWS in this process: the counts do not depend on timing.
 */
import { createServices, startLocalAws } from '../../local-aws/server/app.ts';
import { parseForm } from '../../local-aws/protocols/form.ts';
import { decodeQueryInput } from '../../local-aws/protocols/model/decode.ts';
import { testSettings } from '../../local-aws/server/test-support.ts';
import { ADMIN_KEY, parseError, WireClient, type WireRequest } from '../../test/robustness/aws-wire.ts';
import { malformedCases, type MalformedCase } from './malformed-requests.ts';

export interface ModelFuzzResult {
  requests: number;
  operations: number;
  serverErrors: number;
  notAwsShaped: number;
  /** The first few offending answers, for the report. */
  examples: string[];
  durationMs: number;
  filterDecode: { filters: number; runs: number; medianMs: number; maxMs: number };
}

const SEED = 20261206;
const CONCURRENCY = 8;
const QUERY_NOISE: readonly [string, string][] = [
  ['Filter.99999999.Name', 'x'],
  ['Tags.member.0.Key', 'x'],
  ['Tags.member.01.Key', 'x'],
  ['InstanceId.1e0', 'i-1'],
  ['MaxItems', '-1'],
  ['MaxResults', '99999999999999999999'],
  ['', 'x'],
  ['a..b', 'x'],
  ['RoleName.member.1', 'x'],
];
const JSON_JUNK: readonly unknown[] = [null, -1, 1e308, '', [], {}, [[[]]], { a: { b: {} } }, true];

/** A small seeded generator (mulberry32): the same run every time. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(entry: MalformedCase, other: MalformedCase, next: () => number): WireRequest {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const request = { ...entry.request, credentials: ADMIN_KEY };
  const roll = next();
  if (roll < 0.4) return request;
  if (entry.protocol === 'json1.1') {
    const body = JSON.parse(request.body) as Record<string, unknown>;
    const keys = Object.keys(body);
    if (roll < 0.7 && other.protocol === 'json1.1') Object.assign(body, JSON.parse(other.request.body) as object);
    else body[keys.length > 0 && next() < 0.7 ? pick(keys) : 'Junk'] = pick(JSON_JUNK);
    return { ...request, body: JSON.stringify(body) };
  }
  if (roll < 0.7 && other.protocol === entry.protocol) {
    // The other case's members, then this case's again (so its Action stays): a mix of two defects.
    return { ...request, body: `${other.request.body}&${request.body}` };
  }
  const [name, value] = pick(QUERY_NOISE);
  return { ...request, body: `${request.body}&${encodeURIComponent(name)}=${encodeURIComponent(value)}` };
}

function measureFilterDecode(ec2Service: ReturnType<typeof createServices>[number], filters: number, runs: number): ModelFuzzResult['filterDecode'] {
  const parts = ['Action=DescribeInstances', 'Version=2016-11-15'];
  for (let i = 1; i <= filters; i++) parts.push(`Filter.${i}.Name=tag%3Akey${i}`, `Filter.${i}.Value.1=value${i}`);
  const body = parts.join('&');
  const times: number[] = [];
  // Two warm-up runs first: the measure is of the decoder's steady state, not of V8 compiling it.
  for (let run = -2; run < runs; run++) {
    const started = performance.now();
    const input = decodeQueryInput(ec2Service.model, 'DescribeInstances', parseForm(body)) as { Filters?: unknown[] };
    if (run >= 0) times.push(performance.now() - started);
    if (input.Filters?.length !== filters) throw new Error(`decoded ${input.Filters?.length} filters of ${filters}`);
  }
  times.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { filters, runs, medianMs: round(times[Math.floor(runs / 2)]!), maxMs: round(times[runs - 1]!) };
}

export async function measureModelFuzz(minimumRequests = 20_000): Promise<ModelFuzzResult> {
  const localAws = await startLocalAws(testSettings(), { log: () => undefined });
  const client = new WireClient(localAws.url, { maxSockets: CONCURRENCY, timeoutMs: 30_000 });
  try {
    const services = createServices(localAws.world);
    // Measured before the fuzz fills the heap, on the model the server uses.
    const filterDecode = measureFilterDecode(services.find((service) => service.name === 'ec2')!, 20_000, 15);
    const cases = malformedCases(services);
    const next = random(SEED);
    const total = Math.max(minimumRequests, cases.length);
    const examples: string[] = [];
    let serverErrors = 0;
    let notAwsShaped = 0;
    let sent = 0;
    const started = performance.now();
    const worker = async (): Promise<void> => {
      while (sent < total) {
        const entry = cases[sent % cases.length]!;
        sent++;
        const request = mutate(entry, cases[Math.floor(next() * cases.length)]!, next);
        const response = await client.send(request);
        const label = `${entry.service}:${entry.operation} ${entry.kind} ${entry.member} → ${response.status} ${response.body.slice(0, 160)}`;
        if (response.status >= 500) {
          serverErrors++;
          if (examples.length < 5) examples.push(label);
        } else if (response.status >= 400 && !parseError(entry.protocol === 'json1.1' ? 'json' : entry.protocol, response)) {
          notAwsShaped++;
          if (examples.length < 5) examples.push(label);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const durationMs = Math.round(performance.now() - started);
    return {
      requests: sent,
      operations: new Set(cases.map((entry) => `${entry.service}:${entry.operation}`)).size,
      serverErrors,
      notAwsShaped,
      examples,
      durationMs,
      filterDecode,
    };
  } finally {
    client.close();
    await localAws.close();
  }
}

const TARGETS = { fuzzRequests: 20_000, fuzzServerErrors: 0, filterDecodeMs: 100 };

/** The fuzz's entries for the `targets` block of results.json. */
export function modelFuzzTargets(result: ModelFuzzResult) {
  return {
    modelFuzzServerErrors: {
      limit: TARGETS.fuzzServerErrors,
      actual: result.serverErrors,
      requests: result.requests,
      met: result.serverErrors === TARGETS.fuzzServerErrors && result.notAwsShaped === 0 && result.requests >= TARGETS.fuzzRequests,
    },
    filterDecodeMs: {
      limitMs: TARGETS.filterDecodeMs,
      medianMs: result.filterDecode.medianMs,
      maxMs: result.filterDecode.maxMs,
      met: result.filterDecode.medianMs < TARGETS.filterDecodeMs,
    },
  };
}

/** Lines for the printed report, and rows for its Targets table: [target, limit, actual, ok/MISSED]. */
export function modelFuzzReport(result: ModelFuzzResult): { lines: string[]; targetRows: string[][] } {
  const targets = modelFuzzTargets(result);
  const mark = (met: boolean): string => (met ? 'ok' : 'MISSED');
  return {
    lines: [
      `Model fuzz: ${result.requests} signed malformed requests over ${result.operations} operations in ${result.durationMs} ms: ` +
        `${result.serverErrors} answers of 5xx, ${result.notAwsShaped} errors not in AWS's shape`,
      ...result.examples.map((example) => `  ${example}`),
      `DescribeInstances with ${result.filterDecode.filters} filters, form parsing + model decoding: ` +
        `median ${result.filterDecode.medianMs} ms, max ${result.filterDecode.maxMs} ms (${result.filterDecode.runs} runs)`,
    ],
    targetRows: [
      ['model fuzz 5xx (≥ 20,000 requests)', `= ${TARGETS.fuzzServerErrors}`, `${result.serverErrors} of ${result.requests}`, mark(targets.modelFuzzServerErrors.met)],
      ['20,000-filter decode ms (median)', `< ${TARGETS.filterDecodeMs}`, `${result.filterDecode.medianMs} (max ${result.filterDecode.maxMs})`, mark(targets.filterDecodeMs.met)],
    ],
  };
}
