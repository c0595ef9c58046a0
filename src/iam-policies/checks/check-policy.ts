import { FindingCollector, LineIndex, type PolicyKind } from './context';
import { SEVERITY_ORDER, type Finding } from './findings';
import { parseJson } from './json-ast';
import { checkDocument } from './rules/document';
import { checkCharacters, checkSize, type SizeOptions } from './rules/text';

export type CheckPolicyOptions = SizeOptions;

/**
 * Validates a policy document the way IAM Access Analyzer's policy validation does in the console, offline:
 * errors (IAM would refuse the policy or it cannot work), security warnings, warnings and suggestions,
 * each pointing at a line and column. Findings come sorted by severity, then by position.
 */
export function checkPolicy(text: string, kind: PolicyKind, options: CheckPolicyOptions = {}): Finding[] {
  const lines = new LineIndex(text);
  const out = new FindingCollector(lines);
  checkCharacters(text, out);
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const position = lines.positionAt(parsed.error.offset);
    out.reject(
      'INVALID_JSON',
      `The policy is not valid JSON at line ${position.line}, column ${position.column}: ${parsed.error.message}`,
      '',
      { start: parsed.error.offset, end: Math.min(parsed.error.offset + 1, text.length) },
      { awsMessage: 'This policy contains invalid Json' },
    );
    return sortFindings(out.findings);
  }
  checkSize(text, kind, options, out);
  checkDocument(parsed.root, kind, out);
  return sortFindings(out.findings);
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort(
      (left, right) =>
        SEVERITY_ORDER.indexOf(left.finding.severity) - SEVERITY_ORDER.indexOf(right.finding.severity) ||
        left.finding.location.start.line - right.finding.location.start.line ||
        left.finding.location.start.column - right.finding.location.start.column ||
        left.index - right.index,
    )
    .map(({ finding }) => finding);
}
