import Box from '@cloudscape-design/components/box';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import { countFindings, SEVERITY_ORDER, type Finding, type FindingSeverity } from '../checks/index.ts';

const STATUS: Record<FindingSeverity, StatusIndicatorProps.Type> = {
  error: 'error',
  'security-warning': 'warning',
  warning: 'warning',
  suggestion: 'info',
};

const PLURAL: Record<FindingSeverity, string> = {
  error: 'Errors',
  'security-warning': 'Security warnings',
  warning: 'Warnings',
  suggestion: 'Suggestions',
};

/** The findings of the policy checks, grouped as IAM Access Analyzer groups them, each with its line and column. */
export function PolicyFindings({ findings, label }: { findings: readonly Finding[]; label: string }) {
  const counts = countFindings(findings);
  const summary = SEVERITY_ORDER.map((severity) => `${PLURAL[severity]}: ${counts[severity]}`).join(', ');
  if (findings.length === 0) {
    return (
      <div role="status" aria-label={`${label}: no findings`}>
        <StatusIndicator type="success">No findings: the policy passes the checks.</StatusIndicator>
      </div>
    );
  }
  return (
    <section aria-label={label}>
      <SpaceBetween size="xxs">
        <Box variant="small" color="text-body-secondary">
          <span role="status">{summary}</span>
        </Box>
        {SEVERITY_ORDER.filter((severity) => counts[severity] > 0).map((severity) => (
          <ExpandableSection
            key={severity}
            defaultExpanded={severity !== 'suggestion'}
            headerText={`${PLURAL[severity]} (${counts[severity]})`}
            variant="footer"
          >
            <ul className="policy-findings-list" aria-label={PLURAL[severity]}>
              {findings
                .filter((finding) => finding.severity === severity)
                .map((finding, index) => (
                  <li key={`${finding.code}-${index}`}>
                    <StatusIndicator type={STATUS[severity]}>
                      <Box variant="code" fontSize="body-s">
                        Ln {finding.location.start.line}, Col {finding.location.start.column}
                      </Box>{' '}
                      {finding.message}
                    </StatusIndicator>
                  </li>
                ))}
            </ul>
          </ExpandableSection>
        ))}
      </SpaceBetween>
    </section>
  );
}
