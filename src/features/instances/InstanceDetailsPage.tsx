import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import Tabs from '@cloudscape-design/components/tabs';
import { useSelectedRegion } from '../../config/region.ts';
import { AwsErrorAlert } from '../../components/AwsErrorAlert.tsx';
import { TableEmptyState } from '../../components/TableStates.tsx';
import { formatDateTime } from '../../components/format.ts';
import { RouterLink } from '../../components/RouterLink.tsx';
import { associationQueries } from './api/describe-associations.ts';
import { instanceQueries, type InstanceSummary } from './api/describe-instances.ts';
import { instanceProfileQueries } from './api/list-instance-profiles.ts';
import { IamRoleValue } from './components/IamRoleValue.tsx';
import { InstanceActions } from './components/InstanceActions.tsx';
import { InstanceStateIndicator } from '../../components/InstanceStateIndicator.tsx';
import { ModifyIamRoleModal } from './components/ModifyIamRoleModal.tsx';
import { roleDisplayOf } from './model/role-display.ts';

function orDash(value: string | undefined) {
  return value || '–';
}

/** The instance's role; `withTestLink` adds a link to the role page's policy simulator for that role. */
function IamRoleField({ instance, withTestLink = false }: { instance: InstanceSummary; withTestLink?: boolean }) {
  const profiles = useQuery(instanceProfileQueries.directory());
  const display = roleDisplayOf(instance.instanceProfileArn, profiles.data);
  const value = <IamRoleValue display={display} loading={profiles.isPending} />;
  if (!withTestLink || display.kind !== 'role') return value;
  return (
    <SpaceBetween size="xxs">
      {value}
      <RouterLink href={`/roles/${encodeURIComponent(display.roleName)}?tab=permissions-test`}>Test what this instance can do</RouterLink>
    </SpaceBetween>
  );
}

function DetailsTab({ instance }: { instance: InstanceSummary }) {
  return (
    <KeyValuePairs
      columns={3}
      items={[
        { label: 'Instance ID', value: instance.instanceId },
        { label: 'Instance state', value: <InstanceStateIndicator state={instance.state} /> },
        { label: 'Instance type', value: orDash(instance.instanceType) },
        { label: 'Public IPv4 address', value: orDash(instance.publicIp) },
        { label: 'Private IPv4 address', value: orDash(instance.privateIp) },
        { label: 'Availability Zone', value: orDash(instance.availabilityZone) },
        { label: 'Public DNS', value: orDash(instance.publicDnsName) },
        { label: 'Private DNS', value: orDash(instance.privateDnsName) },
        { label: 'IAM Role', value: <IamRoleField instance={instance} /> },
        { label: 'AMI ID', value: orDash(instance.imageId) },
        { label: 'Platform', value: instance.platform },
        { label: 'Launch time', value: formatDateTime(instance.launchedAt) },
        { label: 'VPC ID', value: orDash(instance.vpcId) },
        { label: 'Subnet ID', value: orDash(instance.subnetId) },
        { label: 'Key pair name', value: orDash(instance.keyName) },
      ]}
    />
  );
}

function SecurityTab({ region, instance }: { region: string; instance: InstanceSummary }) {
  const association = useQuery(associationQueries.ofInstance(region, instance.instanceId));
  return (
    <SpaceBetween size="l">
      <KeyValuePairs
        columns={3}
        items={[
          { label: 'IAM Role', value: <IamRoleField instance={instance} /> },
          { label: 'Instance profile ARN', value: orDash(instance.instanceProfileArn) },
          {
            label: 'IAM role association',
            value: association.isPending ? (
              <StatusIndicator type="loading">Loading</StatusIndicator>
            ) : association.isError ? (
              <StatusIndicator type="error">Not available</StatusIndicator>
            ) : association.data ? (
              `${association.data.associationId} (${association.data.state})`
            ) : (
              '–'
            ),
          },
          { label: 'Key pair name', value: orDash(instance.keyName) },
        ]}
      />
      <Table
        variant="embedded"
        header={<Header variant="h3">Security groups</Header>}
        ariaLabels={{ tableLabel: 'Security groups' }}
        items={instance.securityGroups}
        columnDefinitions={[
          { id: 'id', header: 'Security group ID', cell: (group) => group.id, isRowHeader: true },
          { id: 'name', header: 'Security group name', cell: (group) => group.name },
        ]}
        empty={<TableEmptyState title="No security groups" />}
      />
    </SpaceBetween>
  );
}

function TagsTab({ instance }: { instance: InstanceSummary }) {
  return (
    <Table
      variant="embedded"
      ariaLabels={{ tableLabel: 'Tags' }}
      items={instance.tags}
      trackBy="key"
      columnDefinitions={[
        { id: 'key', header: 'Key', cell: (tag) => tag.key, isRowHeader: true },
        { id: 'value', header: 'Value', cell: (tag) => tag.value || '–' },
      ]}
      empty={<TableEmptyState title="No tags" description="This instance has no tags." />}
    />
  );
}

/** /instances/:instanceId: the instance summary with Details, Security and Tags tabs, and Actions. */
export default function InstanceDetailsPage() {
  const { instanceId = '' } = useParams();
  const [region] = useSelectedRegion();
  const navigate = useNavigate();
  const instance = useQuery(instanceQueries.detail(region, instanceId));
  const [modifying, setModifying] = useState(false);
  const [activeTab, setActiveTab] = useState('details');

  if (instance.isPending) return <Spinner size="large" />;
  if (instance.isError) {
    return <AwsErrorAlert error={instance.error} context={{ action: 'ec2:DescribeInstances' }} onRetry={() => void instance.refetch()} />;
  }
  if (!instance.data) {
    return (
      <Alert
        type="warning"
        header="Instance not found"
        action={<Button onClick={() => void navigate('/instances')}>Back to instances</Button>}
      >
        EC2 lists no instance {instanceId} in {region}. It may be in another region (choose it in the top bar), or it was terminated
        long enough ago that EC2 no longer shows it.
      </Alert>
    );
  }
  const data = instance.data;
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={data.name ? data.instanceId : undefined}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button iconName="refresh" ariaLabel="Refresh instance" loading={instance.isFetching} onClick={() => void instance.refetch()} />
              <InstanceActions selected={[data]} allowBulk={false} onAction={() => setModifying(true)} />
            </SpaceBetween>
          }
        >
          Instance summary for {data.name || data.instanceId}
        </Header>
      }
    >
      <SpaceBetween size="l">
        <Container header={<Header variant="h2">Instance summary</Header>}>
          <KeyValuePairs
            columns={4}
            items={[
              { label: 'Instance ID', value: data.instanceId },
              { label: 'Instance state', value: <InstanceStateIndicator state={data.state} /> },
              { label: 'Instance type', value: orDash(data.instanceType) },
              { label: 'IAM Role', value: <IamRoleField instance={data} withTestLink /> },
            ]}
          />
        </Container>
        <Container>
          <Tabs
            activeTabId={activeTab}
            onChange={({ detail }) => setActiveTab(detail.activeTabId)}
            ariaLabel="Instance details"
            tabs={[
              { id: 'details', label: 'Details', content: <DetailsTab instance={data} /> },
              { id: 'security', label: 'Security', content: <SecurityTab region={region} instance={data} /> },
              { id: 'tags', label: `Tags (${data.tags.length})`, content: <TagsTab instance={data} /> },
            ]}
          />
        </Container>
        <Box variant="small" color="text-body-secondary">
          Region {region}
        </Box>
      </SpaceBetween>
      {modifying ? <ModifyIamRoleModal region={region} instance={data} onDismiss={() => setModifying(false)} /> : null}
    </ContentLayout>
  );
}
