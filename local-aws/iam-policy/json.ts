/** Safe JSON handling for untrusted policy text. */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Real policies nest about six levels deep; anything far deeper is refused before parsing. */
export const MAX_POLICY_DEPTH = 32;

/** True when brackets nest deeper than `limit` (strings are skipped, so their contents don't count). */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 92 /* \ */) i++;
      else if (code === 34 /* " */) inString = false;
    } else if (code === 34) {
      inString = true;
    } else if (code === 123 /* { */ || code === 91 /* [ */) {
      if (++depth > limit) return true;
    } else if (code === 125 /* } */ || code === 93 /* ] */) {
      depth--;
    }
  }
  return false;
}

/** Parses JSON, or returns undefined for invalid or absurdly nested text. Never throws. */
export function parseJson(text: string): { value: JsonValue } | undefined {
  if (nestsDeeperThan(text, MAX_POLICY_DEPTH)) return undefined;
  try {
    return { value: JSON.parse(text) as JsonValue };
  } catch {
    return undefined;
  }
}

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function hasKey(object: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** An own property only: parsed objects still inherit `constructor`, `toString`, ... */
export function ownValue(object: JsonObject, key: string): JsonValue | undefined {
  return hasKey(object, key) ? object[key] : undefined;
}
