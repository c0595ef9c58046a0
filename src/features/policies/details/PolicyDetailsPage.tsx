/**
 * IAM → Policies → a policy (`/policies/details?arn=…&tab=…`): summary, and tabs for the default version's JSON,
 * the entities that use it, its versions, and (customer managed) its tags. Edit and Delete for customer managed
 * policies; a viewer sees the same buttons and AWS's refusal names the missing permission.
 */
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Tabs from '@cloudscape-design/components/tabs';
import { AwsErrorAlert } from '../../../components/AwsErrorAlert.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { describeAwsError } from '../../../aws/errors.ts';
import { policyTypeOf, POLICY_TYPE_LABELS } from '../../../iam-policies/filter-policies.ts';
import { policyDetailQueries, type PolicyDetails } from '../api/get-policy.ts';
import { policyKeys } from '../../../aws/policy-keys.ts';
import { DeletePolicyModal } from '../components/DeletePolicyModal.tsx';
import { RouterLink } from '../../../components/RouterLink.tsx';
import { isPolicyArn, parsePolicyTab, policyDetailsHref, policyEditHref, policyNameFromArn, type PolicyTab } from '../model/routes.ts';
import { EntitiesTab } from './EntitiesTab.tsx';
import { PermissionsTab } from './PermissionsTab.tsx';
import { TagsTab } from './TagsTab.tsx';
import { VersionsTab } from './VersionsTab.tsx';
import '../components/policy-pages.css';

function Summary({ policy }: { policy: PolicyDetails }) {
  return (
    <Container header={<Header variant="h2">Policy details</Header>}>
      <KeyValuePairs
        columns={3}
        items={[
          { label: 'Type', value: POLICY_TYPE_LABELS[policyTypeOf(policy)] },
          { label: 'Creation time', value: formatDateTime(policy.createdAt) },
          { label: 'Edited time', value: formatDateTime(policy.updatedAt ?? policy.createdAt) },
          {
            label: 'ARN',
            value: (
              <CopyToClipboard
                variant="inline"
                textToCopy={policy.arn}
                copyButtonAriaLabel="Copy ARN"
                copySuccessText="ARN copied"
                copyErrorText="ARN failed to copy"
              />
            ),
          },
          { label: 'Description', value: policy.description ?? '-' },
          {
            label: 'Used as',
            value: (
              <RouterLink href={policyDetailsHref(policy.arn, 'entities')}>
                {`Permissions policy (${policy.attachmentCount}), permissions boundary (${policy.boundaryUsageCount})`}
              </RouterLink>
            ),
          },
          { label: 'Path', value: policy.path },
          { label: 'Default version', value: policy.defaultVersionId ?? '-' },
        ]}
      />
    </Container>
  );
}

export default function PolicyDetailsPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [searchParams, setSearchParams] = useSearchParams();
  const arn = searchParams.get('arn') ?? '';
  const tab = parsePolicyTab(searchParams.get('tab'));
  const valid = isPolicyArn(arn);
  const policy = useQuery({ ...policyDetailQueries.detail(arn), enabled: valid });
  const [deleting, setDeleting] = useState(false);
  const name = policy.data?.name ?? (valid ? policyNameFromArn(arn) : 'Policy');
  const awsManaged = policy.data?.awsManaged ?? true;

  const setTab = (next: PolicyTab) =>
    setSearchParams(
      (current) => {
        const params = new URLSearchParams(current);
        if (next === 'permissions') params.delete('tab');
        else params.set('tab', next);
        return params;
      },
      { replace: true },
    );

  if (!valid) {
    return (
      <ContentLayout header={<Header variant="h1">Policy</Header>}>
        <Alert type="error" header="No policy to show">
          The address does not name a policy ARN. <RouterLink href="/policies">Go to the policies list</RouterLink>.
        </Alert>
      </ContentLayout>
    );
  }

  const notFound = policy.isError && describeAwsError(policy.error).code === 'NoSuchEntity';

  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={policy.data?.description}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button
                iconName="refresh"
                ariaLabel="Refresh policy"
                loading={policy.isFetching}
                onClick={() => void queryClient.invalidateQueries({ queryKey: policyKeys.policy(arn) })}
              />
              <Button
                disabled={!policy.data || awsManaged}
                disabledReason={awsManaged ? 'AWS managed policies cannot be deleted.' : undefined}
                onClick={() => setDeleting(true)}
              >
                Delete
              </Button>
              <Button
                variant="primary"
                disabled={!policy.data || awsManaged}
                disabledReason={awsManaged ? 'AWS managed policies are maintained by AWS and cannot be edited.' : undefined}
                onClick={() => void navigate(policyEditHref(arn))}
              >
                Edit
              </Button>
            </SpaceBetween>
          }
        >
          {name}
        </Header>
      }
    >
      <SpaceBetween size="l">
        {policy.isPending ? <StatusIndicator type="loading">Loading the policy</StatusIndicator> : null}
        {policy.isError ? (
          notFound ? (
            <Alert type="error" header="Policy not found">
              IAM has no policy {arn}. It may have been deleted. <RouterLink href="/policies">Go to the policies list</RouterLink>.
            </Alert>
          ) : (
            <AwsErrorAlert error={policy.error} context={{ action: 'iam:GetPolicy', resource: arn }} onRetry={() => void policy.refetch()} />
          )
        ) : null}
        {policy.data ? (
          <>
            <Summary policy={policy.data} />
            <Tabs
              activeTabId={tab}
              onChange={({ detail }) => setTab(parsePolicyTab(detail.activeTabId))}
              ariaLabel="Policy details"
              tabs={[
                { id: 'permissions', label: 'Permissions', content: <PermissionsTab policy={policy.data} /> },
                { id: 'entities', label: 'Entities attached', content: <EntitiesTab policy={policy.data} /> },
                { id: 'versions', label: 'Policy versions', content: <VersionsTab policy={policy.data} /> },
                ...(policy.data.awsManaged ? [] : [{ id: 'tags', label: 'Tags', content: <TagsTab policy={policy.data} /> }]),
              ]}
            />
          </>
        ) : null}
        {policy.data && policy.data.awsManaged ? (
          <Box variant="small" color="text-body-secondary">
            AWS managed policies are created and updated by AWS; you can attach them, but not change them.
          </Box>
        ) : null}
      </SpaceBetween>
      {deleting && policy.data ? (
        <DeletePolicyModal
          arn={arn}
          name={policy.data.name}
          onDismiss={() => setDeleting(false)}
          onDeleted={() => {
            setDeleting(false);
            void navigate('/policies', { replace: true });
          }}
        />
      ) : null}
    </ContentLayout>
  );
}
