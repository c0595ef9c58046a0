/** Terraform files read with HashiCorp's own HCL parser (hcl2json, Go compiled to WebAssembly). */
import { parse } from '@cdktf/hcl2json';

export type HclJson = Record<string, unknown>;

/**
 * hcl2json writes Terraform's JSON syntax, where strings are templates again: a literal `${` or `%{` comes out as
 * `$${` or `%%{`, an interpolation as `${`. This reads a literal back as the text it is, and throws on a string
 * that holds an interpolation or directive: our writers put none inside quotes.
 */
export function jsonSyntaxLiteral(text: string): string {
  return text.replace(/\$\$\{|%%\{|[$%]\{/g, (sequence) => {
    if (sequence.length === 3) return sequence.slice(1);
    throw new Error(`a template sequence where a literal was expected: ${text}`);
  });
}

/** Every string read as a literal, except whole expressions (`${aws_iam_role.x.name}`, `${jsonencode(...)}`), kept as source. */
function literals(value: unknown): unknown {
  if (typeof value === 'string') return /^\$\{[\s\S]*\}$/.test(value) ? value : jsonSyntaxLiteral(value);
  if (Array.isArray(value)) return value.map(literals);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [jsonSyntaxLiteral(key), literals(item)]));
  return value;
}

export async function parseHcl(text: string, fileName = 'main.tf'): Promise<HclJson> {
  return literals(await parse(fileName, text)) as HclJson;
}

/**
 * hcl2json keeps a function call as its source text, `${jsonencode(<object>)}`; the object itself is a literal,
 * which the parser evaluates when it is the value of an attribute.
 */
export async function jsonencodedValue(expression: unknown): Promise<unknown> {
  const match = typeof expression === 'string' ? /^\$\{jsonencode\(([\s\S]*)\)\}$/.exec(expression) : null;
  if (!match) throw new Error(`not a jsonencode(...) expression: ${String(expression)}`);
  const parsed = await parseHcl(`value = ${match[1]}\n`, 'value.tf');
  return parsed.value;
}

/** The one block of `resource "<type>" "<name>"`, as hcl2json lists it. */
export function resourceBlock(file: HclJson, type: string, name: string): Record<string, unknown> {
  const blocks = (file.resource as Record<string, Record<string, Record<string, unknown>[]>> | undefined)?.[type]?.[name];
  if (blocks?.length !== 1) throw new Error(`no single resource "${type}" "${name}"`);
  return blocks[0]!;
}
