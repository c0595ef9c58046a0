import { AwsError } from './aws-error.ts';

/**
 * Decodes an application/x-www-form-urlencoded text (an awsQuery/ec2Query body or a query string)
 * into a map. `+` means space, as in HTML forms; later duplicates win.
 */
export function parseForm(text: string, into: Map<string, string> = new Map()): Map<string, string> {
  if (text.length === 0) return into;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('&', start);
    if (end === -1) end = text.length;
    if (end > start) {
      const pair = text.slice(start, end);
      const eq = pair.indexOf('=');
      const rawKey = eq === -1 ? pair : pair.slice(0, eq);
      const rawValue = eq === -1 ? '' : pair.slice(eq + 1);
      into.set(decodeComponent(rawKey), decodeComponent(rawValue));
    }
    start = end + 1;
  }
  return into;
}

function decodeComponent(raw: string): string {
  const spaced = raw.includes('+') ? raw.replace(/\+/g, ' ') : raw;
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    // AWS answers a body it cannot decode with MalformedQueryString (404, as its common-errors page lists).
    throw new AwsError('MalformedQueryString', `Malformed query string: ${raw}`, 404);
  }
}
