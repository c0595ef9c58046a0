import type { ReactNode } from 'react';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal, { type ModalProps } from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';

export interface ActionModalProps {
  header: string;
  closeAriaLabel?: string;
  size?: ModalProps.Size;
  visible?: boolean;
  /** While the action runs the dialog cannot be dismissed, Cancel is disabled and the action button spins. */
  busy: boolean;
  actionLabel: ReactNode;
  actionDisabled?: boolean;
  onAction: () => void;
  onDismiss: () => void;
  /** What Cancel does, when it is not the same as dismissing the dialog. */
  onCancel?: () => void;
  children: ReactNode;
}

/** A dialog with Cancel and one primary action in its footer. */
export function ActionModal({ header, closeAriaLabel, size, visible = true, busy, actionLabel, actionDisabled, onAction, onDismiss, onCancel, children }: ActionModalProps) {
  return (
    <Modal
      visible={visible}
      size={size}
      header={header}
      // Cloudscape's close button has no text: without a label screen readers announce only "button".
      closeAriaLabel={closeAriaLabel ?? 'Close dialog'}
      onDismiss={() => {
        if (!busy) onDismiss();
      }}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" disabled={busy} onClick={onCancel ?? onDismiss}>
              Cancel
            </Button>
            <Button variant="primary" loading={busy} disabled={actionDisabled} onClick={onAction}>
              {actionLabel}
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      {children}
    </Modal>
  );
}
