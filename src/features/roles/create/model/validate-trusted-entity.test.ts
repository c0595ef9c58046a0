import { describe, expect, it } from 'vitest';
import { validateTrustedEntity } from './validate-trusted-entity.ts';

describe('trusted entity', () => {
  it('collects step 1 field errors', () => {
    expect(
      validateTrustedEntity({
        type: 'aws-account',
        account: 'another',
        otherAccountId: '12',
        requireExternalId: true,
        externalId: '',
        requireMfa: false,
      }),
    ).toEqual({
      otherAccountId: 'An AWS account ID has exactly 12 digits; you entered 2.',
      externalId: 'Enter the external ID the other account will pass when it assumes the role.',
    });
    expect(validateTrustedEntity({ type: 'saml', providerArn: '', access: 'programmatic' })).toHaveProperty(
      'providerArn',
    );
    expect(
      validateTrustedEntity({ type: 'web-identity', provider: { kind: 'builtin', id: 'google' }, audience: ' ' }),
    ).toHaveProperty('audience');
    expect(validateTrustedEntity({ type: 'aws-service', serviceId: 'ec2', useCaseId: 'ec2' })).toEqual({});
  });
});
