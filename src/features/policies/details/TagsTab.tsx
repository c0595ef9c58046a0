import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useQuery } from '@tanstack/react-query';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { AwsErrorAlert } from '../../../components/AwsErrorAlert.tsx';
import { TableEmptyState } from '../../../components/TableStates.tsx';
import type { PolicyDetails } from '../api/get-policy.ts';
import { policyTagQueries } from '../api/list-policy-tags.ts';
import { ConfirmChangesModal } from '../components/ConfirmChangesModal.tsx';
import { FORM_MODE } from '../../../components/FormFields.tsx';
import { TagsEditor, type TagsFormValues } from '../../../components/TagsEditor.tsx';
import { tagChanges } from '../model/changes.ts';
import type { PolicyTag } from '../model/changes.ts';

function ManageTagsModal({ policy, tags, onDismiss }: { policy: PolicyDetails; tags: PolicyTag[]; onDismiss: () => void }) {
  const { control, formState } = useForm<TagsFormValues>({ ...FORM_MODE, defaultValues: { tags } });
  const edited = useWatch({ control, name: 'tags' });
  const changes = tagChanges(tags, edited);
  return (
    <ConfirmChangesModal
      arn={policy.arn}
      header={`Manage tags of ${policy.name}`}
      changes={changes}
      confirmLabel="Save changes"
      successText={`Tags of ${policy.name} saved.`}
      disabled={!formState.isValid}
      onDismiss={onDismiss}
    >
      <TagsEditor control={control} empty="No tags associated with the policy." />
    </ConfirmChangesModal>
  );
}

/** ListPolicyTags, and TagPolicy / UntagPolicy through "Manage tags" (customer managed policies only). */
export function TagsTab({ policy }: { policy: PolicyDetails }) {
  const tags = useQuery(policyTagQueries.list(policy.arn));
  const [managing, setManaging] = useState(false);
  return (
    <>
      <Table<PolicyTag>
        items={tags.data ?? []}
        loading={tags.isPending}
        loadingText="Loading tags"
        trackBy="key"
        ariaLabels={{ tableLabel: 'Tags' }}
        header={
          <Header
            variant="h2"
            counter={tags.data ? `(${tags.data.length})` : undefined}
            description="Key-value pairs that help you identify, organize or search for the policy."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button iconName="refresh" ariaLabel="Refresh tags" loading={tags.isFetching} onClick={() => void tags.refetch()} />
                <Button disabled={!tags.data} onClick={() => setManaging(true)}>
                  Manage tags
                </Button>
              </SpaceBetween>
            }
          >
            Tags
          </Header>
        }
        empty={
          tags.isError ? (
            <Box textAlign="left">
              <AwsErrorAlert error={tags.error} context={{ action: 'iam:ListPolicyTags', resource: policy.arn }} onRetry={() => void tags.refetch()} />
            </Box>
          ) : (
            <TableEmptyState title="No tags" description="No tags are associated with this policy." />
          )
        }
        columnDefinitions={[
          { id: 'key', header: 'Key', isRowHeader: true, cell: (tag) => tag.key },
          { id: 'value', header: 'Value', cell: (tag) => tag.value || '-' },
        ]}
      />
      {managing && tags.data ? <ManageTagsModal policy={policy} tags={tags.data} onDismiss={() => setManaging(false)} /> : null}
    </>
  );
}
