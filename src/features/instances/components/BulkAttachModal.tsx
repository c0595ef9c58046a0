import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Link from '@cloudscape-design/components/link';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { AwsErrorAlert } from '../../../components/AwsErrorAlert.tsx';
import { useNotifications } from '../../../components/notifications/index.ts';
import { associationOperations } from '../api/change-association.ts';
import { describeAssociationsOfInstances } from '../api/describe-associations.ts';
import type { InstanceSummary } from '../api/describe-instances.ts';
import { invalidateInstanceProfiles } from '../../../aws/iam-queries.ts';
import { ec2Keys } from '../api/keys.ts';
import { ec2RoleQueries } from '../api/list-ec2-roles.ts';
import { instanceProfileQueries } from '../api/list-instance-profiles.ts';
import { attachToMany, type BulkResult, type BulkStatus } from '../model/bulk.ts';
import { roleChangeBlockedReason } from '../model/instance-state.ts';
import { rolesWithoutProfile, type ProfileChoice } from '../model/profile-choices.ts';
import { CliEquivalent } from '../../../components/CliEquivalent.tsx';
import { InstanceStateIndicator } from '../../../components/InstanceStateIndicator.tsx';
import { RolesWithoutProfileNotice } from './RolesWithoutProfileNotice.tsx';
import { ProfileSelect } from './ProfileSelect.tsx';
import './instances.css';

const RESULT_INDICATORS: Record<BulkStatus, { type: StatusIndicatorProps.Type; text: string }> = {
  attached: { type: 'success', text: 'Attached' },
  replaced: { type: 'success', text: 'Replaced' },
  skipped: { type: 'info', text: 'Skipped' },
  failed: { type: 'error', text: 'Failed' },
  cancelled: { type: 'stopped', text: 'Cancelled' },
};

/** Attach the same IAM role to several instances, with a result per instance. */
export function BulkAttachModal({ region, instances, onDismiss }: { region: string; instances: InstanceSummary[]; onDismiss: () => void }) {
  const queryClient = useQueryClient();
  const { notify } = useNotifications();
  const profiles = useQuery(instanceProfileQueries.directory());
  const roles = useQuery(ec2RoleQueries.trustingEc2());
  const profileSelectId = useId();
  const orphanRoles = useMemo(() => rolesWithoutProfile(roles.data, profiles.data), [roles.data, profiles.data]);
  const [selected, setSelected] = useState<ProfileChoice | null>(null);
  const [results, setResults] = useState<BulkResult[] | undefined>();
  const [inProgress, setInProgress] = useState<{ instanceId: string; message: string } | undefined>();
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>();
  const abort = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => abort.current?.abort(), []);

  const profile = selected?.value ? profiles.data?.byArn.get(selected.value) : undefined;
  const eligible = instances.filter((instance) => !roleChangeBlockedReason(instance.state));
  const commands = profile
    ? eligible.map(
        (instance) =>
          `aws ec2 associate-iam-instance-profile --region ${region} --instance-id ${instance.instanceId} --iam-instance-profile Name="${profile.name}"`,
      )
    : [];

  async function apply() {
    if (!profile) return;
    const controller = new AbortController();
    abort.current = controller;
    setRunning(true);
    setError(undefined);
    setResults([]);
    try {
      const associations = await describeAssociationsOfInstances(
        region,
        instances.map((instance) => instance.instanceId),
        controller.signal,
      );
      const final = await attachToMany(
        instances.map((instance) => ({ instanceId: instance.instanceId, name: instance.name, state: instance.state })),
        { name: profile.name, arn: profile.arn, ...(profile.roleName ? { roleName: profile.roleName } : {}) },
        associations,
        associationOperations(region),
        {
          signal: controller.signal,
          onResult: setResults,
          onInstanceProgress: (instanceId, message) => setInProgress({ instanceId, message }),
        },
      );
      const changed = final.filter((result) => result.status === 'attached' || result.status === 'replaced').length;
      const failed = final.filter((result) => result.status === 'failed').length;
      notify({
        type: failed > 0 ? 'warning' : 'success',
        header: `IAM role ${profile.roleName ?? profile.name}: ${changed} of ${final.length} instances updated${failed ? `, ${failed} failed` : ''}`,
      });
    } catch (failure) {
      setError(failure);
    } finally {
      abort.current = undefined;
      setRunning(false);
      setInProgress(undefined);
      void queryClient.invalidateQueries({ queryKey: ec2Keys.region(region) });
    }
  }

  const rows: (BulkResult | (InstanceSummary & { status?: undefined; detail?: undefined }))[] = instances.map(
    (instance) => results?.find((result) => result.instanceId === instance.instanceId) ?? instance,
  );

  return (
    <Modal
      visible
      size="max"
      onDismiss={() => (running ? undefined : onDismiss())}
      header={`Attach IAM role to ${instances.length} instances`}
      closeAriaLabel="Close dialog"
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            {running ? (
              <Button onClick={() => abort.current?.abort()}>Cancel</Button>
            ) : (
              <Button variant="link" onClick={onDismiss}>
                {results ? 'Close' : 'Cancel'}
              </Button>
            )}
            {results && !running ? null : (
              <Button variant="primary" disabled={!profile || !profile.roleName || running} loading={running} onClick={() => void apply()}>
                Attach IAM role
              </Button>
            )}
          </SpaceBetween>
        </Box>
      }
    >
      <SpaceBetween size="l">
        {!results ? (
          <>
            <FormField
              label="IAM role"
              controlId={profileSelectId}
              description="The same instance profile is attached to every selected instance; a different role is replaced."
              secondaryControl={
                <Button
                  iconName="refresh"
                  ariaLabel="Refresh IAM roles"
                  loading={profiles.isFetching || roles.isFetching}
                  onClick={() => void invalidateInstanceProfiles(queryClient)}
                />
              }
              constraintText={
                <Link href="/roles/create" external externalIconAriaLabel="(opens in a new tab)">
                  Create new IAM role
                </Link>
              }
            >
              <ProfileSelect
                controlId={profileSelectId}
                profiles={profiles}
                orphanRoles={orphanRoles}
                includeNoRole={false}
                selected={selected}
                onChange={setSelected}
                disabled={running}
              />
            </FormField>
            <RolesWithoutProfileNotice roles={orphanRoles} />
            {eligible.length < instances.length ? (
              <Alert type="info">
                {instances.length - eligible.length} of the selected instances cannot get a role in their current state and will be skipped.
              </Alert>
            ) : null}
          </>
        ) : null}
        <Table
          variant="embedded"
          ariaLabels={{ tableLabel: 'Bulk attach results' }}
          header={<Box variant="h3">{results ? 'Results' : 'Selected instances'}</Box>}
          items={rows}
          trackBy="instanceId"
          columnDefinitions={[
            { id: 'id', header: 'Instance ID', cell: (row) => row.instanceId, isRowHeader: true, minWidth: 190 },
            { id: 'name', header: 'Name', cell: (row) => row.name || '–', minWidth: 150 },
            { id: 'state', header: 'Instance state', cell: (row) => <InstanceStateIndicator state={row.state} />, minWidth: 130 },
            {
              id: 'result',
              header: 'Result',
              minWidth: 120,
              cell: (row) => {
                if (row.status) {
                  const indicator = RESULT_INDICATORS[row.status];
                  return <StatusIndicator type={indicator.type}>{indicator.text}</StatusIndicator>;
                }
                if (inProgress?.instanceId === row.instanceId) return <StatusIndicator type="loading">{inProgress.message}</StatusIndicator>;
                return running ? <StatusIndicator type="pending">Waiting</StatusIndicator> : '–';
              },
            },
            {
              id: 'detail',
              header: 'Details',
              minWidth: 220,
              cell: (row) => (row.status ? `${row.detail}${'errorCode' in row && row.errorCode ? ` (${row.errorCode})` : ''}` : ''),
            },
          ]}
          wrapLines
        />
        {!results ? <CliEquivalent commands={commands} emptyText="Choose an IAM role to see the commands." /> : null}
        {error ? <AwsErrorAlert error={error} context={{ action: 'ec2:DescribeIamInstanceProfileAssociations' }} /> : null}
      </SpaceBetween>
    </Modal>
  );
}
