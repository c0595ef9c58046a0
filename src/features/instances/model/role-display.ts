import type { InstanceProfileDirectory } from '../api/list-instance-profiles.ts';
import { profileNameFromArn } from '../api/list-instance-profiles.ts';

/** What the "IAM role" field shows for an instance, as the EC2 console words it (aws-semantics §A.3). */
export type RoleDisplay =
  | { kind: 'none' }
  | { kind: 'role'; roleName: string; profileName: string }
  | { kind: 'empty-profile'; profileName: string }
  /** The profile map is still loading, or failed, or does not know the profile (deleted meanwhile). */
  | { kind: 'unknown'; profileName: string };

export function roleDisplayOf(profileArn: string | undefined, directory: InstanceProfileDirectory | undefined): RoleDisplay {
  if (!profileArn) return { kind: 'none' };
  const profileName = profileNameFromArn(profileArn);
  const profile = directory?.byArn.get(profileArn);
  if (!profile) return { kind: 'unknown', profileName };
  if (!profile.roleName) return { kind: 'empty-profile', profileName };
  return { kind: 'role', roleName: profile.roleName, profileName };
}

/** Plain text of a role display, used for sorting, filtering and the CLI. */
export function roleDisplayText(display: RoleDisplay): string {
  switch (display.kind) {
    case 'none':
      return '';
    case 'role':
      return display.roleName;
    case 'empty-profile':
      return `No roles attached to instance profile: ${display.profileName}`;
    case 'unknown':
      return `Instance profile ${display.profileName}`;
  }
}
