/**
 * A small YAML writer for JSON-shaped values (block style), enough for CloudFormation templates without a YAML
 * library in the console's bundle. Strings are double-quoted unless they are plainly words, so no value can turn
 * into a number, boolean, null, alias or tag when read back.
 */

/** Outside YAML's printable set (YAML 1.2, 5.1), or needing an escape inside double quotes. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped here
const NEEDS_ESCAPE = /[\u0000-\u001f"\\\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udfff]/gu;

function escapeCharacter(character: string): string {
  const named: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r' };
  return named[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Plain scalars that every YAML 1.1 or 1.2 reader keeps as the same string. */
const PLAIN = /^[A-Za-z][A-Za-z0-9_./-]*$/;
const YAML_1_1_WORDS = /^(y|n|yes|no|on|off|true|false|null)$/i;

export function yamlString(text: string): string {
  if (PLAIN.test(text) && !YAML_1_1_WORDS.test(text)) return text;
  return `"${text.replace(NEEDS_ESCAPE, escapeCharacter)}"`;
}

function isScalar(value: unknown): boolean {
  return value === null || typeof value !== 'object' || (Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0);
}

function scalar(value: unknown): string {
  if (typeof value === 'string') return yamlString(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return '[]';
  return '{}';
}

/** Lines of a value that sits under a key or a list dash, indented by `indent` spaces. */
function blockLines(value: unknown, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      if (isScalar(item)) return [`${pad}- ${scalar(item)}`];
      // The first line of a nested block goes on the dash's line.
      const [first = '', ...rest] = blockLines(item, indent + 2);
      return [`${pad}- ${first.trimStart()}`, ...rest];
    });
  }
  return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) =>
    isScalar(item) ? [`${pad}${yamlString(key)}: ${scalar(item)}`] : [`${pad}${yamlString(key)}:`, ...blockLines(item, indent + 2)],
  );
}

/** A YAML document of a JSON-shaped object, with an optional leading comment. */
export function toYaml(value: Record<string, unknown>, comment?: string): string {
  const header = comment ? comment.split('\n').map((line) => `# ${line}`) : [];
  return [...header, ...blockLines(value, 0)].join('\n') + '\n';
}
