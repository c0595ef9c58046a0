import { useState } from 'react';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { ActionModal } from '../../../components/ActionModal.tsx';
import { AwsErrorAlert } from '../../../components/AwsErrorAlert.tsx';
import { CliEquivalent } from '../../../components/CliEquivalent.tsx';
import { useNotifications } from '../../../components/notifications/index.ts';
import { useDeleteRolePermissionsBoundary, usePutRolePermissionsBoundary } from '../api/permissions-boundary.ts';
import { PolicyPicker } from '../create/components/PolicyPicker.tsx';
import type { SelectedPolicy } from '../create/wizard-state.ts';
import { awsCli } from '../../../aws/cli.ts';
import { ConfirmModal } from './ConfirmModal.tsx';

function policyNameOf(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

function SetBoundaryModal({ roleName, currentArn, onDismiss }: { roleName: string; currentArn?: string; onDismiss: () => void }) {
  const [selected, setSelected] = useState<SelectedPolicy[]>([]);
  const mutation = usePutRolePermissionsBoundary();
  const { notify } = useNotifications();
  const choice = selected[0];
  const unchanged = choice !== undefined && choice.arn === currentArn;

  const save = () => {
    if (!choice || unchanged || mutation.isPending) return;
    mutation.mutate(
      { roleName, policyArn: choice.arn },
      {
        onSuccess: () => {
          notify({ type: 'success', header: `Permissions boundary of ${roleName} set to ${choice.name}` });
          onDismiss();
        },
      },
    );
  };

  return (
    <ActionModal
      size="max"
      header={currentArn ? `Change the permissions boundary of ${roleName}` : `Set a permissions boundary for ${roleName}`}
      closeAriaLabel="Close permissions boundary"
      busy={mutation.isPending}
      actionLabel="Set boundary"
      actionDisabled={!choice || unchanged}
      onAction={save}
      onDismiss={onDismiss}
    >
      <SpaceBetween size="m">
        <PolicyPicker
          title="Boundary policy"
          description="The role's effective permissions are limited to what this managed policy allows. It grants nothing by itself."
          selectionType="single"
          selected={selected}
          onChange={setSelected}
        />
        {unchanged ? <Box color="text-body-secondary">This policy is already the boundary.</Box> : null}
        <CliEquivalent commands={choice ? [awsCli('iam', 'PutRolePermissionsBoundary', { RoleName: roleName, PermissionsBoundary: choice.arn })] : []} emptyText="Select the boundary policy." />
        {mutation.isError ? <AwsErrorAlert error={mutation.error} context={{ action: 'iam:PutRolePermissionsBoundary' }} /> : null}
      </SpaceBetween>
    </ActionModal>
  );
}

export function BoundarySection({ roleName, boundaryArn }: { roleName: string; boundaryArn?: string }) {
  const [setting, setSetting] = useState(false);
  const [removing, setRemoving] = useState(false);
  const remove = useDeleteRolePermissionsBoundary();
  const { notify } = useNotifications();
  return (
    <Container
      header={
        <Header
          variant="h2"
          description="A managed policy that sets the most permissions the role's policies can grant."
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              {boundaryArn ? <Button onClick={() => setRemoving(true)}>Remove boundary</Button> : null}
              <Button onClick={() => setSetting(true)}>{boundaryArn ? 'Change boundary' : 'Set boundary'}</Button>
            </SpaceBetween>
          }
        >
          Permissions boundary
        </Header>
      }
    >
      {boundaryArn ? (
        <SpaceBetween size="xxs">
          <Box variant="awsui-key-label">Boundary policy</Box>
          <Box>{policyNameOf(boundaryArn)}</Box>
          <CopyToClipboard variant="inline" textToCopy={boundaryArn} copyButtonAriaLabel="Copy boundary ARN" copySuccessText="ARN copied" copyErrorText="ARN failed to copy" />
        </SpaceBetween>
      ) : (
        <Box color="text-body-secondary">Permissions boundary is not set.</Box>
      )}
      {setting ? <SetBoundaryModal roleName={roleName} {...(boundaryArn ? { currentArn: boundaryArn } : {})} onDismiss={() => setSetting(false)} /> : null}
      {removing && boundaryArn ? (
        <ConfirmModal
          header="Remove the permissions boundary?"
          confirmLabel="Remove boundary"
          commands={[awsCli('iam', 'DeleteRolePermissionsBoundary', { RoleName: roleName })]}
          pending={remove.isPending}
          error={remove.error}
          errorAction="iam:DeleteRolePermissionsBoundary"
          onDismiss={() => {
            remove.reset();
            setRemoving(false);
          }}
          onConfirm={() =>
            remove.mutate(
              { roleName },
              {
                onSuccess: () => {
                  notify({ type: 'success', header: `Permissions boundary removed from ${roleName}` });
                  setRemoving(false);
                },
              },
            )
          }
        >
          Remove {policyNameOf(boundaryArn)} as the permissions boundary of {roleName}? The role&apos;s policies then apply without this limit.
        </ConfirmModal>
      ) : null}
    </Container>
  );
}
