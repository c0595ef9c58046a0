import { describe, expect, it } from 'vitest';
import { statementSpan } from './statement-span.ts';

describe('statementSpan', () => {
  it('spans a statement on one line from its { through its }', () => {
    const text = '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}';
    const span = statementSpan(text, { line: 1, column: 37 }, { line: 1, column: 85 });
    expect(span && text.slice(span.from, span.to)).toBe('{"Effect":"Allow","Action":"s3:*","Resource":"*"}');
  });

  it('spans a statement across lines', () => {
    const text = '{\n  "Statement": [\n    {\n      "Effect": "Allow"\n    }\n  ]\n}';
    const span = statementSpan(text, { line: 3, column: 5 }, { line: 5, column: 5 });
    expect(span && text.slice(span.from, span.to)).toBe('{\n      "Effect": "Allow"\n    }');
  });

  it('gives nothing for positions outside the text', () => {
    expect(statementSpan('{}', { line: 2, column: 1 }, { line: 2, column: 2 })).toBeUndefined();
    expect(statementSpan('{}', { line: 1, column: 1 }, { line: 1, column: 9 })).toBeUndefined();
    expect(statementSpan('{}', { line: 1, column: 2 }, { line: 1, column: 1 })).toBeUndefined();
  });
});
