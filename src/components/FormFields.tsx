/**
 * The console's form idiom (react-hook-form, as on the sign-in pages): Cloudscape inputs bound through `Controller`,
 * rules built from the validation functions over aws-rules/, and errors shown only for a field that was changed or
 * left, or after a submit.
 */
import type { ReactNode } from 'react';
import {
  Controller,
  type Control,
  type FieldErrors,
  type FieldPathByValue,
  type FieldValues,
  type RegisterOptions,
  type Resolver,
  type UseFormProps,
} from 'react-hook-form';
import FormField from '@cloudscape-design/components/form-field';
import Input, { type InputProps } from '@cloudscape-design/components/input';
import Textarea from '@cloudscape-design/components/textarea';

/**
 * Every field is checked as it changes and when it is left; all of them on submit. A field nobody touched has no
 * error until then.
 */
export const FORM_MODE = { mode: 'all' } as const satisfies Pick<UseFormProps, 'mode'>;

/**
 * A resolver for a form whose fields' rules depend on each other (a field that only counts when another is set): one
 * function gives every invalid field's message from all the values, so a hidden field never blocks a submit.
 */
export function resolverOf<Values extends FieldValues>(errorsOf: (values: Values) => Partial<Record<keyof Values, string>>): Resolver<Values> {
  return (values) => {
    const messages = Object.entries(errorsOf(values)).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
    if (messages.length === 0) return { values, errors: {} };
    return { values: {}, errors: Object.fromEntries(messages.map(([name, message]) => [name, { type: 'validate', message }])) as FieldErrors<Values> };
  };
}

/** A validation function (a message, or undefined when the value is acceptable) as a react-hook-form rule. */
export function asRule<T>(validate: (value: T) => string | undefined): (value: T) => string | true {
  return (value) => validate(value) ?? true;
}

type TextRules<Values extends FieldValues, Name extends FieldPathByValue<Values, string>> = Omit<
  RegisterOptions<Values, Name>,
  'valueAsNumber' | 'valueAsDate' | 'setValueAs' | 'disabled'
>;

export interface TextFieldProps<Values extends FieldValues, Name extends FieldPathByValue<Values, string>> {
  control: Control<Values>;
  name: Name;
  label: ReactNode;
  rules?: TextRules<Values, Name>;
  description?: ReactNode;
  /** Under the field while it has no error; given the current value (e.g. for a character count). */
  constraintText?: ReactNode | ((value: string) => ReactNode);
  ariaLabel?: string;
  placeholder?: string;
  disabled?: boolean;
  /** A multi-line field (Textarea) of this many rows instead of an Input. */
  rows?: number;
  inputMode?: InputProps['inputMode'];
  type?: InputProps['type'];
}

/** A labelled text field (Input, or Textarea with `rows`) bound to one string of the form. */
export function TextField<Values extends FieldValues, Name extends FieldPathByValue<Values, string>>({
  control,
  name,
  label,
  rules,
  description,
  constraintText,
  ariaLabel,
  placeholder,
  disabled,
  rows,
  inputMode,
  type,
}: TextFieldProps<Values, Name>) {
  return (
    <Controller
      control={control}
      name={name}
      {...(rules ? { rules } : {})}
      render={({ field, fieldState }) => {
        const value = field.value as string;
        const shared = {
          value,
          onChange: ({ detail }: { detail: { value: string } }) => field.onChange(detail.value),
          onBlur: field.onBlur,
          ref: field.ref,
          ...(ariaLabel ? { ariaLabel } : {}),
          ...(placeholder ? { placeholder } : {}),
          ...(disabled ? { disabled } : {}),
        };
        return (
          <FormField
            label={label}
            description={description}
            constraintText={typeof constraintText === 'function' ? constraintText(value) : constraintText}
            errorText={fieldState.error?.message}
          >
            {rows ? <Textarea {...shared} rows={rows} /> : <Input {...shared} {...(inputMode ? { inputMode } : {})} {...(type ? { type } : {})} />}
          </FormField>
        );
      }}
    />
  );
}
