import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useCollection } from '@cloudscape-design/collection-hooks';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import CollectionPreferences from '@cloudscape-design/components/collection-preferences';
import Header from '@cloudscape-design/components/header';
import PropertyFilter, { type PropertyFilterProps } from '@cloudscape-design/components/property-filter';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import { AwsErrorAlert } from '../../../components/AwsErrorAlert.tsx';
import { RouterLink } from '../../../components/RouterLink.tsx';
import { TableEmptyState } from '../../../components/TableStates.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { instanceQueries, type InstanceSummary } from '../api/describe-instances.ts';
import { instanceProfileQueries } from '../api/list-instance-profiles.ts';
import { useInstanceTransitions } from '../api/use-instance-transitions.ts';
import { roleDisplayOf, roleDisplayText, type RoleDisplay } from '../model/role-display.ts';
import {
  loadTablePreferences,
  PAGE_SIZES,
  saveTablePreferences,
  type InstancesTablePreferences,
} from '../model/table-preferences.ts';
import { filterFromSearchParams, filterToSearchParams } from '../model/url-filter.ts';
import { BulkAttachModal } from './BulkAttachModal.tsx';
import { IamRoleValue } from './IamRoleValue.tsx';
import { InstanceActions, type InstanceAction } from './InstanceActions.tsx';
import { InstanceStateIndicator, instanceStateText } from '../../../components/InstanceStateIndicator.tsx';
import { ModifyIamRoleModal } from './ModifyIamRoleModal.tsx';
import { TablePagination } from '../../../components/TableControls.tsx';

export interface InstanceRow extends InstanceSummary {
  /** Role name (or the empty-profile notice): what the "IAM role" column shows, sorts and filters by. */
  roleName: string;
  roleDisplay: RoleDisplay;
  publicIpText: string;
  privateIpText: string;
  stateText: string;
}

const FILTERING_PROPERTIES: PropertyFilterProps.FilteringProperty[] = [
  { key: 'name', propertyLabel: 'Name', groupValuesLabel: 'Names', operators: ['=', '!=', ':', '!:', '^'] },
  { key: 'instanceId', propertyLabel: 'Instance ID', groupValuesLabel: 'Instance IDs', operators: ['=', '!=', ':', '^'] },
  { key: 'stateText', propertyLabel: 'Instance state', groupValuesLabel: 'Instance states', operators: ['=', '!='] },
  { key: 'instanceType', propertyLabel: 'Instance type', groupValuesLabel: 'Instance types', operators: ['=', '!=', ':', '^'] },
  { key: 'availabilityZone', propertyLabel: 'Availability Zone', groupValuesLabel: 'Availability Zones', operators: ['=', '!='] },
  { key: 'roleName', propertyLabel: 'IAM role', groupValuesLabel: 'IAM roles', operators: ['=', '!=', ':', '!:', '^'] },
  { key: 'publicIpText', propertyLabel: 'Public IPv4 address', groupValuesLabel: 'Public IPv4 addresses', operators: ['=', ':', '^'] },
];
const FILTER_KEYS: ReadonlySet<string> = new Set(FILTERING_PROPERTIES.map((property) => property.key));
/**
 * Properties whose values the filter suggests. Names, IDs and addresses are (nearly) unique per instance: suggesting
 * them would put thousands of options under every keystroke, so they are filtered by what the user types instead.
 */
const SUGGESTED_PROPERTIES = ['stateText', 'instanceType', 'availabilityZone', 'roleName'] as const;

function suggestedValues(rows: InstanceRow[]): PropertyFilterProps.FilteringOption[] {
  const options: PropertyFilterProps.FilteringOption[] = [];
  for (const propertyKey of SUGGESTED_PROPERTIES) {
    const values = new Set<string>();
    for (const row of rows) if (row[propertyKey]) values.add(row[propertyKey]);
    for (const value of [...values].sort()) options.push({ propertyKey, value });
  }
  return options;
}

type Dialog = { kind: 'modify'; instance: InstanceSummary } | { kind: 'bulk'; instances: InstanceSummary[] } | undefined;

/** The region's instances: property filter (kept in the URL), sorting, pagination, preferences, actions. */
export function InstancesTable({ region }: { region: string }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const instances = useInfiniteQuery(instanceQueries.list(region));
  const profiles = useQuery(instanceProfileQueries.directory());
  const [preferences, setPreferences] = useState<InstancesTablePreferences>(loadTablePreferences);
  const [dialog, setDialog] = useState<Dialog>();
  const [initialQuery] = useState(() => filterFromSearchParams(searchParams, FILTER_KEYS));

  const { hasNextPage, isFetching, isError, fetchNextPage } = instances;
  useEffect(() => {
    if (hasNextPage && !isFetching && !isError) void fetchNextPage();
  }, [hasNextPage, isFetching, isError, fetchNextPage]);
  useInstanceTransitions(region, instances.data, !hasNextPage && !isFetching);

  const rows = useMemo<InstanceRow[]>(
    () =>
      (instances.data?.pages ?? []).flatMap((page) => page.instances).map((instance) => {
        const roleDisplay = roleDisplayOf(instance.instanceProfileArn, profiles.data);
        return {
          ...instance,
          roleDisplay,
          roleName: roleDisplayText(roleDisplay),
          publicIpText: instance.publicIp ?? '',
          privateIpText: instance.privateIp ?? '',
          stateText: instanceStateText(instance.state),
        };
      }),
    [instances.data, profiles.data],
  );
  const filteringOptions = useMemo(() => suggestedValues(rows), [rows]);

  // The "no match" state is built before useCollection returns its actions, so it clears the filter through a ref.
  const clearFilter = useRef<() => void>(() => undefined);
  const { items, actions, collectionProps, propertyFilterProps, filteredItemsCount, paginationProps } = useCollection(rows, {
    propertyFiltering: {
      filteringProperties: FILTERING_PROPERTIES,
      defaultQuery: initialQuery as PropertyFilterProps.Query,
      empty: <TableEmptyState title="No instances" description={`There are no EC2 instances in ${region}.`} />,
      noMatch: (
        <TableEmptyState
          title="No matches"
          description="No instance matches the filter."
          action={<Button onClick={() => clearFilter.current()}>Clear filter</Button>}
        />
      ),
    },
    sorting: { defaultState: { sortingColumn: { sortingField: 'name' } } },
    pagination: { pageSize: preferences.pageSize },
    selection: { keepSelection: true, trackBy: 'instanceId' },
  });

  useEffect(() => {
    clearFilter.current = () => actions.setPropertyFiltering({ tokens: [], operation: 'and' });
  }, [actions]);

  const selected: InstanceSummary[] = [...(collectionProps.selectedItems ?? [])];
  const onAction = (action: InstanceAction) => {
    if (action === 'modify-iam-role' && selected[0]) setDialog({ kind: 'modify', instance: selected[0] });
    if (action === 'bulk-attach-iam-role') setDialog({ kind: 'bulk', instances: selected });
  };

  const columnDefinitions: TableProps.ColumnDefinition<InstanceRow>[] = [
    { id: 'name', header: 'Name', cell: (row) => row.name || '–', sortingField: 'name', isRowHeader: true },
    {
      id: 'instanceId',
      header: 'Instance ID',
      sortingField: 'instanceId',
      cell: (row) => <RouterLink href={`/instances/${row.instanceId}`}>{row.instanceId}</RouterLink>,
    },
    { id: 'state', header: 'Instance state', sortingField: 'stateText', cell: (row) => <InstanceStateIndicator state={row.state} /> },
    {
      id: 'roleName',
      header: 'IAM role',
      sortingField: 'roleName',
      cell: (row) => <IamRoleValue display={row.roleDisplay} loading={profiles.isPending} />,
    },
    { id: 'instanceType', header: 'Instance type', sortingField: 'instanceType', cell: (row) => row.instanceType || '–' },
    { id: 'availabilityZone', header: 'Availability Zone', sortingField: 'availabilityZone', cell: (row) => row.availabilityZone || '–' },
    { id: 'publicIp', header: 'Public IPv4 address', sortingField: 'publicIpText', cell: (row) => row.publicIp ?? '–' },
    { id: 'privateIp', header: 'Private IPv4 address', sortingField: 'privateIpText', cell: (row) => row.privateIp ?? '–' },
    {
      id: 'launchedAt',
      header: 'Launch time',
      cell: (row) => formatDateTime(row.launchedAt),
      sortingComparator: (a, b) => (a.launchedAt?.getTime() ?? 0) - (b.launchedAt?.getTime() ?? 0),
    },
  ];

  return (
    <>
      <Table<InstanceRow>
        {...collectionProps}
        variant="full-page"
        items={items}
        selectionType="multi"
        loading={instances.isPending}
        loadingText="Loading instances"
        trackBy="instanceId"
        wrapLines={preferences.wrapLines}
        columnDefinitions={columnDefinitions}
        columnDisplay={preferences.contentDisplay}
        stickyHeader
        ariaLabels={{
          tableLabel: 'Instances',
          selectionGroupLabel: 'Instance selection',
          allItemsSelectionLabel: () => 'Select all instances on this page',
          itemSelectionLabel: (_, row) => `Select instance ${row.name || row.instanceId}`,
        }}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={instances.data ? `(${selected.length ? `${selected.length}/` : ''}${rows.length}${hasNextPage ? '+' : ''})` : undefined}
            description={
              <SpaceBetween size="xxs">
                <span>{`EC2 instances in ${region} and the IAM role each one runs with.`}</span>
                {hasNextPage && !isError ? (
                  <StatusIndicator type="loading">{`Loading more instances: ${rows.length.toLocaleString('en-US')} so far`}</StatusIndicator>
                ) : null}
                {instances.isFetchNextPageError ? (
                  <AwsErrorAlert
                    error={instances.error}
                    context={{ action: 'ec2:DescribeInstances' }}
                    onRetry={() => void fetchNextPage()}
                  />
                ) : null}
              </SpaceBetween>
            }
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button
                  iconName="refresh"
                  ariaLabel="Refresh instances"
                  loading={instances.isFetching || profiles.isFetching}
                  onClick={() => {
                    void instances.refetch();
                    void profiles.refetch();
                  }}
                />
                <InstanceActions selected={selected} onAction={onAction} />
              </SpaceBetween>
            }
          >
            Instances
          </Header>
        }
        filter={
          <PropertyFilter
            {...propertyFilterProps}
            filteringOptions={filteringOptions}
            onChange={(event) => {
              propertyFilterProps.onChange(event);
              setSearchParams(filterToSearchParams(event.detail, FILTER_KEYS), { replace: true });
            }}
            filteringPlaceholder="Find instances by attribute or tag"
            filteringAriaLabel="Find instances"
            countText={filteredItemsCount === 1 ? '1 match' : `${filteredItemsCount ?? 0} matches`}
            expandToViewport
            i18nStrings={{
              filteringAriaLabel: 'Find instances',
              clearFiltersText: 'Clear filters',
              removeTokenButtonAriaLabel: (token) => `Remove filter ${token.propertyLabel} ${token.operator} ${token.value}`,
            }}
          />
        }
        pagination={<TablePagination {...paginationProps} />}
        preferences={
          <CollectionPreferences
            title="Preferences"
            confirmLabel="Confirm"
            cancelLabel="Cancel"
            preferences={preferences}
            onConfirm={({ detail }) => {
              const next: InstancesTablePreferences = {
                pageSize: detail.pageSize ?? preferences.pageSize,
                wrapLines: detail.wrapLines ?? preferences.wrapLines,
                contentDisplay: (detail.contentDisplay ?? preferences.contentDisplay).map((item) => ({ id: item.id, visible: item.visible })),
              };
              setPreferences(next);
              saveTablePreferences(next);
            }}
            pageSizePreference={{ title: 'Page size', options: PAGE_SIZES.map((value) => ({ value, label: `${value} instances` })) }}
            wrapLinesPreference={{ label: 'Wrap lines', description: 'Show long values on several lines.' }}
            contentDisplayPreference={{
              title: 'Column preferences',
              options: columnDefinitions.map((column) => ({
                id: column.id!,
                label: String(column.header),
                ...(column.id === 'instanceId' ? { alwaysVisible: true } : {}),
              })),
            }}
          />
        }
        empty={
          instances.isError ? (
            <Box textAlign="left">
              <AwsErrorAlert error={instances.error} context={{ action: 'ec2:DescribeInstances' }} onRetry={() => void instances.refetch()} />
            </Box>
          ) : (
            collectionProps.empty
          )
        }
      />
      {dialog?.kind === 'modify' ? <ModifyIamRoleModal region={region} instance={dialog.instance} onDismiss={() => setDialog(undefined)} /> : null}
      {dialog?.kind === 'bulk' ? (
        <BulkAttachModal
          region={region}
          instances={dialog.instances}
          onDismiss={() => {
            setDialog(undefined);
            actions.setSelectedItems([]);
          }}
        />
      ) : null}
    </>
  );
}
