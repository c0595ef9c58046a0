import { closestName } from '../catalog/iam-catalog';
import { childPath, type FindingCollector } from '../context';
import type { JsonNode, JsonObject } from '../json-ast';
import { describeKind } from './values';

const BASE_OPERATORS = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnEquals',
  'ArnLike',
  'ArnNotEquals',
  'ArnNotLike',
  'Null',
];

const SET_PREFIXES = ['ForAllValues:', 'ForAnyValue:'];

type ValueType = 'string' | 'numeric' | 'date' | 'bool' | 'binary' | 'ip' | 'arn' | 'null';

export interface ParsedOperator {
  base: string;
  type: ValueType;
  ifExists: boolean;
  setPrefix?: string;
}

/** Splits `ForAnyValue:StringLikeIfExists` into its parts, or undefined when IAM does not know the operator. */
export function parseConditionOperator(operator: string): ParsedOperator | undefined {
  let rest = operator;
  const setPrefix = SET_PREFIXES.find((prefix) => rest.startsWith(prefix));
  if (setPrefix) rest = rest.slice(setPrefix.length);
  let ifExists = false;
  if (rest.endsWith('IfExists') && rest !== 'IfExists') {
    ifExists = true;
    rest = rest.slice(0, -'IfExists'.length);
  }
  if (!BASE_OPERATORS.includes(rest)) return undefined;
  if (rest === 'Null' && ifExists) return undefined; // "NullIfExists" is meaningless and not an operator
  const parsed: ParsedOperator = { base: rest, type: valueTypeOf(rest), ifExists };
  if (setPrefix) parsed.setPrefix = setPrefix;
  return parsed;
}

function valueTypeOf(base: string): ValueType {
  if (base.startsWith('String')) return 'string';
  if (base.startsWith('Numeric')) return 'numeric';
  if (base.startsWith('Date')) return 'date';
  if (base.startsWith('Arn')) return 'arn';
  if (base === 'Bool') return 'bool';
  if (base === 'BinaryEquals') return 'binary';
  if (base === 'Null') return 'null';
  return 'ip';
}

const ALL_OPERATOR_SPELLINGS = BASE_OPERATORS.flatMap((base) => (base === 'Null' ? [base] : [base, `${base}IfExists`]));

/** Checks a statement's Condition block: operators, keys with a vendor prefix, and value formats. */
export function checkCondition(node: JsonNode, path: string, out: FindingCollector): void {
  if (node.kind !== 'object') {
    out.reject(
      'INVALID_CONDITION',
      `Condition must be an object like { "StringEquals": { "aws:PrincipalTag/team": "blue" } }, not ${describeKind(node)}.`,
      path,
      node,
    );
    return;
  }
  for (const property of node.properties) {
    const operatorPath = childPath(path, property.key);
    const keyRange = { start: property.keyStart, end: property.keyEnd };
    const operator = parseConditionOperator(property.key);
    if (!operator) {
      const withoutPrefix = property.key.replace(/^(ForAllValues|ForAnyValue):/i, '');
      const suggestion = closestName(ALL_OPERATOR_SPELLINGS, withoutPrefix);
      out.reject(
        'UNKNOWN_CONDITION_OPERATOR',
        `'${property.key}' is not a condition operator.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`,
        operatorPath,
        keyRange,
      );
      continue;
    }
    if (property.value.kind !== 'object') {
      out.reject(
        'INVALID_CONDITION',
        `The '${property.key}' operator must map condition keys to values, for example { "aws:SourceIp": "203.0.113.0/24" }.`,
        operatorPath,
        property.value,
      );
      continue;
    }
    checkConditionKeys(property.value, operator, operatorPath, out);
  }
}

function checkConditionKeys(block: JsonObject, operator: ParsedOperator, path: string, out: FindingCollector): void {
  for (const property of block.properties) {
    const keyPath = childPath(path, property.key);
    if (!/^[^:\s]+:\S/.test(property.key)) {
      out.reject(
        'CONDITION_KEY_WITHOUT_PREFIX',
        `The condition key '${property.key}' needs a service prefix, for example 'aws:SourceIp' or 'sts:ExternalId'.`,
        keyPath,
        { start: property.keyStart, end: property.keyEnd },
        { awsMessage: 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.' },
      );
    }
    const values = conditionValues(property.value, keyPath, out);
    for (const value of values) checkValueFormat(value, operator, property.key, out);
  }
}

interface ConditionValue {
  text: string;
  node: JsonNode;
  path: string;
}

function conditionValues(node: JsonNode, path: string, out: FindingCollector): ConditionValue[] {
  const items =
    node.kind === 'array'
      ? node.items.map((item, index) => ({ item, path: childPath(path, index) }))
      : [{ item: node, path }];
  if (node.kind === 'array' && node.items.length === 0) {
    out.reject('EMPTY_LIST', 'A condition key needs at least one value.', path, node);
  }
  const values: ConditionValue[] = [];
  for (const { item, path: itemPath } of items) {
    if (item.kind === 'string') values.push({ text: item.value, node: item, path: itemPath });
    else if (item.kind === 'number') values.push({ text: item.raw, node: item, path: itemPath });
    else if (item.kind === 'boolean') values.push({ text: String(item.value), node: item, path: itemPath });
    else
      out.reject(
        'INVALID_VALUE_TYPE',
        `Condition values must be strings, numbers or true/false, not ${describeKind(item)}.`,
        itemPath,
        item,
      );
  }
  return values;
}

function checkValueFormat(value: ConditionValue, operator: ParsedOperator, key: string, out: FindingCollector): void {
  const problem = valueProblem(value.text, operator.type);
  if (!problem) return;
  const name = operator.setPrefix ? `${operator.setPrefix}${operator.base}` : operator.base;
  out.report(
    'warning',
    'CONDITION_VALUE_TYPE_MISMATCH',
    `${name} compares ${problem}, so '${value.text}' for '${key}' never matches.`,
    value.path,
    value.node,
  );
}

function valueProblem(text: string, type: ValueType): string | undefined {
  if (/^\$\{[^}]+\}$/.test(text)) return undefined; // a policy variable: its type is only known at request time
  switch (type) {
    case 'bool':
    case 'null':
      return /^(true|false)$/i.test(text) ? undefined : 'with true or false';
    case 'numeric':
      return /^-?\d+(\.\d+)?$/.test(text) ? undefined : 'numbers';
    case 'date':
      return /^\d+$/.test(text) || !Number.isNaN(Date.parse(text))
        ? undefined
        : 'dates (ISO 8601 such as 2026-01-31T12:00:00Z, or epoch seconds)';
    case 'ip':
      return isCidr(text) ? undefined : 'IP addresses or CIDR ranges (such as 203.0.113.0/24)';
    case 'binary':
      return /^[A-Za-z0-9+/]*={0,2}$/.test(text) ? undefined : 'base64-encoded values';
    default:
      return undefined;
  }
}

function isCidr(text: string): boolean {
  const [address, bits, ...extra] = text.split('/');
  if (extra.length > 0) return false;
  const ipv4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  if (ipv4) {
    if (ipv4.slice(1).some((octet) => Number(octet) > 255)) return false;
    return bits === undefined || (/^\d{1,2}$/.test(bits) && Number(bits) <= 32);
  }
  if (/^[0-9a-fA-F:]+$/.test(address) && address.includes(':')) {
    return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= 128);
  }
  return false;
}
