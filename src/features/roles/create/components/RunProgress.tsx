import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { PlanProgress } from '../../../../components/PlanProgress.tsx';
import type { CreateRoleRun } from '../use-create-role-run.ts';

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
  return (
    <Container header={<Header variant="h2">Creating the role</Header>}>
      <SpaceBetween size="m">
        <PlanProgress
          label="Create role progress"
          state={run.create}
          failureHeader="The role was created only in part"
          nothingDoneText="Nothing was created. Fix the cause, then choose Create role again."
          advice="Fix the cause and retry the remaining steps, or delete what was created."
          actions={
            run.cleanup ? null : (
              <SpaceBetween direction="horizontal" size="xs">
                <Button onClick={onRetryRemaining} disabled={busy}>
                  Retry the remaining steps
                </Button>
                <Button onClick={onDeleteCreated} disabled={busy}>
                  Delete what was created
                </Button>
              </SpaceBetween>
            )
          }
        />

        {run.cleanup ? (
          <SpaceBetween size="s">
            <Header variant="h3">Deleting what was created</Header>
            <PlanProgress
              label="Cleanup progress"
              state={run.cleanup}
              failureHeader="Some of what was created is still there"
              advice="Fix the cause, then retry the deletion."
              actions={
                <Button onClick={onRetryCleanup} disabled={busy}>
                  Retry the deletion
                </Button>
              }
            />
          </SpaceBetween>
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
