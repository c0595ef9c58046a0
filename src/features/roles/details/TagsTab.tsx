import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { ActionModal } from '../../components/ActionModal.tsx';
import { AwsErrorAlert } from '../../../components/AwsErrorAlert.tsx';
import { CliEquivalent } from '../../../components/CliEquivalent.tsx';
import { TableEmptyState } from '../../../components/TableStates.tsx';
import { useNotifications } from '../../../components/notifications/index.ts';
import { roleTagQueries } from '../api/list-role-tags.ts';
import { useUpdateRoleTags } from '../api/update-role-tags.ts';
import { LIMITS, validateTags } from '../create/model/validation.ts';
import { roleCli } from '../model/cli.ts';
import { diffTags, type RoleTag } from '../model/tags-diff.ts';

function ManageTagsModal({ roleName, tags, onDismiss }: { roleName: string; tags: readonly RoleTag[]; onDismiss: () => void }) {
  const [rows, setRows] = useState<RoleTag[]>(() => tags.map((tag) => ({ ...tag })));
  const mutation = useUpdateRoleTags();
  const { notify } = useNotifications();
  const validation = validateTags(rows);
  const rowErrors = new Map(validation.rows.map((row) => [row.index, row]));
  const valid = !validation.listError && validation.rows.length === 0;
  const changes = diffTags(tags, rows);
  const commands = [
    ...(changes.removeKeys.length ? [roleCli.untagRole(roleName, changes.removeKeys)] : []),
    ...(changes.put.length ? [roleCli.tagRole(roleName, changes.put)] : []),
  ];
  const remaining = LIMITS.tagsMax - rows.length;
  const setRow = (index: number, change: Partial<RoleTag>) => setRows(rows.map((row, position) => (position === index ? { ...row, ...change } : row)));

  const save = () => {
    if (!valid || commands.length === 0 || mutation.isPending) return;
    mutation.mutate(
      { roleName, changes },
      {
        onSuccess: () => {
          notify({ type: 'success', header: `Tags of ${roleName} saved` });
          onDismiss();
        },
      },
    );
  };

  return (
    <ActionModal
      size="large"
      header={`Manage tags of ${roleName}`}
      closeAriaLabel="Close Manage tags"
      busy={mutation.isPending}
      actionLabel="Save changes"
      actionDisabled={!valid || commands.length === 0}
      onAction={save}
      onDismiss={onDismiss}
    >
      <SpaceBetween size="m">
        <AttributeEditor<RoleTag>
          items={rows}
          addButtonText="Add new tag"
          removeButtonText="Remove"
          disableAddButton={remaining <= 0}
          onAddButtonClick={() => setRows([...rows, { key: '', value: '' }])}
          onRemoveButtonClick={({ detail }) => setRows(rows.filter((_, index) => index !== detail.itemIndex))}
          empty="No tags associated with the role."
          additionalInfo={
            validation.listError ??
            (remaining > 0 ? `You can add up to ${remaining} more ${remaining === 1 ? 'tag' : 'tags'}.` : `You have reached the limit of ${LIMITS.tagsMax} tags.`)
          }
          definition={[
            {
              label: 'Key',
              control: (row, index) => <Input value={row.key} ariaLabel={`Tag ${index + 1} key`} placeholder="Enter key" onChange={({ detail }) => setRow(index, { key: detail.value })} />,
              errorText: (_row, index) => rowErrors.get(index)?.key,
              constraintText: (row) => `${row.key.length}/${LIMITS.tagKeyMax} characters.`,
            },
            {
              label: 'Value - optional',
              control: (row, index) => (
                <Input value={row.value} ariaLabel={`Tag ${index + 1} value`} placeholder="Enter value" onChange={({ detail }) => setRow(index, { value: detail.value })} />
              ),
              errorText: (_row, index) => rowErrors.get(index)?.value,
              constraintText: (row) => `${row.value.length}/${LIMITS.tagValueMax} characters.`,
            },
          ]}
        />
        <CliEquivalent commands={commands} emptyText="No changes yet." />
        {mutation.isError ? <AwsErrorAlert error={mutation.error} context={{ action: changes.removeKeys.length ? 'iam:UntagRole' : 'iam:TagRole' }} /> : null}
      </SpaceBetween>
    </ActionModal>
  );
}

export function TagsTab({ roleName }: { roleName: string }) {
  const query = useQuery(roleTagQueries.ofRole(roleName));
  const [managing, setManaging] = useState(false);
  const tags = query.data ?? [];
  return (
    <>
      <Table<RoleTag>
        variant="container"
        items={tags}
        trackBy="key"
        loading={query.isPending}
        loadingText="Loading tags"
        ariaLabels={{ tableLabel: 'Tags' }}
        header={
          <Header
            counter={query.data ? `(${tags.length})` : undefined}
            description={`Key-value pairs that help you find and organize roles. Up to ${LIMITS.tagsMax} tags; keys are not case-sensitive.`}
            actions={
              <Button disabled={!query.data} onClick={() => setManaging(true)}>
                Manage tags
              </Button>
            }
          >
            Tags
          </Header>
        }
        empty={
          query.isError ? (
            <Box textAlign="left">
              <AwsErrorAlert error={query.error} context={{ action: 'iam:ListRoleTags' }} onRetry={() => void query.refetch()} />
            </Box>
          ) : (
            <TableEmptyState title="No tags" description="No tags are associated with this role." />
          )
        }
        columnDefinitions={[
          { id: 'key', header: 'Key', cell: (tag) => tag.key, isRowHeader: true },
          { id: 'value', header: 'Value', cell: (tag) => tag.value || '-' },
        ]}
      />
      {managing && query.data ? <ManageTagsModal roleName={roleName} tags={query.data} onDismiss={() => setManaging(false)} /> : null}
    </>
  );
}
