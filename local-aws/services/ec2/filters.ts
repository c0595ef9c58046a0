import { invalidFilter } from './errors.ts';

/** One `Filter.N` of a Describe call: a name and the values it accepts (any one may match). */
export interface FilterInput {
  name: string;
  values: string[];
}

/** Extracts, for one filter name, the values of a resource that the filter compares against. */
export type FilterField<T> = (item: T) => readonly (string | undefined)[];

export type CompiledFilter<T> = (item: T) => boolean;

/** EC2 filter values may use `*` (any run) and `?` (any one character); `\` escapes them. */
function valueMatcher(pattern: string): (value: string) => boolean {
  if (!/[*?]/.test(pattern)) return (value) => value === pattern;
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\' && i + 1 < pattern.length) source += escapeRegExp(pattern[++i]!);
    else if (ch === '*') source += '[\\s\\S]*';
    else if (ch === '?') source += '[\\s\\S]';
    else source += escapeRegExp(ch);
  }
  const regex = new RegExp(`^${source}$`);
  return (value) => regex.test(value);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Turns the request's filters into one predicate (filters AND, values OR).
 * `fieldFor` returns undefined for names the resource does not support: AWS rejects those.
 */
export function compileFilters<T>(
  filters: readonly FilterInput[],
  fieldFor: (name: string) => FilterField<T> | undefined,
): CompiledFilter<T> {
  const compiled = filters.map((filter) => {
    const field = fieldFor(filter.name);
    if (!field) throw invalidFilter(filter.name);
    const matchers = filter.values.map(valueMatcher);
    return (item: T) =>
      field(item).some((value) => value !== undefined && matchers.some((matches) => matches(value)));
  });
  return (item) => compiled.every((test) => test(item));
}
