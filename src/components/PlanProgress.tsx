import type { ReactNode } from 'react';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import { summarize, type PlanState, type PlanStep, type StepStatus } from '../aws/plan/run-plan.ts';
import { AwsErrorAlert } from './AwsErrorAlert.tsx';
import './plan-progress.css';

const STATUS: Record<StepStatus, { type: StatusIndicatorProps.Type; text: string }> = {
  pending: { type: 'pending', text: 'Not started' },
  running: { type: 'in-progress', text: 'In progress' },
  done: { type: 'success', text: 'Done' },
  'already-done': { type: 'success', text: 'Already done' },
  failed: { type: 'error', text: 'Failed' },
};

/** Long policy documents would push the list apart; the full commands are in "AWS CLI equivalent". */
const CLI_PREVIEW_LENGTH = 220;

export interface PlanProgressProps<S extends PlanStep> {
  /** The list's accessible name, e.g. "Create role progress". */
  label: string;
  state: PlanState<S>;
  /** Heading of a failure after some steps took effect, e.g. "The role was created only in part". */
  failureHeader: string;
  /** Said instead of the failure summary when AWS refused the first step, so nothing changed. */
  nothingDoneText?: string;
  /** What to do after a failure half-way, e.g. "Fix the cause and retry the remaining steps." */
  advice: string;
  /** The ways out of a half-way failure: retry the remaining steps, undo the completed ones. */
  actions?: ReactNode;
}

/** "2 of 4 steps succeeded: …. The step “…” failed, and it and 1 more were not done." */
export function failureSummary<S extends PlanStep>(state: PlanState<S>): string {
  const { completed, failed, remaining } = summarize(state);
  if (!failed) return '';
  const uncertain = failed.outcomeUnknown ? ' (it may or may not have taken effect)' : '';
  const notDone = remaining.length === 1 ? 'it was' : `it and ${remaining.length - 1} more were`;
  return `${completed.length} of ${state.steps.length} steps succeeded: ${completed.map((step) => step.title).join('; ') || 'none'}. The step “${failed.step.title}” failed${uncertain}, and ${notDone} not done.`;
}

/**
 * The one progress view of a multi-step change: each step with its state and AWS CLI command, and on a failure
 * AWS's error, what was done and what was not, and the ways out.
 */
export function PlanProgress<S extends PlanStep>({ label, state, failureHeader, nothingDoneText, advice, actions }: PlanProgressProps<S>) {
  const { completed, failed } = summarize(state);
  const nothingDone = nothingDoneText !== undefined && failed !== undefined && completed.length === 0 && !failed.outcomeUnknown;
  const error = failed ? <AwsErrorAlert error={failed.error} context={failed.step.context} /> : null;
  return (
    <SpaceBetween size="m">
      <ol aria-label={label} className="plan-progress">
        {state.steps.map((item) => (
          <li key={item.step.id}>
            <SpaceBetween size="xxxs">
              <StatusIndicator type={STATUS[item.status].type}>{`${item.step.title}: ${STATUS[item.status].text}`}</StatusIndicator>
              {item.status === 'running' && item.note ? <Box variant="small">{item.note}</Box> : null}
              <Box variant="code" fontSize="body-s" color="text-body-secondary">
                {item.step.cli.length > CLI_PREVIEW_LENGTH ? `${item.step.cli.slice(0, CLI_PREVIEW_LENGTH)}…` : item.step.cli}
              </Box>
            </SpaceBetween>
          </li>
        ))}
      </ol>
      {failed && nothingDone ? (
        <SpaceBetween size="s">
          {error}
          <Box>{nothingDoneText}</Box>
        </SpaceBetween>
      ) : null}
      {failed && !nothingDone ? (
        <Alert type="warning" header={failureHeader} action={actions}>
          <SpaceBetween size="s">
            <Box>
              {failureSummary(state)} {advice}
            </Box>
            {error}
          </SpaceBetween>
        </Alert>
      ) : null}
    </SpaceBetween>
  );
}
