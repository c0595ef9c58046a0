/**
 * IAM → Policies → Create policy (`/policies/create`): name, description, tags and the JSON document (with the
 * policy checks and the 6,144-character quota), its AWS CLI equivalent, then CreatePolicy and the new policy's page.
 */
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { AwsErrorAlert } from '../../../components/AwsErrorAlert.tsx';
import { CliEquivalent } from '../../../components/CliEquivalent.tsx';
import { useNotifications } from '../../../components/notifications/index.ts';
import { KeptDraftNotice } from '../../auth/KeptDraftNotice.tsx';
import { useKeptDraft, useRestoredDraft } from '../../auth/use-draft.ts';
import { useCreatePolicy } from '../api/create-policy.ts';
import type { Finding } from '../checks/findings.ts';
import { documentBlocker, PolicyDocumentField } from '../components/PolicyDocumentField.tsx';
import { EMPTY_POLICY_TEMPLATE, validateNewPolicyDescription, validateNewPolicyName } from '../components/policy-form-rules.ts';
import { TagsEditor, tagsAreValid } from '../../../components/TagsEditor.tsx';
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

export default function CreatePolicyPage() {
  const navigate = useNavigate();
  const notifications = useNotifications();
  const mutation = useCreatePolicy();
  const restored = useRestoredDraft<CreatePolicyDraft>(CREATE_POLICY_DRAFT_KEY);
  const [name, setName] = useState(restored?.name ?? '');
  const [description, setDescription] = useState(restored?.description ?? '');
  const [document, setDocument] = useState(restored?.document ?? EMPTY_POLICY_TEMPLATE);
  const [tags, setTags] = useState<PolicyTag[]>(restored?.tags ?? []);
  const draft = useMemo<CreatePolicyDraft | undefined>(
    () => (name === '' && description === '' && document === EMPTY_POLICY_TEMPLATE && tags.length === 0 ? undefined : { name, description, document, tags }),
    [name, description, document, tags],
  );
  useKeptDraft(CREATE_POLICY_DRAFT_KEY, draft);
  const [findings, setFindings] = useState<Finding[] | undefined>(undefined);
  const [submitted, setSubmitted] = useState(false);

  const nameError = validateNewPolicyName(name);
  const descriptionError = validateNewPolicyDescription(description);
  const documentError = documentBlocker(findings);
  const tagsValid = tagsAreValid(tags);

  const submit = () => {
    setSubmitted(true);
    if (nameError || descriptionError || documentError || !tagsValid || mutation.isPending) return;
    mutation.mutate(
      { name, description, document, tags },
      {
        onSuccess: (created) => {
          notifications.notify({ type: 'success', header: `Policy ${created.name} created.` });
          void navigate(policyDetailsHref(created.arn));
        },
      },
    );
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
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
            <Button variant="primary" loading={mutation.isPending} onClick={submit} formAction="none">
              Create policy
            </Button>
          </SpaceBetween>
        }
        errorText={mutation.isError ? undefined : submitted && (nameError || descriptionError || documentError || !tagsValid) ? 'Fix the errors above, then create the policy.' : undefined}
      >
        <SpaceBetween size="l">
          <KeptDraftNotice visible={restored !== undefined} />
          <Container header={<Header variant="h2">Policy details</Header>}>
            <SpaceBetween size="m">
              <FormField
                label="Policy name"
                constraintText="Maximum 128 characters. Use alphanumeric and '+=,.@-_' characters."
                errorText={submitted || name !== '' ? nameError : undefined}
              >
                <Input value={name} onChange={({ detail }) => setName(detail.value)} placeholder="Enter a policy name" />
              </FormField>
              <FormField label="Description - optional" constraintText="Maximum 1,000 characters." errorText={descriptionError}>
                <Textarea value={description} rows={2} onChange={({ detail }) => setDescription(detail.value)} placeholder="Add a short explanation for this policy" />
              </FormField>
            </SpaceBetween>
          </Container>
          <Container header={<Header variant="h2">Policy editor</Header>}>
            <PolicyDocumentField value={document} onChange={setDocument} onFindings={setFindings} {...(submitted && documentError ? { errorText: documentError } : {})} />
          </Container>
          <Container header={<Header variant="h2" description="Tags are key-value pairs that help you identify, organize or search for the policy.">Tags - optional</Header>}>
            <TagsEditor tags={tags} onChange={setTags} empty="No tags associated with the policy." showAllErrors={submitted} />
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
