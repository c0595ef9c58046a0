/**
 * IAM → Roles → <role>: summary (editable description and session duration), the instance-profile notice for
 * roles EC2 cannot use yet, and tabs for permissions, trust, tags, the instances using the role and testing its
 * permissions with IAM's policy simulator. The tab is
 * kept in the URL (?tab=…) so every view has a deep link.
 */
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Tabs from '@cloudscape-design/components/tabs';
import { describeAwsError } from '../../aws/errors.ts';
import { AwsErrorAlert } from '../../components/AwsErrorAlert.tsx';
import { ExportRoleModal } from '../../components/ExportAsCode.tsx';
import { FullPageSpinner } from '../../components/FullPageSpinner.tsx';
import { roleDetailQueries } from './api/get-role.ts';
import { instanceProfileKeys, roleKeys } from '../../aws/iam-queries.ts';
import { roleInstanceKeys } from './api/keys.ts';
import { profileQueries, profilesOfRole } from './api/list-instance-profiles.ts';
import { DeleteRolesModal } from './components/DeleteRolesModal.tsx';
import { InstanceProfileNotice } from './details/InstanceProfileNotice.tsx';
import { InstancesTab } from './details/InstancesTab.tsx';
import { PermissionsTab } from './details/PermissionsTab.tsx';
import { SummarySection } from './details/SummarySection.tsx';
import { TagsTab } from './details/TagsTab.tsx';
import { TestPermissionsTab } from './details/TestPermissionsTab.tsx';
import { TrustTab } from './details/TrustTab.tsx';
import './components/roles.css';

const TABS = ['permissions', 'trust', 'tags', 'instances', 'permissions-test'] as const;
type TabId = (typeof TABS)[number];

export default function RoleDetailsPage() {
  const { roleName = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [searchParams, setSearchParams] = useSearchParams();
  const role = useQuery(roleDetailQueries.detail(roleName));
  const profilesByRole = useQuery(profileQueries.byRole());
  const profiles = profilesByRole.data ? profilesOfRole(profilesByRole.data, roleName) : undefined;
  const [deleting, setDeleting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const requestedTab = searchParams.get('tab');
  const activeTab: TabId = TABS.includes(requestedTab as TabId) ? (requestedTab as TabId) : 'permissions';

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: roleKeys.role(roleName) });
    void queryClient.invalidateQueries({ queryKey: instanceProfileKeys.all() });
    void queryClient.invalidateQueries({ queryKey: roleInstanceKeys.all() });
  };
  const refreshing = role.isFetching || profilesByRole.isFetching;

  if (role.isPending) return <FullPageSpinner label={`Loading ${roleName}`} />;
  if (role.isError) {
    const notFound = describeAwsError(role.error).code === 'NoSuchEntity';
    return (
      <ContentLayout header={<Header variant="h1">{roleName}</Header>}>
        {notFound ? (
          <Alert type="error" header="Role not found" action={<Button onClick={() => void navigate('/roles')}>View all roles</Button>}>
            IAM has no role named {roleName}. It may have been deleted.
          </Alert>
        ) : (
          <AwsErrorAlert error={role.error} context={{ action: 'iam:GetRole' }} onRetry={() => void role.refetch()} />
        )}
      </ContentLayout>
    );
  }

  const details = role.data;
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button iconName="refresh" ariaLabel="Refresh role" loading={refreshing} onClick={refresh} />
              <Button onClick={() => setExporting(true)}>Export as code</Button>
              <Button onClick={() => setDeleting(true)}>Delete</Button>
            </SpaceBetween>
          }
        >
          {details.name}
        </Header>
      }
    >
      <SpaceBetween size="l">
        {profilesByRole.isError ? (
          <AwsErrorAlert error={profilesByRole.error} context={{ action: 'iam:ListInstanceProfiles' }} onRetry={() => void profilesByRole.refetch()} />
        ) : null}
        {profiles && profiles.length === 0 ? <InstanceProfileNotice role={details} /> : null}
        <SummarySection role={details} profiles={profiles} profilesPending={profilesByRole.isPending} />
        <Tabs
          activeTabId={activeTab}
          onChange={({ detail }) =>
            setSearchParams(
              (current) => {
                const params = new URLSearchParams(current);
                params.set('tab', detail.activeTabId);
                return params;
              },
              { replace: true },
            )
          }
          ariaLabel="Role details"
          tabs={[
            { id: 'permissions', label: 'Permissions', content: <PermissionsTab role={details} /> },
            { id: 'trust', label: 'Trust relationships', content: <TrustTab role={details} /> },
            { id: 'tags', label: 'Tags', content: <TagsTab roleName={details.name} /> },
            {
              id: 'instances',
              label: 'Instances using this role',
              content: profiles ? <InstancesTab roleName={details.name} profiles={profiles} /> : null,
            },
            { id: 'permissions-test', label: 'Test permissions', content: <TestPermissionsTab role={details} /> },
          ]}
        />
      </SpaceBetween>
      {exporting ? <ExportRoleModal roleName={details.name} onDismiss={() => setExporting(false)} /> : null}
      {deleting ? <DeleteRolesModal roleNames={[details.name]} onDismiss={() => setDeleting(false)} onDeleted={() => void navigate('/roles')} /> : null}
    </ContentLayout>
  );
}
