import { describeAwsError } from '../../../aws/errors.ts';

/** How long EC2 may keep rejecting a new instance profile (Terraform's AWS provider also waits 2 minutes). */
export const IAM_PROPAGATION_TIMEOUT_MS = 2 * 60_000;

/** EC2's answer while a just-created instance profile has not reached it yet (aws-semantics §B.2, §D.1). */
export function isProfilePropagationError(error: unknown): boolean {
  const described = describeAwsError(error);
  return described.code === 'InvalidParameterValue' && /Invalid IAM Instance Profile (name|ARN)/i.test(described.awsMessage);
}

export class OperationCancelledError extends Error {
  constructor() {
    super('Cancelled.');
    this.name = 'OperationCancelledError';
  }
}

export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(new OperationCancelledError());
        return;
      }
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(new OperationCancelledError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

export interface PropagationRetryOptions {
  signal?: AbortSignal;
  clock?: Clock;
  timeoutMs?: number;
  /** Called before each wait, so the UI can say "Waiting for IAM to propagate…". */
  onWaiting?: (attempt: number, waitedMs: number) => void;
}

/** Backoff 1 s, 2 s, 4 s, 8 s, then every 10 s. */
export function propagationDelay(attempt: number): number {
  return Math.min(1000 * 2 ** (attempt - 1), 10_000);
}

/**
 * Runs `call`, retrying only EC2's "Invalid IAM Instance Profile" answer with backoff until the timeout; any
 * other error, and the last propagation error after the timeout, is thrown at once.
 */
export async function retryWhileIamPropagates<T>(call: () => Promise<T>, options: PropagationRetryOptions = {}): Promise<T> {
  const clock = options.clock ?? realClock;
  const timeoutMs = options.timeoutMs ?? IAM_PROPAGATION_TIMEOUT_MS;
  const started = clock.now();
  for (let attempt = 1; ; attempt++) {
    if (options.signal?.aborted) throw new OperationCancelledError();
    try {
      return await call();
    } catch (error) {
      if (!isProfilePropagationError(error)) throw error;
      const waited = clock.now() - started;
      const delay = propagationDelay(attempt);
      if (waited + delay > timeoutMs) throw error;
      options.onWaiting?.(attempt, waited);
      await clock.sleep(delay, options.signal);
    }
  }
}
