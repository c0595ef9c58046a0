/**
 * Wildcard patterns as IAM uses them in Action, Resource and the String/Arn condition operators:
 * `*` matches any run of characters, `?` exactly one. Policy variables (`${aws:username}`) are
 * resolved per request; `${*}`, `${?}` and `${$}` stand for the literal characters.
 *
 * A compiled pattern keeps, per position, whether it is a literal character or a wildcard, so a
 * literal `*` coming from `${*}` or from a variable's value never acts as a wildcard.
 */

export const LITERAL = 0;
export const STAR = 1;
export const ONE = 2;
type Kind = typeof LITERAL | typeof STAR | typeof ONE;

export interface Glob {
  /** One character per position; wildcard positions hold a placeholder. */
  readonly chars: string;
  readonly kinds: readonly Kind[];
}

export interface TemplateOptions {
  /** `*` and `?` act as wildcards (StringLike, ArnLike, Resource, Action). */
  wildcards: boolean;
  /** `${...}` is a policy variable (not in Action). */
  variables: boolean;
  /** Literal characters are lower-cased; match subjects must be lower-cased too. */
  lowerCase: boolean;
}

type TemplatePart =
  | { readonly kind: 'glob'; readonly glob: Glob }
  | { readonly kind: 'variable'; readonly key: string; readonly defaultValue: string | undefined };

export interface Template {
  readonly parts: readonly TemplatePart[];
  /** Set when the template has no variables: the pattern is the same for every request. */
  readonly fixed: Glob | undefined;
  readonly lowerCase: boolean;
}

/** Looks a condition key up (case-insensitively); undefined when absent. */
export type VariableLookup = (lowerCaseKey: string) => readonly string[] | undefined;

class GlobBuilder {
  private chars = '';
  private readonly kinds: Kind[] = [];

  literal(text: string): void {
    this.chars += text;
    for (let i = 0; i < text.length; i++) this.kinds.push(LITERAL);
  }

  wildcard(kind: typeof STAR | typeof ONE): void {
    // Consecutive stars are equivalent to one and would only slow matching down.
    if (kind === STAR && this.kinds[this.kinds.length - 1] === STAR) return;
    this.chars += kind === STAR ? '*' : '?';
    this.kinds.push(kind);
  }

  appendGlob(glob: Glob): void {
    for (let i = 0; i < glob.kinds.length; i++) {
      const kind = glob.kinds[i] as Kind;
      if (kind === LITERAL) this.literal(glob.chars.charAt(i));
      else this.wildcard(kind);
    }
  }

  get empty(): boolean {
    return this.kinds.length === 0;
  }

  build(): Glob {
    return { chars: this.chars, kinds: this.kinds };
  }
}

const VARIABLE_DEFAULT = /^\s*([^,\s]+)\s*,\s*'([^']*)'\s*$/;

export function compileTemplate(text: string, options: TemplateOptions): Template {
  const parts: TemplatePart[] = [];
  let builder = new GlobBuilder();
  const literal = (value: string) => builder.literal(options.lowerCase ? value.toLowerCase() : value);
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (options.variables && ch === '$' && text.charAt(i + 1) === '{') {
      const close = text.indexOf('}', i + 2);
      if (close !== -1) {
        const inner = text.slice(i + 2, close);
        i = close + 1;
        if (inner === '*' || inner === '?' || inner === '$') {
          literal(inner);
          continue;
        }
        if (!builder.empty) parts.push({ kind: 'glob', glob: builder.build() });
        builder = new GlobBuilder();
        const withDefault = VARIABLE_DEFAULT.exec(inner);
        parts.push(
          withDefault
            ? { kind: 'variable', key: (withDefault[1] ?? '').toLowerCase(), defaultValue: withDefault[2] }
            : { kind: 'variable', key: inner.trim().toLowerCase(), defaultValue: undefined },
        );
        continue;
      }
    }
    if (options.wildcards && ch === '*') builder.wildcard(STAR);
    else if (options.wildcards && ch === '?') builder.wildcard(ONE);
    else literal(ch);
    i++;
  }
  if (!builder.empty || parts.length === 0) parts.push({ kind: 'glob', glob: builder.build() });
  const onlyPart = parts.length === 1 ? parts[0] : undefined;
  return { parts, fixed: onlyPart?.kind === 'glob' ? onlyPart.glob : undefined, lowerCase: options.lowerCase };
}

/**
 * The pattern for this request, or undefined when a variable has no value (and no default):
 * AWS then treats the pattern as matching nothing.
 */
export function resolveTemplate(template: Template, lookup: VariableLookup): Glob | undefined {
  if (template.fixed) return template.fixed;
  const builder = new GlobBuilder();
  for (const part of template.parts) {
    if (part.kind === 'glob') {
      builder.appendGlob(part.glob);
      continue;
    }
    const values = lookup(part.key);
    // A multi-valued key cannot be used as a variable.
    let value = values && values.length === 1 ? values[0] : undefined;
    if (value === undefined) value = part.defaultValue;
    if (value === undefined) return undefined;
    builder.literal(template.lowerCase ? value.toLowerCase() : value);
  }
  return builder.build();
}

/** Iterative wildcard match with backtracking to the last star: linear in the common cases. */
export function globMatch(glob: Glob, subject: string): boolean {
  return globMatchRange(glob, 0, glob.kinds.length, subject, 0, subject.length);
}

function globMatchRange(
  glob: Glob,
  patternStart: number,
  patternEnd: number,
  subject: string,
  subjectStart: number,
  subjectEnd: number,
): boolean {
  const { kinds, chars } = glob;
  let p = patternStart;
  let s = subjectStart;
  let starP = -1;
  let starS = 0;
  while (s < subjectEnd) {
    const kind = p < patternEnd ? kinds[p] : undefined;
    if (kind === ONE || (kind === LITERAL && chars.charCodeAt(p) === subject.charCodeAt(s))) {
      p++;
      s++;
    } else if (kind === STAR) {
      starP = p++;
      starS = s;
    } else if (starP !== -1) {
      p = starP + 1;
      s = ++starS;
    } else {
      return false;
    }
  }
  while (p < patternEnd && kinds[p] === STAR) p++;
  return p === patternEnd;
}

export function isMatchAll(glob: Glob): boolean {
  return glob.kinds.length === 1 && glob.kinds[0] === STAR;
}

export function globIsLiteral(glob: Glob): boolean {
  return glob.kinds.every((kind) => kind === LITERAL);
}

/** Positions of the first five literal colons of a pattern (the ARN segment separators). */
function patternColons(glob: Glob): number[] {
  const colons: number[] = [];
  for (let i = 0; i < glob.kinds.length && colons.length < 5; i++) {
    if (glob.kinds[i] === LITERAL && glob.chars.charCodeAt(i) === 58) colons.push(i);
  }
  return colons;
}

function subjectColons(subject: string): number[] {
  const colons: number[] = [];
  let from = 0;
  while (colons.length < 5) {
    const at = subject.indexOf(':', from);
    if (at === -1) break;
    colons.push(at);
    from = at + 1;
  }
  return colons;
}

/**
 * ARN matching: each of the six colon-separated components is matched on its own, so a wildcard
 * never spans a component boundary. The resource component (the sixth) may itself contain colons.
 */
export function arnSegmentsMatch(glob: Glob, subject: string): boolean {
  const pc = patternColons(glob);
  const sc = subjectColons(subject);
  if (pc.length < 5 || sc.length < 5) return false;
  let pStart = 0;
  let sStart = 0;
  for (let segment = 0; segment < 6; segment++) {
    const pEnd = segment < 5 ? (pc[segment] as number) : glob.kinds.length;
    const sEnd = segment < 5 ? (sc[segment] as number) : subject.length;
    if (!globMatchRange(glob, pStart, pEnd, subject, sStart, sEnd)) return false;
    pStart = pEnd + 1;
    sStart = sEnd + 1;
  }
  return true;
}

/**
 * The Resource element: `*` matches everything. Against an ARN, the pattern must itself have the
 * six ARN components, each matched separately (so `arn:aws:ec2:us-*:instance/*` matches nothing).
 * A resource that is not an ARN (such as `*` for actions without resource-level permissions) is
 * compared as a whole.
 */
export function resourceMatch(glob: Glob, resource: string): boolean {
  if (isMatchAll(glob)) return true;
  if (subjectColons(resource).length === 5 && resource.startsWith('arn:')) return arnSegmentsMatch(glob, resource);
  return globMatch(glob, resource);
}
