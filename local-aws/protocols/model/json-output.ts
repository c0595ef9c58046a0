/**
 * awsJson1.1 answers (Cognito) written by the operation's output shape: the model's members only, timestamps as
 * epoch seconds, undefined and null members left out.
 */
import type { Shape, StructureShape } from './shapes.ts';

function jsonValue(shape: Shape, value: unknown): unknown {
  switch (shape.kind) {
    case 'structure':
      return jsonStructure(shape, value as Record<string, unknown>);
    case 'list':
      return (value as unknown[]).map((item) => jsonValue(shape.member, item));
    case 'map':
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, jsonValue(shape.value, item)]));
    case 'timestamp':
      return value instanceof Date ? value.getTime() / 1000 : value;
    default:
      return value;
  }
}

export function jsonStructure(shape: StructureShape, value: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const member of shape.members) {
    const field = value[member.name];
    if (field !== undefined && field !== null) out[member.name] = jsonValue(member.shape, field);
  }
  return out;
}
