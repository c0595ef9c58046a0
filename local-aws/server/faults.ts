/**
 * Fault injection (LOCAL_AWS_FAULTS, or POST /_local/faults at runtime), to rehearse how clients
 * cope with a misbehaving AWS. Syntax: comma-, semicolon- or space-separated `key=value` pairs:
 *   throttle=0.2   answer 20% of calls with the service's throttling error
 *   error=0.1      answer 10% of calls with the service's 500
 *   delay=2000     hold every call 2000 ms before answering
 *   drop=0.05      destroy the connection of 5% of calls without answering (the call is not carried out)
 *   drop-after=0.05  carry out 5% of calls (their effects are committed), then destroy the connection instead
 *                  of answering: the reply is lost, as when a network fails after AWS acted. A client that
 *                  retries such a call sends it a second time.
 *   times=1        only the next N calls that get a fault are affected; then every fault switches itself off
 *                  (GET /_local/faults shows how many are left)
 *   action=CreateRole|AttachRolePolicy   only these operations are affected (default: all)
 * Example: `drop-after=1,times=1,action=CreateRole` loses the reply of the next CreateRole, and only that one.
 */
export interface FaultSettings {
  throttle: number;
  error: number;
  delayMs: number;
  drop: number;
  /** Probability that a call is carried out and its reply then lost (connection destroyed). */
  dropAfter: number;
  /** How many more faulted calls before all faults switch off; undefined = no limit. */
  times: number | undefined;
  /** Operation names the faults apply to; undefined = every operation. */
  actions: readonly string[] | undefined;
}

export const NO_FAULTS: FaultSettings = Object.freeze({
  throttle: 0,
  error: 0,
  delayMs: 0,
  drop: 0,
  dropAfter: 0,
  times: undefined,
  actions: undefined,
});

function probability(key: string, raw: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new Error(`LOCAL_AWS_FAULTS: ${key} must be a probability between 0 and 1, got "${raw}"`);
  }
  return value;
}

export function parseFaults(text: string): FaultSettings {
  const settings = { ...NO_FAULTS };
  for (const entry of text.split(/[\s,;]+/)) {
    if (entry === '') continue;
    const eq = entry.indexOf('=');
    if (eq === -1) throw new Error(`LOCAL_AWS_FAULTS: expected key=value, got "${entry}"`);
    const key = entry.slice(0, eq).trim().toLowerCase();
    const raw = entry.slice(eq + 1).trim();
    switch (key) {
      case 'throttle':
        settings.throttle = probability(key, raw);
        break;
      case 'error':
        settings.error = probability(key, raw);
        break;
      case 'drop':
        settings.drop = probability(key, raw);
        break;
      case 'drop-after':
        settings.dropAfter = probability(key, raw);
        break;
      case 'times': {
        const count = Number(raw);
        if (raw === '' || !Number.isInteger(count) || count < 1) throw new Error(`LOCAL_AWS_FAULTS: times must be a whole number of calls, at least 1, got "${raw}"`);
        settings.times = count;
        break;
      }
      case 'delay': {
        const ms = Number(raw);
        if (raw === '' || !Number.isInteger(ms) || ms < 0) throw new Error(`LOCAL_AWS_FAULTS: delay must be whole milliseconds, got "${raw}"`);
        settings.delayMs = ms;
        break;
      }
      case 'action': {
        const actions = raw.split('|').filter((a) => a !== '');
        if (actions.length === 0) throw new Error('LOCAL_AWS_FAULTS: action needs at least one operation name');
        settings.actions = [...(settings.actions ?? []), ...actions];
        break;
      }
      default:
        throw new Error(`LOCAL_AWS_FAULTS: unknown fault "${key}" (known: throttle, error, delay, drop, drop-after, times, action)`);
    }
  }
  return settings;
}

export function describeFaults(settings: FaultSettings): string {
  const parts: string[] = [];
  if (settings.throttle > 0) parts.push(`throttle=${settings.throttle}`);
  if (settings.error > 0) parts.push(`error=${settings.error}`);
  if (settings.delayMs > 0) parts.push(`delay=${settings.delayMs}`);
  if (settings.drop > 0) parts.push(`drop=${settings.drop}`);
  if (settings.dropAfter > 0) parts.push(`drop-after=${settings.dropAfter}`);
  if (settings.times !== undefined) parts.push(`times=${settings.times}`);
  if (settings.actions) parts.push(`action=${settings.actions.join('|')}`);
  return parts.join(',');
}

export interface FaultDecision {
  /** Destroy the connection without carrying out the call. */
  drop: boolean;
  /** Carry out the call, then destroy the connection instead of answering. */
  dropAfter: boolean;
  delayMs: number;
  answer: 'throttle' | 'error' | undefined;
}

const NONE: FaultDecision = Object.freeze({ drop: false, dropAfter: false, delayMs: 0, answer: undefined });

export class FaultInjector {
  private current: FaultSettings;

  constructor(
    settings: FaultSettings = NO_FAULTS,
    private readonly random: () => number = Math.random,
  ) {
    this.current = settings;
  }

  get settings(): FaultSettings {
    return this.current;
  }

  set(settings: FaultSettings): void {
    this.current = settings;
  }

  get active(): boolean {
    const s = this.current;
    return s.throttle > 0 || s.error > 0 || s.delayMs > 0 || s.drop > 0 || s.dropAfter > 0;
  }

  /** What to do with one call of `action`. */
  decide(action: string): FaultDecision {
    const s = this.current;
    if (!this.active) return NONE;
    if (s.actions && !s.actions.includes(action)) return NONE;
    const decision = this.draw(s);
    const faulted = decision.drop || decision.dropAfter || decision.delayMs > 0 || decision.answer !== undefined;
    if (faulted && s.times !== undefined) this.current = s.times > 1 ? { ...s, times: s.times - 1 } : NO_FAULTS;
    return decision;
  }

  private draw(s: FaultSettings): FaultDecision {
    if (s.drop > 0 && this.random() < s.drop) return { drop: true, dropAfter: false, delayMs: 0, answer: undefined };
    if (s.dropAfter > 0 && this.random() < s.dropAfter) return { drop: false, dropAfter: true, delayMs: s.delayMs, answer: undefined };
    let answer: FaultDecision['answer'];
    if (s.throttle > 0 && this.random() < s.throttle) answer = 'throttle';
    else if (s.error > 0 && this.random() < s.error) answer = 'error';
    return { drop: false, dropAfter: false, delayMs: s.delayMs, answer };
  }
}
