import { describe, expect, it } from 'vitest';
import { arnFormatOf, decisionStatus } from './simulation-decision.ts';

describe('decisionStatus', () => {
  it('words each decision distinctly', () => {
    expect(decisionStatus('allowed')).toEqual({ label: 'Allowed', type: 'success' });
    expect(decisionStatus('explicitDeny')).toEqual({ label: 'Denied explicitly', type: 'error' });
    expect(decisionStatus('implicitDeny')).toEqual({ label: 'Denied implicitly', type: 'stopped' });
  });
});

describe('arnFormatOf', () => {
  it('shows S3 ARNs without region and account, other services with them', () => {
    expect(arnFormatOf('s3')).toContain('arn:aws:s3:::bucket-name');
    expect(arnFormatOf('ec2')).toBe('arn:aws:ec2:region:account-id:resource');
  });
});
