/** The form parts the sign-in pages share: the submitting form around a titled container, and a text field. */
import type { FormEvent, ReactNode } from 'react';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { BoundField } from './use-sign-in-form.ts';

export function SignInForm({
  title,
  actions,
  failure,
  onSubmit,
  onInput,
  children,
}: {
  title: string;
  actions: ReactNode;
  failure: string | undefined;
  onSubmit: (event: FormEvent) => Promise<void>;
  /** Any input in the form's fields (typing, pasting, a password manager's autofill). */
  onInput?: () => void;
  children: ReactNode;
}) {
  return (
    <form onSubmit={(event) => void onSubmit(event)} onInput={onInput} noValidate>
      <Form actions={actions} errorText={failure} errorIconAriaLabel="Error">
        <Container header={<Header variant="h2">{title}</Header>}>
          <SpaceBetween size="m">{children}</SpaceBetween>
        </Container>
      </Form>
    </form>
  );
}

export interface SignInFieldProps extends BoundField {
  label: string;
  autoComplete: string;
  type?: 'password';
  autoFocus?: boolean;
  /** A name, not prose: no autocorrection or spell checking. */
  plainText?: boolean;
}

export function SignInField({ label, value, errorText, onChange, inputRef, autoComplete, type, autoFocus, plainText }: SignInFieldProps) {
  return (
    <FormField label={label} errorText={errorText}>
      <Input
        {...(type ? { type } : {})}
        value={value}
        onChange={({ detail }) => onChange(detail.value)}
        ref={inputRef}
        autoComplete={autoComplete}
        {...(autoFocus ? { autoFocus } : {})}
        {...(plainText ? { disableBrowserAutocorrect: true, spellcheck: false } : {})}
      />
    </FormField>
  );
}
