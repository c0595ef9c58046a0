import type { StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import type { SimulationDecision } from '../aws/simulate.ts';

/** How the console words and shows each of IAM's simulation decisions. */
export function decisionStatus(decision: SimulationDecision): { label: string; type: StatusIndicatorProps.Type } {
  switch (decision) {
    case 'allowed':
      return { label: 'Allowed', type: 'success' };
    case 'explicitDeny':
      return { label: 'Denied explicitly', type: 'error' };
    case 'implicitDeny':
      return { label: 'Denied implicitly', type: 'stopped' };
  }
}

/** The ARN pattern shown beside the resources field for a service (S3 ARNs carry no region or account). */
export function arnFormatOf(service: string): string {
  if (service === 's3') return 'arn:aws:s3:::bucket-name or arn:aws:s3:::bucket-name/key-name';
  return `arn:aws:${service || 'service'}:region:account-id:resource`;
}
