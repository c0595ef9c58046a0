import { useState } from 'react';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { ActionModal } from '../../../components/ActionModal.tsx';
import { AwsErrorAlert } from '../../../components/AwsErrorAlert.tsx';
import { CliEquivalent } from '../../../components/CliEquivalent.tsx';
import { useNotifications } from '../../../components/notifications/index.ts';
import type { RoleDetails } from '../api/get-role.ts';
import { useUpdateRole } from '../api/update-role.ts';
import { LIMITS, validateDescription, validateMaxSessionDuration } from '../create/model/validation.ts';
import { awsCli } from '../../../aws/cli.ts';
import { formatDuration } from '../model/role-filter.ts';

/** Edit the description and maximum session duration (UpdateRole). */
export function EditRoleModal({ role, onDismiss }: { role: RoleDetails; onDismiss: () => void }) {
  const [description, setDescription] = useState(role.description);
  const [duration, setDuration] = useState(String(role.maxSessionDuration));
  const mutation = useUpdateRole();
  const { notify } = useNotifications();
  const seconds = Number(duration);
  const descriptionError = validateDescription(description);
  const durationError = duration.trim() === '' ? 'Enter the maximum session duration in seconds.' : validateMaxSessionDuration(seconds);

  const save = () => {
    if (descriptionError || durationError || mutation.isPending) return;
    mutation.mutate(
      { roleName: role.name, description, maxSessionDuration: seconds },
      {
        onSuccess: () => {
          notify({ type: 'success', header: `Role ${role.name} updated` });
          onDismiss();
        },
      },
    );
  };

  return (
    <ActionModal
      header={`Edit ${role.name}`}
      closeAriaLabel="Close Edit role"
      busy={mutation.isPending}
      actionLabel="Save changes"
      onAction={save}
      onDismiss={onDismiss}
    >
      <SpaceBetween size="m">
        <FormField label="Description" constraintText={`${description.length}/${LIMITS.descriptionMax} characters.`} errorText={descriptionError}>
          <Textarea value={description} rows={3} ariaLabel="Description" onChange={({ detail }) => setDescription(detail.value)} />
        </FormField>
        <FormField
          label="Maximum session duration (seconds)"
          description="How long sessions that assume this role can last: 3600 (1 hour) to 43200 (12 hours). EC2 instance credentials do not use it."
          constraintText={!durationError ? formatDuration(seconds) : undefined}
          errorText={durationError}
        >
          <Input type="number" inputMode="numeric" value={duration} ariaLabel="Maximum session duration in seconds" onChange={({ detail }) => setDuration(detail.value)} />
        </FormField>
        <CliEquivalent commands={[awsCli('iam', 'UpdateRole', { RoleName: role.name, Description: description, MaxSessionDuration: Number.isFinite(seconds) ? seconds : role.maxSessionDuration })]} />
        {mutation.isError ? <AwsErrorAlert error={mutation.error} context={{ action: 'iam:UpdateRole', resource: role.arn }} /> : null}
      </SpaceBetween>
    </ActionModal>
  );
}
