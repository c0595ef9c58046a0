import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Controller, useForm, useFormState, useWatch } from 'react-hook-form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { summarize, undoSteps, type PlanState } from '../../../aws/plan/run-plan.ts';
import { usePlanRun } from '../../../aws/plan/use-plan-run.ts';
import { ActionModal } from '../../../components/ActionModal.tsx';
import { FORM_MODE, TextField } from '../../../components/FormFields.tsx';
import { AwsErrorAlert } from '../../../components/AwsErrorAlert.tsx';
import { PlanProgress } from '../../../components/PlanProgress.tsx';
import { useNotifications } from '../../../components/notifications/index.ts';
import { associationOperations } from '../api/change-association.ts';
import { associationQueries } from '../api/describe-associations.ts';
import type { InstanceSummary } from '../api/describe-instances.ts';
import { invalidateInstanceProfiles } from '../../../aws/iam-queries.ts';
import { ec2Keys } from '../api/keys.ts';
import { ec2RoleQueries } from '../api/list-ec2-roles.ts';
import { instanceProfileQueries, profileNameFromArn } from '../api/list-instance-profiles.ts';
import { roleStepRunner } from '../model/apply-plan.ts';
import { planChangesSomething, planRoleChange, roleSteps, undoRoleStep, type RoleChoice, type RolePlan, type RoleStep } from '../model/plan.ts';
import { NO_ROLE_VALUE, profileChoice, rolesWithoutProfile, type ProfileChoice } from '../model/profile-choices.ts';
import { roleDisplayOf } from '../model/role-display.ts';
import { CliEquivalent } from '../../../components/CliEquivalent.tsx';
import { ExportAsCodeSection } from '../../../components/ExportAsCode.tsx';
import { IamRoleValue } from './IamRoleValue.tsx';
import { MODIFY_IAM_ROLE } from './InstanceActions.tsx';
import { RolesWithoutProfileNotice } from './RolesWithoutProfileNotice.tsx';
import { ProfileSelect } from './ProfileSelect.tsx';
import './instances.css';

export const DETACH_CONFIRMATION = 'Detach';

interface ModifyIamRoleValues {
  /** The drop-down's choice; null until the user picks one (the dialog then shows the current profile). */
  profile: ProfileChoice | null;
  /** What the user typed to confirm a detachment. */
  confirmation: string;
}

function successHeader(plan: RolePlan, instanceLabel: string): string {
  switch (plan.kind) {
    case 'associate':
      return `IAM role ${plan.profile.roleName ?? plan.profile.name} attached to ${instanceLabel}`;
    case 'replace':
    case 'disassociate-then-associate':
      return `IAM role of ${instanceLabel} replaced with ${plan.profile.roleName ?? plan.profile.name}`;
    case 'disassociate':
      return `IAM role detached from ${instanceLabel}`;
    case 'nothing':
    case 'blocked':
      return `Nothing to change on ${instanceLabel}`;
  }
}

function choiceOf(option: ProfileChoice | null, profileByArn: (arn: string) => RoleChoice | undefined): RoleChoice | undefined {
  if (!option?.value) return undefined;
  if (option.value === NO_ROLE_VALUE) return { kind: 'none' };
  return profileByArn(option.value);
}

/**
 * The Modify IAM role dialog (Actions → Security, or Instance settings → Attach/Replace IAM role). Its Update IAM
 * role button, named as in today's EC2 console, picks Associate, Replace or Disassociate from the instance's
 * current association, retries while IAM propagates, and waits until EC2 has finished before reporting success.
 */
export function ModifyIamRoleModal({ region, instance, onDismiss }: { region: string; instance: InstanceSummary; onDismiss: () => void }) {
  const queryClient = useQueryClient();
  const { notify } = useNotifications();
  const profiles = useQuery(instanceProfileQueries.directory());
  const roles = useQuery(ec2RoleQueries.trustingEc2());
  const association = useQuery(associationQueries.ofInstance(region, instance.instanceId));
  const current = association.data ?? undefined;

  const { control, setValue } = useForm<ModifyIamRoleValues>({ ...FORM_MODE, defaultValues: { profile: null, confirmation: '' } });
  const [selected, confirmation] = useWatch({ control, name: ['profile', 'confirmation'] });
  const touched = Boolean(useFormState({ control, name: 'profile' }).dirtyFields.profile);
  const [step, setStep] = useState<'choose' | 'confirm-detach'>('choose');
  const runner = useMemo(() => roleStepRunner(associationOperations(region)), [region]);
  const change = usePlanRun(runner);
  const [applied, setApplied] = useState<RolePlan | undefined>();
  const [cancelled, setCancelled] = useState(false);
  const abort = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => abort.current?.abort(), []);

  const profileSelectId = useId();
  const instanceLabel = instance.name ? `${instance.instanceId} (${instance.name})` : instance.instanceId;
  const orphanRoles = useMemo(() => rolesWithoutProfile(roles.data, profiles.data), [roles.data, profiles.data]);

  // The drop-down starts on the instance's current profile, as the EC2 console's does.
  const currentProfile = current ? profiles.data?.byArn.get(current.profileArn) : undefined;
  const shownSelection = touched ? selected : currentProfile ? profileChoice(currentProfile) : null;

  const choice = choiceOf(shownSelection, (arn) => {
    const profile = profiles.data?.byArn.get(arn);
    return profile ? { kind: 'profile', profile: { name: profile.name, arn: profile.arn, ...(profile.roleName ? { roleName: profile.roleName } : {}) } } : undefined;
  });
  const plan = choice && association.isSuccess ? planRoleChange({ instanceId: instance.instanceId, state: instance.state, current, choice }) : undefined;
  const running = change.running;
  const selectedProfileHasNoRole = choice?.kind === 'profile' && !choice.profile.roleName;

  /** Runs steps of the plan (or its undo) until done or failed; done, the dialog reports and closes. */
  async function execute(go: (signal: AbortSignal) => Promise<PlanState<RoleStep> | undefined>, successText: string) {
    const controller = new AbortController();
    abort.current = controller;
    setCancelled(false);
    try {
      const state = await go(controller.signal);
      if (!state) return;
      if (summarize(state).finished) {
        await queryClient.invalidateQueries({ queryKey: ec2Keys.region(region) });
        notify({ type: 'success', header: successText });
        onDismiss();
        return;
      }
      setCancelled(controller.signal.aborted);
      setStep('choose');
      void queryClient.invalidateQueries({ queryKey: ec2Keys.region(region) });
    } finally {
      if (abort.current === controller) abort.current = undefined;
    }
  }

  const run = (toApply: RolePlan) => {
    setApplied(toApply);
    void execute((signal) => change.start(roleSteps(toApply, region), signal), successHeader(toApply, instanceLabel));
  };
  const retryRemaining = () => {
    if (applied) void execute((signal) => change.resume(signal), successHeader(applied, instanceLabel));
  };
  const undoCompleted = () => {
    const done = change.state;
    if (done) void execute((signal) => change.start(undoSteps(done, undoRoleStep), signal), `IAM role of ${instanceLabel} put back`);
  };

  function apply() {
    if (!plan || !planChangesSomething(plan)) return;
    if (plan.kind === 'disassociate' && step === 'choose') {
      setValue('confirmation', '');
      setStep('confirm-detach');
      return;
    }
    run(plan);
  }

  const refreshing = profiles.isFetching || roles.isFetching;
  const refresh = () => {
    void invalidateInstanceProfiles(queryClient);
  };

  const partial = change.state ? summarize(change.state) : undefined;
  const progressArea =
    change.state && !cancelled ? (
      <div role="status" aria-live="polite">
        <SpaceBetween size="s">
          <PlanProgress
            label="Progress"
            state={change.state}
            failureHeader="The IAM role was changed only in part"
            nothingDoneText="Nothing was changed. Fix the cause, then choose Update IAM role again."
            advice="Fix the cause and retry the remaining steps, or undo the completed ones."
            actions={
              partial?.failed && partial.completed.length > 0 ? (
                <SpaceBetween direction="horizontal" size="xs">
                  <Button onClick={retryRemaining} disabled={running}>
                    Retry the remaining steps
                  </Button>
                  <Button onClick={undoCompleted} disabled={running}>
                    Undo the completed steps
                  </Button>
                </SpaceBetween>
              ) : null
            }
          />
          {running ? <Button onClick={() => abort.current?.abort()}>Cancel</Button> : null}
        </SpaceBetween>
      </div>
    ) : null;

  const errorArea = cancelled ? (
    <Alert type="warning" header="Cancelled">
      The console stopped waiting. A change EC2 had already accepted stays in effect: check the instance’s IAM role.
    </Alert>
  ) : null;

  if (step === 'confirm-detach' && plan?.kind === 'disassociate') {
    const roleName = currentProfile?.roleName ?? (current ? profileNameFromArn(current.profileArn) : '');
    return (
      <ActionModal
        header="Detach IAM role"
        busy={running}
        actionLabel="Detach"
        actionDisabled={confirmation !== DETACH_CONFIRMATION || running}
        onAction={apply}
        onDismiss={onDismiss}
        onCancel={() => setStep('choose')}
      >
        <SpaceBetween size="m">
          <Box>
            Detach IAM role <Box variant="strong">{roleName}</Box> from instance <Box variant="strong">{instanceLabel}</Box>? Applications on
            the instance lose the role’s permissions once their cached credentials expire.
          </Box>
          <TextField
            control={control}
            name="confirmation"
            label={`To confirm the detachment, type ${DETACH_CONFIRMATION} in the field.`}
            placeholder={DETACH_CONFIRMATION}
            ariaLabel="Type Detach to confirm"
            disabled={running}
          />
          {progressArea}
          {errorArea}
          <CliEquivalent commands={roleSteps(plan, region).map((planned) => planned.cli)} emptyText="" />
        </SpaceBetween>
      </ActionModal>
    );
  }

  return (
    <ActionModal
      size="large"
      header={MODIFY_IAM_ROLE}
      busy={running}
      actionLabel="Update IAM role"
      actionDisabled={!plan || !planChangesSomething(plan) || selectedProfileHasNoRole || running}
      onAction={apply}
      onDismiss={onDismiss}
    >
      <SpaceBetween size="l">
        <Box variant="p">Select an IAM role to attach to your instance. The list shows instance profiles: EC2 attaches the role inside the profile.</Box>
        <KeyValuePairs
          columns={3}
          items={[
            { label: 'Instance ID', value: instance.instanceId },
            { label: 'Name', value: instance.name || '–' },
            {
              label: 'Current IAM role',
              value: association.isPending ? (
                <StatusIndicator type="loading">Loading</StatusIndicator>
              ) : (
                <IamRoleValue display={roleDisplayOf(current?.profileArn, profiles.data)} loading={profiles.isPending} />
              ),
            },
          ]}
        />
        {association.isError ? (
          <AwsErrorAlert
            error={association.error}
            context={{ action: 'ec2:DescribeIamInstanceProfileAssociations' }}
            onRetry={() => void association.refetch()}
          />
        ) : null}
        <FormField
          label="IAM role"
          controlId={profileSelectId}
          description="Choose an instance profile, or No IAM role to detach the current one."
          secondaryControl={<Button iconName="refresh" ariaLabel="Refresh IAM roles" loading={refreshing} onClick={refresh} />}
          constraintText={
            <Link href="/roles/create" external externalIconAriaLabel="(opens in a new tab)">
              Create new IAM role
            </Link>
          }
          errorText={selectedProfileHasNoRole ? 'This instance profile holds no role: add a role to it in IAM, or choose another.' : undefined}
        >
          <Controller
            control={control}
            name="profile"
            render={({ field }) => (
              <ProfileSelect
                controlId={profileSelectId}
                invalid={selectedProfileHasNoRole}
                profiles={profiles}
                orphanRoles={orphanRoles}
                includeNoRole={Boolean(current)}
                selected={shownSelection}
                onChange={(option) => {
                  field.onChange(option);
                  change.reset();
                  setCancelled(false);
                }}
                disabled={running || !association.isSuccess}
              />
            )}
          />
        </FormField>
        {profiles.isError ? <AwsErrorAlert error={profiles.error} context={{ action: 'iam:ListInstanceProfiles' }} onRetry={() => void profiles.refetch()} /> : null}
        <RolesWithoutProfileNotice roles={orphanRoles} />
        {plan?.kind === 'nothing' ? <Box color="text-status-inactive">{plan.reason}</Box> : null}
        {plan?.kind === 'blocked' ? <Alert type="warning">{plan.reason}</Alert> : null}
        {plan?.kind === 'disassociate-then-associate' ? (
          <Alert type="info">
            The instance is stopped, and EC2 replaces roles only on running instances: Update IAM role detaches the current role, then attaches the new one.
          </Alert>
        ) : null}
        {progressArea}
        {errorArea}
        <CliEquivalent commands={plan ? roleSteps(plan, region).map((planned) => planned.cli) : []} emptyText="Choose a different IAM role to see the command." />
        {choice?.kind === 'profile' && choice.profile.roleName ? (
          <ExportAsCodeSection key={choice.profile.arn} roleName={choice.profile.roleName} profileName={choice.profile.name} instanceId={instance.instanceId} />
        ) : null}
      </SpaceBetween>
    </ActionModal>
  );
}

