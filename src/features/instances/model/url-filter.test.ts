import { describe, expect, it } from 'vitest';
import { filterFromSearchParams, filterToSearchParams, type FilterQuery } from './url-filter.ts';

const known = new Set(['state', 'roleName', 'name']);

describe('instances filter in the URL', () => {
  it('round-trips tokens, operators and free text', () => {
    const query: FilterQuery = {
      operation: 'or',
      tokens: [
        { propertyKey: 'state', operator: '=', value: 'running' },
        { propertyKey: 'roleName', operator: '!=', value: 'WebServerRole' },
        { propertyKey: 'name', operator: ':', value: 'web' },
        { propertyKey: 'name', operator: '=', value: '!odd' },
        { operator: ':', value: 'free text' },
      ],
    };
    const params = filterToSearchParams(query, known);
    expect(params.toString()).toBe('state=running&roleName=%21WebServerRole&name=%7Eweb&name=%3D%21odd&q=free+text&op=or');
    expect(filterFromSearchParams(params, known)).toEqual(query);
  });

  it('ignores unknown properties', () => {
    expect(filterFromSearchParams(new URLSearchParams('evil=1&state=stopped'), known).tokens).toEqual([
      { propertyKey: 'state', operator: '=', value: 'stopped' },
    ]);
  });
});
