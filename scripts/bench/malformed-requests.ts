/**
 * Malformed requests for every operation local AWS serves, built from the services' own models (the operation
 * tables and the AWS models they were checked against at start-up, never a hand list): the operation with no
 * parameters, with each required member missing in turn, and with each member of the wrong type. Used by the
 * all-operations test (test/robustness/all-operations.test.ts) and by the fuzz of `npm run bench`.
 *
 * The other members are filled with values of the right type (and DryRun=true where the operation has it), so
 * that the one defect is what the answer is about.
 */
import { form, JSON_11_CONTENT_TYPE } from './sigv4-sign.ts';
import type { ListShape, Member, Protocol, Shape, StructureShape } from '../../local-aws/protocols/model/shapes.ts';
import type { ServiceDefinition } from '../../local-aws/protocols/operation.ts';

export type CaseKind = 'no parameters' | 'missing' | 'wrong type';

export interface MalformedCase {
  service: ServiceDefinition['name'];
  protocol: Protocol;
  operation: string;
  kind: CaseKind;
  /** The member changed, by member names and 0-based list positions: Tags.0.Key */
  member: string;
  /** The AWS code the answer must carry; undefined when AWS may also accept the request (then: any answer but a 5xx). */
  expectedCode: string | undefined;
  /** What to sign and send: POST / with this body (and X-Amz-Target for JSON). */
  request: { service: string; target?: string; contentType?: string; body: string };
}

/** A wire value put in place of a member: for query, `suffix` is appended to the member's parameter name. */
class Raw {
  constructor(
    readonly value: unknown,
    readonly suffix = '',
  ) {}
}

type Value = Raw | string | number | boolean | Date | Value[] | { [name: string]: Value };
type Tree = { [name: string]: Value };

const MISSING_CODE: Record<Protocol, string> = {
  awsQuery: 'ValidationError',
  ec2Query: 'MissingParameter',
  'json1.1': 'InvalidParameterException',
};
const MALFORMED_CODE: Record<Protocol, string> = {
  awsQuery: 'ValidationError',
  ec2Query: 'InvalidParameterValue',
  'json1.1': 'SerializationException',
};

function fill(shape: Shape, protocol: Protocol): Value {
  switch (shape.kind) {
    case 'string':
      return 'x';
    case 'integer':
      return 1;
    case 'boolean':
      return false;
    case 'timestamp':
      return new Date(0);
    case 'blob':
      return 'eA==';
    case 'document':
      return protocol === 'json1.1' ? {} : 'x';
    case 'list':
      return [fill(shape.member, protocol)];
    case 'map':
      return { k: fill(shape.value, protocol) };
    case 'structure': {
      const tree = fillStructure(shape, protocol);
      // A nested structure must carry something to be on the wire at all.
      const first = shape.members[0];
      if (Object.keys(tree).length === 0 && first) tree[first.name] = fill(first.shape, protocol);
      return tree;
    }
  }
}

/** The required members, and DryRun=true where the operation has it (EC2 then changes nothing). */
function fillStructure(shape: StructureShape, protocol: Protocol): Tree {
  const tree: Tree = {};
  for (const member of shape.members) {
    if (member.required) tree[member.name] = fill(member.shape, protocol);
    else if (member.name === 'DryRun') tree[member.name] = true;
  }
  return tree;
}

/**
 * Values of the wrong type for a member. `absent`: a query parameter that cannot hold the member's value (a string
 * where a structure or list is expected, or the reverse) leaves the member out, which only a required member refuses.
 */
function wrongTypes(member: Member, protocol: Protocol): { value: Raw; absent: boolean }[] {
  const malformed = (...values: Raw[]) => values.map((value) => ({ value, absent: false }));
  const kind = member.shape.kind;
  if (protocol === 'json1.1') {
    switch (kind) {
      case 'string':
      case 'blob':
        return malformed(new Raw(7), new Raw(['x']), new Raw({ x: 'x' }));
      case 'integer':
      case 'timestamp':
      case 'list':
        return malformed(new Raw('abc'));
      case 'boolean':
        return malformed(new Raw('maybe'));
      case 'map':
      case 'structure':
        return malformed(new Raw('abc'), new Raw(['x']));
      case 'document':
        return [];
    }
  }
  switch (kind) {
    case 'integer':
      return malformed(new Raw('abc'));
    case 'boolean':
      return malformed(new Raw('maybe'));
    case 'timestamp':
      return malformed(new Raw('not-a-date'));
    case 'string':
      return [{ value: new Raw('x', '.1'), absent: true }];
    case 'list':
    case 'map':
    case 'structure':
      return [{ value: new Raw('abc'), absent: true }];
    case 'blob':
    case 'document':
      return [];
  }
}

type PathKey = string | number;

function replaced(tree: Value, path: readonly PathKey[], value: Value | undefined): Value {
  if (path.length === 0) return value as Value;
  const [head, ...rest] = path;
  if (Array.isArray(tree)) {
    const copy = [...tree];
    copy[head as number] = replaced(copy[head as number]!, rest, value);
    return copy;
  }
  const key = head as string;
  if (rest.length === 0 && value === undefined) return Object.fromEntries(Object.entries(tree as Tree).filter(([name]) => name !== key));
  return { ...(tree as Tree), [key]: replaced((tree as Tree)[key]!, rest, value) };
}

function serializeQuery(shape: Shape, value: Value, name: string, out: Record<string, string>): void {
  const join = (segment: string) => (name === '' ? segment : `${name}.${segment}`);
  if (value instanceof Raw) {
    out[`${name}${value.suffix}`] = String(value.value);
    return;
  }
  switch (shape.kind) {
    case 'structure':
      for (const member of shape.members) {
        const memberValue = (value as Tree)[member.name];
        if (memberValue !== undefined) serializeQuery(member.shape, memberValue, join(member.wireName), out);
      }
      return;
    case 'list':
      (value as Value[]).forEach((item, index) => serializeQuery(shape.member, item, listItemName(shape, name, index), out));
      return;
    case 'map':
      Object.entries(value as Tree).forEach(([key, item], index) => {
        const entry = `${shape.entryName === undefined ? name : `${name}.${shape.entryName}`}.${index + 1}`;
        out[`${entry}.${shape.keyName}`] = key;
        serializeQuery(shape.value, item, `${entry}.${shape.valueName}`, out);
      });
      return;
    default:
      out[name] = value instanceof Date ? value.toISOString() : String(value);
  }
}

function listItemName(list: ListShape, name: string, index: number): string {
  return list.itemName === undefined ? `${name}.${index + 1}` : `${name}.${list.itemName}.${index + 1}`;
}

function toJson(value: Value): unknown {
  if (value instanceof Raw) return value.value;
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toJson(item)]));
  return value;
}

function request(service: ServiceDefinition, operation: string, input: StructureShape, tree: Tree): MalformedCase['request'] {
  if (service.protocol === 'json1.1') {
    return { service: service.name, target: `${service.targetPrefix}.${operation}`, contentType: JSON_11_CONTENT_TYPE, body: JSON.stringify(toJson(tree)) };
  }
  const params: Record<string, string> = { Action: operation, Version: service.version };
  serializeQuery(input, tree, '', params);
  return { service: service.name, body: form(params) };
}

interface Variant {
  kind: CaseKind;
  member: string;
  expectedCode: string | undefined;
  tree: Tree;
}

/** The members of `shape` at `path` (and of the structures the filler put inside it), each missing or mistyped. */
function memberVariants(shape: StructureShape, path: PathKey[], root: Tree, protocol: Protocol, out: Variant[]): void {
  const here = path.reduce<Value>((node, key) => (node as Tree)[key as string] as Value, root) as Tree;
  for (const member of shape.members) {
    const memberPath = [...path, member.name];
    const label = memberPath.join('.');
    if (member.required) {
      out.push({ kind: 'missing', member: label, expectedCode: MISSING_CODE[protocol], tree: replaced(root, memberPath, undefined) as Tree });
    }
    for (const wrong of wrongTypes(member, protocol)) {
      out.push({
        kind: 'wrong type',
        member: label,
        expectedCode: !wrong.absent ? MALFORMED_CODE[protocol] : member.required ? MISSING_CODE[protocol] : undefined,
        tree: replaced(root, memberPath, wrong.value) as Tree,
      });
    }
    const present = here[member.name];
    if (present === undefined) continue;
    if (member.shape.kind === 'structure') memberVariants(member.shape, memberPath, root, protocol, out);
    else if (member.shape.kind === 'list' && member.shape.member.kind === 'structure') memberVariants(member.shape.member, [...memberPath, 0], root, protocol, out);
  }
}

export function malformedCases(services: readonly ServiceDefinition[]): MalformedCase[] {
  const cases: MalformedCase[] = [];
  for (const service of services) {
    const protocol = service.model.protocol;
    for (const operation of Object.keys(service.operations)) {
      const input = service.model.operation(operation)!.input;
      const filled = fillStructure(input, protocol);
      const hasRequired = input.members.some((member) => member.required);
      const variants: Variant[] = [{ kind: 'no parameters', member: '', expectedCode: hasRequired ? MISSING_CODE[protocol] : undefined, tree: {} }];
      memberVariants(input, [], filled, protocol, variants);
      for (const variant of variants) {
        cases.push({
          service: service.name,
          protocol,
          operation,
          kind: variant.kind,
          member: variant.member,
          expectedCode: variant.expectedCode,
          request: request(service, operation, input, variant.tree),
        });
      }
    }
  }
  return cases;
}
