/**
 * A strict JSON parser (RFC 8259, as IAM accepts it) that keeps the source position of every value, so a
 * policy finding can point at the exact line and column in the editor. JSON.parse cannot do that.
 */

export type JsonNode = JsonObject | JsonArray | JsonString | JsonNumber | JsonBoolean | JsonNull;

interface NodeBase {
  /** Offset of the first character of the value in the source text. */
  start: number;
  /** Offset just after the last character of the value. */
  end: number;
}

export interface JsonProperty {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: JsonNode;
}

export interface JsonObject extends NodeBase {
  kind: 'object';
  properties: JsonProperty[];
}
export interface JsonArray extends NodeBase {
  kind: 'array';
  items: JsonNode[];
}
export interface JsonString extends NodeBase {
  kind: 'string';
  value: string;
}
export interface JsonNumber extends NodeBase {
  kind: 'number';
  value: number;
  /** The number exactly as written; IAM compares condition values as text. */
  raw: string;
}
export interface JsonBoolean extends NodeBase {
  kind: 'boolean';
  value: boolean;
}
export interface JsonNull extends NodeBase {
  kind: 'null';
}

export interface JsonSyntaxError {
  message: string;
  offset: number;
}

export type JsonParseResult = { ok: true; root: JsonNode } | { ok: false; error: JsonSyntaxError };

class SyntaxFailure extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const MAX_DEPTH = 256;

export function parseJson(text: string): JsonParseResult {
  const parser = new Parser(text);
  try {
    parser.skipWhitespace();
    if (parser.atEnd()) throw new SyntaxFailure('The policy is empty. Enter a JSON object.', 0);
    const root = parser.parseValue(0);
    parser.skipWhitespace();
    if (!parser.atEnd()) {
      throw new SyntaxFailure(
        `Unexpected ${parser.describeCurrent()} after the end of the JSON value.`,
        parser.position,
      );
    }
    return { ok: true, root };
  } catch (error) {
    if (error instanceof SyntaxFailure) return { ok: false, error: { message: error.message, offset: error.offset } };
    throw error;
  }
}

/** Converts a node back to plain JavaScript data (last duplicate key wins, as in JSON.parse). */
export function toPlain(node: JsonNode): unknown {
  switch (node.kind) {
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const property of node.properties) result[property.key] = toPlain(property.value);
      return result;
    }
    case 'array':
      return node.items.map(toPlain);
    case 'null':
      return null;
    default:
      return node.value;
  }
}

/** The last property with this exact key, as JSON.parse would keep it. */
export function propertyOf(node: JsonObject, key: string): JsonProperty | undefined {
  for (let index = node.properties.length - 1; index >= 0; index -= 1) {
    if (node.properties[index].key === key) return node.properties[index];
  }
  return undefined;
}

class Parser {
  position = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.position >= this.text.length;
  }

  skipWhitespace(): void {
    while (!this.atEnd()) {
      const char = this.text[this.position];
      if (char === ' ' || char === '\t' || char === '\n' || char === '\r') this.position += 1;
      else break;
    }
  }

  describeCurrent(): string {
    if (this.atEnd()) return 'end of text';
    const char = this.text[this.position];
    if (char === '/' && (this.text[this.position + 1] === '/' || this.text[this.position + 1] === '*')) {
      return 'comment (JSON policies cannot contain comments)';
    }
    return `character '${char}'`;
  }

  parseValue(depth: number): JsonNode {
    if (depth > MAX_DEPTH) throw new SyntaxFailure('The JSON is nested too deeply.', this.position);
    this.skipWhitespace();
    if (this.atEnd()) throw new SyntaxFailure('Unexpected end of text: a value is missing.', this.position);
    const char = this.text[this.position];
    if (char === '{') return this.parseObject(depth);
    if (char === '[') return this.parseArray(depth);
    if (char === '"') {
      const start = this.position;
      const value = this.parseString();
      return { kind: 'string', value, start, end: this.position };
    }
    if (char === '-' || (char >= '0' && char <= '9')) return this.parseNumber();
    for (const [word, node] of [
      ['true', { kind: 'boolean', value: true }],
      ['false', { kind: 'boolean', value: false }],
      ['null', { kind: 'null' }],
    ] as const) {
      if (this.text.startsWith(word, this.position)) {
        const start = this.position;
        this.position += word.length;
        return { ...node, start, end: this.position } as JsonNode;
      }
    }
    if (char === "'") throw new SyntaxFailure('Strings must use double quotes ("), not single quotes.', this.position);
    throw new SyntaxFailure(`Unexpected ${this.describeCurrent()}: expected a value.`, this.position);
  }

  private parseObject(depth: number): JsonObject {
    const start = this.position;
    this.position += 1;
    const properties: JsonProperty[] = [];
    this.skipWhitespace();
    if (this.text[this.position] === '}') {
      this.position += 1;
      return { kind: 'object', properties, start, end: this.position };
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.position] !== '"') {
        const hint = this.text[this.position] === '}' ? ' Remove the comma before the closing brace.' : '';
        throw new SyntaxFailure(
          `Unexpected ${this.describeCurrent()}: expected a property name in double quotes.${hint}`,
          this.position,
        );
      }
      const keyStart = this.position;
      const key = this.parseString();
      const keyEnd = this.position;
      this.skipWhitespace();
      if (this.text[this.position] !== ':') {
        throw new SyntaxFailure(
          `Unexpected ${this.describeCurrent()}: expected ':' after the property name "${key}".`,
          this.position,
        );
      }
      this.position += 1;
      const value = this.parseValue(depth + 1);
      properties.push({ key, keyStart, keyEnd, value });
      this.skipWhitespace();
      const next = this.text[this.position];
      if (next === ',') {
        this.position += 1;
        continue;
      }
      if (next === '}') {
        this.position += 1;
        return { kind: 'object', properties, start, end: this.position };
      }
      throw new SyntaxFailure(
        `Unexpected ${this.describeCurrent()}: expected ',' or '}' in the object.`,
        this.position,
      );
    }
  }

  private parseArray(depth: number): JsonArray {
    const start = this.position;
    this.position += 1;
    const items: JsonNode[] = [];
    this.skipWhitespace();
    if (this.text[this.position] === ']') {
      this.position += 1;
      return { kind: 'array', items, start, end: this.position };
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.position] === ']') {
        throw new SyntaxFailure(
          "Unexpected character ']': remove the comma before the closing bracket.",
          this.position,
        );
      }
      items.push(this.parseValue(depth + 1));
      this.skipWhitespace();
      const next = this.text[this.position];
      if (next === ',') {
        this.position += 1;
        continue;
      }
      if (next === ']') {
        this.position += 1;
        return { kind: 'array', items, start, end: this.position };
      }
      throw new SyntaxFailure(`Unexpected ${this.describeCurrent()}: expected ',' or ']' in the list.`, this.position);
    }
  }

  private parseString(): string {
    const start = this.position;
    this.position += 1;
    let value = '';
    for (;;) {
      if (this.atEnd()) throw new SyntaxFailure('A string is missing its closing double quote.', start);
      const char = this.text[this.position];
      if (char === '"') {
        this.position += 1;
        return value;
      }
      if (char === '\\') {
        const escape = this.text[this.position + 1];
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (escape !== undefined && escape in simple) {
          value += simple[escape];
          this.position += 2;
          continue;
        }
        if (escape === 'u') {
          const hex = this.text.slice(this.position + 2, this.position + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex))
            throw new SyntaxFailure('Invalid \\u escape: it needs four hexadecimal digits.', this.position);
          value += String.fromCharCode(Number.parseInt(hex, 16));
          this.position += 6;
          continue;
        }
        throw new SyntaxFailure(`Invalid escape sequence '\\${escape ?? ''}' in a string.`, this.position);
      }
      if (char < ' ') {
        const what = char === '\n' ? 'a line break' : char === '\t' ? 'a tab' : 'a control character';
        throw new SyntaxFailure(`A string cannot contain ${what}; close the string or escape it.`, this.position);
      }
      value += char;
      this.position += 1;
    }
  }

  private parseNumber(): JsonNumber {
    const start = this.position;
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(start, start + 400));
    if (!match) throw new SyntaxFailure('Invalid number.', start);
    this.position += match[0].length;
    return { kind: 'number', value: Number(match[0]), raw: match[0], start, end: this.position };
  }
}
