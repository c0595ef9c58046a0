/**
 * Only same-app paths may be used as the post-sign-in destination (no open redirects). The value is resolved the way
 * the browser would resolve it (which drops tabs and newlines, so "/\t/evil.example" means "//evil.example"), and
 * anything that leaves `origin` or points back at sign-in yields undefined: the caller's default page.
 */
export function safeNextPath(raw: string | null, origin: string = window.location.origin): string | undefined {
  if (!raw?.startsWith('/')) return undefined;
  let resolved: URL;
  try {
    resolved = new URL(raw, origin);
  } catch {
    return undefined;
  }
  if (resolved.origin !== origin || resolved.pathname.startsWith('//') || resolved.pathname.startsWith('/signin')) return undefined;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}

/** The sign-in page, coming back to `path` (pathname and search of the page asked for) afterwards. */
export function signInPathFor(path: string): string {
  return `/signin?next=${encodeURIComponent(path)}`;
}
