import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useQuery } from '@tanstack/react-query';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { ActionModal } from '../../../components/ActionModal.tsx';
import { AwsErrorAlert } from '../../../components/AwsErrorAlert.tsx';
import { CliEquivalent } from '../../../components/CliEquivalent.tsx';
import { TableEmptyState } from '../../../components/TableStates.tsx';
import { FORM_MODE } from '../../../components/FormFields.tsx';
import { TagsEditor, type TagsFormValues } from '../../../components/TagsEditor.tsx';
import { useNotifications } from '../../../components/notifications/index.ts';
import { roleTagQueries } from '../api/list-role-tags.ts';
import { useUpdateRoleTags } from '../api/update-role-tags.ts';
import { LIMITS } from '../../../validation/iam.ts';
import { awsCli } from '../../../aws/cli.ts';
import { diffTags, type RoleTag } from '../model/tags-diff.ts';

function ManageTagsModal({ roleName, tags, onDismiss }: { roleName: string; tags: readonly RoleTag[]; onDismiss: () => void }) {
  const { control, handleSubmit, formState } = useForm<TagsFormValues>({ ...FORM_MODE, defaultValues: { tags: tags.map((tag) => ({ ...tag })) } });
  const rows = useWatch({ control, name: 'tags' });
  const mutation = useUpdateRoleTags();
  const { notify } = useNotifications();
  const changes = diffTags(tags, rows);
  const commands = [
    ...(changes.removeKeys.length ? [awsCli('iam', 'UntagRole', { RoleName: roleName, TagKeys: changes.removeKeys })] : []),
    ...(changes.put.length ? [awsCli('iam', 'TagRole', { RoleName: roleName, Tags: changes.put.map((tag) => ({ Key: tag.key, Value: tag.value })) })] : []),
  ];

  const save = handleSubmit(() => {
    if (commands.length === 0 || mutation.isPending) return;
    mutation.mutate(
      { roleName, changes },
      {
        onSuccess: () => {
          notify({ type: 'success', header: `Tags of ${roleName} saved` });
          onDismiss();
        },
      },
    );
  });

  return (
    <ActionModal
      size="large"
      header={`Manage tags of ${roleName}`}
      closeAriaLabel="Close Manage tags"
      busy={mutation.isPending}
      actionLabel="Save changes"
      actionDisabled={commands.length === 0 || (formState.isSubmitted && !formState.isValid)}
      onAction={() => void save()}
      onDismiss={onDismiss}
    >
      <SpaceBetween size="m">
        <TagsEditor control={control} empty="No tags associated with the role." showLengths />
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
