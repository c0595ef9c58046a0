/**
 * Fault injection (LOCAL_AWS_FAULTS, or POST /_local/faults at runtime), to rehearse how clients
 * cope with a misbehaving AWS. Syntax: comma-, semicolon- or space-separated `key=value` pairs:
 *   throttle=0.2   answer 20% of calls with the service's throttling error
 *   error=0.1      answer 10% of calls with the service's 500
 *   delay=2000     hold every call 2000 ms before answering
 *   drop=0.05      destroy the connection of 5% of calls without answering
 *   action=CreateRole|AttachRolePolicy   only these operations are affected (default: all)
 */
export interface FaultSettings {
  throttle: number;
  error: number;
  delayMs: number;
  drop: number;
  /** Operation names the faults apply to; undefined = every operation. */
  actions: readonly string[] | undefined;
}

export const NO_FAULTS: FaultSettings = Object.freeze({ throttle: 0, error: 0, delayMs: 0, drop: 0, actions: undefined });

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
        throw new Error(`LOCAL_AWS_FAULTS: unknown fault "${key}" (known: throttle, error, delay, drop, action)`);
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
  if (settings.actions) parts.push(`action=${settings.actions.join('|')}`);
  return parts.join(',');
}

export interface FaultDecision {
  drop: boolean;
  delayMs: number;
  answer: 'throttle' | 'error' | undefined;
}

const NONE: FaultDecision = Object.freeze({ drop: false, delayMs: 0, answer: undefined });

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
    return s.throttle > 0 || s.error > 0 || s.delayMs > 0 || s.drop > 0;
  }

  /** What to do with one call of `action`. */
  decide(action: string): FaultDecision {
    const s = this.current;
    if (!this.active) return NONE;
    if (s.actions && !s.actions.includes(action)) return NONE;
    if (s.drop > 0 && this.random() < s.drop) return { drop: true, delayMs: 0, answer: undefined };
    let answer: FaultDecision['answer'];
    if (s.throttle > 0 && this.random() < s.throttle) answer = 'throttle';
    else if (s.error > 0 && this.random() < s.error) answer = 'error';
    return { drop: false, delayMs: s.delayMs, answer };
  }
}
