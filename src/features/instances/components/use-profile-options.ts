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
