import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { AwsErrorAlert } from '../../../components/AwsErrorAlert.tsx';
import { TableEmptyState } from '../../../components/TableStates.tsx';
import { formatDateTime } from '../../../components/format.ts';
import type { PolicyDetails } from '../api/get-policy.ts';
import { policyVersionQueries } from '../api/get-policy-version.ts';
import { policyVersionsQueries } from '../api/list-policy-versions.ts';
import { ConfirmChangesModal } from '../components/ConfirmChangesModal.tsx';
import { PolicyJsonViewer } from '../../../iam-policies/components/PolicyJsonViewer.tsx';
import { MAX_POLICY_VERSIONS, type PolicyVersionSummary } from '../model/versions.ts';

function VersionDocumentModal({ arn, name, versionId, onDismiss }: { arn: string; name: string; versionId: string; onDismiss: () => void }) {
  const version = useQuery(policyVersionQueries.version(arn, versionId));
  return (
    <Modal visible size="large" header={`${name}: version ${versionId}`} closeAriaLabel="Close version" onDismiss={onDismiss} footer={<Box float="right"><Button onClick={onDismiss}>Close</Button></Box>}>
      {version.isPending ? <StatusIndicator type="loading">Loading version {versionId}</StatusIndicator> : null}
      {version.isError ? <AwsErrorAlert error={version.error} context={{ action: 'iam:GetPolicyVersion', resource: arn }} onRetry={() => void version.refetch()} /> : null}
      {version.data ? (
        <SpaceBetween size="s">
          <Box color="text-body-secondary">
            Created {formatDateTime(version.data.createdAt)}
            {version.data.isDefault ? ' · default version' : ''}
          </Box>
          <PolicyJsonViewer json={version.data.json} label={`Policy document of ${name}, version ${versionId}`} maxHeight={480} />
        </SpaceBetween>
      ) : null}
    </Modal>
  );
}

type Dialog = { kind: 'view' | 'set-default' | 'delete'; versionId: string } | undefined;

/** Every version: view any, make one the default, delete a non-default one. */
export function VersionsTab({ policy }: { policy: PolicyDetails }) {
  const versions = useQuery(policyVersionsQueries.list(policy.arn));
  const [selected, setSelected] = useState<PolicyVersionSummary | undefined>(undefined);
  const [dialog, setDialog] = useState<Dialog>(undefined);
  const items = versions.data ?? [];
  const current = selected ? items.find((version) => version.versionId === selected.versionId) : undefined;
  const readOnlyReason = policy.awsManaged ? 'AWS managed policies are maintained by AWS.' : undefined;

  return (
    <>
      <Table<PolicyVersionSummary>
        items={items}
        loading={versions.isPending}
        loadingText="Loading versions"
        trackBy="versionId"
        selectionType="single"
        selectedItems={current ? [current] : []}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems[0])}
        ariaLabels={{ tableLabel: 'Policy versions', selectionGroupLabel: 'Version selection', itemSelectionLabel: (_state, version) => version.versionId }}
        header={
          <Header
            variant="h2"
            counter={versions.data ? `(${items.length}/${MAX_POLICY_VERSIONS})` : undefined}
            description="A managed policy keeps up to five versions. The default version is the one in effect."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button iconName="refresh" ariaLabel="Refresh versions" loading={versions.isFetching} onClick={() => void versions.refetch()} />
                <Button disabled={!current} onClick={() => current && setDialog({ kind: 'view', versionId: current.versionId })}>
                  View
                </Button>
                <Button
                  disabled={!current || current.isDefault || readOnlyReason !== undefined}
                  disabledReason={readOnlyReason ?? (current?.isDefault ? 'This is already the default version.' : 'Select a version.')}
                  onClick={() => current && setDialog({ kind: 'set-default', versionId: current.versionId })}
                >
                  Set as default
                </Button>
                <Button
                  disabled={!current || current.isDefault || readOnlyReason !== undefined}
                  disabledReason={readOnlyReason ?? (current?.isDefault ? 'The default version is deleted only with the policy.' : 'Select a version.')}
                  onClick={() => current && setDialog({ kind: 'delete', versionId: current.versionId })}
                >
                  Delete
                </Button>
              </SpaceBetween>
            }
          >
            Policy versions
          </Header>
        }
        empty={
          versions.isError ? (
            <Box textAlign="left">
              <AwsErrorAlert error={versions.error} context={{ action: 'iam:ListPolicyVersions', resource: policy.arn }} onRetry={() => void versions.refetch()} />
            </Box>
          ) : (
            <TableEmptyState title="No versions" />
          )
        }
        columnDefinitions={[
          {
            id: 'version',
            header: 'Version',
            isRowHeader: true,
            cell: (version) => (
              <Button variant="inline-link" ariaLabel={`View version ${version.versionId}`} onClick={() => setDialog({ kind: 'view', versionId: version.versionId })}>
                {version.isDefault ? `${version.versionId} (Default)` : version.versionId}
              </Button>
            ),
          },
          { id: 'created', header: 'Creation time', cell: (version) => formatDateTime(version.createdAt) },
        ]}
      />
      {dialog?.kind === 'view' ? <VersionDocumentModal arn={policy.arn} name={policy.name} versionId={dialog.versionId} onDismiss={() => setDialog(undefined)} /> : null}
      {dialog?.kind === 'set-default' ? (
        <ConfirmChangesModal
          arn={policy.arn}
          header={`Set ${dialog.versionId} as the default version?`}
          changes={[{ kind: 'set-default', versionId: dialog.versionId }]}
          confirmLabel="Set as default"
          successText={`Version ${dialog.versionId} of ${policy.name} is now the default.`}
          onDismiss={() => setDialog(undefined)}
        >
          <Box>
            Every role, user and group that uses {policy.name} gets the permissions of version {dialog.versionId} from now on. The current default
            version stays available.
          </Box>
        </ConfirmChangesModal>
      ) : null}
      {dialog?.kind === 'delete' ? (
        <ConfirmChangesModal
          arn={policy.arn}
          header={`Delete version ${dialog.versionId}?`}
          changes={[{ kind: 'delete-version', versionId: dialog.versionId }]}
          confirmLabel="Delete version"
          successText={`Version ${dialog.versionId} of ${policy.name} deleted.`}
          onDismiss={() => setDialog(undefined)}
          onDone={() => setSelected(undefined)}
        >
          <Box>Version {dialog.versionId} is deleted for good. Version numbers are never reused.</Box>
        </ConfirmChangesModal>
      ) : null}
    </>
  );
}
