/** awsJson1.1 (Cognito) input decoding: the parsed body walked against the operation's input shape. */
import type { DecodeProblem } from './problems.ts';
import type { OperationModel } from './shapes.ts';
import { report, walkInput, type Path, type Source } from './walk.ts';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function wrongType(at: Path | undefined, problems: DecodeProblem[]): undefined {
  report(problems, 'json-type', at);
  return undefined;
}

/** null is "absent" in awsJson, as AWS reads it. */
const jsonSource: Source<unknown> = {
  isStructure(node, at, problems) {
    if (node === null) return false;
    if (isObject(node)) return true;
    wrongType(at, problems);
    return false;
  },
  field(node, wireName) {
    const object = node as Record<string, unknown>;
    return Object.hasOwn(object, wireName) && object[wireName] !== null ? object[wireName] : undefined;
  },
  items(node, _list, at, problems) {
    if (node === null) return undefined;
    if (!Array.isArray(node)) return wrongType(at, problems);
    return node.map((item: unknown, index) => ({ node: item, wireName: String(index) }));
  },
  entries(node, _map, at, problems) {
    if (node === null) return undefined;
    if (!isObject(node)) return wrongType(at, problems);
    return Object.keys(node).map((key) => ({ key, value: node[key], wireName: key }));
  },
  scalar(node, shape, at, problems) {
    if (node === null) return undefined;
    switch (shape.kind) {
      case 'document':
        return node;
      case 'string':
        return typeof node === 'string' ? node : wrongType(at, problems);
      case 'blob':
        return typeof node === 'string' ? new Uint8Array(Buffer.from(node, 'base64')) : wrongType(at, problems);
      case 'integer':
        return typeof node === 'number' && Number.isInteger(node) ? node : wrongType(at, problems);
      case 'boolean':
        return typeof node === 'boolean' ? node : wrongType(at, problems);
      case 'timestamp':
        return typeof node === 'number' ? new Date(node * 1000) : wrongType(at, problems);
    }
  },
};

/** The operation's input from a parsed JSON object; problems are collected, not thrown. */
export function decodeJsonObject(operation: OperationModel, body: Record<string, unknown>, problems: DecodeProblem[]): Record<string, unknown> {
  return walkInput(jsonSource, operation.input, body, problems);
}
