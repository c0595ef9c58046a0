import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { AwsErrorAlert } from '../../../components/AwsErrorAlert.tsx';
import type { PolicyDetails } from '../api/get-policy.ts';
import { policyVersionQueries } from '../api/get-policy-version.ts';
import { PolicyJsonViewer } from '../../../iam-policies/components/PolicyJsonViewer.tsx';
import { policyEditHref } from '../model/routes.ts';

/** The default version's document; Edit opens the editor (a new default version). */
export function PermissionsTab({ policy }: { policy: PolicyDetails }) {
  const navigate = useNavigate();
  const versionId = policy.defaultVersionId ?? '';
  const document = useQuery({ ...policyVersionQueries.version(policy.arn, versionId), enabled: versionId !== '' });
  return (
    <Container
      header={
        <Header
          variant="h2"
          description={`The JSON of the default version${versionId ? ` (${versionId})` : ''}: the permissions this policy grants.`}
          actions={
            <Button
              disabled={policy.awsManaged}
              disabledReason="AWS managed policies are maintained by AWS and cannot be edited."
              onClick={() => void navigate(policyEditHref(policy.arn))}
            >
              Edit
            </Button>
          }
        >
          Permissions defined in this policy
        </Header>
      }
    >
      {document.isPending ? <StatusIndicator type="loading">Loading the policy document</StatusIndicator> : null}
      {document.isError ? (
        <AwsErrorAlert error={document.error} context={{ action: 'iam:GetPolicyVersion', resource: policy.arn }} onRetry={() => void document.refetch()} />
      ) : null}
      {document.data ? <PolicyJsonViewer json={document.data.json} label={`Policy document of ${policy.name}, version ${versionId}`} maxHeight={520} /> : null}
    </Container>
  );
}
