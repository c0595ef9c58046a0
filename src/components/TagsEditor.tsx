import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import Input from '@cloudscape-design/components/input';
import { LIMITS, validateTags, type TagRow } from '../features/roles/create/model/validation.ts';

export interface TagsEditorProps {
  tags: TagRow[];
  onChange: (tags: TagRow[]) => void;
  /** Shown when there are no rows, e.g. "No tags associated with the role." */
  empty: string;
  /** Show each key's and value's length against IAM's limits under the fields. */
  showLengths?: boolean;
}

/** Key/value tags, checked against IAM's tag rules on every keystroke. */
export function TagsEditor({ tags, onChange, empty, showLengths = false }: TagsEditorProps) {
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
      empty={empty}
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
          ...(showLengths ? { constraintText: (tag: TagRow) => `${tag.key.length}/${LIMITS.tagKeyMax} characters.` } : {}),
        },
        {
          label: 'Value - optional',
          control: (tag, index) => (
            <Input value={tag.value} ariaLabel={`Tag ${index + 1} value`} placeholder="Enter value" onChange={({ detail }) => setRow(index, { value: detail.value })} />
          ),
          errorText: (_tag, index) => rowErrors.get(index)?.value,
          ...(showLengths ? { constraintText: (tag: TagRow) => `${tag.value.length}/${LIMITS.tagValueMax} characters.` } : {}),
        },
      ]}
    />
  );
}

export function tagsAreValid(tags: readonly TagRow[]): boolean {
  const validation = validateTags(tags);
  return !validation.listError && validation.rows.length === 0;
}
