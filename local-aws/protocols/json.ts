import { AwsError } from './aws-error.ts';
import { jsonStructure } from './model/json-output.ts';
import type { StructureShape } from './model/shapes.ts';
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

/** The answer written by the operation's output shape (`{}` for an operation without output). */
export function serializeJsonSuccess(output: StructureShape | undefined, result: unknown): string {
  if (output === undefined || result === undefined || result === null) return '{}';
  return JSON.stringify(jsonStructure(output, result as Record<string, unknown>));
}

/** `{"__type":"NotAuthorizedException","message":"…"}`; the same code goes in the x-amzn-ErrorType header. */
export function serializeJsonError(error: AwsError): string {
  return JSON.stringify({ __type: error.code, message: error.message });
}
