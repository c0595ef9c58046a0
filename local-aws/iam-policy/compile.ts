/**
 * Turns policy JSON text into a form that evaluates in microseconds, and caches it by text.
 * Compilation is forgiving: anything malformed makes the affected statement (or the whole policy)
 * inert rather than throwing, because validation happens at write time (validate.ts).
 */
import { isJsonObject, ownValue, parseJson, type JsonObject, type JsonValue } from './json.ts';
import { parseOperator, type OperatorInfo, type SetQualifier } from './operators.ts';
import { compileTemplate, type Glob, type Template } from './pattern.ts';

export interface CompiledCondition {
  /** Undefined for an operator IAM does not know: such a condition never holds. */
  readonly operator: OperatorInfo | undefined;
  readonly set: SetQualifier;
  readonly ifExists: boolean;
  /** The condition key as the policy spells it. */
  readonly name: string;
  /** Lower-cased condition key. */
  readonly key: string;
  /** Raw policy values (strings; numbers and booleans are stringified). */
  readonly values: readonly string[];
  /** For String/Arn operators: the values compiled as patterns with policy variables. */
  readonly templates: readonly Template[];
}

export interface CompiledStatement {
  /** Position in the policy's Statement list (0 when Statement is a single object). */
  readonly index: number;
  readonly effect: 'Allow' | 'Deny';
  readonly actionNegated: boolean;
  readonly actions: readonly Glob[];
  readonly resourceNegated: boolean;
  readonly resources: readonly Template[];
  readonly conditions: readonly CompiledCondition[];
}

export interface CompiledPolicy {
  readonly statements: readonly CompiledStatement[];
}

const EMPTY_POLICY: CompiledPolicy = { statements: [] };

function stringList(value: JsonValue | undefined): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
  return undefined;
}

function scalarList(value: JsonValue | undefined): string[] | undefined {
  const items = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const item of items) {
    if (typeof item === 'string') out.push(item);
    else if (typeof item === 'number' || typeof item === 'boolean') out.push(String(item));
    else return undefined;
  }
  return out;
}

function compileValueTemplates(operator: OperatorInfo | undefined, values: readonly string[]): Template[] {
  if (!operator) return [];
  if (operator.family === 'Arn') {
    return values.map((value) => compileTemplate(value, { wildcards: true, variables: true, lowerCase: false }));
  }
  if (operator.family !== 'String') return [];
  const ignoreCase = operator.name === 'StringEqualsIgnoreCase' || operator.name === 'StringNotEqualsIgnoreCase';
  const wildcards = operator.name === 'StringLike' || operator.name === 'StringNotLike';
  return values.map((value) => compileTemplate(value, { wildcards, variables: true, lowerCase: ignoreCase }));
}

function compileConditions(block: JsonValue | undefined): CompiledCondition[] | undefined {
  if (block === undefined) return [];
  if (!isJsonObject(block)) return undefined;
  const conditions: CompiledCondition[] = [];
  for (const [operatorText, entries] of Object.entries(block)) {
    if (!isJsonObject(entries)) return undefined;
    const parsed = parseOperator(operatorText, false);
    for (const [key, rawValues] of Object.entries(entries)) {
      const values = scalarList(rawValues);
      if (!values) return undefined;
      conditions.push({
        operator: parsed?.operator,
        set: parsed?.set ?? 'none',
        ifExists: parsed?.ifExists ?? false,
        name: key,
        key: key.toLowerCase(),
        values,
        templates: compileValueTemplates(parsed?.operator, values),
      });
    }
  }
  return conditions;
}

function compileStatement(raw: JsonValue, index: number): CompiledStatement | undefined {
  if (!isJsonObject(raw)) return undefined;
  const effect = ownValue(raw, 'Effect');
  if (effect !== 'Allow' && effect !== 'Deny') return undefined;

  const actionNegated = ownValue(raw, 'Action') === undefined;
  const actionTexts = stringList(ownValue(raw, actionNegated ? 'NotAction' : 'Action'));
  const resourceNegated = ownValue(raw, 'Resource') === undefined;
  const resourceTexts = stringList(ownValue(raw, resourceNegated ? 'NotResource' : 'Resource'));
  const conditions = compileConditions(ownValue(raw, 'Condition'));
  if (!actionTexts || !resourceTexts || !conditions) return undefined;

  const actions = actionTexts.map((text) => {
    const template = compileTemplate(text, { wildcards: true, variables: false, lowerCase: true });
    return template.fixed ?? { chars: '', kinds: [] };
  });
  const resources = resourceTexts.map((text) =>
    compileTemplate(text, { wildcards: true, variables: true, lowerCase: false }),
  );
  return { index, effect, actionNegated, actions, resourceNegated, resources, conditions };
}

export function compilePolicy(text: string): CompiledPolicy {
  const parsed = parseJson(text);
  if (!parsed || !isJsonObject(parsed.value)) return EMPTY_POLICY;
  const document: JsonObject = parsed.value;
  const rawStatements = ownValue(document, 'Statement');
  const list = Array.isArray(rawStatements) ? rawStatements : rawStatements === undefined ? [] : [rawStatements];
  const statements: CompiledStatement[] = [];
  list.forEach((raw, index) => {
    const statement = compileStatement(raw, index);
    if (statement) statements.push(statement);
  });
  return { statements };
}

/** Distinct policy texts in a running server number in the hundreds; the bound only stops abuse. */
const CACHE_LIMIT = 2048;
const cache = new Map<string, CompiledPolicy>();

export function compiledPolicy(text: string): CompiledPolicy {
  const hit = cache.get(text);
  if (hit) {
    // Refresh recency: Map iteration order is insertion order, so the oldest entry is evicted first.
    cache.delete(text);
    cache.set(text, hit);
    return hit;
  }
  const compiled = compilePolicy(text);
  cache.set(text, compiled);
  if (cache.size > CACHE_LIMIT) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  return compiled;
}

export function compiledPolicyCacheSize(): number {
  return cache.size;
}
