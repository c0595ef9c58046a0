import { ACTIONS_BY_SERVICE, SERVICE_PREFIXES } from './iam-catalog.generated';

const knownPrefixes = new Set(SERVICE_PREFIXES);
const actionCache = new Map<string, ActionList>();

export interface ActionList {
  /** Action names as AWS spells them, e.g. DescribeInstances. */
  names: readonly string[];
  /** Lower-case names; IAM compares action names case-insensitively. */
  lowerNames: ReadonlySet<string>;
}

/** Service prefixes are compared case-insensitively by IAM. */
export function isKnownService(prefix: string): boolean {
  return knownPrefixes.has(prefix.toLowerCase());
}

/** Action names of a service, or undefined when the bundled catalog only knows the service's prefix. */
export function actionsOf(prefix: string): ActionList | undefined {
  const service = prefix.toLowerCase();
  const cached = actionCache.get(service);
  if (cached) return cached;
  const packed = ACTIONS_BY_SERVICE[service];
  if (packed === undefined) return undefined;
  const names = packed.split(',');
  const list: ActionList = { names, lowerNames: new Set(names.map((name) => name.toLowerCase())) };
  actionCache.set(service, list);
  return list;
}

/** IAM wildcard matching: `*` any run of characters, `?` one character, case-insensitive. */
export function wildcardToRegExp(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

/** The closest action name (for "did you mean"), if one is reasonably close. */
export function closestAction(list: ActionList, name: string): string | undefined {
  return closestName(list.names, name);
}

/** The closest service prefix to a misspelt one. */
export function closestService(prefix: string): string | undefined {
  return closestName(SERVICE_PREFIXES, prefix);
}

/** The candidate nearest to `name` by edit distance (case-insensitive), if within about a quarter of its length. */
export function closestName(candidates: readonly string[], name: string): string | undefined {
  const wanted = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(wanted.length / 4)) + 1;
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    if (Math.abs(lower.length - wanted.length) >= bestDistance) continue;
    const distance = editDistance(lower, wanted, bestDistance);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = candidate;
    }
  }
  return best;
}

/** Levenshtein distance, giving up (returning `limit`) once it cannot be below `limit`. */
function editDistance(left: string, right: string, limit: number): number {
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let row = 1; row <= left.length; row += 1) {
    const current = [row];
    let rowMinimum = row;
    for (let column = 1; column <= right.length; column += 1) {
      const cost = left[row - 1] === right[column - 1] ? 0 : 1;
      const value = Math.min(previous[column] + 1, current[column - 1] + 1, previous[column - 1] + cost);
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum >= limit) return limit;
    previous = current;
  }
  return previous[right.length];
}
