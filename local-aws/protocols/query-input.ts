import { AwsError } from './aws-error.ts';

const CANONICAL_INDEX = /^[1-9][0-9]*$/;

/**
 * The decoded parameters of an awsQuery (IAM, STS) or ec2Query (EC2) request.
 * awsQuery lists are `Name.member.N`, EC2 lists are `Name.N`; `list` and `structList` hide the difference.
 */
export class QueryInput {
  constructor(
    readonly params: ReadonlyMap<string, string>,
    private readonly listStyle: 'member' | 'flat',
  ) {}

  get action(): string | undefined {
    return this.params.get('Action');
  }

  string(name: string): string | undefined {
    return this.params.get(name);
  }

  /** A required string: AWS answers a missing one with ValidationError (IAM) / MissingParameter (EC2), built by `missing`. */
  requiredString(name: string, missing: (name: string) => AwsError): string {
    const value = this.params.get(name);
    if (value === undefined) throw missing(name);
    return value;
  }

  /** Values of `Name.member.1`, `Name.member.2`, … (or `Name.1`, … for EC2), in index order. */
  list(name: string): string[] {
    return this.indexes(name).map((i) => this.params.get(`${this.prefix(name)}${i}`)!);
  }

  /** Members of a list of structures, e.g. Tags.member.N.Key / .Value, or Filter.N.Name / Filter.N.Value.M. */
  structList(name: string): QueryInput[] {
    const prefix = this.prefix(name);
    return this.indexes(name).map((i) => {
      const inner = new Map<string, string>();
      const itemPrefix = `${prefix}${i}.`;
      for (const [key, value] of this.params) if (key.startsWith(itemPrefix)) inner.set(key.slice(itemPrefix.length), value);
      return new QueryInput(inner, this.listStyle);
    });
  }

  /** The nested structure `Name.Field` as its own input (e.g. IamInstanceProfile.Name). */
  struct(name: string): QueryInput | undefined {
    const inner = new Map<string, string>();
    const prefix = `${name}.`;
    for (const [key, value] of this.params) if (key.startsWith(prefix)) inner.set(key.slice(prefix.length), value);
    return inner.size > 0 ? new QueryInput(inner, this.listStyle) : undefined;
  }

  private prefix(name: string): string {
    return this.listStyle === 'member' ? `${name}.member.` : `${name}.`;
  }

  private indexes(name: string): number[] {
    const prefix = this.prefix(name);
    const found = new Set<number>();
    for (const key of this.params.keys()) {
      if (!key.startsWith(prefix)) continue;
      // Only canonical indexes (1, 2, … 99999999): `01`, `1e0`, `0x1` or ` 1` would name a key that is not there.
      const segment = key.slice(prefix.length).split('.')[0]!;
      if (!CANONICAL_INDEX.test(segment)) continue;
      const index = Number(segment);
      if (Number.isSafeInteger(index)) found.add(index);
    }
    return [...found].sort((a, b) => a - b);
  }
}
