import { useState } from 'react';
import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import Input from '@cloudscape-design/components/input';
import { LIMITS, validateTags, type TagRow } from '../validation/iam.ts';

export interface TagsEditorProps {
  tags: TagRow[];
  onChange: (tags: TagRow[]) => void;
  /** Shown when there are no rows, e.g. "No tags associated with the role." */
  empty: string;
  /** Show each key's and value's length against IAM's limits under the fields. */
  showLengths?: boolean;
  /** Show every field's error, touched or not: set once the user tried to submit. */
  showAllErrors?: boolean;
}

type TagField = keyof TagRow;

/**
 * Key/value tags, checked against IAM's tag rules on every keystroke. A field's error shows once it holds text or was
 * left (blurred), or when `showAllErrors` is set: a new empty row is not an error until the user did something with it.
 */
export function TagsEditor({ tags, onChange, empty, showLengths = false, showAllErrors = false }: TagsEditorProps) {
  // Per row, the fields the user has left; rows are positional, so a removed row takes its entry with it.
  const [touched, setTouched] = useState<ReadonlyArray<ReadonlySet<TagField>>>([]);
  const validation = validateTags(tags);
  const rowErrors = new Map(validation.rows.map((row) => [row.index, row]));
  const remaining = LIMITS.tagsMax - tags.length;
  const setRow = (index: number, change: Partial<TagRow>) => onChange(tags.map((tag, position) => (position === index ? { ...tag, ...change } : tag)));
  const touch = (index: number, field: TagField) =>
    setTouched((current) => {
      const rows = [...current];
      rows[index] = new Set([...(current[index] ?? []), field]);
      return rows;
    });
  const visibleError = (tag: TagRow, index: number, field: TagField) =>
    showAllErrors || tag[field] !== '' || touched[index]?.has(field) ? rowErrors.get(index)?.[field] : undefined;
  return (
    <AttributeEditor<TagRow>
      items={tags}
      addButtonText="Add new tag"
      removeButtonText="Remove"
      disableAddButton={remaining <= 0}
      onAddButtonClick={() => onChange([...tags, { key: '', value: '' }])}
      onRemoveButtonClick={({ detail }) => {
        setTouched((current) => current.filter((_, index) => index !== detail.itemIndex));
        onChange(tags.filter((_, index) => index !== detail.itemIndex));
      }}
      empty={empty}
      additionalInfo={
        validation.listError ?? (remaining > 0 ? `You can add up to ${remaining} more ${remaining === 1 ? 'tag' : 'tags'}.` : `You have reached the limit of ${LIMITS.tagsMax} tags.`)
      }
      definition={[
        {
          label: 'Key',
          control: (tag, index) => (
            <Input
              value={tag.key}
              ariaLabel={`Tag ${index + 1} key`}
              placeholder="Enter key"
              onChange={({ detail }) => setRow(index, { key: detail.value })}
              onBlur={() => touch(index, 'key')}
            />
          ),
          errorText: (tag, index) => visibleError(tag, index, 'key'),
          ...(showLengths ? { constraintText: (tag: TagRow) => `${tag.key.length}/${LIMITS.tagKeyMax} characters.` } : {}),
        },
        {
          label: 'Value - optional',
          control: (tag, index) => (
            <Input
              value={tag.value}
              ariaLabel={`Tag ${index + 1} value`}
              placeholder="Enter value"
              onChange={({ detail }) => setRow(index, { value: detail.value })}
              onBlur={() => touch(index, 'value')}
            />
          ),
          errorText: (tag, index) => visibleError(tag, index, 'value'),
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
