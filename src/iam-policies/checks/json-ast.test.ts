import { describe, expect, it } from 'vitest';
import { parseJson, toPlain } from './json-ast';

describe('parseJson', () => {
  it('parses what JSON.parse parses, keeping positions', () => {
    const text = '{ "a": [1, -2.5e3, true, null], "b": "x\\u0041\\n" }';
    const result = parseJson(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(toPlain(result.root)).toEqual(JSON.parse(text));
    if (result.root.kind !== 'object') throw new Error('expected an object');
    const b = result.root.properties[1];
    expect(text.slice(b.keyStart, b.keyEnd)).toBe('"b"');
    expect(text.slice(b.value.start, b.value.end)).toBe('"x\\u0041\\n"');
  });

  it.each([
    ['{"a": 1,}', 8, /property name/],
    ['[1, 2,]', 6, /comma/],
    ["{'a': 1}", 1, /property name/],
    ['{"a": 1} x', 9, /after the end/],
    ['{"a": "x\ny"}', 8, /line break/],
    ['{"a": 01}', 7, /expected ',' or '}'/],
    ['// note\n{}', 0, /comment/],
    ['', 0, /empty/],
  ])('rejects %j at offset %i', (text, offset, message) => {
    const result = parseJson(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.offset).toBe(offset);
    expect(result.error.message).toMatch(message);
  });
});
