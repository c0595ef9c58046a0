import type { ReactNode } from 'react';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { ActionModal } from '../../../components/ActionModal.tsx';
import { CliEquivalent } from '../../../components/CliEquivalent.tsx';
import { useNotifications } from '../../../components/notifications/index.ts';
import { PlanProgress } from '../../../components/PlanProgress.tsx';
import { usePolicyChangeRun } from '../api/use-policy-changes.ts';
import { describeChange, type PolicyChange } from '../model/changes.ts';

export interface ConfirmChangesModalProps {
  arn: string;
  header: string;
  /** Words above the steps: what will happen and why. */
  children?: ReactNode;
  changes: readonly PolicyChange[];
  confirmLabel: string;
  /** Shown as a success notification when every step is done. */
  successText: string;
  /** Extra form content that must be valid before confirming (e.g. a tags editor). */
  disabled?: boolean;
  onDismiss: () => void;
  onDone?: () => void;
}

/** Confirms a small plan of policy changes, shows its CLI equivalent, then runs it step by step. */
export function ConfirmChangesModal({ arn, header, children, changes, confirmLabel, successText, disabled, onDismiss, onDone }: ConfirmChangesModalProps) {
  const notifications = useNotifications();
  const run = usePolicyChangeRun(arn);
  const commands = run.state ? run.state.steps.map((item) => item.step.cli) : changes.map((change) => describeChange(arn, change).cli);

  const confirm = async () => {
    if (run.running) return;
    const outcome = run.state ? await run.retry() : await run.start(changes);
    if (outcome?.ok) {
      notifications.notify({ type: 'success', header: successText });
      onDone?.();
      onDismiss();
    }
  };

  return (
    <ActionModal
      size="large"
      header={header}
      closeAriaLabel={`Close ${header}`}
      busy={run.running}
      actionLabel={run.failed ? 'Retry' : confirmLabel}
      actionDisabled={(disabled ?? false) || changes.length === 0}
      onAction={() => void confirm()}
      onDismiss={onDismiss}
    >
      <SpaceBetween size="m">
        {run.state ? (
          <PlanProgress
            label={`${header}: steps`}
            state={run.state}
            failureHeader="Not every change was made"
            nothingDoneText="Nothing was changed. Fix the cause, then choose Retry."
            advice="Fix the cause and choose Retry to continue from the failed step."
          />
        ) : (
          children
        )}
        <CliEquivalent commands={commands} />
      </SpaceBetween>
    </ActionModal>
  );
}
