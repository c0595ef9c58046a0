/**
 * Delete a customer managed policy. IAM refuses while the policy is attached to a role, user or group (or is
 * one's permissions boundary), and while it has versions besides the default; the dialog lists the entities,
 * offers "Detach from all and delete", and shows each call with its AWS CLI equivalent as it runs.
 */
import { useForm } from 'react-hook-form';
import { useQuery } from '@tanstack/react-query';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { ActionModal } from '../../../components/ActionModal.tsx';
import { AwsErrorAlert } from '../../../components/AwsErrorAlert.tsx';
import { CliEquivalent } from '../../../components/CliEquivalent.tsx';
import { TextField } from '../../../components/FormFields.tsx';
import { useNotifications } from '../../../components/notifications/index.ts';
import { PlanProgress } from '../../../components/PlanProgress.tsx';
import { policyEntitiesQueries } from '../api/list-entities-for-policy.ts';
import { policyVersionsQueries } from '../api/list-policy-versions.ts';
import { usePolicyChangeRun } from '../api/use-policy-changes.ts';
import { deletePolicyPlan, describeChange, type AttachedEntity } from '../model/changes.ts';

export function entityText(entity: AttachedEntity): string {
  const type = entity.type === 'role' ? 'Role' : entity.type === 'user' ? 'User' : 'Group';
  return `${type} ${entity.name} (${entity.usage === 'PermissionsBoundary' ? 'permissions boundary' : 'permissions policy'})`;
}

export function DeletePolicyModal({ arn, name, onDismiss, onDeleted }: { arn: string; name: string; onDismiss: () => void; onDeleted: () => void }) {
  const notifications = useNotifications();
  const entities = useQuery(policyEntitiesQueries.list(arn));
  const versions = useQuery(policyVersionsQueries.list(arn));
  const run = usePolicyChangeRun(arn);
  // A confirmation is checked on submit only: a half-typed name is not an error.
  const { control, handleSubmit } = useForm({ defaultValues: { confirmation: '' } });

  const loading = entities.isPending || versions.isPending;
  const attached = entities.data ?? [];
  // Without the lists (e.g. a viewer may lack a List permission), try DeletePolicy alone and let IAM answer.
  const plan = run.state ? run.state.steps.map((item) => item.step.change) : deletePolicyPlan(attached, versions.data ?? []);
  const mustDetach = attached.length > 0;
  const started = run.state !== undefined;
  const nonDefault = (versions.data ?? []).filter((version) => !version.isDefault).length;

  const submit = handleSubmit(async () => {
    if (run.running) return;
    const outcome = started ? await run.retry() : await run.start(plan);
    if (outcome?.ok) {
      notifications.notify({ type: 'success', header: `Policy ${name} deleted.` });
      onDeleted();
    }
  });

  return (
    <ActionModal
      size="large"
      header={`Delete ${name}?`}
      closeAriaLabel="Close Delete policy"
      busy={run.running}
      actionLabel={run.failed ? 'Retry' : mustDetach ? 'Detach from all and delete' : 'Delete'}
      actionDisabled={loading}
      onAction={() => void submit()}
      onDismiss={onDismiss}
    >
      <SpaceBetween size="m">
        {loading ? <StatusIndicator type="loading">Finding the entities that use this policy</StatusIndicator> : null}
        {entities.isError ? <AwsErrorAlert error={entities.error} context={{ action: 'iam:ListEntitiesForPolicy', resource: arn }} onRetry={() => void entities.refetch()} /> : null}
        {versions.isError ? <AwsErrorAlert error={versions.error} context={{ action: 'iam:ListPolicyVersions', resource: arn }} onRetry={() => void versions.refetch()} /> : null}
        {mustDetach && !started ? (
          <Alert type="warning" header={`The policy is attached to ${attached.length} ${attached.length === 1 ? 'entity' : 'entities'}`}>
            IAM refuses to delete a policy that is in use. Detach it from these first, or choose Detach from all and delete:
            <ul className="policy-entity-list" aria-label="Entities using this policy">
              {attached.map((entity) => (
                <li key={`${entity.type}-${entity.name}-${entity.usage}`}>{entityText(entity)}</li>
              ))}
            </ul>
          </Alert>
        ) : null}
        {!loading && !started ? (
          <Box>
            Deleting <strong>{name}</strong> removes it and all its versions for good.
            {nonDefault === 1 ? ' Its non-default version is deleted first, as IAM requires.' : nonDefault > 1 ? ` Its ${nonDefault} non-default versions are deleted first, as IAM requires.` : ''}
          </Box>
        ) : null}
        {run.state ? (
          <PlanProgress
            label="Deletion steps"
            state={run.state}
            failureHeader="Deletion stopped"
            nothingDoneText="Nothing was changed. Fix the cause, then choose Retry."
            advice="Fix the cause and choose Retry to continue from the failed step."
          />
        ) : null}
        {!started ? (
          <TextField
            control={control}
            name="confirmation"
            label={`To confirm, type the policy name "${name}".`}
            ariaLabel="Policy name to confirm"
            placeholder={name}
            rules={{ validate: (value) => value === name || 'Type the policy name exactly.' }}
          />
        ) : null}
        {!loading ? <CliEquivalent commands={plan.map((change) => describeChange(arn, change).cli)} defaultExpanded={!started} /> : null}
      </SpaceBetween>
    </ActionModal>
  );
}
