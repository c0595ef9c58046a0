/**
 * Where each element of a policy's `Statement` sits in the exact text given: 1-based line and column of its
 * first character (`{`) and of its last (`}`), as the policy simulator reports them. JSON.parse keeps no
 * positions, so this walks the text itself; for text JSON.parse refuses it answers nothing.
 */
import { parseJson } from './json.ts';

export interface TextPosition {
  line: number;
  column: number;
}

export interface StatementSpan {
  start: TextPosition;
  end: TextPosition;
}

interface Node {
  start: number;
  /** Offset of the node's last character. */
  end: number;
  members?: Map<string, Node>;
  items?: Node[];
}

class Walker {
  private offset = 0;

  constructor(private readonly text: string) {}

  value(): Node {
    this.skipSpace();
    const start = this.offset;
    const char = this.text[start];
    if (char === '{') return this.object(start);
    if (char === '[') return this.array(start);
    if (char === '"') {
      this.string();
      return { start, end: this.offset - 1 };
    }
    // A number or a literal: runs up to the next delimiter.
    while (this.offset < this.text.length && !/[\s,\]}]/.test(this.text[this.offset]!)) this.offset++;
    return { start, end: this.offset - 1 };
  }

  private object(start: number): Node {
    const members = new Map<string, Node>();
    this.offset++;
    this.skipSpace();
    while (this.text[this.offset] !== '}') {
      this.skipSpace();
      const key = this.string();
      this.skipSpace();
      this.offset++; // the colon
      // A repeated key keeps its last value, as JSON.parse does.
      members.set(key, this.value());
      this.skipSpace();
      if (this.text[this.offset] === ',') this.offset++;
      this.skipSpace();
    }
    this.offset++;
    return { start, end: this.offset - 1, members };
  }

  private array(start: number): Node {
    const items: Node[] = [];
    this.offset++;
    this.skipSpace();
    while (this.text[this.offset] !== ']') {
      items.push(this.value());
      this.skipSpace();
      if (this.text[this.offset] === ',') this.offset++;
      this.skipSpace();
    }
    this.offset++;
    return { start, end: this.offset - 1, items };
  }

  /** Reads a string literal at the offset and returns its value. */
  private string(): string {
    const start = this.offset;
    this.offset++;
    while (this.text[this.offset] !== '"') {
      if (this.text[this.offset] === '\\') this.offset++;
      this.offset++;
    }
    this.offset++;
    return JSON.parse(this.text.slice(start, this.offset)) as string;
  }

  private skipSpace(): void {
    while (this.offset < this.text.length && /\s/.test(this.text[this.offset]!)) this.offset++;
  }
}

function positionOf(text: string, offset: number): TextPosition {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return { line, column: offset - lineStart + 1 };
}

/**
 * The span of each element of the top-level `Statement` (a single statement object counts as element 0), or
 * undefined when the text is not JSON or has no Statement.
 */
export function statementSpans(text: string): StatementSpan[] | undefined {
  // Only text JSON.parse accepts is walked, so the walker may trust the grammar.
  if (!parseJson(text)) return undefined;
  const statement = new Walker(text).value().members?.get('Statement');
  if (!statement) return undefined;
  const nodes = statement.items ?? [statement];
  return nodes.map((node) => ({ start: positionOf(text, node.start), end: positionOf(text, node.end) }));
}
