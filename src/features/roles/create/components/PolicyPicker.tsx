/**
 * Step 2's managed-policy tables ("Permissions policies" and the permissions boundary): every managed policy of
 * the account (all ListPolicies pages), text search, type filter, sorting, selection with the role's quota, and
 * each row's JSON on demand.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useCollection } from '@cloudscape-design/collection-hooks';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { AwsErrorAlert } from '../../../../components/AwsErrorAlert.tsx';
import { TablePagination } from '../../../../components/TableControls.tsx';
import { TableEmptyState } from '../../../../components/TableStates.tsx';
import { policyDocumentQueries } from '../../../../aws/get-policy-document.ts';
import { policyPageQueries, type ManagedPolicy } from '../../../../aws/list-policy-pages.ts';
import { PolicyJsonViewer } from '../../../../iam-policies/components/PolicyJsonViewer.tsx';
import { filterPolicies, policyTypeOf, POLICY_TYPE_LABELS, type PolicyTypeFilter } from '../../../../iam-policies/filter-policies.ts';
import type { SelectedPolicy } from '../wizard-state.ts';
import './wizard.css';

const TYPE_OPTIONS: { value: PolicyTypeFilter; label: string }[] = [
  { value: 'all', label: 'All types' },
  { value: 'aws-managed', label: POLICY_TYPE_LABELS['aws-managed'] },
  { value: 'customer-managed', label: POLICY_TYPE_LABELS['customer-managed'] },
  { value: 'aws-managed-job-function', label: POLICY_TYPE_LABELS['aws-managed-job-function'] },
];

/** Every page of ListPolicies: the first page renders at once, the rest load behind it. */
export function useAllManagedPolicies() {
  const query = useInfiniteQuery(policyPageQueries.pages('All'));
  const { hasNextPage, isFetchingNextPage, fetchNextPage, isError } = query;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, isError]);
  const policies = useMemo(() => query.data?.pages.flatMap((page) => page.policies) ?? [], [query.data]);
  return { query, policies, complete: query.isSuccess && !hasNextPage };
}

function PolicyDocument({ arn, name }: { arn: string; name: string }) {
  const query = useQuery(policyDocumentQueries.defaultVersion(arn));
  if (query.isPending) return <StatusIndicator type="loading">Loading the policy document</StatusIndicator>;
  if (query.isError) return <AwsErrorAlert error={query.error} context={{ action: 'iam:GetPolicyVersion', resource: arn }} onRetry={() => void query.refetch()} />;
  return <PolicyJsonViewer json={query.data.json} label={`Policy document of ${name}, version ${query.data.versionId}`} maxHeight={260} />;
}

function PolicyNameCell({ policy, expanded, onToggle }: { policy: ManagedPolicy; expanded: boolean; onToggle: () => void }) {
  return (
    <div className="policy-name-cell">
      <div className="policy-name-row">
        <Button
          variant="icon"
          iconName={expanded ? 'caret-down-filled' : 'caret-right-filled'}
          ariaLabel={`${expanded ? 'Hide' : 'Show'} the JSON of ${policy.name}`}
          ariaExpanded={expanded}
          onClick={onToggle}
        />
        <span>{policy.name}</span>
      </div>
      {expanded ? (
        <div className="policy-document-panel">
          <PolicyDocument arn={policy.arn} name={policy.name} />
        </div>
      ) : null}
    </div>
  );
}

/** Selections need only the ARN (the table's trackBy) to show as checked. */
function asTableItem(policy: SelectedPolicy): ManagedPolicy {
  return { arn: policy.arn, name: policy.name, path: policy.path, policyId: '', attachmentCount: 0, isAttachable: true };
}

export interface PolicyPickerProps {
  /** The table's accessible name and heading. */
  title: string;
  description?: ReactNode;
  selectionType: 'multi' | 'single';
  selected: readonly SelectedPolicy[];
  onChange: (selected: SelectedPolicy[]) => void;
  /** Multi-select only: the most policies that may be selected (the role's managed-policy quota). */
  maxSelected?: number;
  actions?: ReactNode;
  errorText?: string;
}

export function PolicyPicker({ title, description, selectionType, selected, onChange, maxSelected, actions, errorText }: PolicyPickerProps) {
  const { query, policies, complete } = useAllManagedPolicies();
  const [filterText, setFilterText] = useState('');
  const [typeFilter, setTypeFilter] = useState<PolicyTypeFilter>('all');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [quotaMessage, setQuotaMessage] = useState<string | undefined>();

  // Service-role policies belong to service-linked roles: IAM refuses to attach them to other roles.
  const attachable = useMemo(() => policies.filter((policy) => !policy.path.startsWith('/aws-service-role/')), [policies]);
  const filtered = useMemo(() => filterPolicies(attachable, filterText, typeFilter), [attachable, filterText, typeFilter]);
  const { items, collectionProps, paginationProps, actions: collection } = useCollection(filtered, {
    sorting: { defaultState: { sortingColumn: { sortingField: 'name' } } },
    pagination: { pageSize: 10 },
  });

  const selectedArns = new Set(selected.map((policy) => policy.arn));
  const atQuota = selectionType === 'multi' && maxSelected !== undefined && selected.length >= maxSelected;
  const typeOption = TYPE_OPTIONS.find((option) => option.value === typeFilter) ?? TYPE_OPTIONS[0];

  const toggle = (arn: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(arn)) next.delete(arn);
      else next.add(arn);
      return next;
    });

  const counter = query.data
    ? selectionType === 'multi'
      ? `(${selected.length}/${complete ? attachable.length : `${attachable.length}+`})`
      : `(${complete ? attachable.length : `${attachable.length}+`})`
    : undefined;

  return (
    <SpaceBetween size="xs">
      <Table<ManagedPolicy>
        {...collectionProps}
        variant="container"
        items={items}
        trackBy="arn"
        loading={query.isPending}
        loadingText="Loading policies"
        selectionType={selectionType}
        selectedItems={selected.map(asTableItem)}
        isItemDisabled={(policy) => atQuota && !selectedArns.has(policy.arn)}
        onSelectionChange={({ detail }) => {
          // Keep selections that the current filter hides; replace only those on the visible page.
          const visible = new Set(items.map((policy) => policy.arn));
          const kept = selected.filter((policy) => !visible.has(policy.arn));
          const picked = detail.selectedItems
            .filter((policy) => visible.has(policy.arn))
            .map((policy) => ({ arn: policy.arn, name: policy.name, path: policy.path }));
          const next = selectionType === 'single' ? picked.slice(0, 1) : [...kept, ...picked];
          if (selectionType === 'multi' && maxSelected !== undefined && next.length > maxSelected) {
            setQuotaMessage(
              `A role can have at most ${maxSelected} managed policies attached (IAM's PoliciesPerRole quota); that would make ${next.length}. Clear some before choosing others.`,
            );
            return;
          }
          setQuotaMessage(undefined);
          onChange(next);
        }}
        ariaLabels={{
          tableLabel: title,
          selectionGroupLabel: `${title} selection`,
          allItemsSelectionLabel: () => 'Select all policies on this page',
          itemSelectionLabel: (_state, policy) => policy.name,
        }}
        header={
          <Header counter={counter} description={description} actions={actions}>
            {title}
          </Header>
        }
        filter={
          <div className="policy-filters">
            <div className="policy-filters-text">
              <TextFilter
                filteringClearAriaLabel="Clear filter"
                filteringText={filterText}
                filteringPlaceholder="Filter policies by name, description or ARN"
                filteringAriaLabel={`Filter ${title}`}
                countText={`${filtered.length} ${filtered.length === 1 ? 'match' : 'matches'}`}
                onChange={({ detail }) => {
                  setFilterText(detail.filteringText);
                  collection.setCurrentPage(1);
                }}
              />
            </div>
            <div className="policy-filters-type">
              <Select
                selectedOption={typeOption}
                options={TYPE_OPTIONS}
                ariaLabel={`Filter ${title} by type`}
                onChange={({ detail }) => {
                  setTypeFilter((detail.selectedOption.value as PolicyTypeFilter | undefined) ?? 'all');
                  collection.setCurrentPage(1);
                }}
              />
            </div>
          </div>
        }
        pagination={<TablePagination {...paginationProps} />}
        empty={
          query.isError ? (
            <Box textAlign="left">
              <AwsErrorAlert error={query.error} context={{ action: 'iam:ListPolicies' }} onRetry={() => void query.refetch()} />
            </Box>
          ) : policies.length === 0 ? (
            <TableEmptyState title="No policies" description="This account has no managed policies." />
          ) : (
            <TableEmptyState
              title="No matches"
              description="No policy matches the filter."
              action={
                <Button
                  onClick={() => {
                    setFilterText('');
                    setTypeFilter('all');
                  }}
                >
                  Clear filter
                </Button>
              }
            />
          )
        }
        columnDefinitions={[
          {
            id: 'name',
            header: 'Policy name',
            cell: (policy) => <PolicyNameCell policy={policy} expanded={expanded.has(policy.arn)} onToggle={() => toggle(policy.arn)} />,
            sortingField: 'name',
            isRowHeader: true,
            minWidth: 360,
          },
          {
            id: 'type',
            header: 'Type',
            cell: (policy) => POLICY_TYPE_LABELS[policyTypeOf(policy)],
            sortingComparator: (a, b) => POLICY_TYPE_LABELS[policyTypeOf(a)].localeCompare(POLICY_TYPE_LABELS[policyTypeOf(b)]),
          },
          { id: 'attached', header: 'Attached entities', cell: (policy) => policy.attachmentCount, sortingField: 'attachmentCount' },
          { id: 'path', header: 'Path', cell: (policy) => policy.path, sortingField: 'path' },
        ]}
        footer={
          query.isFetchingNextPage || (query.hasNextPage && !query.isError) ? (
            <StatusIndicator type="loading">Loading more policies ({policies.length} so far)</StatusIndicator>
          ) : undefined
        }
      />
      {quotaMessage ? (
        <Alert type="error" header="Too many policies" dismissible onDismiss={() => setQuotaMessage(undefined)}>
          {quotaMessage}
        </Alert>
      ) : atQuota ? (
        <Alert type="info" header={`${maxSelected} of ${maxSelected} policies selected`}>
          A role can have at most {maxSelected} managed policies attached (IAM's PoliciesPerRole quota), so the other rows are disabled. Clear a
          policy to choose another.
        </Alert>
      ) : null}
      {errorText ? (
        <Box color="text-status-error" variant="small">
          <span role="alert">{errorText}</span>
        </Box>
      ) : null}
    </SpaceBetween>
  );
}
