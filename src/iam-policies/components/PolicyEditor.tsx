/**
 * The JSON editor for policy documents: a monospaced textarea and the policy checks' findings, recomputed as
 * the user types. Loaded lazily (see LazyPolicyEditor): the checks carry the IAM action catalog.
 */
import { useDeferredValue, useEffect, useMemo } from 'react';
import FormField from '@cloudscape-design/components/form-field';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { checkPolicy, type CheckPolicyOptions, type Finding, type PolicyKind } from '../checks/index.ts';
import { PolicyFindings } from './PolicyFindings.tsx';
import './policy-json.css';

export interface PolicyEditorProps {
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  kind: PolicyKind;
  checkOptions?: CheckPolicyOptions;
  /** Called with the findings of the current text (after each change settles). */
  onFindings?: (findings: Finding[]) => void;
  /** Shown under the field, e.g. when Next was refused. */
  errorText?: string;
  rows?: number;
}

export default function PolicyEditor({ label, description, value, onChange, kind, checkOptions, onFindings, errorText, rows = 18 }: PolicyEditorProps) {
  const deferred = useDeferredValue(value);
  const storage = checkOptions?.storage;
  const otherInline = checkOptions?.otherInlineCharacters;
  const trustQuota = checkOptions?.trustPolicyQuota;
  const findings = useMemo(
    () =>
      checkPolicy(deferred, kind, {
        ...(storage ? { storage } : {}),
        ...(otherInline !== undefined ? { otherInlineCharacters: otherInline } : {}),
        ...(trustQuota !== undefined ? { trustPolicyQuota: trustQuota } : {}),
      }),
    [deferred, kind, storage, otherInline, trustQuota],
  );
  useEffect(() => {
    onFindings?.(findings);
  }, [findings, onFindings]);

  return (
    <SpaceBetween size="s">
      <FormField label={label} description={description} errorText={errorText} stretch>
        <div className="policy-editor">
          <Textarea
            value={value}
            onChange={({ detail }) => onChange(detail.value)}
            rows={rows}
            spellcheck={false}
            ariaLabel={label}
          />
        </div>
      </FormField>
      <PolicyFindings findings={findings} label={`Findings for ${label}`} />
    </SpaceBetween>
  );
}
