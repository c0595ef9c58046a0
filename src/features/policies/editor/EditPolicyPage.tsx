/**
 * Edit a customer managed policy (`/policies/edit?arn=…`): IAM policies are edited by creating a new version and
 * making it the default (CreatePolicyVersion with SetAsDefault). At AWS's limit of five versions the page offers
 * to delete the oldest non-default version first, and shows both calls with their AWS CLI equivalents.
 */
import { useEffect, useMemo, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { KeptDraftNotice } from '../../../components/KeptDraftNotice.tsx';
import { useKeptDraft, useRestoredDraft } from '../../../session/use-draft.ts';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Form from '@cloudscape-design/components/form';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { AwsErrorAlert } from '../../../components/AwsErrorAlert.tsx';
import { CliEquivalent } from '../../../components/CliEquivalent.tsx';
import { FORM_MODE } from '../../../components/FormFields.tsx';
import { PlanProgress } from '../../../components/PlanProgress.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { useNotifications } from '../../../components/notifications/index.ts';
import { policyDetailQueries, type PolicyDetails } from '../api/get-policy.ts';
import { policyVersionQueries } from '../api/get-policy-version.ts';
import { policyVersionsQueries } from '../api/list-policy-versions.ts';
import { usePolicyChangeRun } from '../api/use-policy-changes.ts';
import type { Finding } from '../../../iam-policies/checks/findings.ts';
import { documentBlocker, PolicyDocumentField } from '../../../iam-policies/components/PolicyDocumentField.tsx';
import { RouterLink } from '../../../components/RouterLink.tsx';
import { describeChange, editPolicyPlan } from '../model/changes.ts';
import { policyDetailsHref } from '../model/routes.ts';
import { MAX_POLICY_VERSIONS, versionToMakeRoomFor, type PolicyVersionSummary } from '../model/versions.ts';

interface EditPolicyValues {
  document: string;
  /** At the version limit: the user allowed deleting the oldest non-default version first. */
  deleteOldest: boolean;
}

function Editor({ policy, initialDocument, versions }: { policy: PolicyDetails; initialDocument: string; versions: PolicyVersionSummary[] }) {
  const navigate = useNavigate();
  const notifications = useNotifications();
  const run = usePolicyChangeRun(policy.arn);
  const draftKey = `policies/edit:${policy.arn}`;
  const restored = useRestoredDraft<{ document: string }>(draftKey);
  const { control, handleSubmit, formState, trigger } = useForm<EditPolicyValues>({
    ...FORM_MODE,
    defaultValues: { document: restored?.document ?? initialDocument, deleteOldest: false },
  });
  const [document, deleteOldest] = useWatch({ control, name: ['document', 'deleteOldest'] });
  // Kept only while the save changed nothing in AWS (a step done means the policy itself changed).
  const changedPolicy = run.state?.steps.some((item) => item.status === 'done' || item.status === 'already-done') ?? false;
  const draft = useMemo(() => (document === initialDocument || changedPolicy ? undefined : { document }), [document, initialDocument, changedPolicy]);
  useKeptDraft(draftKey, draft);
  const [findings, setFindings] = useState<Finding[] | undefined>(undefined);
  // The document's rule reads the checks' findings, which arrive after the text changed: check it again then.
  useEffect(() => {
    if (formState.isSubmitted) void trigger('document');
  }, [findings, formState.isSubmitted, trigger]);

  const atLimit = versions.length >= MAX_POLICY_VERSIONS;
  const oldest = versionToMakeRoomFor(versions);
  const plan = run.state ? run.state.steps.map((item) => item.step.change) : editPolicyPlan(document, atLimit && deleteOldest ? oldest?.versionId : undefined);

  const save = handleSubmit(async () => {
    if (run.running) return;
    const outcome = run.state ? await run.retry() : await run.start(plan);
    if (outcome?.ok) {
      const output = outcome.state.steps.find((item) => item.step.change.kind === 'create-version')?.output;
      const created = typeof output === 'string' ? output : undefined;
      notifications.notify({ type: 'success', header: `Policy ${policy.name} updated${created ? `: version ${created} is now the default` : ''}.` });
      void navigate(policyDetailsHref(policy.arn));
    }
  });

  return (
    <Form
      header={
        <Header variant="h1" description="Saving creates a new version of the policy and makes it the default; the current version is kept.">
          Edit {policy.name}
        </Header>
      }
      actions={
        <SpaceBetween direction="horizontal" size="xs">
          <Button variant="link" disabled={run.running} onClick={() => void navigate(policyDetailsHref(policy.arn))}>
            Cancel
          </Button>
          <Button variant="primary" loading={run.running} onClick={() => void save()}>
            {run.failed ? 'Retry' : 'Save changes'}
          </Button>
        </SpaceBetween>
      }
      errorText={formState.isSubmitted ? (formState.errors.document?.message ?? formState.errors.deleteOldest?.message) : undefined}
    >
      <SpaceBetween size="l">
        <KeptDraftNotice visible={restored !== undefined} />
        {atLimit ? (
          <Alert type="warning" header={`This policy has ${versions.length} versions, AWS's limit`}>
            <SpaceBetween size="xs">
              <span>
                A managed policy can have up to {MAX_POLICY_VERSIONS} versions. To save, one version that is not the default must be deleted first.
                {oldest ? ` The oldest is ${oldest.versionId}, created ${formatDateTime(oldest.createdAt)}.` : ''}
              </span>
              {oldest ? (
                <Controller
                  control={control}
                  name="deleteOldest"
                  rules={{
                    validate: (value) =>
                      value || `The policy has ${MAX_POLICY_VERSIONS} versions. Allow deleting ${oldest.versionId} first, or delete a version yourself.`,
                  }}
                  render={({ field }) => (
                    <Checkbox checked={field.value} disabled={run.state !== undefined} onChange={({ detail }) => field.onChange(detail.checked)}>
                      Delete version {oldest.versionId} before saving
                    </Checkbox>
                  )}
                />
              ) : null}
            </SpaceBetween>
          </Alert>
        ) : null}
        <Container header={<Header variant="h2">Policy editor</Header>}>
          <Controller
            control={control}
            name="document"
            rules={{
              validate: {
                changed: (value) => value !== initialDocument || 'The document is unchanged: there is nothing to save.',
                checked: () => documentBlocker(findings) ?? true,
              },
            }}
            render={({ field }) => {
              const documentError = formState.isSubmitted ? documentBlocker(findings) : undefined;
              return <PolicyDocumentField value={field.value} onChange={field.onChange} onFindings={setFindings} {...(documentError ? { errorText: documentError } : {})} />;
            }}
          />
        </Container>
        {run.state ? (
          <Container header={<Header variant="h2">Progress</Header>}>
            <PlanProgress
              label="Edit steps"
              state={run.state}
              failureHeader="The policy was changed only in part"
              nothingDoneText="Nothing was changed. Fix the cause, then choose Retry."
              advice="Fix the cause and choose Retry to continue from the failed step."
            />
          </Container>
        ) : null}
        <Container>
          <CliEquivalent commands={plan.map((change) => describeChange(policy.arn, change).cli)} />
        </Container>
      </SpaceBetween>
    </Form>
  );
}

export default function EditPolicyPage() {
  const [searchParams] = useSearchParams();
  const arn = searchParams.get('arn') ?? '';
  const policy = useQuery({ ...policyDetailQueries.detail(arn), enabled: arn !== '' });
  const versions = useQuery({ ...policyVersionsQueries.list(arn), enabled: arn !== '' });
  const defaultVersionId = policy.data?.defaultVersionId ?? '';
  const document = useQuery({ ...policyVersionQueries.version(arn, defaultVersionId), enabled: defaultVersionId !== '' });

  const failure = policy.error ?? versions.error ?? document.error;
  if (failure) {
    const action = policy.error ? 'iam:GetPolicy' : versions.error ? 'iam:ListPolicyVersions' : 'iam:GetPolicyVersion';
    return (
      <ContentLayout header={<Header variant="h1">Edit policy</Header>}>
        <AwsErrorAlert error={failure} context={{ action, resource: arn }} />
      </ContentLayout>
    );
  }
  if (policy.data?.awsManaged) {
    return (
      <ContentLayout header={<Header variant="h1">Edit {policy.data.name}</Header>}>
        <Alert type="info" header="AWS managed policy">
          AWS managed policies are maintained by AWS and cannot be edited. <RouterLink href={policyDetailsHref(arn)}>Back to the policy</RouterLink>.
        </Alert>
      </ContentLayout>
    );
  }
  if (!policy.data || !versions.data || !document.data) return <StatusIndicator type="loading">Loading the policy</StatusIndicator>;
  // Keyed by version so a refetch that brings a newer default restarts the editor from it.
  return <Editor key={`${arn}:${defaultVersionId}`} policy={policy.data} initialDocument={document.data.json} versions={versions.data} />;
}
