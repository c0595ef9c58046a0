/** The condition operator vocabulary shared by validation and evaluation. */

export type OperatorFamily = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'Ip' | 'Arn' | 'Null';

export interface OperatorInfo {
  readonly name: string;
  readonly family: OperatorFamily;
  /** Negated operators (StringNotEquals, NotIpAddress, ...) are true when the key is absent. */
  readonly negated: boolean;
}

const OPERATORS: readonly OperatorInfo[] = [
  { name: 'StringEquals', family: 'String', negated: false },
  { name: 'StringNotEquals', family: 'String', negated: true },
  { name: 'StringEqualsIgnoreCase', family: 'String', negated: false },
  { name: 'StringNotEqualsIgnoreCase', family: 'String', negated: true },
  { name: 'StringLike', family: 'String', negated: false },
  { name: 'StringNotLike', family: 'String', negated: true },
  { name: 'NumericEquals', family: 'Numeric', negated: false },
  { name: 'NumericNotEquals', family: 'Numeric', negated: true },
  { name: 'NumericLessThan', family: 'Numeric', negated: false },
  { name: 'NumericLessThanEquals', family: 'Numeric', negated: false },
  { name: 'NumericGreaterThan', family: 'Numeric', negated: false },
  { name: 'NumericGreaterThanEquals', family: 'Numeric', negated: false },
  { name: 'DateEquals', family: 'Date', negated: false },
  { name: 'DateNotEquals', family: 'Date', negated: true },
  { name: 'DateLessThan', family: 'Date', negated: false },
  { name: 'DateLessThanEquals', family: 'Date', negated: false },
  { name: 'DateGreaterThan', family: 'Date', negated: false },
  { name: 'DateGreaterThanEquals', family: 'Date', negated: false },
  { name: 'Bool', family: 'Bool', negated: false },
  { name: 'BinaryEquals', family: 'Binary', negated: false },
  { name: 'IpAddress', family: 'Ip', negated: false },
  { name: 'NotIpAddress', family: 'Ip', negated: true },
  { name: 'ArnEquals', family: 'Arn', negated: false },
  { name: 'ArnLike', family: 'Arn', negated: false },
  { name: 'ArnNotEquals', family: 'Arn', negated: true },
  { name: 'ArnNotLike', family: 'Arn', negated: true },
  { name: 'Null', family: 'Null', negated: false },
];

const BY_NAME = new Map(OPERATORS.map((op) => [op.name, op]));
const BY_LOWER_NAME = new Map(OPERATORS.map((op) => [op.name.toLowerCase(), op]));

export type SetQualifier = 'none' | 'ForAnyValue' | 'ForAllValues';

export interface ParsedOperator {
  readonly operator: OperatorInfo;
  readonly set: SetQualifier;
  readonly ifExists: boolean;
}

/**
 * Splits `ForAnyValue:StringEqualsIfExists` into its parts. `exact` follows IAM's grammar check
 * (names as documented); evaluation is lenient about case.
 */
export function parseOperator(text: string, exact: boolean): ParsedOperator | undefined {
  let rest = text;
  let set: SetQualifier = 'none';
  for (const qualifier of ['ForAnyValue', 'ForAllValues'] as const) {
    const prefix = `${qualifier}:`;
    if (exact ? rest.startsWith(prefix) : rest.toLowerCase().startsWith(prefix.toLowerCase())) {
      set = qualifier;
      rest = rest.slice(prefix.length);
      break;
    }
  }
  let ifExists = false;
  if (exact ? rest.endsWith('IfExists') : rest.toLowerCase().endsWith('ifexists')) {
    ifExists = true;
    rest = rest.slice(0, -'IfExists'.length);
  }
  const operator = exact ? BY_NAME.get(rest) : BY_LOWER_NAME.get(rest.toLowerCase());
  return operator ? { operator, set, ifExists } : undefined;
}
