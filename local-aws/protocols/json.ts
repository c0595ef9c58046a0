import { AwsError } from './aws-error.ts';
import type { JsonObject } from './operation.ts';

export const JSON_11_CONTENT_TYPE = 'application/x-amz-json-1.1';

/** Decodes an awsJson1.1 request body; an empty body is an empty input. */
export function decodeJsonBody(body: string): JsonObject {
  if (body.trim().length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new AwsError('SerializationException', 'Start of structure or map found where not expected.');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new AwsError('SerializationException', 'Start of structure or map found where not expected.');
  }
  return parsed as JsonObject;
}

// Dates become epoch seconds (awsJson's timestamp format); undefined fields disappear as JSON.stringify does.
function replacer(this: unknown, key: string, value: unknown): unknown {
  const raw = (this as Record<string, unknown>)[key];
  return raw instanceof Date ? raw.getTime() / 1000 : value;
}

export function serializeJsonSuccess(output: unknown): string {
  if (output === undefined || output === null) return '{}';
  return JSON.stringify(output, replacer);
}

/** `{"__type":"NotAuthorizedException","message":"…"}`; the same code goes in the x-amzn-ErrorType header. */
export function serializeJsonError(error: AwsError): string {
  return JSON.stringify({ __type: error.code, message: error.message });
}
