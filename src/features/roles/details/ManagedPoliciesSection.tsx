import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { ActionModal } from '../../../components/ActionModal.tsx';
import { AwsErrorAlert } from '../../../components/AwsErrorAlert.tsx';
import { CliEquivalent } from '../../../components/CliEquivalent.tsx';
import { TableEmptyState } from '../../../components/TableStates.tsx';
import { useNotifications } from '../../../components/notifications/index.ts';
import { AttachPoliciesError, useAttachRolePolicies } from '../api/attach-role-policies.ts';
import { useDetachRolePolicy } from '../api/detach-role-policy.ts';
import { attachedPolicyQueries, type AttachedPolicy } from '../api/list-attached-role-policies.ts';
import { PolicyPicker } from '../create/components/PolicyPicker.tsx';
import { LIMITS } from '../../../validation/iam.ts';
import type { SelectedPolicy } from '../create/wizard-state.ts';
import { awsCli } from '../../../aws/cli.ts';
import { ConfirmModal } from './ConfirmModal.tsx';

function AttachPoliciesModal({ roleName, attached, onDismiss }: { roleName: string; attached: readonly AttachedPolicy[]; onDismiss: () => void }) {
  const [selected, setSelected] = useState<SelectedPolicy[]>([]);
  const mutation = useAttachRolePolicies();
  const { notify } = useNotifications();
  const attachedArns = new Set(attached.map((policy) => policy.arn));
  const toAttach = selected.filter((policy) => !attachedArns.has(policy.arn));
  const already = selected.length - toAttach.length;
  const room = Math.max(0, LIMITS.managedPoliciesPerRole - attached.length);
  const failure = mutation.error instanceof AttachPoliciesError ? mutation.error : undefined;

  const attach = () => {
    if (toAttach.length === 0 || mutation.isPending) return;
    mutation.mutate(
      { roleName, policyArns: toAttach.map((policy) => policy.arn) },
      {
        onSuccess: () => {
          notify({ type: 'success', header: `${toAttach.length === 1 ? `Policy ${toAttach[0]!.name}` : `${toAttach.length} policies`} attached to ${roleName}` });
          onDismiss();
        },
      },
    );
  };

  return (
    <ActionModal
      size="max"
      header={`Attach policies to ${roleName}`}
      closeAriaLabel="Close Attach policies"
      busy={mutation.isPending}
      actionLabel="Attach policies"
      actionDisabled={toAttach.length === 0}
      onAction={attach}
      onDismiss={onDismiss}
    >
      <SpaceBetween size="m">
        <PolicyPicker
          title="Other permissions policies"
          description={`The role has ${attached.length} of ${LIMITS.managedPoliciesPerRole} managed policies; you can attach ${room} more.`}
          selectionType="multi"
          selected={selected}
          onChange={setSelected}
          maxSelected={room + already}
        />
        {already > 0 ? <Box color="text-body-secondary">{already === 1 ? 'One selected policy is' : `${already} selected policies are`} already attached and will be skipped.</Box> : null}
        <CliEquivalent commands={toAttach.map((policy) => awsCli('iam', 'AttachRolePolicy', { RoleName: roleName, PolicyArn: policy.arn }))} emptyText="Select the policies to attach." />
        {failure ? (
          <>
            <AwsErrorAlert error={failure.error} context={{ action: 'iam:AttachRolePolicy', resource: failure.failedArn }} />
            <Box color="text-status-error">
              Attached before the failure: {failure.attached.join(', ')}. Not attached: {failure.failedArn} and the policies after it.
            </Box>
          </>
        ) : mutation.isError ? (
          <AwsErrorAlert error={mutation.error} context={{ action: 'iam:AttachRolePolicy' }} />
        ) : null}
      </SpaceBetween>
    </ActionModal>
  );
}

export function ManagedPoliciesSection({ roleName }: { roleName: string }) {
  const query = useQuery(attachedPolicyQueries.ofRole(roleName));
  const [selected, setSelected] = useState<AttachedPolicy[]>([]);
  const [attaching, setAttaching] = useState(false);
  const [removing, setRemoving] = useState<AttachedPolicy | undefined>(undefined);
  const detach = useDetachRolePolicy();
  const { notify } = useNotifications();
  const policies = query.data ?? [];
  const current = selected.filter((policy) => policies.some((item) => item.arn === policy.arn));

  return (
    <>
      <Table<AttachedPolicy>
        variant="container"
        items={policies}
        trackBy="arn"
        loading={query.isPending}
        loadingText="Loading managed policies"
        selectionType="single"
        selectedItems={current}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
        ariaLabels={{ tableLabel: 'Managed policies', selectionGroupLabel: 'Managed policy selection', itemSelectionLabel: (_state, policy) => policy.name }}
        header={
          <Header
            counter={query.data ? `(${policies.length}/${LIMITS.managedPoliciesPerRole})` : undefined}
            description="Managed policies attached to this role as permissions policies."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button ariaLabel="Remove managed policy" disabled={current.length === 0} onClick={() => setRemoving(current[0])}>
                  Remove
                </Button>
                <Button variant="primary" onClick={() => setAttaching(true)}>
                  Attach policies
                </Button>
              </SpaceBetween>
            }
          >
            Managed policies
          </Header>
        }
        empty={
          query.isError ? (
            <Box textAlign="left">
              <AwsErrorAlert error={query.error} context={{ action: 'iam:ListAttachedRolePolicies' }} onRetry={() => void query.refetch()} />
            </Box>
          ) : (
            <TableEmptyState title="No managed policies" description="No managed policy is attached to this role." />
          )
        }
        columnDefinitions={[
          { id: 'name', header: 'Policy name', cell: (policy) => policy.name, isRowHeader: true },
          { id: 'type', header: 'Type', cell: (policy) => (policy.awsManaged ? 'AWS managed' : 'Customer managed') },
          { id: 'arn', header: 'ARN', cell: (policy) => policy.arn },
        ]}
      />
      {attaching ? <AttachPoliciesModal roleName={roleName} attached={policies} onDismiss={() => setAttaching(false)} /> : null}
      {removing ? (
        <ConfirmModal
          header={`Remove ${removing.name}?`}
          confirmLabel="Remove policy"
          commands={[awsCli('iam', 'DetachRolePolicy', { RoleName: roleName, PolicyArn: removing.arn })]}
          pending={detach.isPending}
          error={detach.error}
          errorAction="iam:DetachRolePolicy"
          onDismiss={() => {
            detach.reset();
            setRemoving(undefined);
          }}
          onConfirm={() =>
            detach.mutate(
              { roleName, policyArn: removing.arn },
              {
                onSuccess: () => {
                  notify({ type: 'success', header: `Policy ${removing.name} removed from ${roleName}` });
                  setSelected([]);
                  setRemoving(undefined);
                },
              },
            )
          }
        >
          Detach the managed policy {removing.name} from {roleName}? The policy itself is not deleted.
        </ConfirmModal>
      ) : null}
    </>
  );
}
