/**
 * Findings as IAM Access Analyzer's policy validation presents them in the console: four severities, a code,
 * a plain message, and where in the document the problem is.
 */

export type FindingSeverity = 'error' | 'security-warning' | 'warning' | 'suggestion';

export interface SourcePosition {
  /** 1-based line. */
  line: number;
  /** 1-based column, counted in UTF-16 code units (what editors use). */
  column: number;
}

export interface FindingLocation {
  /** JSON path of the offending element, e.g. `Statement[0].Action[1]`; '' for the whole document. */
  path: string;
  start: SourcePosition;
  end: SourcePosition;
}

export interface Finding {
  severity: FindingSeverity;
  /** Stable identifier, upper snake case like Access Analyzer's issue codes (e.g. PASS_ROLE_WITH_STAR_IN_RESOURCE). */
  code: string;
  /** A plain sentence for the person editing the policy. */
  message: string;
  location: FindingLocation;
  /** Present when IAM itself would refuse the document with this problem (the wizard's call would fail). */
  rejectedByIam?: IamRejection;
}

export interface IamRejection {
  code: 'MalformedPolicyDocument' | 'LimitExceeded';
  /** IAM's own message, only where it is known verbatim. */
  awsMessage?: string;
}

export const SEVERITY_ORDER: readonly FindingSeverity[] = ['error', 'security-warning', 'warning', 'suggestion'];

export const SEVERITY_LABELS: Record<FindingSeverity, string> = {
  error: 'Error',
  'security-warning': 'Security warning',
  warning: 'Warning',
  suggestion: 'Suggestion',
};

export type FindingCounts = Record<FindingSeverity, number>;

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts: FindingCounts = { error: 0, 'security-warning': 0, warning: 0, suggestion: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/**
 * Whether the wizard may go on: any error blocks; security warnings need the user's explicit acknowledgement;
 * warnings and suggestions never block.
 */
export type ProceedState = 'blocked' | 'needs-acknowledgement' | 'clear';

export function proceedState(findings: readonly Finding[], securityWarningsAcknowledged: boolean): ProceedState {
  const counts = countFindings(findings);
  if (counts.error > 0) return 'blocked';
  if (counts['security-warning'] > 0 && !securityWarningsAcknowledged) return 'needs-acknowledgement';
  return 'clear';
}

/**
 * Identifies the set of security warnings that were acknowledged, so that an acknowledgement stops counting
 * as soon as the policy gains a new security warning.
 */
export function securityWarningsKey(findings: readonly Finding[]): string {
  return findings
    .filter((finding) => finding.severity === 'security-warning')
    .map((finding) => `${finding.code}@${finding.location.path}`)
    .sort()
    .join('|');
}
