import { useMemo } from 'react';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import type { Ec2RoleSummary } from '../api/list-ec2-roles.ts';
import type { InstanceProfileDirectory } from '../api/list-instance-profiles.ts';
import { NO_ROLE_OPTION, profileOption } from './use-profile-options.ts';

/**
 * Options of the IAM role drop-down: "No IAM role" (when detaching makes sense), every instance profile, and —
 * disabled, with the reason — the EC2 roles that have no instance profile, so users find out why theirs is missing.
 * Profiles are not grouped: Cloudscape re-reads a group's every option on each render, which shows with thousands.
 */
function useProfileOptions(directory: InstanceProfileDirectory | undefined, orphanRoles: Ec2RoleSummary[], includeNoRole: boolean): SelectProps.Options {
  return useMemo(() => {
    const options: (SelectProps.Option | SelectProps.OptionGroup)[] = [];
    if (includeNoRole) options.push(NO_ROLE_OPTION);
    for (const profile of directory?.profiles ?? []) options.push(profileOption(profile));
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

export interface ProfileSelectProps {
  profiles: { data: InstanceProfileDirectory | undefined; isPending: boolean; isError: boolean; refetch: () => unknown };
  orphanRoles: Ec2RoleSummary[];
  /** Offer "No IAM role" (the instance has a role to detach). */
  includeNoRole: boolean;
  selectedOption: SelectProps.Option | null;
  onChange: (option: SelectProps.Option) => void;
  disabled: boolean;
}

/** The searchable instance-profile drop-down of both role dialogs (by name, role or ARN; virtual scrolling). */
export function ProfileSelect({ profiles, orphanRoles, includeNoRole, selectedOption, onChange, disabled }: ProfileSelectProps) {
  const options = useProfileOptions(profiles.data, orphanRoles, includeNoRole);
  return (
    <Select
      options={options}
      selectedOption={selectedOption}
      onChange={({ detail }) => onChange(detail.selectedOption)}
      disabled={disabled}
      placeholder="Choose an IAM role"
      filteringType="auto"
      filteringPlaceholder="Find instance profiles by name, role or ARN"
      filteringAriaLabel="Find instance profiles"
      virtualScroll
      statusType={profiles.isPending ? 'loading' : profiles.isError ? 'error' : 'finished'}
      loadingText="Loading instance profiles"
      errorText="Could not load the instance profiles."
      recoveryText="Retry"
      onLoadItems={({ detail }) => (detail.firstPage && profiles.isError ? void profiles.refetch() : undefined)}
      empty="No instance profiles in this account"
      ariaLabel="IAM role"
      triggerVariant="option"
    />
  );
}
