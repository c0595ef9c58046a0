import { useCallback } from 'react';
import Box from '@cloudscape-design/components/box';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { Finding } from '../checks/findings.ts';
import { policySize, POLICY_SIZE_QUOTAS } from '../checks/rules/text.ts';
import { LazyPolicyEditor } from './LazyPolicyEditor.tsx';

/** The JSON editor of a managed policy, with the policy checks and IAM's 6,144-character quota counted live. */
export function PolicyDocumentField({
  value,
  onChange,
  onFindings,
  errorText,
}: {
  value: string;
  onChange: (value: string) => void;
  onFindings: (findings: Finding[]) => void;
  errorText?: string;
}) {
  const size = policySize(value);
  const quota = POLICY_SIZE_QUOTAS.managed;
  const report = useCallback((findings: Finding[]) => onFindings(findings), [onFindings]);
  return (
    <SpaceBetween size="xs">
      <LazyPolicyEditor
        label="Policy document"
        description="JSON. A managed policy can have up to 6,144 characters, not counting whitespace."
        value={value}
        onChange={onChange}
        kind="identity"
        checkOptions={{ storage: 'managed' }}
        onFindings={report}
        {...(errorText ? { errorText } : {})}
        rows={20}
      />
      <Box variant="small" color={size > quota ? 'text-status-error' : 'text-body-secondary'}>
        <span aria-label="Policy size">
          {size.toLocaleString('en-US')} of {quota.toLocaleString('en-US')} characters used (whitespace not counted)
        </span>
      </Box>
    </SpaceBetween>
  );
}

/** Why the document cannot be sent yet, or undefined. */
export function documentBlocker(findings: readonly Finding[] | undefined): string | undefined {
  if (findings === undefined) return 'The policy checks are still loading.';
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return errors > 0 ? `Fix the ${errors === 1 ? 'error' : `${errors} errors`} in the policy first.` : undefined;
}
