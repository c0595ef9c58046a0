/**
 * awsQuery (IAM, STS) and ec2Query (EC2) input decoding, linear in the number of parameters: the form is read
 * once into a tree keyed by the dotted segments of each name (Tags.member.1.Key → Tags → member → 1 → Key),
 * then the operation's input shape walks that tree. No parameter is looked at twice, whatever the list sizes.
 */
import type { DecodeProblem } from './problems.ts';
import type { ListShape, MapShape } from './shapes.ts';
import { walkInput, type Path, type Source } from './walk.ts';
import type { OperationModel } from './shapes.ts';

interface ParamNode {
  value?: string;
  children?: Map<string, ParamNode>;
}

/** One pass over the parameters; unknown names cost a node and are never visited. */
export function paramTree(params: ReadonlyMap<string, string>): ParamNode {
  const root: ParamNode = { children: new Map() };
  for (const [name, value] of params) {
    let node = root;
    let start = 0;
    for (;;) {
      const dot = name.indexOf('.', start);
      const segment = dot === -1 ? name.slice(start) : name.slice(start, dot);
      const children = (node.children ??= new Map());
      let next = children.get(segment);
      if (!next) {
        next = {};
        children.set(segment, next);
      }
      node = next;
      if (dot === -1) break;
      start = dot + 1;
    }
    node.value = value;
  }
  return root;
}

// Only canonical indexes (1, 2, … 99999999): `01`, `1e0`, `0x1` or ` 1` name no item, as on AWS.
const CANONICAL_INDEX = /^[1-9][0-9]{0,8}$/;
const INTEGER = /^-?\d+$/;

/** The items of `node` by ascending index; undefined when there is none. */
function indexed(node: ParamNode | undefined, wirePrefix: string): { index: number; node: ParamNode; wirePath: string }[] | undefined {
  if (!node?.children) return undefined;
  const items: { index: number; node: ParamNode; wirePath: string }[] = [];
  for (const [segment, item] of node.children) {
    if (CANONICAL_INDEX.test(segment)) items.push({ index: Number(segment), node: item, wirePath: `${wirePrefix}.${segment}` });
  }
  if (items.length === 0) return undefined;
  return items.sort((a, b) => a.index - b.index);
}

const querySource: Source<ParamNode> = {
  fields(node) {
    const children = node.children;
    return children === undefined ? undefined : (wireName) => children.get(wireName);
  },
  items(node: ParamNode, list: ListShape, at: Path) {
    if (list.itemName === undefined) return indexed(node, at.wirePath);
    return indexed(node.children?.get(list.itemName), `${at.wirePath}.${list.itemName}`);
  },
  entries(node: ParamNode, map: MapShape, at: Path) {
    const entries = map.entryName === undefined ? indexed(node, at.wirePath) : indexed(node.children?.get(map.entryName), `${at.wirePath}.${map.entryName}`);
    return entries?.map((entry) => ({
      key: entry.node.children?.get(map.keyName) ?? {},
      value: entry.node.children?.get(map.valueName) ?? {},
      wirePath: entry.wirePath,
    }));
  },
  scalar(node, shape, at, problems: DecodeProblem[]) {
    const raw = node.value;
    if (raw === undefined) return undefined;
    switch (shape.kind) {
      case 'string':
      case 'document':
        return raw;
      case 'integer': {
        const trimmed = raw.trim();
        if (INTEGER.test(trimmed) && Number.isSafeInteger(Number(trimmed))) return Number(trimmed);
        problems.push({ kind: 'number', raw, ...at });
        return undefined;
      }
      case 'boolean': {
        const lower = raw.toLowerCase();
        if (lower === 'true' || lower === 'false') return lower === 'true';
        problems.push({ kind: 'boolean', raw, ...at });
        return undefined;
      }
      case 'timestamp': {
        const time = Date.parse(raw);
        if (!Number.isNaN(time)) return new Date(time);
        problems.push({ kind: 'timestamp', raw, ...at });
        return undefined;
      }
      case 'blob':
        return new Uint8Array(Buffer.from(raw, 'base64'));
    }
  },
};

/** The operation's input from the request's parameters; problems are collected, not thrown. */
export function decodeQueryParams(operation: OperationModel, params: ReadonlyMap<string, string>, problems: DecodeProblem[]): Record<string, unknown> {
  return walkInput(querySource, operation.input, paramTree(params), problems);
}
