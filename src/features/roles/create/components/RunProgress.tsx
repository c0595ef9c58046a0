import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import { AwsErrorAlert } from '../../../../components/AwsErrorAlert.tsx';
import { actionOf } from '../step-actions.ts';
import type { CreateRoleRun, StepState } from '../use-create-role-run.ts';

const STATUS: Record<StepState['status'], { type: StatusIndicatorProps.Type; text: string }> = {
  pending: { type: 'pending', text: 'Not started' },
  running: { type: 'in-progress', text: 'In progress' },
  done: { type: 'success', text: 'Done' },
  'already-done': { type: 'success', text: 'Already done' },
  failed: { type: 'error', text: 'Failed' },
};

function StepList({ label, states }: { label: string; states: StepState[] }) {
  return (
    <ol aria-label={label} className="run-steps">
      {states.map((state) => (
        <li key={state.step.id}>
          <SpaceBetween size="xxxs">
            <div>
              <StatusIndicator type={STATUS[state.status].type}>
                {state.step.title}: {STATUS[state.status].text}
              </StatusIndicator>
            </div>
            <Box variant="code" fontSize="body-s" color="text-body-secondary">
              {state.step.cli.length > 220 ? `${state.step.cli.slice(0, 220)}…` : state.step.cli}
            </Box>
          </SpaceBetween>
        </li>
      ))}
    </ol>
  );
}

export interface RunProgressProps {
  run: CreateRoleRun;
  onRetryRemaining: () => void;
  onDeleteCreated: () => void;
  onRetryCleanup: () => void;
  onStartOver: () => void;
}

/** The progress of "Create role", and on a half-way failure what succeeded and the two ways out. */
export function RunProgress({ run, onRetryRemaining, onDeleteCreated, onRetryCleanup, onStartOver }: RunProgressProps) {
  const busy = run.phase === 'creating' || run.phase === 'cleaning';
  const failedStep = run.result?.failed;
  const completed = run.result?.completed ?? [];
  const cleanupFailure = run.cleanupResult?.failed;
  return (
    <Container header={<Header variant="h2">Creating the role</Header>}>
      <SpaceBetween size="m">
        <StepList label="Create role progress" states={run.steps} />

        {(run.phase === 'failed' || run.phase === 'rejected') && failedStep ? (
          run.phase === 'rejected' ? (
            <SpaceBetween size="s">
              <AwsErrorAlert error={failedStep.error} context={actionOf(failedStep.step)} />
              <Box>Nothing was created. Fix the cause, then choose Create role again.</Box>
            </SpaceBetween>
          ) : (
            <Alert
              type="warning"
              header="The role was created only in part"
              action={
                <SpaceBetween direction="horizontal" size="xs">
                  <Button onClick={onRetryRemaining} disabled={busy}>
                    Retry the remaining steps
                  </Button>
                  <Button onClick={onDeleteCreated} disabled={busy}>
                    Delete what was created
                  </Button>
                </SpaceBetween>
              }
            >
              <SpaceBetween size="s">
                <Box>
                  {completed.length} of {run.steps.length} steps succeeded: {completed.map((step) => step.title).join('; ') || 'none'}. The step “
                  {failedStep.step.title}” failed{failedStep.outcomeUnknown ? ' (it may or may not have taken effect)' : ''}, and{' '}
                  {run.result?.remaining.length === 1 ? 'it was' : `it and ${(run.result?.remaining.length ?? 1) - 1} more were`} not done.
                  Fix the cause and retry the remaining steps, or delete what was created.
                </Box>
                <AwsErrorAlert error={failedStep.error} context={actionOf(failedStep.step)} />
              </SpaceBetween>
            </Alert>
          )
        ) : null}

        {run.cleanup.length > 0 ? (
          <SpaceBetween size="s">
            <Header variant="h3">Deleting what was created</Header>
            <StepList label="Cleanup progress" states={run.cleanup} />
          </SpaceBetween>
        ) : null}

        {run.phase === 'cleanup-failed' && cleanupFailure ? (
          <Alert
            type="error"
            header="Some of what was created is still there"
            action={
              <Button onClick={onRetryCleanup} disabled={busy}>
                Retry the deletion
              </Button>
            }
          >
            <SpaceBetween size="s">
              <Box>The step “{cleanupFailure.step.title}” failed, so it and the steps after it were not done.</Box>
              <AwsErrorAlert error={cleanupFailure.error} context={actionOf(cleanupFailure.step)} />
            </SpaceBetween>
          </Alert>
        ) : null}

        {run.phase === 'cleaned' ? (
          <Alert
            type="success"
            header="Everything that was created was deleted"
            action={<Button onClick={onStartOver}>Edit and create again</Button>}
          >
            The account is as it was before Create role.
          </Alert>
        ) : null}
      </SpaceBetween>
    </Container>
  );
}
