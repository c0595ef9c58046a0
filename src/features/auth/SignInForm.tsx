/** The form parts the sign-in pages share: the submitting form around a titled container, and a text field bound to react-hook-form. */
import type { FormEvent, ReactNode } from 'react';
import { Controller, type Control, type FieldPathByValue, type FieldValues, type RegisterOptions } from 'react-hook-form';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';

export function SignInForm({
  title,
  actions,
  failure,
  onSubmit,
  children,
}: {
  title: string;
  actions: ReactNode;
  failure: string | undefined;
  onSubmit: (event: FormEvent) => Promise<void>;
  children: ReactNode;
}) {
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate>
      <Form actions={actions} errorText={failure} errorIconAriaLabel="Error">
        <Container header={<Header variant="h2">{title}</Header>}>
          <SpaceBetween size="m">{children}</SpaceBetween>
        </Container>
      </Form>
    </form>
  );
}

export interface SignInFieldProps<Values extends FieldValues, Name extends FieldPathByValue<Values, string>> {
  control: Control<Values>;
  name: Name;
  label: string;
  rules: Omit<RegisterOptions<Values, Name>, 'valueAsNumber' | 'valueAsDate' | 'setValueAs' | 'disabled'>;
  autoComplete: string;
  type?: 'password';
  autoFocus?: boolean;
  /** A name, not prose: no autocorrection or spell checking. */
  plainText?: boolean;
}

export function SignInField<Values extends FieldValues, Name extends FieldPathByValue<Values, string>>({
  control,
  name,
  label,
  rules,
  autoComplete,
  type,
  autoFocus,
  plainText,
}: SignInFieldProps<Values, Name>) {
  return (
    <Controller
      control={control}
      name={name}
      rules={rules}
      render={({ field, fieldState }) => (
        <FormField label={label} errorText={fieldState.error?.message}>
          <Input
            {...(type ? { type } : {})}
            value={field.value as string}
            onChange={({ detail }) => field.onChange(detail.value)}
            onBlur={field.onBlur}
            ref={field.ref}
            autoComplete={autoComplete}
            {...(autoFocus ? { autoFocus } : {})}
            {...(plainText ? { disableBrowserAutocorrect: true, spellcheck: false } : {})}
          />
        </FormField>
      )}
    />
  );
}
