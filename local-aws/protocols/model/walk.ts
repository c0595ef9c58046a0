/**
 * The one walk of an input shape that both decoders share: the query decoder walks a tree of form parameters,
 * the JSON decoder a parsed body. Each visits every member of the shape once and every item of the request once.
 */
import type { DecodeProblem } from './problems.ts';
import type { ListShape, MapShape, Shape, StructureShape } from './shapes.ts';

export interface Path {
  messagePath: string;
  wirePath: string;
}

type ScalarShape = Exclude<Shape, ListShape | MapShape | StructureShape>;

/** How one wire format holds values; `undefined` everywhere means "absent". */
export interface Source<Node> {
  /** A structure's member nodes by wire name, or undefined when the node is not a structure. */
  fields(node: Node, at: Path, problems: DecodeProblem[]): ((wireName: string) => Node | undefined) | undefined;
  /** A list's items in order, with the wire path of each. */
  items(node: Node, list: ListShape, at: Path, problems: DecodeProblem[]): { node: Node; wirePath: string }[] | undefined;
  /** A map's entries (raw key node, value node). */
  entries(node: Node, map: MapShape, at: Path, problems: DecodeProblem[]): { key: Node; value: Node; wirePath: string }[] | undefined;
  scalar(node: Node, shape: ScalarShape, at: Path, problems: DecodeProblem[]): unknown;
}

function child(at: Path, messageName: string, wirePath: string): Path {
  return { messagePath: at.messagePath === '' ? messageName : `${at.messagePath}.${messageName}`, wirePath };
}

function joinWire(at: Path, wireName: string): string {
  return at.wirePath === '' ? wireName : `${at.wirePath}.${wireName}`;
}

export function walk<Node>(source: Source<Node>, shape: Shape, node: Node, at: Path, problems: DecodeProblem[]): unknown {
  switch (shape.kind) {
    case 'structure':
      return walkStructure(source, shape, node, at, problems);
    case 'list': {
      const items = source.items(node, shape, at, problems);
      if (items === undefined) return undefined;
      const decoded: unknown[] = [];
      items.forEach((item, index) => {
        const value = walk(source, shape.member, item.node, { messagePath: `${at.messagePath}.${index + 1}.member`, wirePath: item.wirePath }, problems);
        if (value !== undefined) decoded.push(value);
      });
      return decoded;
    }
    case 'map': {
      const entries = source.entries(node, shape, at, problems);
      if (entries === undefined) return undefined;
      const decoded: Record<string, unknown> = {};
      for (const entry of entries) {
        const entryPath = { messagePath: at.messagePath, wirePath: entry.wirePath };
        const key = walk(source, shape.key, entry.key, entryPath, problems);
        const value = walk(source, shape.value, entry.value, entryPath, problems);
        if (typeof key === 'string' && value !== undefined) Object.defineProperty(decoded, key, { value, enumerable: true, writable: true, configurable: true });
      }
      return decoded;
    }
    default:
      return source.scalar(node, shape, at, problems);
  }
}

function walkStructure<Node>(source: Source<Node>, shape: StructureShape, node: Node, at: Path, problems: DecodeProblem[]): Record<string, unknown> | undefined {
  const field = source.fields(node, at, problems);
  if (field === undefined) return undefined;
  const decoded: Record<string, unknown> = {};
  for (const member of shape.members) {
    const memberPath = child(at, member.messageName, joinWire(at, member.wireName));
    const memberNode = field(member.wireName);
    const value = memberNode === undefined ? undefined : walk(source, member.shape, memberNode, memberPath, problems);
    if (value !== undefined) decoded[member.name] = value;
    else if (member.required) problems.push({ kind: 'missing', ...memberPath });
  }
  return decoded;
}

/** Decodes a whole input: the top-level structure is present even when the request carries no members. */
export function walkInput<Node>(source: Source<Node>, input: StructureShape, root: Node, problems: DecodeProblem[]): Record<string, unknown> {
  return walkStructure(source, input, root, { messagePath: '', wirePath: '' }, problems) ?? {};
}
