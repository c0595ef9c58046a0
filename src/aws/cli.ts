/**
 * The AWS CLI v2 equivalent of an SDK call, quoted so a copied command pastes into a POSIX shell and runs exactly
 * as shown. One builder for every page: an operation and its SDK v3 input become `aws <service> <command> --flag …`.
 */

/**
 * Quotes a word for POSIX shells (bash, zsh): single quotes keep everything literal, and a single quote inside is
 * written as '\''.
 */
export function shellQuote(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Policy JSON on one line; text that does not parse is passed as typed (the CLI then sends what IAM would get). */
export function compactJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}

/** `CreateRole` → `create-role`, `IamInstanceProfile` → `iam-instance-profile`: the CLI's names for SDK names. */
function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

type Scalar = string | number;

function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || typeof value === 'number';
}

/** The CLI's shorthand (`Name=WebServerRole`) reads commas, '=', brackets, quotes and spaces as syntax. */
function isShorthandSafe(value: Scalar): boolean {
  return !/[,=[\]{}"'\s]/.test(String(value));
}

/** The words after `--flag`: a list of strings is one word per item, a structure is shorthand or JSON. */
function valueWords(value: unknown): string[] {
  if (isScalar(value)) return [shellQuote(String(value))];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.map(shellQuote);
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const entries = Object.entries(value).filter(([, member]) => member !== undefined);
    if (entries.every(([, member]) => isScalar(member) && isShorthandSafe(member))) {
      return [shellQuote(entries.map(([key, member]) => `${key}=${String(member)}`).join(','))];
    }
  }
  // JSON works for any key or value; the Key=…,Value=… shorthand breaks on commas and '=' in values.
  return [shellQuote(JSON.stringify(value))];
}

export interface CliOptions {
  /** `--region`, for regional services such as EC2. */
  region?: string;
}

/**
 * `aws <service> <operation> --member value …` for an SDK input, members in the input's order: undefined members
 * are left out, `true` is a bare flag (`--set-as-default`), `false` its `--no-` form.
 */
export function awsCli(service: 'iam' | 'ec2', operation: string, input: object, options: CliOptions = {}): string {
  const words = ['aws', service, kebab(operation)];
  if (options.region !== undefined) words.push('--region', shellQuote(options.region));
  for (const [member, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (typeof value === 'boolean') {
      words.push(value ? `--${kebab(member)}` : `--no-${kebab(member)}`);
      continue;
    }
    words.push(`--${kebab(member)}`, ...valueWords(value));
  }
  return words.join(' ');
}
