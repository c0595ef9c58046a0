/**
 * The one walk of an input shape that both decoders share: the query decoder walks a tree of form parameters,
 * the JSON decoder a parsed body. Each visits every member of the shape once and every item of the request once.
 * Paths are parent links, spelled out only when a problem is reported, so a list of 20,000 items builds no strings.
 */
import type { DecodeProblem, ProblemKind } from './problems.ts';
import type { ListShape, MapShape, Shape, StructureShape } from './shapes.ts';

/** Where a value sits: a member (by its message and wire names) or a list item (1-based, with its wire segment). */
export type Path =
  | { parent: Path | undefined; messageName: string; wireName: string; item?: undefined }
  | { parent: Path; item: number; wireName: string };

function spell(path: Path | undefined, part: (path: Path) => string): string {
  const parts: string[] = [];
  for (let at = path; at; at = at.parent) parts.push(part(at));
  return parts.reverse().join('.');
}

/** Records a problem at `path`, naming it as AWS's messages (tags.1.member.key) and the request (Tags.member.1.Key) do. */
export function report(problems: DecodeProblem[], kind: ProblemKind, path: Path | undefined, raw?: string): void {
  problems.push({
    kind,
    messagePath: spell(path, (at) => (at.item === undefined ? at.messageName : `${at.item}.member`)),
    wirePath: spell(path, (at) => at.wireName),
    ...(raw === undefined ? {} : { raw }),
  });
}

type ScalarShape = Exclude<Shape, ListShape | MapShape | StructureShape>;

/** How one wire format holds values; `undefined` everywhere means "absent". */
export interface Source<Node> {
  /** Whether `node` can hold a structure's members (reporting a wrong type when it cannot). */
  isStructure(node: Node, at: Path | undefined, problems: DecodeProblem[]): boolean;
  /** A structure's member node by wire name. */
  field(node: Node, wireName: string): Node | undefined;
  /** A list's items in order, with the wire segment of each (`member.3`, `3`). */
  items(node: Node, list: ListShape, at: Path, problems: DecodeProblem[]): { node: Node; wireName: string }[] | undefined;
  /** A map's entries (raw key node, value node). */
  entries(node: Node, map: MapShape, at: Path, problems: DecodeProblem[]): { key: Node; value: Node; wireName: string }[] | undefined;
  scalar(node: Node, shape: ScalarShape, at: Path, problems: DecodeProblem[]): unknown;
}

export function walk<Node>(source: Source<Node>, shape: Shape, node: Node, at: Path, problems: DecodeProblem[]): unknown {
  switch (shape.kind) {
    case 'structure':
      return walkStructure(source, shape, node, at, problems);
    case 'list': {
      const items = source.items(node, shape, at, problems);
      if (items === undefined) return undefined;
      const decoded: unknown[] = [];
      for (let index = 0; index < items.length; index++) {
        const item = items[index]!;
        const value = walk(source, shape.member, item.node, { parent: at, item: index + 1, wireName: item.wireName }, problems);
        if (value !== undefined) decoded.push(value);
      }
      return decoded;
    }
    case 'map': {
      const entries = source.entries(node, shape, at, problems);
      if (entries === undefined) return undefined;
      const decoded: Record<string, unknown> = {};
      for (const entry of entries) {
        const entryPath: Path = { parent: at, messageName: entry.wireName, wireName: entry.wireName };
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

function walkStructure<Node>(source: Source<Node>, shape: StructureShape, node: Node, at: Path | undefined, problems: DecodeProblem[]): Record<string, unknown> | undefined {
  if (!source.isStructure(node, at, problems)) return undefined;
  const decoded: Record<string, unknown> = {};
  for (const member of shape.members) {
    const memberNode = source.field(node, member.wireName);
    let value: unknown;
    if (memberNode !== undefined) {
      value = walk(source, member.shape, memberNode, { parent: at, messageName: member.messageName, wireName: member.wireName }, problems);
    }
    if (value !== undefined) decoded[member.name] = value;
    else if (member.required) report(problems, 'missing', { parent: at, messageName: member.messageName, wireName: member.wireName });
  }
  return decoded;
}

/** Decodes a whole input: the top-level structure is present even when the request carries no members. */
export function walkInput<Node>(source: Source<Node>, input: StructureShape, root: Node, problems: DecodeProblem[]): Record<string, unknown> {
  return walkStructure(source, input, root, undefined, problems) ?? {};
}
