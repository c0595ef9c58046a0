/** Building AWS CLI v2 command text, quoted so a copied command pastes into a POSIX shell and runs exactly as shown. */

/**
 * Quotes a word for POSIX shells (bash, zsh): single quotes keep everything literal, and a single quote inside is
 * written as '\''.
 */
export function shellQuote(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Builds `aws <service> <command> --flag value …`, leaving out options whose value is undefined. */
export function cliCommand(
  service: string,
  command: string,
  options: ReadonlyArray<readonly [string, string | number | undefined]>,
): string {
  const parts = ['aws', service, command];
  for (const [flag, value] of options) {
    if (value === undefined) continue;
    parts.push(`--${flag}`, shellQuote(String(value)));
  }
  return parts.join(' ');
}

/** Policy JSON on one line; text that does not parse is passed as typed (the CLI then sends what IAM would get). */
export function compactJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}

/** The `--tags` value: JSON works for any key or value; the Key=…,Value=… shorthand breaks on commas and '='. */
export function tagsJson(tags: readonly { key: string; value: string }[]): string {
  return JSON.stringify(tags.map((tag) => ({ Key: tag.key, Value: tag.value })));
}

/** An untag command: `--tag-keys` takes the keys as separate words. */
export function untagCommand(command: string, options: ReadonlyArray<readonly [string, string]>, keys: readonly string[]): string {
  return [cliCommand('iam', command, options), '--tag-keys', ...keys.map(shellQuote)].join(' ');
}
