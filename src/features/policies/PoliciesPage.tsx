/**
 * IAM → Policies: every managed policy of the account (all ListPolicies pages), filtered by type and by use
 * (IAM does both: Scope, PathPrefix, PolicyUsageFilter), text search, sorting, paging and preferences, with the
 * filter in the URL; Create policy, and Delete for a selected customer managed policy.
 */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { useCollection } from '@cloudscape-design/collection-hooks';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { AwsErrorAlert } from '../../components/AwsErrorAlert.tsx';
import { tableDisplayProps, TablePagination, TablePreferencesControl } from '../../components/TableControls.tsx';
import { TableEmptyState } from '../../components/TableStates.tsx';
import { formatDateTime } from '../../components/format.ts';
import { filterPolicies, policyTypeOf, POLICY_TYPE_LABELS, type PolicyTypeFilter } from '../../iam-policies/filter-policies.ts';
import { policyQueries, type PolicySummary } from '../../aws/list-policies.ts';
import { DeletePolicyModal } from './components/DeletePolicyModal.tsx';
import { RouterButton, RouterLink } from '../../components/RouterLink.tsx';
import { listStateFromSearchParams, listStateToSearchParams, serverFilterOf, type PoliciesListState, type UsageFilter } from './model/list-filter.ts';
import { policyDetailsHref } from './model/routes.ts';
import { POLICY_COLUMNS, usePoliciesTablePreferences } from './model/table-preferences.ts';
import './components/policy-pages.css';

const TYPE_OPTIONS: { value: PolicyTypeFilter; label: string }[] = [
  { value: 'all', label: 'All types' },
  { value: 'aws-managed', label: POLICY_TYPE_LABELS['aws-managed'] },
  { value: 'customer-managed', label: POLICY_TYPE_LABELS['customer-managed'] },
  { value: 'aws-managed-job-function', label: POLICY_TYPE_LABELS['aws-managed-job-function'] },
];

const USAGE_OPTIONS: { value: UsageFilter; label: string }[] = [
  { value: 'any', label: 'All uses' },
  { value: 'PermissionsPolicy', label: 'Used as permissions policy' },
  { value: 'PermissionsBoundary', label: 'Used as permissions boundary' },
];

function usedAs(policy: PolicySummary): string {
  const parts: string[] = [];
  if (policy.attachmentCount > 0) parts.push(`Permissions policy (${policy.attachmentCount})`);
  if (policy.boundaryUsageCount > 0) parts.push(`Boundary (${policy.boundaryUsageCount})`);
  return parts.length > 0 ? parts.join(', ') : 'None';
}

function option<T extends string>(options: { value: T; label: string }[], value: T): SelectProps.Option {
  const found = options.find((candidate) => candidate.value === value) ?? options[0]!;
  return { value: found.value, label: found.label };
}

export default function PoliciesPage() {
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const state = listStateFromSearchParams(searchParams);
  const setState = (change: Partial<PoliciesListState>) =>
    setSearchParams((current) => listStateToSearchParams({ ...listStateFromSearchParams(current), ...change }, current), { replace: true });
  const query = useQuery(policyQueries.list(serverFilterOf(state)));
  const [preferences, setPreferences] = usePoliciesTablePreferences();
  const [deleting, setDeleting] = useState<PolicySummary | undefined>(undefined);

  const all = query.data ?? [];
  // IAM's "AWS managed" scope includes the job-function policies; the Type column gives each policy one type.
  const matching = filterPolicies(all, state.text, state.type);
  const { items, collectionProps, paginationProps, actions } = useCollection(matching, {
    sorting: { defaultState: { sortingColumn: { sortingField: 'name' } } },
    pagination: { pageSize: preferences.pageSize },
    selection: { trackBy: 'arn' },
  });
  const selected = collectionProps.selectedItems?.[0];
  const filtered = state.type !== 'all' || state.usage !== 'any' || state.text !== '';
  const clearFilter = () => setSearchParams((current) => listStateToSearchParams({ type: 'all', usage: 'any', text: '' }, current), { replace: true });

  return (
    <>
      <Table<PolicySummary>
        {...collectionProps}
        variant="full-page"
        items={items}
        loading={query.isPending}
        loadingText="Loading policies"
        trackBy="arn"
        selectionType="single"
        {...tableDisplayProps(POLICY_COLUMNS, preferences)}
        ariaLabels={{
          tableLabel: 'Policies',
          selectionGroupLabel: 'Policy selection',
          itemSelectionLabel: (_state, policy) => policy.name,
        }}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={query.data ? (state.text ? `(${matching.length}/${all.length})` : `(${matching.length})`) : undefined}
            description="A managed policy defines permissions you can attach to roles, users and groups, or use as a permissions boundary."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button iconName="refresh" ariaLabel="Refresh policies" loading={query.isFetching} onClick={() => void query.refetch()} />
                <Button
                  disabled={!selected || selected.awsManaged}
                  disabledReason={selected?.awsManaged ? 'AWS managed policies cannot be deleted.' : 'Select a customer managed policy.'}
                  onClick={() => setDeleting(selected)}
                >
                  Delete
                </Button>
                <RouterButton variant="primary" href="/policies/create">
                  Create policy
                </RouterButton>
              </SpaceBetween>
            }
          >
            Policies
          </Header>
        }
        filter={
          <div className="policy-list-filters">
            <div className="policy-list-filters__text">
              <TextFilter
                filteringClearAriaLabel="Clear filter"
                filteringText={state.text}
                filteringPlaceholder="Filter policies by name, description or ARN"
                filteringAriaLabel="Find policies"
                countText={`${matching.length} ${matching.length === 1 ? 'match' : 'matches'}`}
                onChange={({ detail }) => {
                  setState({ text: detail.filteringText });
                  actions.setCurrentPage(1);
                }}
              />
            </div>
            <Select
              ariaLabel="Filter by type"
              selectedOption={option(TYPE_OPTIONS, state.type)}
              options={TYPE_OPTIONS}
              onChange={({ detail }) => {
                setState({ type: (detail.selectedOption.value as PolicyTypeFilter | undefined) ?? 'all' });
                actions.setCurrentPage(1);
              }}
            />
            <Select
              ariaLabel="Filter by use"
              selectedOption={option(USAGE_OPTIONS, state.usage)}
              options={USAGE_OPTIONS}
              onChange={({ detail }) => {
                setState({ usage: (detail.selectedOption.value as UsageFilter | undefined) ?? 'any' });
                actions.setCurrentPage(1);
              }}
            />
          </div>
        }
        pagination={<TablePagination {...paginationProps} />}
        preferences={
          <TablePreferencesControl columns={POLICY_COLUMNS} preferences={preferences} onChange={setPreferences} itemsNoun="policies" wrapLinesDescription="Show long names in full." />
        }
        empty={
          query.isError ? (
            <Box textAlign="left">
              <AwsErrorAlert error={query.error} context={{ action: 'iam:ListPolicies' }} onRetry={() => void query.refetch()} />
            </Box>
          ) : all.length === 0 && state.type === 'customer-managed' && state.usage === 'any' ? (
            <TableEmptyState
              title="No customer managed policies"
              description="This account has no policies of its own yet."
              action={<Button onClick={() => void navigate('/policies/create')}>Create policy</Button>}
            />
          ) : filtered ? (
            <TableEmptyState title="No matches" description="No policy matches the filter." action={<Button onClick={clearFilter}>Clear filter</Button>} />
          ) : (
            <TableEmptyState title="No policies" description="This account has no managed policies." />
          )
        }
        columnDefinitions={[
          {
            id: 'name',
            header: 'Policy name',
            cell: (policy) => <RouterLink href={policyDetailsHref(policy.arn)}>{policy.name}</RouterLink>,
            sortingField: 'name',
            isRowHeader: true,
          },
          {
            id: 'type',
            header: 'Type',
            cell: (policy) => POLICY_TYPE_LABELS[policyTypeOf(policy)],
            sortingComparator: (a, b) => POLICY_TYPE_LABELS[policyTypeOf(a)].localeCompare(POLICY_TYPE_LABELS[policyTypeOf(b)]),
          },
          {
            id: 'usedAs',
            header: 'Used as',
            cell: usedAs,
            sortingComparator: (a, b) => a.attachmentCount + a.boundaryUsageCount - (b.attachmentCount + b.boundaryUsageCount),
          },
          { id: 'path', header: 'Path', cell: (policy) => policy.path, sortingField: 'path' },
          {
            id: 'created',
            header: 'Creation time',
            cell: (policy) => formatDateTime(policy.createdAt),
            sortingComparator: (a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0),
          },
          {
            id: 'updated',
            header: 'Edited time',
            cell: (policy) => formatDateTime(policy.updatedAt ?? policy.createdAt),
            sortingComparator: (a, b) => (a.updatedAt?.getTime() ?? 0) - (b.updatedAt?.getTime() ?? 0),
          },
          { id: 'version', header: 'Default version', cell: (policy) => policy.defaultVersionId ?? '-', sortingField: 'defaultVersionId' },
        ]}
      />
      {deleting ? (
        <DeletePolicyModal
          arn={deleting.arn}
          name={deleting.name}
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
