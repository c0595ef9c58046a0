import type { ReactNode } from 'react';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
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
    <Modal
      visible
      header={header}
      closeAriaLabel={`Close ${header}`}
      onDismiss={() => {
        if (!pending) onDismiss();
      }}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" disabled={pending} onClick={onDismiss}>
              Cancel
            </Button>
            <Button variant="primary" loading={pending} onClick={onConfirm}>
              {confirmLabel}
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      <SpaceBetween size="m">
        <Box variant="p">{children}</Box>
        <CliEquivalent commands={commands} />
        {error ? <AwsErrorAlert error={error} context={{ action: errorAction }} /> : null}
      </SpaceBetween>
    </Modal>
  );
}
