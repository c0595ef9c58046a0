/**
 * A policy document editor in a dialog (inline policies and the trust policy): the JSON editor with the policy
 * checks, an optional policy name, the CLI equivalent of Save, and AWS's answer when it refuses.
 */
import { useCallback, useState } from 'react';
import type { UseMutationResult } from '@tanstack/react-query';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { ActionModal } from '../../../components/ActionModal.tsx';
import { AwsErrorAlert } from '../../../components/AwsErrorAlert.tsx';
import { CliEquivalent } from '../../../components/CliEquivalent.tsx';
import type { Finding } from '../../../iam-policies/checks/findings.ts';
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

export function PolicyDocumentModal(props: PolicyDocumentModalProps) {
  const { header, editorLabel, editorDescription, initialDocument, kind, checkOptions, nameField, saveLabel, cliFor, mutation, errorAction, onSave, onDismiss } = props;
  const [document, setDocument] = useState(initialDocument);
  const [name, setName] = useState('');
  const [findings, setFindings] = useState<Finding[] | undefined>(undefined);
  const [acknowledged, setAcknowledged] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const onFindings = useCallback((next: Finding[]) => setFindings(next), []);

  const nameError = nameField?.validate(name);
  const errorCount = findings?.filter((finding) => finding.severity === 'error').length ?? 0;
  const warningCount = findings?.filter((finding) => finding.severity === 'security-warning').length ?? 0;
  const documentError =
    findings === undefined
      ? 'The policy checks are still loading.'
      : errorCount
        ? `Fix the ${errorCount === 1 ? 'error' : `${errorCount} errors`} in the policy first.`
        : warningCount && !acknowledged
          ? 'Review the security warnings and confirm below.'
          : undefined;

  const save = () => {
    setSubmitted(true);
    if (nameError || documentError || mutation.isPending) return;
    onSave(document, name);
  };

  return (
    <ActionModal
      size="large"
      header={header}
      closeAriaLabel={`Close ${header}`}
      busy={mutation.isPending}
      actionLabel={saveLabel}
      onAction={save}
      onDismiss={onDismiss}
    >
      <SpaceBetween size="m">
        {nameField ? (
          <FormField
            label="Policy name"
            constraintText="Maximum 128 characters. Use alphanumeric and '+=,.@-_' characters."
            errorText={submitted || name !== '' ? nameError : undefined}
          >
            <Input value={name} ariaLabel="Policy name" onChange={({ detail }) => setName(detail.value)} />
          </FormField>
        ) : null}
        <LazyPolicyEditor
          label={editorLabel}
          {...(editorDescription ? { description: editorDescription } : {})}
          value={document}
          onChange={setDocument}
          kind={kind}
          {...(checkOptions ? { checkOptions } : {})}
          onFindings={onFindings}
          {...(submitted && documentError ? { errorText: documentError } : {})}
          rows={16}
        />
        <SecurityWarningsAcknowledgement findings={findings} acknowledged={acknowledged} onChange={setAcknowledged} />
        <CliEquivalent commands={cliFor(document, nameField ? name || '<policy-name>' : name)} />
        {mutation.isError ? <AwsErrorAlert error={mutation.error} context={{ action: errorAction }} /> : null}
      </SpaceBetween>
    </ActionModal>
  );
}
