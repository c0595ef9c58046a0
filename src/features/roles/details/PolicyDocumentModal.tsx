/**
 * A policy document editor in a dialog (inline policies and the trust policy): the JSON editor with the policy
 * checks, an optional policy name, the CLI equivalent of Save, and AWS's answer when it refuses.
 */
import { useCallback, useEffect, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { UseMutationResult } from '@tanstack/react-query';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { ActionModal } from '../../../components/ActionModal.tsx';
import { AwsErrorAlert } from '../../../components/AwsErrorAlert.tsx';
import { CliEquivalent } from '../../../components/CliEquivalent.tsx';
import { asRule, FORM_MODE, TextField } from '../../../components/FormFields.tsx';
import { securityWarningsKey, type Finding } from '../../../iam-policies/checks/findings.ts';
import { LazyPolicyEditor, type PolicyEditorProps } from '../../../iam-policies/components/LazyPolicyEditor.tsx';
import { SecurityWarningsAcknowledgement } from '../create/components/SecurityWarningsAcknowledgement.tsx';

export interface PolicyDocumentModalProps {
  header: string;
  editorLabel: string;
  editorDescription?: string;
  initialDocument: string;
  kind: PolicyEditorProps['kind'];
  checkOptions?: PolicyEditorProps['checkOptions'];
  /** When given, the dialog asks for a name (new inline policy) and validates it. */
  nameField?: { validate: (name: string) => string | undefined };
  saveLabel: string;
  cliFor: (document: string, name: string) => string[];
  mutation: Pick<UseMutationResult<void, Error, never>, 'isPending' | 'isError' | 'error'>;
  errorAction: string;
  onSave: (document: string, name: string) => void;
  onDismiss: () => void;
}

interface PolicyDocumentValues {
  name: string;
  document: string;
  /** The security warnings the user reviewed (`securityWarningsKey`), or ''. */
  acknowledgedWarnings: string;
}

/** What stops Save in the document's findings: the checks still running, errors, or warnings not reviewed. */
function documentProblem(findings: readonly Finding[] | undefined, acknowledgedWarnings: string): string | undefined {
  if (findings === undefined) return 'The policy checks are still loading.';
  const errorCount = findings.filter((finding) => finding.severity === 'error').length;
  if (errorCount) return `Fix the ${errorCount === 1 ? 'error' : `${errorCount} errors`} in the policy first.`;
  const warned = findings.some((finding) => finding.severity === 'security-warning');
  return warned && acknowledgedWarnings !== securityWarningsKey(findings) ? 'Review the security warnings and confirm below.' : undefined;
}

export function PolicyDocumentModal(props: PolicyDocumentModalProps) {
  const { header, editorLabel, editorDescription, initialDocument, kind, checkOptions, nameField, saveLabel, cliFor, mutation, errorAction, onSave, onDismiss } = props;
  const { control, handleSubmit, formState, setValue, trigger } = useForm<PolicyDocumentValues>({
    ...FORM_MODE,
    defaultValues: { name: '', document: initialDocument, acknowledgedWarnings: '' },
  });
  const [name, document, acknowledgedWarnings] = useWatch({ control, name: ['name', 'document', 'acknowledgedWarnings'] });
  const [findings, setFindings] = useState<Finding[] | undefined>(undefined);
  const onFindings = useCallback((next: Finding[]) => setFindings(next), []);
  // The document's rule reads the checks' findings, which arrive after the text changed: check it again then.
  useEffect(() => {
    if (formState.isSubmitted) void trigger('document');
  }, [findings, formState.isSubmitted, trigger]);

  const save = handleSubmit((values) => {
    if (mutation.isPending) return;
    onSave(values.document, values.name);
  });

  return (
    <ActionModal
      size="large"
      header={header}
      closeAriaLabel={`Close ${header}`}
      busy={mutation.isPending}
      actionLabel={saveLabel}
      onAction={() => void save()}
      onDismiss={onDismiss}
    >
      <SpaceBetween size="m">
        {nameField ? (
          <TextField
            control={control}
            name="name"
            label="Policy name"
            ariaLabel="Policy name"
            constraintText="Maximum 128 characters. Use alphanumeric and '+=,.@-_' characters."
            rules={{ validate: asRule(nameField.validate) }}
          />
        ) : null}
        <Controller
          control={control}
          name="document"
          rules={{ validate: () => documentProblem(findings, acknowledgedWarnings) ?? true }}
          render={({ field, fieldState }) => (
            <LazyPolicyEditor
              label={editorLabel}
              {...(editorDescription ? { description: editorDescription } : {})}
              value={field.value}
              onChange={field.onChange}
              kind={kind}
              {...(checkOptions ? { checkOptions } : {})}
              onFindings={onFindings}
              {...(formState.isSubmitted && fieldState.error?.message ? { errorText: fieldState.error.message } : {})}
              rows={16}
            />
          )}
        />
        <SecurityWarningsAcknowledgement
          findings={findings}
          acknowledged={findings !== undefined && acknowledgedWarnings === securityWarningsKey(findings)}
          onChange={(value) => {
            setValue('acknowledgedWarnings', value && findings ? securityWarningsKey(findings) : '');
            if (formState.isSubmitted) void trigger('document');
          }}
        />
        <CliEquivalent commands={cliFor(document, nameField ? name || '<policy-name>' : name)} />
        {mutation.isError ? <AwsErrorAlert error={mutation.error} context={{ action: errorAction }} /> : null}
      </SpaceBetween>
    </ActionModal>
  );
}
