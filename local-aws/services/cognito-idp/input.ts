import type { JsonObject } from '../../protocols/operation.ts';
import type { AwsError } from '../../protocols/aws-error.ts';

/**
 * Reads members of a JSON 1.1 request. `member` is the lowerCamel name AWS puts in its validation
 * messages ("Value null at 'clientId' …").
 */
export function requiredString(input: JsonObject, name: string, member: string, missing: (member: string) => AwsError): string {
  const value = input[name];
  if (typeof value !== 'string') throw missing(member);
  return value;
}

export function optionalString(input: JsonObject, name: string): string | undefined {
  const value = input[name];
  return typeof value === 'string' ? value : undefined;
}

/** A map of strings (AuthParameters, ChallengeResponses, Logins); non-string values are dropped. */
export function stringMap(input: JsonObject, name: string): Record<string, string> | undefined {
  const value = input[name];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) if (typeof item === 'string') out[key] = item;
  return out;
}
