import type { ReactNode } from 'react';
import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { ActionModal } from '../../../components/ActionModal.tsx';
import { AwsErrorAlert } from '../../../components/AwsErrorAlert.tsx';
import { CliEquivalent } from '../../../components/CliEquivalent.tsx';

/** A small "are you sure" dialog for one change, with its CLI equivalent and AWS's answer when it fails. */
export function ConfirmModal({
  header,
  children,
  confirmLabel,
  commands,
  pending,
  error,
  errorAction,
  onConfirm,
  onDismiss,
}: {
  header: string;
  children: ReactNode;
  confirmLabel: string;
  commands: string[];
  pending: boolean;
  error: unknown;
  errorAction: string;
  onConfirm: () => void;
  onDismiss: () => void;
}) {
  return (
    <ActionModal
      header={header}
      closeAriaLabel={`Close ${header}`}
      busy={pending}
      actionLabel={confirmLabel}
      onAction={onConfirm}
      onDismiss={onDismiss}
    >
      <SpaceBetween size="m">
        <Box variant="p">{children}</Box>
        <CliEquivalent commands={commands} />
        {error ? <AwsErrorAlert error={error} context={{ action: errorAction }} /> : null}
      </SpaceBetween>
    </ActionModal>
  );
}
