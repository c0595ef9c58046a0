import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Link from '@cloudscape-design/components/link';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { summarize, undoSteps, type PlanState } from '../../../aws/plan/run-plan.ts';
import { usePlanRun } from '../../../aws/plan/use-plan-run.ts';
import { AwsErrorAlert } from '../../../components/AwsErrorAlert.tsx';
import { PlanProgress } from '../../../components/PlanProgress.tsx';
import { useNotifications } from '../../../components/notifications/index.ts';
import { associationOperations } from '../api/change-association.ts';
import { describeAssociationsOfInstances } from '../api/describe-associations.ts';
import type { InstanceSummary } from '../api/describe-instances.ts';
import { invalidateInstanceProfiles } from '../../../aws/iam-queries.ts';
import { ec2Keys } from '../api/keys.ts';
import { ec2RoleQueries } from '../api/list-ec2-roles.ts';
import { instanceProfileQueries } from '../api/list-instance-profiles.ts';
import { roleStepRunner } from '../model/apply-plan.ts';
import { planBulkAttach, type BulkPlan } from '../model/bulk.ts';
import { roleChangeBlockedReason } from '../model/instance-state.ts';
import { undoRoleStep, type RoleStep } from '../model/plan.ts';
import { rolesWithoutProfile, type ProfileChoice } from '../model/profile-choices.ts';
import { CliEquivalent } from '../../../components/CliEquivalent.tsx';
import { InstanceStateIndicator } from '../../../components/InstanceStateIndicator.tsx';
import { RolesWithoutProfileNotice } from './RolesWithoutProfileNotice.tsx';
import { ProfileSelect } from './ProfileSelect.tsx';
import './instances.css';

/**
 * Attach the same IAM role to several instances: one plan of EC2 calls, instance after instance, on the shared plan
 * runner. It stops at the first failure, and then retries the remaining steps or undoes the completed ones.
 */
export function BulkAttachModal({ region, instances, onDismiss }: { region: string; instances: InstanceSummary[]; onDismiss: () => void }) {
  const queryClient = useQueryClient();
  const { notify } = useNotifications();
  const profiles = useQuery(instanceProfileQueries.directory());
  const roles = useQuery(ec2RoleQueries.trustingEc2());
  const profileSelectId = useId();
  const orphanRoles = useMemo(() => rolesWithoutProfile(roles.data, profiles.data), [roles.data, profiles.data]);
  const [selected, setSelected] = useState<ProfileChoice | null>(null);
  const runner = useMemo(() => roleStepRunner(associationOperations(region)), [region]);
  const change = usePlanRun(runner);
  const running = change.running;
  const [plan, setPlan] = useState<BulkPlan | undefined>();
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<unknown>();
  const abort = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => abort.current?.abort(), []);

  const profile = selected?.value ? profiles.data?.byArn.get(selected.value) : undefined;
  const eligible = instances.filter((instance) => !roleChangeBlockedReason(instance.state));
  const commands = profile
    ? planBulkAttach(eligible, { name: profile.name, arn: profile.arn }, [], region).steps.map((step) => step.cli)
    : [];

  /** Runs the plan (or its undo) with a Cancel; the instances are re-read afterwards, whatever happened. */
  async function execute(go: (signal: AbortSignal) => Promise<PlanState<RoleStep> | undefined>, report: (state: PlanState<RoleStep>) => void) {
    const controller = new AbortController();
    abort.current = controller;
    try {
      const state = await go(controller.signal);
      if (state && summarize(state).finished) report(state);
    } finally {
      abort.current = undefined;
      void queryClient.invalidateQueries({ queryKey: ec2Keys.region(region) });
    }
  }

  async function apply() {
    if (!profile) return;
    setError(undefined);
    setReading(true);
    let bulk: BulkPlan;
    try {
      const associations = await describeAssociationsOfInstances(
        region,
        instances.map((instance) => instance.instanceId),
      );
      const ref = { name: profile.name, arn: profile.arn, ...(profile.roleName ? { roleName: profile.roleName } : {}) };
      bulk = planBulkAttach(instances, ref, associations, region);
    } catch (failure) {
      setError(failure);
      return;
    } finally {
      setReading(false);
    }
    setPlan(bulk);
    const changing = new Set(bulk.steps.map((step) => step.instanceId)).size;
    await execute(
      (signal) => change.start(bulk.steps, signal),
      () => notify({ type: 'success', header: `IAM role ${profile.roleName ?? profile.name}: ${changing} of ${instances.length} instances updated` }),
    );
  }

  const retryRemaining = () => void execute((signal) => change.resume(signal), () => notify({ type: 'success', header: 'Every remaining instance was updated' }));
  const undoCompleted = () => {
    const done = change.state;
    if (done) void execute((signal) => change.start(undoSteps(done, undoRoleStep), signal), () => notify({ type: 'success', header: 'The instances have their previous IAM roles again' }));
  };
  const partial = change.state ? summarize(change.state) : undefined;
  const started = plan !== undefined;

  return (
    <Modal
      visible
      size="max"
      onDismiss={() => (running ? undefined : onDismiss())}
      header={`Attach IAM role to ${instances.length} instances`}
      closeAriaLabel="Close dialog"
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            {running ? (
              <Button onClick={() => abort.current?.abort()}>Cancel</Button>
            ) : (
              <Button variant="link" onClick={onDismiss}>
                {started ? 'Close' : 'Cancel'}
              </Button>
            )}
            {started && !running ? null : (
              <Button variant="primary" disabled={!profile || !profile.roleName || running} loading={running || reading} onClick={() => void apply()}>
                Attach IAM role
              </Button>
            )}
          </SpaceBetween>
        </Box>
      }
    >
      <SpaceBetween size="l">
        {!started ? (
          <>
            <FormField
              label="IAM role"
              controlId={profileSelectId}
              description="The same instance profile is attached to every selected instance; a different role is replaced."
              secondaryControl={
                <Button
                  iconName="refresh"
                  ariaLabel="Refresh IAM roles"
                  loading={profiles.isFetching || roles.isFetching}
                  onClick={() => void invalidateInstanceProfiles(queryClient)}
                />
              }
              constraintText={
                <Link href="/roles/create" external externalIconAriaLabel="(opens in a new tab)">
                  Create new IAM role
                </Link>
              }
            >
              <ProfileSelect
                controlId={profileSelectId}
                profiles={profiles}
                orphanRoles={orphanRoles}
                includeNoRole={false}
                selected={selected}
                onChange={setSelected}
                disabled={running}
              />
            </FormField>
            <RolesWithoutProfileNotice roles={orphanRoles} />
            {eligible.length < instances.length ? (
              <Alert type="info">
                {instances.length - eligible.length} of the selected instances cannot get a role in their current state and will be skipped.
              </Alert>
            ) : null}
          </>
        ) : null}
        {!started ? (
          <Table
            variant="embedded"
            ariaLabels={{ tableLabel: 'Selected instances' }}
            header={<Box variant="h3">Selected instances</Box>}
            items={instances}
            trackBy="instanceId"
            columnDefinitions={[
              { id: 'id', header: 'Instance ID', cell: (row) => row.instanceId, isRowHeader: true, minWidth: 190 },
              { id: 'name', header: 'Name', cell: (row) => row.name || '–', minWidth: 150 },
              { id: 'state', header: 'Instance state', cell: (row) => <InstanceStateIndicator state={row.state} />, minWidth: 130 },
            ]}
            wrapLines
          />
        ) : null}
        {change.state ? (
          <PlanProgress
            label="Bulk attach progress"
            state={change.state}
            failureHeader="Not every instance was changed"
            advice="Fix the cause and retry the remaining steps, or undo the completed ones."
            actions={
              partial?.failed && !running ? (
                <SpaceBetween direction="horizontal" size="xs">
                  <Button onClick={retryRemaining}>Retry the remaining steps</Button>
                  {partial.completed.length > 0 ? <Button onClick={undoCompleted}>Undo the completed steps</Button> : null}
                </SpaceBetween>
              ) : null
            }
          />
        ) : null}
        {plan && plan.skipped.length > 0 ? (
          <Alert type="info" header={`${plan.skipped.length} ${plan.skipped.length === 1 ? 'instance was' : 'instances were'} skipped`}>
            <ul aria-label="Skipped instances">
              {plan.skipped.map(({ target, reason }) => (
                <li key={target.instanceId}>{`${target.instanceId}${target.name ? ` (${target.name})` : ''}: ${reason}`}</li>
              ))}
            </ul>
          </Alert>
        ) : null}
        {!started ? <CliEquivalent commands={commands} emptyText="Choose an IAM role to see the commands." /> : null}
        {error ? <AwsErrorAlert error={error} context={{ action: 'ec2:DescribeIamInstanceProfileAssociations' }} /> : null}
      </SpaceBetween>
    </Modal>
  );
}
