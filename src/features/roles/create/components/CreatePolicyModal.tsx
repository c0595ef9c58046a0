import { useCallback, useState } from 'react';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { ActionModal } from '../../../../components/ActionModal.tsx';
import { AwsErrorAlert } from '../../../../components/AwsErrorAlert.tsx';
import { useCreatePolicy, type CreatedPolicy } from '../../../../aws/create-policy.ts';
import type { Finding } from '../../../../iam-policies/checks/findings.ts';
import { LazyPolicyEditor } from '../../../../iam-policies/components/LazyPolicyEditor.tsx';
import { EMPTY_POLICY_TEMPLATE, validateNewPolicyDescription, validateNewPolicyName } from '../../../../iam-policies/policy-form-rules.ts';

/** "Create policy": a new customer managed policy, checked as it is written, within IAM's 6,144-character quota. */
export function CreatePolicyModal({ visible, onDismiss, onCreated }: { visible: boolean; onDismiss: () => void; onCreated: (policy: CreatedPolicy) => void }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [document, setDocument] = useState(EMPTY_POLICY_TEMPLATE);
  const [findings, setFindings] = useState<Finding[] | undefined>(undefined);
  const [submitted, setSubmitted] = useState(false);
  const mutation = useCreatePolicy();
  const onFindings = useCallback((next: Finding[]) => setFindings(next), []);

  const nameError = validateNewPolicyName(name);
  const descriptionError = validateNewPolicyDescription(description);
  const errorCount = findings?.filter((finding) => finding.severity === 'error').length;
  const documentError =
    findings === undefined ? 'The policy checks are still loading.' : errorCount ? `Fix the ${errorCount === 1 ? 'error' : `${errorCount} errors`} in the policy first.` : undefined;

  const reset = () => {
    setName('');
    setDescription('');
    setDocument(EMPTY_POLICY_TEMPLATE);
    setSubmitted(false);
    mutation.reset();
  };

  const submit = () => {
    setSubmitted(true);
    if (nameError || descriptionError || documentError || mutation.isPending) return;
    mutation.mutate(
      { name, description, document },
      {
        onSuccess: (created) => {
          reset();
          onCreated(created);
        },
      },
    );
  };

  return (
    <ActionModal
      visible={visible}
      size="large"
      header="Create policy"
      closeAriaLabel="Close Create policy"
      busy={mutation.isPending}
      actionLabel="Create policy"
      actionDisabled={mutation.isPending}
      onAction={submit}
      onDismiss={onDismiss}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <SpaceBetween size="m">
          <FormField
            label="Policy name"
            constraintText="Maximum 128 characters. Use alphanumeric and '+=,.@-_' characters."
            errorText={submitted || name !== '' ? nameError : undefined}
          >
            <Input value={name} onChange={({ detail }) => setName(detail.value)} />
          </FormField>
          <FormField label="Description - optional" constraintText="Maximum 1,000 characters." errorText={descriptionError}>
            <Textarea value={description} rows={2} onChange={({ detail }) => setDescription(detail.value)} />
          </FormField>
          {visible ? (
            <LazyPolicyEditor
              label="Policy document"
              description="JSON. A managed policy can have up to 6,144 characters, not counting whitespace."
              value={document}
              onChange={setDocument}
              kind="identity"
              checkOptions={{ storage: 'managed' }}
              onFindings={onFindings}
              errorText={submitted ? documentError : undefined}
              rows={14}
            />
          ) : null}
          {mutation.isError ? <AwsErrorAlert error={mutation.error} context={{ action: 'iam:CreatePolicy' }} /> : null}
        </SpaceBetween>
      </form>
    </ActionModal>
  );
}
