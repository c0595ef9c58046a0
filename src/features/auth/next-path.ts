/** Only same-app paths may be used as the post-sign-in destination (no open redirects). */
export function safeNextPath(raw: string | null): string | undefined {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\') || raw.startsWith('/signin')) return undefined;
  return raw;
}
