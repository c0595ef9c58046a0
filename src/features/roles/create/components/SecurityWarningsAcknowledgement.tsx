import Checkbox from '@cloudscape-design/components/checkbox';
import type { Finding } from '../../../../iam-policies/checks/findings.ts';

/** Security warnings do not block, but the user must say they reviewed them. */
export function SecurityWarningsAcknowledgement({
  findings,
  acknowledged,
  onChange,
}: {
  findings: readonly Finding[] | undefined;
  acknowledged: boolean;
  onChange: (value: boolean) => void;
}) {
  const count = findings?.filter((finding) => finding.severity === 'security-warning').length ?? 0;
  if (count === 0) return null;
  return (
    <Checkbox checked={acknowledged} onChange={({ detail }) => onChange(detail.checked)}>
      I reviewed the {count === 1 ? 'security warning' : `${count} security warnings`} and want to continue anyway.
    </Checkbox>
  );
}
