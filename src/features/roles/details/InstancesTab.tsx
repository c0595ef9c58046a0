import { useQuery } from '@tanstack/react-query';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useRuntimeConfig } from '../../../config/runtime-config-context.tsx';
import { describeAwsError } from '../../../aws/errors.ts';
import { AwsErrorAlert } from '../../../components/AwsErrorAlert.tsx';
import { roleInstanceQueries } from '../api/instances-using-roles.ts';
import type { ProfileRef } from '../api/list-instance-profiles.ts';
import { InstancesUsingRoleTable } from '../components/InstancesUsingRoleTable.tsx';

export function InstancesTab({ roleName, profiles }: { roleName: string; profiles: readonly ProfileRef[] }) {
  const { regions } = useRuntimeConfig();
  const profileArns = profiles.map((profile) => profile.arn);
  const query = useQuery(roleInstanceQueries.usingProfiles(profileArns, regions));
  const instances = query.data?.instances ?? [];
  const regionList = regions.join(', ');

  return (
    <Container
      header={
        <Header
          variant="h2"
          counter={query.data ? `(${instances.length})` : undefined}
          description={
            profiles.length
              ? `Instances in ${regionList} whose instance profile (${profiles.map((profile) => profile.name).join(', ')}) holds ${roleName}.`
              : `Regions checked: ${regionList}.`
          }
          actions={<Button iconName="refresh" ariaLabel="Refresh instances" loading={query.isFetching} onClick={() => void query.refetch()} />}
        >
          Instances using this role
        </Header>
      }
    >
      <SpaceBetween size="m">
        {query.isError ? (
          <AwsErrorAlert error={query.error} context={{ action: 'ec2:DescribeIamInstanceProfileAssociations' }} onRetry={() => void query.refetch()} />
        ) : null}
        {query.data?.failures.map((failure) => (
          <Alert key={failure.region} type="warning" header={`Could not list the instances in ${failure.region}`}>
            {describeAwsError(failure.error).message}
          </Alert>
        ))}
        {query.isPending ? (
          <StatusIndicator type="loading">Looking in {regionList}</StatusIndicator>
        ) : profiles.length === 0 ? (
          <Box color="text-body-secondary">The role is in no instance profile, so no EC2 instance can use it.</Box>
        ) : query.data ? (
          instances.length ? (
            <InstancesUsingRoleTable instances={instances} label="Instances using this role" />
          ) : (
            <Box color="text-body-secondary">No instance in {regionList} uses this role.</Box>
          )
        ) : null}
      </SpaceBetween>
    </Container>
  );
}
