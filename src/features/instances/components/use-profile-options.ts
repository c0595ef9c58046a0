import { useMemo } from 'react';
import type { SelectProps } from '@cloudscape-design/components/select';
import type { Ec2RoleSummary } from '../api/list-ec2-roles.ts';
import type { InstanceProfileDirectory } from '../api/list-instance-profiles.ts';

export const NO_ROLE_VALUE = '__no-iam-role__';

export const NO_ROLE_OPTION: SelectProps.Option = {
  value: NO_ROLE_VALUE,
  label: 'No IAM role',
  description: 'Detach the current role from the instance',
};

/** Roles EC2 may assume that sit in no instance profile: EC2 cannot use them until one is created. */
export function rolesWithoutProfile(roles: Ec2RoleSummary[] | undefined, directory: InstanceProfileDirectory | undefined): Ec2RoleSummary[] {
  if (!roles || !directory) return [];
  return roles.filter((role) => !directory.rolesInProfiles.has(role.name.toLowerCase()));
}

export function profileOption(profile: InstanceProfileDirectory['profiles'][number]): SelectProps.Option {
  return {
    value: profile.arn,
    label: profile.name,
    labelTag: profile.roleName ? `Role: ${profile.roleName}` : 'No role',
    description: profile.arn,
    filteringTags: profile.roleName ? [profile.roleName] : [],
  };
}

/**
 * Options of the IAM role drop-down: "No IAM role" (when detaching makes sense), every instance profile, and —
 * disabled, with the reason — the EC2 roles that have no instance profile, so users find out why theirs is missing.
 */
export function useProfileOptions(
  directory: InstanceProfileDirectory | undefined,
  orphanRoles: Ec2RoleSummary[],
  includeNoRole: boolean,
): SelectProps.Options {
  return useMemo(() => {
    const options: (SelectProps.Option | SelectProps.OptionGroup)[] = [];
    if (includeNoRole) options.push(NO_ROLE_OPTION);
    options.push({ label: 'Instance profiles', options: (directory?.profiles ?? []).map(profileOption) });
    if (orphanRoles.length > 0) {
      options.push({
        label: 'Roles without an instance profile',
        options: orphanRoles.map((role) => ({
          value: `role:${role.arn}`,
          label: role.name,
          description: `${role.name} has no instance profile`,
          disabled: true,
          disabledReason: `${role.name} has no instance profile, so EC2 cannot use it. Create one below.`,
        })),
      });
    }
    return options;
  }, [directory, orphanRoles, includeNoRole]);
}

/** The instance profile Select's texts and loading state, the same in both role dialogs. */
export function profileSelectProps(profiles: { isPending: boolean; isError: boolean }) {
  return {
    placeholder: 'Choose an IAM role',
    filteringType: 'auto',
    filteringPlaceholder: 'Find instance profiles by name, role or ARN',
    filteringAriaLabel: 'Find instance profiles',
    virtualScroll: true,
    statusType: profiles.isPending ? 'loading' : profiles.isError ? 'error' : 'finished',
    loadingText: 'Loading instance profiles',
    errorText: 'Could not load the instance profiles.',
    ariaLabel: 'IAM role',
    triggerVariant: 'option',
  } satisfies Partial<SelectProps>;
}
