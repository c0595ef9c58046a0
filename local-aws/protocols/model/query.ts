/**
 * awsQuery (IAM, STS) and ec2Query (EC2) input decoding, linear in the number of parameters: the form is read
 * once into a tree keyed by the dotted segments of each name (Tags.member.1.Key → Tags → member → 1 → Key),
 * then the operation's input shape walks that tree. No parameter is looked at twice, whatever the list sizes.
 */
import type { DecodeProblem } from './problems.ts';
import type { ListShape, MapShape, OperationModel } from './shapes.ts';
import { report, walkInput, type Source } from './walk.ts';

interface ParamNode {
  value: string | undefined;
  children: Map<string, ParamNode> | undefined;
}

const leaf = (): ParamNode => ({ value: undefined, children: undefined });

/** One pass over the parameters; unknown names cost a node and are never visited. */
export function paramTree(params: ReadonlyMap<string, string>): ParamNode {
  const root: ParamNode = { value: undefined, children: new Map() };
  for (const [name, value] of params) {
    let node = root;
    let start = 0;
    for (;;) {
      const dot = name.indexOf('.', start);
      const segment = dot === -1 ? name.slice(start) : name.slice(start, dot);
      let children = node.children;
      if (children === undefined) node.children = children = new Map();
      let next = children.get(segment);
      if (next === undefined) children.set(segment, (next = leaf()));
      node = next;
      if (dot === -1) break;
      start = dot + 1;
    }
    node.value = value;
  }
  return root;
}

// Only canonical indexes (1, 2, … 999999999): `01`, `1e0`, `0x1` or ` 1` name no item, as on AWS.
const CANONICAL_INDEX = /^[1-9][0-9]{0,8}$/;
const INTEGER = /^-?\d+$/;

interface Indexed {
  index: number;
  node: ParamNode;
  wireName: string;
}

/** The items under `node` by ascending index; undefined when there is none. */
function indexed(node: ParamNode | undefined, container: string | undefined): Indexed[] | undefined {
  if (node?.children === undefined) return undefined;
  const items: Indexed[] = [];
  let sorted = true;
  for (const [segment, item] of node.children) {
    if (!CANONICAL_INDEX.test(segment)) continue;
    const index = Number(segment);
    if (items.length > 0 && index < items[items.length - 1]!.index) sorted = false;
    items.push({ index, node: item, wireName: container === undefined ? segment : `${container}.${segment}` });
  }
  if (items.length === 0) return undefined;
  return sorted ? items : items.sort((a, b) => a.index - b.index);
}

const querySource: Source<ParamNode> = {
  isStructure: (node) => node.children !== undefined,
  field: (node, wireName) => node.children!.get(wireName),
  items(node: ParamNode, list: ListShape) {
    return list.itemName === undefined ? indexed(node, undefined) : indexed(node.children?.get(list.itemName), list.itemName);
  },
  entries(node: ParamNode, map: MapShape) {
    const entries = map.entryName === undefined ? indexed(node, undefined) : indexed(node.children?.get(map.entryName), map.entryName);
    return entries?.map((entry) => ({
      key: entry.node.children?.get(map.keyName) ?? leaf(),
      value: entry.node.children?.get(map.valueName) ?? leaf(),
      wireName: entry.wireName,
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
        report(problems, 'number', at, raw);
        return undefined;
      }
      case 'boolean': {
        const lower = raw.toLowerCase();
        if (lower === 'true' || lower === 'false') return lower === 'true';
        report(problems, 'boolean', at, raw);
        return undefined;
      }
      case 'timestamp': {
        const time = Date.parse(raw);
        if (!Number.isNaN(time)) return new Date(time);
        report(problems, 'timestamp', at, raw);
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
