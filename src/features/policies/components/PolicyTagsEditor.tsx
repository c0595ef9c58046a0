import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import Input from '@cloudscape-design/components/input';
import { LIMITS, validateTags, type TagRow } from '../../roles/create/model/validation.ts';

/** Key/value tags of a policy, checked against IAM's tag rules as they are typed. */
export function PolicyTagsEditor({ tags, onChange }: { tags: TagRow[]; onChange: (tags: TagRow[]) => void }) {
  const validation = validateTags(tags);
  const rowErrors = new Map(validation.rows.map((row) => [row.index, row]));
  const remaining = LIMITS.tagsMax - tags.length;
  const setRow = (index: number, change: Partial<TagRow>) => onChange(tags.map((tag, position) => (position === index ? { ...tag, ...change } : tag)));
  return (
    <AttributeEditor<TagRow>
      items={tags}
      addButtonText="Add new tag"
      removeButtonText="Remove"
      disableAddButton={remaining <= 0}
      onAddButtonClick={() => onChange([...tags, { key: '', value: '' }])}
      onRemoveButtonClick={({ detail }) => onChange(tags.filter((_, index) => index !== detail.itemIndex))}
      empty="No tags associated with the policy."
      additionalInfo={
        validation.listError ?? (remaining > 0 ? `You can add up to ${remaining} more ${remaining === 1 ? 'tag' : 'tags'}.` : `You have reached the limit of ${LIMITS.tagsMax} tags.`)
      }
      definition={[
        {
          label: 'Key',
          control: (tag, index) => (
            <Input value={tag.key} ariaLabel={`Tag ${index + 1} key`} placeholder="Enter key" onChange={({ detail }) => setRow(index, { key: detail.value })} />
          ),
          errorText: (_tag, index) => rowErrors.get(index)?.key,
        },
        {
          label: 'Value - optional',
          control: (tag, index) => (
            <Input value={tag.value} ariaLabel={`Tag ${index + 1} value`} placeholder="Enter value" onChange={({ detail }) => setRow(index, { value: detail.value })} />
          ),
          errorText: (_tag, index) => rowErrors.get(index)?.value,
        },
      ]}
    />
  );
}

export function tagsAreValid(tags: readonly TagRow[]): boolean {
  const validation = validateTags(tags);
  return !validation.listError && validation.rows.length === 0;
}
