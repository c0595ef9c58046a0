import { describe, expect, it } from 'vitest';
import { safeNextPath } from './next-path.ts';

const origin = 'https://console.example';

describe('safeNextPath', () => {
  it.each([
    ['/roles', '/roles'],
    ['/roles/app-role?tab=tags', '/roles/app-role?tab=tags'],
    ['/instances/i-0123#details', '/instances/i-0123#details'],
  ])('keeps the app path %s', (raw, expected) => {
    expect(safeNextPath(raw, origin)).toBe(expected);
  });

  it.each([
    [null],
    [''],
    ['roles'],
    ['//evil.example/'],
    ['/\\evil.example/'],
    ['/\t/evil.example/'],
    ['/\n/evil.example/'],
    ['/\r\n/evil.example/'],
    ['https://evil.example/'],
    ['javascript:alert(1)'],
    ['/signin'],
    ['/signin/new-password'],
  ])('sends %j to the default page', (raw) => {
    expect(safeNextPath(raw, origin)).toBeUndefined();
  });
});
