/**
 * IAM → Policies → Create policy (`/policies/create`): name, description, tags and the JSON document (with the
 * policy checks and the 6,144-character quota), its AWS CLI equivalent, then CreatePolicy and the new policy's page.
 */
import { useEffect, useMemo, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useNavigate } from 'react-router';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { AwsErrorAlert } from '../../../components/AwsErrorAlert.tsx';
import { CliEquivalent } from '../../../components/CliEquivalent.tsx';
import { useNotifications } from '../../../components/notifications/index.ts';
import { KeptDraftNotice } from '../../../components/KeptDraftNotice.tsx';
import { useKeptDraft, useRestoredDraft } from '../../../session/use-draft.ts';
import { useCreatePolicy } from '../../../aws/create-policy.ts';
import type { Finding } from '../../../iam-policies/checks/findings.ts';
import { documentBlocker, PolicyDocumentField } from '../../../iam-policies/components/PolicyDocumentField.tsx';
import { EMPTY_POLICY_TEMPLATE, validateNewPolicyDescription, validateNewPolicyName } from '../../../iam-policies/policy-form-rules.ts';
import { asRule, FORM_MODE, TextField } from '../../../components/FormFields.tsx';
import { TagsEditor } from '../../../components/TagsEditor.tsx';
import { createPolicyCli, type PolicyTag } from '../model/changes.ts';
import { policyDetailsHref } from '../model/routes.ts';

/** What the page keeps when the session ends under it. */
interface CreatePolicyDraft {
  name: string;
  description: string;
  document: string;
  tags: PolicyTag[];
}

const CREATE_POLICY_DRAFT_KEY = 'policies/create';

const EMPTY_POLICY: CreatePolicyDraft = { name: '', description: '', document: EMPTY_POLICY_TEMPLATE, tags: [] };

export default function CreatePolicyPage() {
  const navigate = useNavigate();
  const notifications = useNotifications();
  const mutation = useCreatePolicy();
  const restored = useRestoredDraft<CreatePolicyDraft>(CREATE_POLICY_DRAFT_KEY);
  const { control, handleSubmit, formState, trigger } = useForm<CreatePolicyDraft>({ ...FORM_MODE, defaultValues: restored ?? EMPTY_POLICY });
  const values = useWatch({ control }) as CreatePolicyDraft;
  const { name, description, document, tags } = values;
  const draft = useMemo<CreatePolicyDraft | undefined>(
    () => (name === '' && description === '' && document === EMPTY_POLICY_TEMPLATE && tags.length === 0 ? undefined : { name, description, document, tags }),
    [name, description, document, tags],
  );
  useKeptDraft(CREATE_POLICY_DRAFT_KEY, draft);
  const [findings, setFindings] = useState<Finding[] | undefined>(undefined);
  // The document's rule reads the checks' findings, which arrive after the text changed: check it again then.
  useEffect(() => {
    if (formState.isSubmitted) void trigger('document');
  }, [findings, formState.isSubmitted, trigger]);

  const submit = handleSubmit((input) => {
    if (mutation.isPending) return;
    mutation.mutate(input, {
      onSuccess: (created) => {
        notifications.notify({ type: 'success', header: `Policy ${created.name} created.` });
        void navigate(policyDetailsHref(created.arn));
      },
    });
  });

  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <Form
        header={
          <Header variant="h1" description="A customer managed policy: permissions you define once and attach to roles, users and groups.">
            Create policy
          </Header>
        }
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button formAction="none" variant="link" disabled={mutation.isPending} onClick={() => void navigate('/policies')}>
              Cancel
            </Button>
            <Button variant="primary" loading={mutation.isPending} onClick={() => void submit()} formAction="none">
              Create policy
            </Button>
          </SpaceBetween>
        }
        errorText={!mutation.isError && formState.isSubmitted && !formState.isValid ? 'Fix the errors above, then create the policy.' : undefined}
      >
        <SpaceBetween size="l">
          <KeptDraftNotice visible={restored !== undefined} />
          <Container header={<Header variant="h2">Policy details</Header>}>
            <SpaceBetween size="m">
              <TextField
                control={control}
                name="name"
                label="Policy name"
                constraintText="Maximum 128 characters. Use alphanumeric and '+=,.@-_' characters."
                rules={{ validate: asRule(validateNewPolicyName) }}
                placeholder="Enter a policy name"
              />
              <TextField
                control={control}
                name="description"
                label="Description - optional"
                constraintText="Maximum 1,000 characters."
                rules={{ validate: asRule(validateNewPolicyDescription) }}
                rows={2}
                placeholder="Add a short explanation for this policy"
              />
            </SpaceBetween>
          </Container>
          <Container header={<Header variant="h2">Policy editor</Header>}>
            <Controller
              control={control}
              name="document"
              rules={{ validate: () => documentBlocker(findings) ?? true }}
              render={({ field, fieldState }) => (
                <PolicyDocumentField
                  value={field.value}
                  onChange={field.onChange}
                  onFindings={setFindings}
                  {...(formState.isSubmitted && fieldState.error?.message ? { errorText: fieldState.error.message } : {})}
                />
              )}
            />
          </Container>
          <Container header={<Header variant="h2" description="Tags are key-value pairs that help you identify, organize or search for the policy.">Tags - optional</Header>}>
            <TagsEditor control={control} empty="No tags associated with the policy." />
          </Container>
          {mutation.isError ? <AwsErrorAlert error={mutation.error} context={{ action: 'iam:CreatePolicy' }} /> : null}
          <Container>
            <CliEquivalent commands={[createPolicyCli({ name: name || '<policy-name>', description, document, tags })]} />
          </Container>
        </SpaceBetween>
      </Form>
    </form>
  );
}
