import { useRef, useState, type FormEvent } from 'react';

/** Each field's check: the message to show, or undefined when the value is fine. */
export type FieldChecks<Values> = { [Name in keyof Values]: (value: string, values: Values) => string | undefined };

/** What a SignInField needs of its field. */
export interface BoundField {
  value: string;
  errorText: string | undefined;
  onChange(value: string): void;
  inputRef(input: { focus(): void } | null): void;
}

/**
 * The sign-in pages' form state: values, checks shown from the first submit on and kept current as the user types,
 * focus on the first field in error, and the submit. The sign-in page is the first page a visitor loads, and
 * react-hook-form would add 14 KB gzip to it; these two small forms need no more than this.
 */
export function useSignInForm<Values extends Record<string, string>>(initial: Values, checks: FieldChecks<Values>) {
  const [values, setValues] = useState(initial);
  const [submitted, setSubmitted] = useState(false);
  const [isSubmitting, setSubmitting] = useState(false);
  const inputs = useRef(new Map<keyof Values, { focus(): void }>());
  const names = Object.keys(checks) as (keyof Values)[];

  const errorsOf = (current: Values): Partial<Record<keyof Values, string>> => {
    const found: Partial<Record<keyof Values, string>> = {};
    for (const name of names) found[name] = checks[name](current[name], current);
    return found;
  };
  const errors: Partial<Record<keyof Values, string>> = submitted ? errorsOf(values) : {};

  const setValue = (name: keyof Values, value: string) => setValues((current) => ({ ...current, [name]: value }));

  const field = (name: keyof Values): BoundField => ({
    value: values[name],
    errorText: errors[name],
    onChange: (value) => setValue(name, value),
    inputRef: (input) => {
      if (input) inputs.current.set(name, input);
      else inputs.current.delete(name);
    },
  });

  const handleSubmit = (onValid: (values: Values) => Promise<void>) => async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const found = errorsOf(values);
    const firstInError = names.find((name) => found[name]);
    if (firstInError !== undefined) {
      inputs.current.get(firstInError)?.focus();
      return;
    }
    setSubmitting(true);
    try {
      await onValid(values);
    } finally {
      setSubmitting(false);
    }
  };

  return { values, field, setValue, handleSubmit, isSubmitting };
}
