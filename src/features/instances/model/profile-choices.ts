import type { Ec2RoleSummary } from '../api/list-ec2-roles.ts';
import type { InstanceProfileDirectory, InstanceProfileSummary } from '../api/list-instance-profiles.ts';

export const NO_ROLE_VALUE = '__no-iam-role__';

/** One entry of the IAM role drop-down. */
export interface ProfileChoice {
  /** The instance profile's ARN, NO_ROLE_VALUE, or `role:<arn>` for a role without a profile. */
  value: string;
  label: string;
  /** Shown on the label's line, right-aligned ("Role: WebServerRole"). */
  tag?: string;
  /** The second line (the profile's ARN). */
  description: string;
  /** Why the entry cannot be chosen; set only for disabled entries. */
  disabledReason?: string;
  /** Shown above the scrolling list, so it stays in reach however long the list and wherever it opens. */
  pinned?: true;
  /** Label, tag and description in lower case, joined: what the filter searches. */
  searchText: string;
}

function choice(fields: Omit<ProfileChoice, 'searchText'>): ProfileChoice {
  return { ...fields, searchText: [fields.label, fields.tag ?? '', fields.description].join('\n').toLowerCase() };
}

export const NO_ROLE_CHOICE: ProfileChoice = choice({
  value: NO_ROLE_VALUE,
  label: 'No IAM role',
  description: 'Detach the current role from the instance',
  pinned: true,
});

export function profileChoice(profile: InstanceProfileSummary): ProfileChoice {
  return choice({
    value: profile.arn,
    label: profile.name,
    tag: profile.roleName ? `Role: ${profile.roleName}` : 'No role',
    description: profile.arn,
  });
}

/** EC2 cannot use these, so they are listed disabled, with the reason, where users look for their role. */
function roleWithoutProfileChoice(role: Ec2RoleSummary): ProfileChoice {
  return choice({
    value: `role:${role.arn}`,
    label: role.name,
    tag: 'No instance profile',
    description: `${role.name} has no instance profile, so EC2 cannot use it. Create one below.`,
    disabledReason: `${role.name} has no instance profile`,
  });
}

/** Roles EC2 may assume that sit in no instance profile: EC2 cannot use them until one is created. */
export function rolesWithoutProfile(
  roles: Ec2RoleSummary[] | undefined,
  directory: InstanceProfileDirectory | undefined,
): Ec2RoleSummary[] {
  if (!roles || !directory) return [];
  return roles.filter((role) => !directory.rolesInProfiles.has(role.name.toLowerCase()));
}

/**
 * "No IAM role" (when detaching makes sense), pinned, then every instance profile by name, then the roles without
 * one. Pinned entries always come first, so `pinnedCount` finds them in any filtered list.
 */
export function profileChoices(
  directory: InstanceProfileDirectory | undefined,
  orphanRoles: Ec2RoleSummary[],
  includeNoRole: boolean,
): ProfileChoice[] {
  return [
    ...(includeNoRole ? [NO_ROLE_CHOICE] : []),
    ...(directory?.profiles ?? []).map(profileChoice),
    ...orphanRoles.map(roleWithoutProfileChoice),
  ];
}

/** How many entries at the head of `choices` are pinned above the scrolling list. */
export function pinnedCount(choices: readonly ProfileChoice[]): number {
  const firstScrolled = choices.findIndex((entry) => !entry.pinned);
  return firstScrolled < 0 ? choices.length : firstScrolled;
}

/** What the filter looks for: the typed text, trimmed, in lower case. */
function needleOf(filteringText: string): string {
  return filteringText.trim().toLowerCase();
}

/** Case-insensitive substring match on name, role and ARN, as the console's drop-down filters. */
export function filterChoices(choices: readonly ProfileChoice[], filteringText: string): readonly ProfileChoice[] {
  const needle = needleOf(filteringText);
  if (!needle) return choices;
  return choices.filter((entry) => entry.searchText.includes(needle));
}

/**
 * The next choosable entry from `from` moving by `step` (±1 for the arrows, ± a page for Page Up/Down), or the
 * last choosable one in that direction when the move runs past the end. -1 when nothing can be chosen.
 */
export function moveHighlight(choices: readonly ProfileChoice[], from: number, step: number): number {
  if (choices.length === 0) return -1;
  const direction = step > 0 ? 1 : -1;
  const target =
    from < 0 ? (direction > 0 ? 0 : choices.length - 1) : Math.min(choices.length - 1, Math.max(0, from + step));
  for (let index = target; index >= 0 && index < choices.length; index += direction) {
    if (!choices[index]!.disabledReason) return index;
  }
  for (let index = target - direction; index >= 0 && index < choices.length; index -= direction) {
    if (!choices[index]!.disabledReason) return index;
  }
  return -1;
}

/** Where the label matches the filter, to show the match as the console does; undefined when it does not. */
export function labelMatch(label: string, filteringText: string): { start: number; end: number } | undefined {
  const needle = needleOf(filteringText);
  if (!needle) return undefined;
  const start = label.toLowerCase().indexOf(needle);
  return start < 0 ? undefined : { start, end: start + needle.length };
}
