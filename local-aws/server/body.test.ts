import { describe, expect, it } from 'vitest';
import { jsonNestsDeeperThan } from './body.ts';

const deeper = (json: string, max: number): boolean => jsonNestsDeeperThan(Buffer.from(json), max);

describe('jsonNestsDeeperThan', () => {
  it('counts objects and arrays', () => {
    expect(deeper('{"a":[{"b":[]}]}', 4)).toBe(false);
    expect(deeper('{"a":[{"b":[]}]}', 3)).toBe(true);
    expect(deeper('[[],[],[]]', 2)).toBe(false);
  });

  it('skips brackets inside strings, escaped quotes included', () => {
    expect(deeper('{"a":"[[[[{{{{"}', 1)).toBe(false);
    expect(deeper('{"a":"\\"[[[[","b":"\\\\"}', 1)).toBe(false);
    expect(deeper('{"a":"\\\\","b":[[1]]}', 2)).toBe(true);
  });
});
