import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import Input from '@cloudscape-design/components/input';
import { Controller, useFieldArray, useFormState, useWatch, type Control } from 'react-hook-form';
import { characterCount } from '../../aws-rules/characters.ts';
import { LIMITS, validateTagCount, validateTagKeyAt, validateTagValue, type TagRow } from '../validation/iam.ts';

/** The part of a form the tags editor works on. */
export interface TagsFormValues {
  tags: TagRow[];
}

export interface TagsEditorProps<Values extends TagsFormValues> {
  /** The form holding the tags (its mode should be FORM_MODE, so fields are checked as they change and when left). */
  control: Control<Values>;
  /** Shown when there are no rows, e.g. "No tags associated with the role." */
  empty: string;
  /** Show each key's and value's length against IAM's limits under the fields. */
  showLengths?: boolean;
}

type TagField = keyof TagRow;

const COLUMNS: readonly { field: TagField; label: string; placeholder: string; max: number }[] = [
  { field: 'key', label: 'Key', placeholder: 'Enter key', max: LIMITS.tagKeyMax },
  { field: 'value', label: 'Value - optional', placeholder: 'Enter value', max: LIMITS.tagValueMax },
];

function problemOf(tags: readonly TagRow[], index: number, field: TagField): string | undefined {
  return field === 'key' ? validateTagKeyAt(tags, index) : validateTagValue(tags[index]?.value ?? '');
}

/**
 * Key/value tag rows of a react-hook-form form, checked against IAM's tag rules. A field's error shows once it was
 * changed or left, or after a submit: a new empty row is not an error until the user did something with it.
 */
export function TagsEditor<Values extends TagsFormValues>({ control, empty, showLengths = false }: TagsEditorProps<Values>) {
  // The editor only reads and writes `tags`, whatever else the form holds.
  const tagsControl = control as unknown as Control<TagsFormValues>;
  const { fields, append, remove } = useFieldArray({
    control: tagsControl,
    name: 'tags',
    rules: { validate: (tags) => validateTagCount(tags.length) ?? true },
  });
  const tags = useWatch({ control: tagsControl, name: 'tags' });
  const { errors } = useFormState({ control: tagsControl, name: 'tags' });
  // A key change can make another row's key a repeat (or no longer one): re-check the keys that hold text.
  const filledKeys = tags.flatMap((tag, index) => (tag.key === '' ? [] : [`tags.${index}.key` as const]));
  const remaining = LIMITS.tagsMax - fields.length;
  return (
    <AttributeEditor
      items={fields}
      addButtonText="Add new tag"
      removeButtonText="Remove"
      disableAddButton={remaining <= 0}
      onAddButtonClick={() => append({ key: '', value: '' }, { shouldFocus: false })}
      onRemoveButtonClick={({ detail }) => remove(detail.itemIndex)}
      empty={empty}
      additionalInfo={
        errors.tags?.root?.message ??
        (remaining > 0 ? `You can add up to ${remaining} more ${remaining === 1 ? 'tag' : 'tags'}.` : `You have reached the limit of ${LIMITS.tagsMax} tags.`)
      }
      definition={COLUMNS.map(({ field: column, label, placeholder, max }) => ({
        label,
        control: (_row, index) => (
          <Controller
            control={tagsControl}
            name={`tags.${index}.${column}`}
            rules={{
              validate: (_value, values) => problemOf(values.tags, index, column) ?? true,
              ...(column === 'key' ? { deps: filledKeys.filter((name) => name !== `tags.${index}.key`) } : {}),
            }}
            render={({ field }) => (
              <Input
                value={field.value}
                ariaLabel={`Tag ${index + 1} ${column}`}
                placeholder={placeholder}
                onChange={({ detail }) => field.onChange(detail.value)}
                onBlur={field.onBlur}
                ref={field.ref}
              />
            )}
          />
        ),
        errorText: (_row, index) => errors.tags?.[index]?.[column]?.message,
        ...(showLengths ? { constraintText: (_row: unknown, index: number) => `${characterCount(tags[index]?.[column] ?? '')}/${max} characters.` } : {}),
      }))}
    />
  );
}
