import Box from '@cloudscape-design/components/box';
import Table from '@cloudscape-design/components/table';
import type { InstanceUsingRole } from '../api/instances-using-roles.ts';
import { InstanceLink } from './InstanceLink.tsx';
import { InstanceStateIndicator } from '../../../components/InstanceStateIndicator.tsx';

/** Instances with their region, state and the profile through which they use the role. */
export function InstancesUsingRoleTable({
  instances,
  label,
  showRole,
  roleOfProfile,
}: {
  instances: readonly InstanceUsingRole[];
  label: string;
  showRole?: boolean;
  roleOfProfile?: (profileArn: string) => string;
}) {
  return (
    <Table<InstanceUsingRole>
      variant="embedded"
      items={[...instances]}
      trackBy={(instance) => `${instance.region}/${instance.instanceId}`}
      ariaLabels={{ tableLabel: label }}
      empty={<Box color="inherit">No instances use this role.</Box>}
      columnDefinitions={[
        { id: 'id', header: 'Instance ID', cell: (instance) => <InstanceLink instanceId={instance.instanceId} region={instance.region} />, isRowHeader: true },
        { id: 'name', header: 'Name', cell: (instance) => instance.name || '-' },
        { id: 'state', header: 'Instance state', cell: (instance) => <InstanceStateIndicator state={instance.state} /> },
        { id: 'region', header: 'Region', cell: (instance) => instance.region },
        ...(showRole && roleOfProfile ? [{ id: 'role', header: 'Role', cell: (instance: InstanceUsingRole) => roleOfProfile(instance.profileArn) }] : []),
        { id: 'profile', header: 'Instance profile', cell: (instance) => instance.profileName },
      ]}
    />
  );
}
