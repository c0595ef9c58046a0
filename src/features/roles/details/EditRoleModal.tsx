import { useForm, useWatch } from 'react-hook-form';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { ActionModal } from '../../../components/ActionModal.tsx';
import { AwsErrorAlert } from '../../../components/AwsErrorAlert.tsx';
import { CliEquivalent } from '../../../components/CliEquivalent.tsx';
import { asRule, FORM_MODE, TextField } from '../../../components/FormFields.tsx';
import { useNotifications } from '../../../components/notifications/index.ts';
import type { RoleDetails } from '../api/get-role.ts';
import { useUpdateRole } from '../api/update-role.ts';
import { LIMITS, validateDescription, validateMaxSessionDuration } from '../../../validation/iam.ts';
import { awsCli } from '../../../aws/cli.ts';
import { formatDuration } from '../model/role-filter.ts';

interface EditRoleValues {
  description: string;
  /** As typed: the Input's text, turned into seconds when valid. */
  duration: string;
}

function validateDuration(duration: string): string | undefined {
  return duration.trim() === '' ? 'Enter the maximum session duration in seconds.' : validateMaxSessionDuration(Number(duration));
}

/** Edit the description and maximum session duration (UpdateRole). */
export function EditRoleModal({ role, onDismiss }: { role: RoleDetails; onDismiss: () => void }) {
  const { control, handleSubmit } = useForm<EditRoleValues>({
    ...FORM_MODE,
    defaultValues: { description: role.description, duration: String(role.maxSessionDuration) },
  });
  const [description, duration] = useWatch({ control, name: ['description', 'duration'] });
  const mutation = useUpdateRole();
  const { notify } = useNotifications();
  const seconds = Number(duration);

  const save = handleSubmit((values) => {
    if (mutation.isPending) return;
    mutation.mutate(
      { roleName: role.name, description: values.description, maxSessionDuration: Number(values.duration) },
      {
        onSuccess: () => {
          notify({ type: 'success', header: `Role ${role.name} updated` });
          onDismiss();
        },
      },
    );
  });

  return (
    <ActionModal
      header={`Edit ${role.name}`}
      closeAriaLabel="Close Edit role"
      busy={mutation.isPending}
      actionLabel="Save changes"
      onAction={() => void save()}
      onDismiss={onDismiss}
    >
      <SpaceBetween size="m">
        <TextField
          control={control}
          name="description"
          label="Description"
          ariaLabel="Description"
          rows={3}
          rules={{ validate: asRule(validateDescription) }}
          constraintText={(value) => `${value.length}/${LIMITS.descriptionMax} characters.`}
        />
        <TextField
          control={control}
          name="duration"
          label="Maximum session duration (seconds)"
          description="How long sessions that assume this role can last: 3600 (1 hour) to 43200 (12 hours). EC2 instance credentials do not use it."
          ariaLabel="Maximum session duration in seconds"
          type="number"
          inputMode="numeric"
          rules={{ validate: asRule(validateDuration) }}
          constraintText={(value) => (validateDuration(value) ? undefined : formatDuration(Number(value)))}
        />
        <CliEquivalent commands={[awsCli('iam', 'UpdateRole', { RoleName: role.name, Description: description, MaxSessionDuration: Number.isFinite(seconds) ? seconds : role.maxSessionDuration })]} />
        {mutation.isError ? <AwsErrorAlert error={mutation.error} context={{ action: 'iam:UpdateRole', resource: role.arn }} /> : null}
      </SpaceBetween>
    </ActionModal>
  );
}
