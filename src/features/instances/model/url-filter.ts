/**
 * The instances table's property filter, kept in the URL so a filtered view can be bookmarked or shared:
 * `?state=running&role=WebServerRole&q=web` (free text in `q`; `=` is the default operator, others are
 * prefixed: `!` not equal, `~` contains, `!~` does not contain, `^` starts with; `op=or` joins with OR).
 */
export interface FilterToken {
  propertyKey?: string;
  operator: string;
  value: string;
}

export interface FilterQuery {
  tokens: readonly FilterToken[];
  operation: 'and' | 'or';
}

const PREFIX_BY_OPERATOR: Record<string, string> = { '=': '', '!=': '!', ':': '~', '!:': '!~', '^': '^' };
const OPERATORS_BY_PREFIX: [string, string][] = [
  ['!~', '!:'],
  ['!', '!='],
  ['~', ':'],
  ['^', '^'],
];
const RESERVED = new Set(['q', 'op']);

export function filterToSearchParams(query: FilterQuery, known: ReadonlySet<string>): URLSearchParams {
  const params = new URLSearchParams();
  for (const token of query.tokens) {
    if (!token.propertyKey) {
      params.append('q', token.value);
      continue;
    }
    if (!known.has(token.propertyKey)) continue;
    const prefix = PREFIX_BY_OPERATOR[token.operator] ?? '';
    // A plain "=" value that starts with a prefix character is escaped with "=".
    const escaped = prefix === '' && /^[!~^=]/.test(token.value) ? `=${token.value}` : token.value;
    params.append(token.propertyKey, prefix + escaped);
  }
  if (query.operation === 'or' && query.tokens.length > 1) params.set('op', 'or');
  return params;
}

export function filterFromSearchParams(params: URLSearchParams, known: ReadonlySet<string>): FilterQuery {
  const tokens: FilterToken[] = [];
  for (const [key, raw] of params) {
    if (key === 'q') {
      if (raw) tokens.push({ operator: ':', value: raw });
      continue;
    }
    if (RESERVED.has(key) || !known.has(key)) continue;
    if (raw.startsWith('=')) {
      tokens.push({ propertyKey: key, operator: '=', value: raw.slice(1) });
      continue;
    }
    const match = OPERATORS_BY_PREFIX.find(([prefix]) => raw.startsWith(prefix));
    tokens.push(match ? { propertyKey: key, operator: match[1], value: raw.slice(match[0].length) } : { propertyKey: key, operator: '=', value: raw });
  }
  return { tokens, operation: params.get('op') === 'or' ? 'or' : 'and' };
}
