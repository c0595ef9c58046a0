/**
 * Quotes a word for POSIX shells (bash, zsh) so a copied CLI command runs exactly as shown: single quotes
 * keep everything literal, and a single quote inside is written as '\''.
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
