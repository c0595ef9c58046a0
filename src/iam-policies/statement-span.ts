/** A 1-based line and column in a policy's text, as IAM's policy simulator reports a statement's `{` and `}`. */
export interface TextPosition {
  line: number;
  column: number;
}

/**
 * Character offsets [from, to) of the text from `start` through `end` inclusive, or undefined when either
 * position lies outside the text (the text shown is not the one IAM evaluated).
 */
export function statementSpan(text: string, start: TextPosition, end: TextPosition): { from: number; to: number } | undefined {
  const from = offsetOf(text, start);
  const last = offsetOf(text, end);
  if (from === undefined || last === undefined || last < from) return undefined;
  return { from, to: last + 1 };
}

function offsetOf(text: string, position: TextPosition): number | undefined {
  if (position.line < 1 || position.column < 1) return undefined;
  let lineStart = 0;
  for (let line = 1; line < position.line; line++) {
    const newline = text.indexOf('\n', lineStart);
    if (newline === -1) return undefined;
    lineStart = newline + 1;
  }
  const lineEnd = text.indexOf('\n', lineStart);
  const offset = lineStart + position.column - 1;
  return offset < (lineEnd === -1 ? text.length : lineEnd) ? offset : undefined;
}
