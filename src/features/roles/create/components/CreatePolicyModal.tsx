import { useCallback, useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { ActionModal } from '../../../../components/ActionModal.tsx';
import { AwsErrorAlert } from '../../../../components/AwsErrorAlert.tsx';
import { asRule, FORM_MODE, TextField } from '../../../../components/FormFields.tsx';
import { useCreatePolicy, type CreatedPolicy } from '../../../../aws/create-policy.ts';
import type { Finding } from '../../../../iam-policies/checks/findings.ts';
import { LazyPolicyEditor } from '../../../../iam-policies/components/LazyPolicyEditor.tsx';
import { documentBlocker } from '../../../../iam-policies/components/PolicyDocumentField.tsx';
import { EMPTY_POLICY_TEMPLATE, validateNewPolicyDescription, validateNewPolicyName } from '../../../../iam-policies/policy-form-rules.ts';

interface NewPolicyValues {
  name: string;
  description: string;
  document: string;
}

const EMPTY_POLICY: NewPolicyValues = { name: '', description: '', document: EMPTY_POLICY_TEMPLATE };

/** "Create policy": a new customer managed policy, checked as it is written, within IAM's 6,144-character quota. */
export function CreatePolicyModal({ visible, onDismiss, onCreated }: { visible: boolean; onDismiss: () => void; onCreated: (policy: CreatedPolicy) => void }) {
  const { control, handleSubmit, formState, reset, trigger } = useForm<NewPolicyValues>({ ...FORM_MODE, defaultValues: EMPTY_POLICY });
  const [findings, setFindings] = useState<Finding[] | undefined>(undefined);
  const mutation = useCreatePolicy();
  const onFindings = useCallback((next: Finding[]) => setFindings(next), []);
  // The document's rule reads the checks' findings, which arrive after the text changed: check it again then.
  useEffect(() => {
    if (formState.isSubmitted) void trigger('document');
  }, [findings, formState.isSubmitted, trigger]);

  const submit = handleSubmit((input) => {
    if (mutation.isPending) return;
    mutation.mutate(input, {
      onSuccess: (created) => {
        reset(EMPTY_POLICY);
        mutation.reset();
        onCreated(created);
      },
    });
  });

  return (
    <ActionModal
      visible={visible}
      size="large"
      header="Create policy"
      closeAriaLabel="Close Create policy"
      busy={mutation.isPending}
      actionLabel="Create policy"
      actionDisabled={mutation.isPending}
      onAction={() => void submit()}
      onDismiss={onDismiss}
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <SpaceBetween size="m">
          <TextField
            control={control}
            name="name"
            label="Policy name"
            constraintText="Maximum 128 characters. Use alphanumeric and '+=,.@-_' characters."
            rules={{ validate: asRule(validateNewPolicyName) }}
          />
          <TextField
            control={control}
            name="description"
            label="Description - optional"
            constraintText="Maximum 1,000 characters."
            rows={2}
            rules={{ validate: asRule(validateNewPolicyDescription) }}
          />
          {visible ? (
            <Controller
              control={control}
              name="document"
              rules={{ validate: () => documentBlocker(findings) ?? true }}
              render={({ field, fieldState }) => (
                <LazyPolicyEditor
                  label="Policy document"
                  description="JSON. A managed policy can have up to 6,144 characters, not counting whitespace."
                  value={field.value}
                  onChange={field.onChange}
                  kind="identity"
                  checkOptions={{ storage: 'managed' }}
                  onFindings={onFindings}
                  {...(formState.isSubmitted && fieldState.error?.message ? { errorText: fieldState.error.message } : {})}
                  rows={14}
                />
              )}
            />
          ) : null}
          {mutation.isError ? <AwsErrorAlert error={mutation.error} context={{ action: 'iam:CreatePolicy' }} /> : null}
        </SpaceBetween>
      </form>
    </ActionModal>
  );
}
