/**
 * IAM → Roles: every role of the account (all ListRoles pages) with its trusted entities in words and its
 * instance profile (from one ListInstanceProfiles map), search kept in the URL (?filter=…), sorting, paging,
 * preferences, and Delete for one or more selected roles.
 */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useCollection } from '@cloudscape-design/collection-hooks';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { AwsErrorAlert } from '../../components/AwsErrorAlert.tsx';
import { RoleLink, RouterButton } from '../../components/RouterLink.tsx';
import { tableDisplayProps, TablePagination, TablePreferencesControl } from '../../components/TableControls.tsx';
import { TableEmptyState } from '../../components/TableStates.tsx';
import { formatDateTime } from '../../components/format.ts';
import { profileQueries, profilesOfRole } from './api/list-instance-profiles.ts';
import { roleQueries, type RoleSummary } from './api/list-roles.ts';
import { DeleteRolesModal } from './components/DeleteRolesModal.tsx';
import { formatDuration, roleMatches } from './model/role-filter.ts';
import { ROLE_COLUMNS, useRolesTablePreferences } from './model/table-preferences.ts';

/** ?filter=… is the search; ?name=… (the create wizard's link to a new role) works the same way. */
function useUrlFilter(): [string, (text: string) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const text = searchParams.get('filter') ?? searchParams.get('name') ?? '';
  const setText = (next: string) =>
    setSearchParams(
      (current) => {
        const params = new URLSearchParams(current);
        params.delete('name');
        if (next) params.set('filter', next);
        else params.delete('filter');
        return params;
      },
      { replace: true },
    );
  return [text, setText];
}

export default function RolesPage() {
  const roles = useQuery(roleQueries.list());
  const profiles = useQuery(profileQueries.byRole());
  const [filterText, setFilterText] = useUrlFilter();
  const [preferences, setPreferences] = useRolesTablePreferences();
  const [deleting, setDeleting] = useState<string[] | undefined>(undefined);

  const profileNamesOf = (role: RoleSummary) => profilesOfRole(profiles.data, role.name).map((profile) => profile.name);
  const all = roles.data ?? [];
  const matching = all.filter((role) => roleMatches(role, profileNamesOf(role), filterText));
  const { items, collectionProps, paginationProps, actions } = useCollection(matching, {
    sorting: { defaultState: { sortingColumn: { sortingField: 'name' } } },
    pagination: { pageSize: preferences.pageSize },
    selection: { trackBy: 'arn', keepSelection: true },
  });
  const selected = collectionProps.selectedItems ?? [];
  const refreshing = roles.isFetching || profiles.isFetching;

  return (
    <>
      <Table<RoleSummary>
        {...collectionProps}
        variant="full-page"
        items={items}
        loading={roles.isPending}
        loadingText="Loading roles"
        trackBy="arn"
        selectionType="multi"
        {...tableDisplayProps(ROLE_COLUMNS, preferences)}
        ariaLabels={{
          tableLabel: 'Roles',
          selectionGroupLabel: 'Role selection',
          allItemsSelectionLabel: () => 'Select all roles on this page',
          itemSelectionLabel: (_state, role) => role.name,
        }}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={roles.data ? (selected.length ? `(${selected.length}/${all.length})` : `(${all.length})`) : undefined}
            description="IAM roles give AWS services, such as EC2 instances, temporary permissions."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button
                  iconName="refresh"
                  ariaLabel="Refresh roles"
                  loading={refreshing}
                  onClick={() => {
                    void roles.refetch();
                    void profiles.refetch();
                  }}
                />
                <Button disabled={selected.length === 0} onClick={() => setDeleting(selected.map((role) => role.name))}>
                  Delete
                </Button>
                <RouterButton variant="primary" href="/roles/create">
                  Create role
                </RouterButton>
              </SpaceBetween>
            }
          >
            Roles
          </Header>
        }
        filter={
          <TextFilter
            filteringClearAriaLabel="Clear filter"
            filteringText={filterText}
            filteringPlaceholder="Find roles by name, trusted entity, description or instance profile"
            filteringAriaLabel="Find roles"
            countText={`${matching.length} ${matching.length === 1 ? 'match' : 'matches'}`}
            onChange={({ detail }) => {
              setFilterText(detail.filteringText);
              actions.setCurrentPage(1);
            }}
          />
        }
        pagination={<TablePagination {...paginationProps} />}
        preferences={
          <TablePreferencesControl columns={ROLE_COLUMNS} preferences={preferences} onChange={setPreferences} itemsNoun="roles" wrapLinesDescription="Show long descriptions in full." />
        }
        empty={
          roles.isError ? (
            <Box textAlign="left">
              <AwsErrorAlert error={roles.error} context={{ action: 'iam:ListRoles' }} onRetry={() => void roles.refetch()} />
            </Box>
          ) : all.length === 0 ? (
            <TableEmptyState title="No roles" description="This account has no IAM roles yet." />
          ) : (
            <TableEmptyState title="No matches" description="No role matches the search." action={<Button onClick={() => setFilterText('')}>Clear filter</Button>} />
          )
        }
        columnDefinitions={[
          { id: 'name', header: 'Role name', cell: (role) => <RoleLink roleName={role.name} />, sortingField: 'name', isRowHeader: true },
          {
            id: 'trusted',
            header: 'Trusted entities',
            cell: (role) => (role.trustedEntities.length ? role.trustedEntities.map((entity) => entity.text).join(', ') : '-'),
            sortingComparator: (a, b) => (a.trustedEntities[0]?.text ?? '').localeCompare(b.trustedEntities[0]?.text ?? ''),
          },
          {
            id: 'profile',
            header: 'Instance profile',
            cell: (role) => {
              if (profiles.isPending) return <StatusIndicator type="loading">Loading</StatusIndicator>;
              if (profiles.isError) return <StatusIndicator type="error">Unknown</StatusIndicator>;
              const names = profileNamesOf(role);
              return names.length ? names.join(', ') : '-';
            },
            sortingComparator: (a, b) => (profileNamesOf(a)[0] ?? '').localeCompare(profileNamesOf(b)[0] ?? ''),
          },
          {
            id: 'created',
            header: 'Creation time',
            cell: (role) => formatDateTime(role.createdAt),
            sortingComparator: (a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0),
          },
          { id: 'description', header: 'Description', cell: (role) => role.description ?? '-', sortingField: 'description' },
          { id: 'path', header: 'Path', cell: (role) => role.path, sortingField: 'path' },
          {
            id: 'maxSession',
            header: 'Maximum session duration',
            cell: (role) => (role.maxSessionDuration ? formatDuration(role.maxSessionDuration) : '-'),
            sortingField: 'maxSessionDuration',
          },
        ]}
      />
      {profiles.isError ? (
        <Box padding={{ top: 's' }}>
          <AwsErrorAlert error={profiles.error} context={{ action: 'iam:ListInstanceProfiles' }} onRetry={() => void profiles.refetch()} />
        </Box>
      ) : null}
      {deleting ? (
        <DeleteRolesModal
          roleNames={deleting}
          onDismiss={() => setDeleting(undefined)}
          onDeleted={() => {
            setDeleting(undefined);
            actions.setSelectedItems([]);
          }}
        />
      ) : null}
    </>
  );
}
