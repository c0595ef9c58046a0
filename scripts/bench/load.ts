/** A closed-loop HTTP load generator: N workers, each sending its next request as soon as the last one answers. */
import { Agent, request } from 'node:http';

export interface LoadResult {
  seconds: number;
  concurrency: number;
  /** Responses received, successful or not. */
  requests: number;
  /** Successful (HTTP 200) responses per second. */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  /** The first error seen, to tell a broken benchmark from a slow server. */
  firstError?: string;
}

export interface LoadRequest {
  headers: Record<string, string>;
  body: string;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function runLoad(options: {
  url: string;
  seconds: number;
  concurrency: number;
  /** Builds (and signs) each request just before it is sent. */
  next(): LoadRequest;
}): Promise<LoadResult> {
  const target = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  let errors = 0;
  let httpErrors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;

  const send = (payload: LoadRequest): Promise<void> =>
    new Promise((resolveSend) => {
      const t0 = performance.now();
      const req = request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          method: 'POST',
          path: '/',
          headers: { ...payload.headers, 'content-length': Buffer.byteLength(payload.body).toString() },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            latencies.push(performance.now() - t0);
            if (res.statusCode !== 200) {
              errors += 1;
              httpErrors += 1;
              firstError ??= `HTTP ${res.statusCode}: ${Buffer.concat(chunks).toString('utf8').slice(0, 300)}`;
            }
            resolveSend();
          });
        },
      );
      req.on('error', (error) => {
        errors += 1;
        firstError ??= error.message;
        resolveSend();
      });
      req.end(payload.body);
    });

  const worker = async (): Promise<void> => {
    while (performance.now() < deadline) await send(options.next());
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();

  const sorted = Float64Array.from(latencies).sort();
  return {
    seconds,
    concurrency: options.concurrency,
    requests: latencies.length,
    requestsPerSecond: (latencies.length - httpErrors) / seconds,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    errors,
    firstError,
  };
}
