import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import { AwsErrorAlert } from '../../../components/AwsErrorAlert.tsx';
import type { ChangeStep, StepStatus } from '../api/use-policy-changes.ts';
import './policy-pages.css';

const STATUS: Record<StepStatus, { type: StatusIndicatorProps.Type; text: string }> = {
  pending: { type: 'pending', text: 'Waiting' },
  running: { type: 'in-progress', text: 'In progress' },
  done: { type: 'success', text: 'Done' },
  failed: { type: 'error', text: 'Failed' },
};

/** The calls of a run, one line each with its state and CLI command; the failed one says why and what is left. */
export function ChangeSteps({ steps, label }: { steps: readonly ChangeStep[]; label: string }) {
  if (steps.length === 0) return null;
  const failedIndex = steps.findIndex((step) => step.status === 'failed');
  const failed = failedIndex >= 0 ? steps[failedIndex] : undefined;
  const left = failedIndex >= 0 ? steps.length - failedIndex : 0;
  return (
    <SpaceBetween size="s">
      <ol className="policy-change-steps" aria-label={label}>
        {steps.map((step, index) => (
          <li key={`${index}-${step.description.label}`} aria-label={`${step.description.label}: ${STATUS[step.status].text}`}>
            <StatusIndicator type={STATUS[step.status].type}>{step.description.label}</StatusIndicator>
            <div className="policy-change-steps__cli">
              <Box variant="code" fontSize="body-s" color="text-body-secondary">
                {step.description.cli}
              </Box>
            </div>
          </li>
        ))}
      </ol>
      {failed ? (
        <SpaceBetween size="xs">
          <AwsErrorAlert error={failed.error} context={{ action: failed.description.action, ...(failed.description.resource ? { resource: failed.description.resource } : {}) }} />
          <Box variant="small">
            {failedIndex === 0 ? 'Nothing was changed.' : `${failedIndex} of ${steps.length} steps were done.`} {left} {left === 1 ? 'step is' : 'steps are'} left:
            fix the cause, then retry.
          </Box>
        </SpaceBetween>
      ) : null}
    </SpaceBetween>
  );
}
