import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useCollection } from '@cloudscape-design/collection-hooks';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { AwsErrorAlert } from '../../../components/AwsErrorAlert.tsx';
import { TableEmptyState } from '../../../components/TableStates.tsx';
import type { PolicyDetails } from '../api/get-policy.ts';
import { policyEntitiesQueries } from '../api/list-entities-for-policy.ts';
import { ConfirmChangesModal } from '../components/ConfirmChangesModal.tsx';
import { entityText } from '../components/DeletePolicyModal.tsx';
import { RoleLink } from '../../../components/RouterLink.tsx';
import type { AttachedEntity } from '../model/changes.ts';
import { TablePagination } from '../../../components/TableControls.tsx';

const TYPE_LABEL = { role: 'Role', user: 'User', group: 'Group' } as const;
const keyOf = (entity: AttachedEntity) => `${entity.type}:${entity.name}:${entity.usage}`;

interface EntityRow extends AttachedEntity {
  key: string;
}

/** ListEntitiesForPolicy: who uses the policy, as a permissions policy or as a boundary; detach from here. */
export function EntitiesTab({ policy }: { policy: PolicyDetails }) {
  const entities = useQuery(policyEntitiesQueries.list(policy.arn));
  const [detaching, setDetaching] = useState<AttachedEntity[] | undefined>(undefined);
  const rows: EntityRow[] = (entities.data ?? []).map((entity) => ({ ...entity, key: keyOf(entity) }));
  const { items, collectionProps, filterProps, filteredItemsCount, paginationProps, actions } = useCollection(rows, {
    filtering: {
      filteringFunction: (entity, text) => `${entity.name} ${entity.type}`.toLowerCase().includes(text.trim().toLowerCase()),
      empty: <TableEmptyState title="Not attached" description="No role, user or group uses this policy." />,
      noMatch: <TableEmptyState title="No matches" description="No entity matches the filter." />,
    },
    sorting: { defaultState: { sortingColumn: { sortingField: 'name' } } },
    pagination: { pageSize: 20 },
    selection: { trackBy: 'key' },
  });
  const selected = collectionProps.selectedItems ?? [];

  return (
    <>
      <Table<EntityRow>
        {...collectionProps}
        items={items}
        loading={entities.isPending}
        loadingText="Loading the entities that use this policy"
        trackBy="key"
        selectionType="multi"
        ariaLabels={{
          tableLabel: 'Entities attached',
          selectionGroupLabel: 'Entity selection',
          allItemsSelectionLabel: () => 'Select all entities',
          itemSelectionLabel: (_state, entity) => `${entity.name} (${entity.usage === 'PermissionsBoundary' ? 'boundary' : 'permissions policy'})`,
        }}
        header={
          <Header
            variant="h2"
            counter={entities.data ? `(${rows.length})` : undefined}
            description="Roles, users and groups that use this policy as a permissions policy or as their permissions boundary."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button iconName="refresh" ariaLabel="Refresh entities" loading={entities.isFetching} onClick={() => void entities.refetch()} />
                <Button disabled={selected.length === 0} onClick={() => setDetaching([...selected])}>
                  Detach
                </Button>
              </SpaceBetween>
            }
          >
            Entities attached
          </Header>
        }
        filter={<TextFilter {...filterProps} filteringPlaceholder="Find entities" filteringAriaLabel="Find entities" filteringClearAriaLabel="Clear filter" countText={`${filteredItemsCount ?? 0} matches`} />}
        pagination={<TablePagination {...paginationProps} />}
        empty={
          entities.isError ? (
            <Box textAlign="left">
              <AwsErrorAlert error={entities.error} context={{ action: 'iam:ListEntitiesForPolicy', resource: policy.arn }} onRetry={() => void entities.refetch()} />
            </Box>
          ) : (
            collectionProps.empty
          )
        }
        columnDefinitions={[
          {
            id: 'name',
            header: 'Entity name',
            isRowHeader: true,
            sortingField: 'name',
            cell: (entity) => (entity.type === 'role' ? <RoleLink roleName={entity.name} /> : entity.name),
          },
          { id: 'type', header: 'Entity type', sortingField: 'type', cell: (entity) => TYPE_LABEL[entity.type] },
          {
            id: 'usage',
            header: 'Attached as',
            sortingField: 'usage',
            cell: (entity) => (entity.usage === 'PermissionsBoundary' ? 'Permissions boundary' : 'Permissions policy'),
          },
        ]}
      />
      {detaching ? (
        <ConfirmChangesModal
          arn={policy.arn}
          header={`Detach ${policy.name}?`}
          changes={detaching.map((entity) => ({ kind: 'detach', entity }))}
          confirmLabel="Detach"
          successText={`${policy.name} detached from ${detaching.length} ${detaching.length === 1 ? 'entity' : 'entities'}.`}
          onDismiss={() => setDetaching(undefined)}
          onDone={() => actions.setSelectedItems([])}
        >
          <Box>
            These lose the permissions {policy.name} gives them (or, for a boundary, the limit it sets):
            <ul className="policy-entity-list">
              {detaching.map((entity) => (
                <li key={keyOf(entity)}>{entityText(entity)}</li>
              ))}
            </ul>
          </Box>
        </ConfirmChangesModal>
      ) : null}
    </>
  );
}
