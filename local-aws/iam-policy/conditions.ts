/**
 * Condition evaluation, following the IAM User Guide ("Condition operators" and "Conditions with
 * multiple context keys or values"):
 * - values listed for one key are ORed (NOR for negated operators);
 * - a key absent from the request makes the condition false, except for negated operators
 *   (true), `...IfExists` (true), `Null`, `ForAllValues:` (true) and `ForAnyValue:` (false).
 */
import type { CompiledCondition } from './compile.ts';
import { cidrContains, parseCidr, parseIpAddress } from './ip.ts';
import { arnSegmentsMatch, globMatch, resolveTemplate, type VariableLookup } from './pattern.ts';

const NUMBER_PATTERN = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;
const EPOCH_PATTERN = /^\s*-?\d+\s*$/;

function parseNumber(text: string): number | undefined {
  return NUMBER_PATTERN.test(text) ? Number(text) : undefined;
}

/** ISO 8601 date/time or epoch seconds (as aws:EpochTime and many policies use). */
export function parseDate(text: string): number | undefined {
  if (EPOCH_PATTERN.test(text)) return Number(text) * 1000;
  const millis = Date.parse(text.trim());
  return Number.isNaN(millis) ? undefined : millis;
}

function compare(operatorName: string, request: number, policy: number): boolean {
  if (operatorName.endsWith('NotEquals') || operatorName.endsWith('Equals')) {
    if (operatorName.endsWith('LessThanEquals')) return request <= policy;
    if (operatorName.endsWith('GreaterThanEquals')) return request >= policy;
    return request === policy;
  }
  if (operatorName.endsWith('LessThan')) return request < policy;
  if (operatorName.endsWith('GreaterThan')) return request > policy;
  return false;
}

/** Does one request value match one policy value under the operator's positive form? */
function matchesOne(condition: CompiledCondition, index: number, requestValue: string, lookup: VariableLookup): boolean {
  const operator = condition.operator;
  if (!operator) return false;
  const policyValue = condition.values[index] ?? '';
  switch (operator.family) {
    case 'String': {
      const template = condition.templates[index];
      if (!template) return false;
      const pattern = resolveTemplate(template, lookup);
      if (!pattern) return false;
      const subject = template.lowerCase ? requestValue.toLowerCase() : requestValue;
      // Without wildcards the pattern is all literal characters, so this is plain equality.
      return globMatch(pattern, subject);
    }
    case 'Arn': {
      const template = condition.templates[index];
      const pattern = template && resolveTemplate(template, lookup);
      return pattern ? arnSegmentsMatch(pattern, requestValue) : false;
    }
    case 'Numeric': {
      const request = parseNumber(requestValue);
      const policy = parseNumber(policyValue);
      return request !== undefined && policy !== undefined && compare(operator.name, request, policy);
    }
    case 'Date': {
      const request = parseDate(requestValue);
      const policy = parseDate(policyValue);
      return request !== undefined && policy !== undefined && compare(operator.name, request, policy);
    }
    case 'Bool':
      return requestValue.toLowerCase() === policyValue.toLowerCase();
    case 'Binary':
      return requestValue.trim() === policyValue.trim();
    case 'Ip': {
      const address = parseIpAddress(requestValue);
      const block = parseCidr(policyValue);
      return address !== undefined && block !== undefined && cidrContains(block, address);
    }
    case 'Null':
      return false;
  }
}

function matchesAnyPolicyValue(condition: CompiledCondition, requestValue: string, lookup: VariableLookup): boolean {
  for (let i = 0; i < condition.values.length; i++) {
    if (matchesOne(condition, i, requestValue, lookup)) return true;
  }
  return false;
}

export function conditionHolds(condition: CompiledCondition, lookup: VariableLookup): boolean {
  const operator = condition.operator;
  if (!operator) return false;
  const requestValues = lookup(condition.key);
  const present = requestValues !== undefined && requestValues.length > 0;

  if (operator.family === 'Null') {
    // Null: "true" means the key must be absent, "false" that it must be present.
    return condition.values.some((value) => {
      const wanted = value.toLowerCase();
      return (wanted === 'true' && !present) || (wanted === 'false' && present);
    });
  }
  if (!present) {
    if (condition.ifExists) return true;
    if (condition.set === 'ForAllValues') return true;
    if (condition.set === 'ForAnyValue') return false;
    return operator.negated;
  }
  const matches = (value: string) => matchesAnyPolicyValue(condition, value, lookup);
  switch (condition.set) {
    case 'ForAllValues':
      return operator.negated ? requestValues.every((v) => !matches(v)) : requestValues.every(matches);
    case 'ForAnyValue':
      return operator.negated ? requestValues.some((v) => !matches(v)) : requestValues.some(matches);
    case 'none':
      return operator.negated ? !requestValues.some(matches) : requestValues.some(matches);
  }
}
