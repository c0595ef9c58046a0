import { invalidInput, IamMessages } from './errors.ts';
import type { Page, PageRequest } from './records.ts';
import { Constraints, Limits, Rules } from './validation.ts';

export const DEFAULT_MAX_ITEMS = 100;

/** Adds the MaxItems (1–1000) and Marker constraints of every IAM list operation. */
export function pageConstraints(constraints: Constraints, page: PageRequest): Constraints {
  return constraints.range('maxItems', page.maxItems, 1, Limits.maxItems).string('marker', page.marker, Rules.marker);
}

function encodeMarker(sortKey: string): string {
  return Buffer.from(JSON.stringify({ after: sortKey }), 'utf8').toString('base64url');
}

function decodeMarker(marker: string): string {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(marker, 'base64url').toString('utf8'));
    if (parsed && typeof parsed === 'object' && typeof (parsed as { after?: unknown }).after === 'string') {
      return (parsed as { after: string }).after;
    }
  } catch {
    // fall through to AWS's error
  }
  throw invalidInput(IamMessages.invalidMarker);
}

/**
 * One page of `items` ordered by `sortKey`. The opaque marker names the last key returned, so a page
 * stays correct when entities are added or deleted between calls.
 */
export function paginate<T>(items: readonly T[], sortKey: (item: T) => string, page: PageRequest): Page<T> {
  const sorted = items
    .map((item) => ({ item, key: sortKey(item) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const after = page.marker === undefined ? undefined : decodeMarker(page.marker);
  const start = after === undefined ? 0 : sorted.findIndex((entry) => entry.key > after);
  const remaining = start < 0 ? [] : sorted.slice(start);
  const maxItems = page.maxItems ?? DEFAULT_MAX_ITEMS;
  const chosen = remaining.slice(0, maxItems);
  const isTruncated = remaining.length > maxItems;
  return {
    items: chosen.map((entry) => entry.item),
    isTruncated,
    ...(isTruncated ? { marker: encodeMarker(chosen[chosen.length - 1].key) } : {}),
  };
}

/** Pagination over items that keep their own order (attachment order, tag order). */
export function paginateInOrder<T>(items: readonly T[], page: PageRequest): Page<T> {
  const indexed = items.map((item, index) => ({ item, index }));
  const result = paginate(indexed, (entry) => String(entry.index).padStart(8, '0'), page);
  return { ...result, items: result.items.map((entry) => entry.item) };
}
