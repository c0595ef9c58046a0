import { describe, expect, it } from 'vitest';
import { statementSpans } from './positions.ts';

describe('statementSpans', () => {
  it('gives 1-based line and column of each statement’s braces in the text as written', () => {
    const text = [
      '{',
      '  "Version": "2012-10-17",',
      '  "Statement": [',
      '    {"Effect": "Allow", "Action": "s3:*", "Resource": "*"},',
      '    {',
      '      "Effect": "Deny", "Action": "s3:Delete*", "Resource": "*",',
      '      "Condition": {"StringLike": {"aws:userid": ["a}b", "\\"{"]}}',
      '    }',
      '  ]',
      '}',
    ].join('\n');
    expect(statementSpans(text)).toEqual([
      { start: { line: 4, column: 5 }, end: { line: 4, column: 58 } },
      { start: { line: 5, column: 5 }, end: { line: 8, column: 5 } },
    ]);
  });

  it('treats a single statement object as the first statement, and counts CRLF lines once', () => {
    expect(statementSpans('{"Statement":\r\n {"Effect":"Allow"}}')).toEqual([
      { start: { line: 2, column: 2 }, end: { line: 2, column: 19 } },
    ]);
  });

  it('keeps the last of repeated Statement keys, as JSON.parse does', () => {
    expect(statementSpans('{"Statement":[{}],"Statement":[1,{"Effect":"Allow"}]}')?.[1]).toEqual({
      start: { line: 1, column: 34 },
      end: { line: 1, column: 51 },
    });
  });

  it('answers nothing for text that is not JSON or has no Statement', () => {
    expect(statementSpans('{"Statement": [')).toBeUndefined();
    expect(statementSpans('{"Version": "2012-10-17"}')).toBeUndefined();
  });
});
