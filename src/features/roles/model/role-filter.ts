import type { RoleSummary } from '../api/list-roles.ts';

/** The roles list's search: every word must appear in the name, path, description, ARN or a trusted entity. */
export function roleMatches(role: RoleSummary, profileNames: readonly string[], text: string): boolean {
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [role.name, role.path, role.arn, role.description ?? '', ...role.trustedEntities.map((entity) => entity.text), ...profileNames]
    .join('\n')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** Seconds as the console shows a session duration ("1 hour", "12 hours", "1 hour 30 minutes"). */
export function formatDuration(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const parts = [hours ? `${hours} ${hours === 1 ? 'hour' : 'hours'}` : '', minutes ? `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}` : ''].filter(Boolean);
  return parts.length ? parts.join(' ') : `${seconds} seconds`;
}
