/**
 * Cognito's lockout of repeated failed sign-ins, as its developer guide describes it: after 5 consecutive
 * wrong passwords the user is locked out for 1 second, and each further failure doubles the lockout
 * (2^(n-5) seconds for n failures) up to about 15 minutes. Attempts during a lockout are answered
 * "Password attempts exceeded" without checking the password, and do not count. A successful sign-in,
 * or 15 minutes without attempts, starts the count again.
 *
 * Failures are counted in memory, outside the store: the request that records one fails, so its
 * transaction rolls back, and the count must survive that. A restart forgets them, as a lockout
 * would have expired by then anyway.
 */
export const FREE_FAILURES = 5;
export const MAX_LOCKOUT_MS = 15 * 60 * 1000;
/** Without an attempt for this long, the failures are forgotten. */
export const FAILURE_MEMORY_MS = 15 * 60 * 1000;

interface Failures {
  count: number;
  lastAttemptMs: number;
  lockedUntilMs: number;
}

export class SignInThrottle {
  private readonly failures = new Map<string, Failures>();

  /** Whether `key` (a user) is locked out at `now`. */
  isLocked(key: string, now: Date): boolean {
    const entry = this.current(key, now.getTime());
    return entry !== undefined && now.getTime() < entry.lockedUntilMs;
  }

  recordFailure(key: string, now: Date): void {
    const nowMs = now.getTime();
    const count = (this.current(key, nowMs)?.count ?? 0) + 1;
    const lockoutMs = count < FREE_FAILURES ? 0 : Math.min(1000 * 2 ** (count - FREE_FAILURES), MAX_LOCKOUT_MS);
    this.failures.set(key, { count, lastAttemptMs: nowMs, lockedUntilMs: nowMs + lockoutMs });
  }

  recordSuccess(key: string): void {
    this.failures.delete(key);
  }

  private current(key: string, nowMs: number): Failures | undefined {
    const entry = this.failures.get(key);
    if (entry && nowMs - Math.max(entry.lastAttemptMs, entry.lockedUntilMs) >= FAILURE_MEMORY_MS) {
      this.failures.delete(key);
      return undefined;
    }
    return entry;
  }
}
