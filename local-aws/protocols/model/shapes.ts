/**
 * AWS's service models, as the SDK v3 packages ship them (smithy "static schemas": nested arrays that each client
 * package exports as `CreateRole$`, `CreateRoleRequest$`, …), read into a small shape tree that the decoders walk.
 * The package's main entry is imported (its dist-es modules use extensionless imports that plain Node cannot load).
 *
 * The arrays: operation `[9, ns, name, traits, () => input, () => output]`; structure and error
 * `[3 | -3, ns, name, traits, memberNames, memberSchemas, requiredCount?]` (the first `requiredCount` members
 * are the required ones); list `[1, ns, name, traits, member]`; map `[2, ns, name, traits, key, value]`;
 * simple `[0, ns, name, traits, type]`; a member may be `[schema, memberTraits]`; a schema may be a thunk;
 * plain numbers are simple types (0 string, 1 numeric, 2 boolean, 4-7 timestamps, 15 document, 21 blob,
 * 64|x a list of x, 128|x a map of x). Enums and length/pattern/range constraints are not in these schemas.
 *
 * "Numeric" does not say integer or double: every numeric member of the operations local AWS serves is an
 * integer in AWS's models (MaxItems, MaxSessionDuration, MinCount, MaxResults, …), so numerics decode as integers.
 */

export type Protocol = 'awsQuery' | 'ec2Query' | 'json1.1';

export type ScalarKind = 'string' | 'integer' | 'boolean' | 'timestamp' | 'blob' | 'document';

export type Shape =
  | { kind: ScalarKind }
  | ListShape
  | MapShape
  | StructureShape;

export interface ListShape {
  kind: 'list';
  member: Shape;
  /** awsQuery's item segment (`member` unless renamed); undefined when items are `Name.N` (flattened, or ec2Query). */
  itemName: string | undefined;
}

export interface MapShape {
  kind: 'map';
  key: Shape;
  value: Shape;
  /** awsQuery's segments: `Name.entry.N.key` / `.value` unless renamed or flattened. */
  entryName: string | undefined;
  keyName: string;
  valueName: string;
}

export interface StructureShape {
  kind: 'structure';
  name: string;
  members: Member[];
}

export interface Member {
  /** The member's name in the model and in the SDK's types (RoleName). */
  name: string;
  /** Its name on the wire of the protocol the tree was built for (RoleName, Filter, DryRun). */
  wireName: string;
  /** The name AWS's validation messages use (roleName; EC2: the XML element name, dryRun). */
  messageName: string;
  required: boolean;
  shape: Shape;
}

export interface OperationModel {
  name: string;
  input: StructureShape;
  /** Undefined when the operation answers nothing (smithy's Unit): awsQuery then writes no Result element. */
  output: StructureShape | undefined;
}

type Traits = Record<string, unknown>;

const LIST_MODIFIER = 64;
const MAP_MODIFIER = 128;

function traitsOf(value: unknown): Traits {
  return typeof value === 'object' && value !== null ? (value as Traits) : {};
}

function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function lowerCamel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function isMemberRef(ref: unknown): ref is [unknown, unknown] {
  return Array.isArray(ref) && ref.length === 2;
}

/** A schema reference without its member wrapper and thunk, plus the member traits it carried. */
function unwrap(ref: unknown): { schema: unknown; memberTraits: Traits } {
  let current = ref;
  let memberTraits: Traits = {};
  while (isMemberRef(current)) {
    memberTraits = { ...traitsOf(current[1]), ...memberTraits };
    current = current[0];
  }
  return { schema: typeof current === 'function' ? (current as () => unknown)() : current, memberTraits };
}

function simpleKind(type: number): ScalarKind {
  if (type === 0) return 'string';
  if (type === 2) return 'boolean';
  if (type >= 4 && type <= 7) return 'timestamp';
  if (type === 15) return 'document';
  if (type === 21 || type === 42) return 'blob';
  // 1 numeric, 17 big integer, 19 big decimal: see the note on numerics above.
  return 'integer';
}

/** Builds shape trees for one protocol; structures are shared (and may be recursive), so they are memoized. */
class ShapeReader {
  private readonly structures = new Map<unknown, StructureShape>();

  constructor(private readonly protocol: Protocol) {}

  operation(schema: unknown): OperationModel {
    if (!Array.isArray(schema) || schema[0] !== 9) throw new Error('not an operation schema');
    const input = this.shape(schema[4], {});
    if (input.kind !== 'structure') throw new Error(`${String(schema[2])}: input is not a structure`);
    const output = unwrap(schema[5]).schema === 'unit' ? undefined : this.shape(schema[5], {});
    if (output !== undefined && output.kind !== 'structure') throw new Error(`${String(schema[2])}: output is not a structure`);
    return { name: String(schema[2]), input, output };
  }

  private shape(ref: unknown, memberTraits: Traits): Shape {
    const { schema } = unwrap(ref);
    if (typeof schema === 'number') {
      if (schema & LIST_MODIFIER) return this.list(schema & ~LIST_MODIFIER, memberTraits);
      if (schema & MAP_MODIFIER) return this.map(0, schema & ~MAP_MODIFIER, memberTraits);
      return { kind: simpleKind(schema) };
    }
    if (schema === 'unit') return { kind: 'structure', name: 'Unit', members: [] };
    if (!Array.isArray(schema)) throw new Error(`unknown schema ${String(schema)}`);
    const traits = traitsOf(schema[3]);
    switch (schema[0]) {
      case 0:
        return this.shape(schema[4], memberTraits);
      case 1:
        return this.list(schema[4], { ...traits, ...memberTraits });
      case 2:
        return this.map(schema[4], schema[5], { ...traits, ...memberTraits });
      case 3:
      case -3:
      case 4:
        return this.structure(schema);
      default:
        throw new Error(`unknown schema kind ${String(schema[0])}`);
    }
  }

  private list(memberRef: unknown, traits: Traits): ListShape {
    const { memberTraits } = unwrap(memberRef);
    const flattened = this.protocol === 'ec2Query' || this.protocol === 'json1.1' || traits.xmlFlattened !== undefined;
    return {
      kind: 'list',
      member: this.shape(memberRef, memberTraits),
      itemName: flattened ? undefined : typeof memberTraits.xmlName === 'string' ? memberTraits.xmlName : 'member',
    };
  }

  private map(keyRef: unknown, valueRef: unknown, traits: Traits): MapShape {
    const keyTraits = unwrap(keyRef).memberTraits;
    const valueTraits = unwrap(valueRef).memberTraits;
    const flattened = this.protocol !== 'awsQuery' || traits.xmlFlattened !== undefined;
    return {
      kind: 'map',
      key: this.shape(keyRef, keyTraits),
      value: this.shape(valueRef, valueTraits),
      entryName: flattened ? undefined : 'entry',
      keyName: typeof keyTraits.xmlName === 'string' ? keyTraits.xmlName : 'key',
      valueName: typeof valueTraits.xmlName === 'string' ? valueTraits.xmlName : 'value',
    };
  }

  private structure(schema: unknown[]): StructureShape {
    const known = this.structures.get(schema);
    if (known) return known;
    const structure: StructureShape = { kind: 'structure', name: String(schema[2]), members: [] };
    this.structures.set(schema, structure);
    const names = schema[4] as string[];
    const refs = schema[5] as unknown[];
    const requiredCount = typeof schema[6] === 'number' ? schema[6] : 0;
    names.forEach((name, index) => {
      const ref = refs[index];
      const { memberTraits } = unwrap(ref);
      structure.members.push({
        name,
        wireName: this.wireName(name, memberTraits),
        messageName: this.messageName(name, memberTraits),
        required: index < requiredCount,
        shape: this.shape(ref, memberTraits),
      });
    });
    return structure;
  }

  /** EC2 names members by their XML element (dryRun, maxResults); the Coral services by the lowerCamel member name. */
  private messageName(name: string, traits: Traits): string {
    if (this.protocol === 'ec2Query' && typeof traits.xmlName === 'string') return traits.xmlName;
    return lowerCamel(name);
  }

  private wireName(name: string, traits: Traits): string {
    const xmlName = typeof traits.xmlName === 'string' ? traits.xmlName : undefined;
    switch (this.protocol) {
      case 'json1.1':
        return name;
      case 'awsQuery':
        return xmlName ?? name;
      case 'ec2Query':
        if (typeof traits.ec2QueryName === 'string') return traits.ec2QueryName;
        return capitalize(xmlName ?? name);
    }
  }
}

/** One service's model for one protocol: the input and output shapes of the operations local AWS serves. */
export class ServiceModel {
  private readonly operations = new Map<string, OperationModel>();

  /**
   * @param schemas the SDK client package's exports, among them its schemas (`CreateRole$ = [9, …]`, …)
   * @param served the operations local AWS serves: one that the model lacks is a start-up error
   */
  constructor(
    readonly protocol: Protocol,
    schemas: Readonly<Record<string, unknown>>,
    served: readonly string[],
  ) {
    const reader = new ShapeReader(protocol);
    for (const name of served) {
      const schema = schemas[`${name}$`];
      if (!Array.isArray(schema) || schema[0] !== 9) throw new Error(`${name} is not an operation of the ${protocol} service model`);
      this.operations.set(name, reader.operation(schema));
    }
  }

  operation(name: string): OperationModel | undefined {
    return this.operations.get(name);
  }
}
