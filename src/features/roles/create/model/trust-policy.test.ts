import { describe, expect, it } from 'vitest';
import { checkPolicy } from '../../../../iam-policies/checks';
import {
  createsInstanceProfile,
  defaultDescription,
  generateTrustPolicy,
  preselectedPolicies,
  TRUSTED_SERVICES,
  WEB_IDENTITY_PROVIDERS,
  type TrustedEntitySelection,
} from './trust-policy';

const ACCOUNT = '123456789012';
const ec2: TrustedEntitySelection = { type: 'aws-service', serviceId: 'ec2', useCaseId: 'ec2' };

describe('generateTrustPolicy', () => {
  it('generates the console EC2 trust policy, 4-space JSON with single-element arrays', () => {
    const { json, document } = generateTrustPolicy(ec2, ACCOUNT);
    expect(json).toBe(
      [
        '{',
        '    "Version": "2012-10-17",',
        '    "Statement": [',
        '        {',
        '            "Effect": "Allow",',
        '            "Action": [',
        '                "sts:AssumeRole"',
        '            ],',
        '            "Principal": {',
        '                "Service": [',
        '                    "ec2.amazonaws.com"',
        '                ]',
        '            }',
        '        }',
        '    ]',
        '}',
      ].join('\n'),
    );
    expect(JSON.parse(json)).toEqual(document);
  });

  it('uses the Spot Fleet service principal for the Spot Fleet use case', () => {
    const { document } = generateTrustPolicy(
      { type: 'aws-service', serviceId: 'ec2', useCaseId: 'ec2-spot-fleet' },
      ACCOUNT,
    );
    expect(document).toMatchObject({ Statement: [{ Principal: { Service: ['spotfleet.amazonaws.com'] } }] });
  });

  it('trusts this account, or another with external ID and MFA conditions', () => {
    const own = generateTrustPolicy(
      { type: 'aws-account', account: 'this', requireExternalId: false, requireMfa: false },
      ACCOUNT,
    );
    expect(own.document).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['sts:AssumeRole'], Principal: { AWS: ['arn:aws:iam::123456789012:root'] } },
      ],
    });
    const other = generateTrustPolicy(
      {
        type: 'aws-account',
        account: 'another',
        otherAccountId: '111122223333',
        requireExternalId: true,
        externalId: 'Partner-42',
        requireMfa: true,
      },
      ACCOUNT,
    );
    expect(other.document).toMatchObject({
      Statement: [
        {
          Principal: { AWS: ['arn:aws:iam::111122223333:root'] },
          Condition: {
            StringEquals: { 'sts:ExternalId': 'Partner-42' },
            Bool: { 'aws:MultiFactorAuthPresent': 'true' },
          },
        },
      ],
    });
  });

  it('federates web identity with the provider audience condition', () => {
    const google = generateTrustPolicy(
      { type: 'web-identity', provider: { kind: 'builtin', id: 'google' }, audience: 'app.example' },
      ACCOUNT,
    );
    expect(google.document).toMatchObject({
      Statement: [
        {
          Action: ['sts:AssumeRoleWithWebIdentity'],
          Principal: { Federated: ['accounts.google.com'] },
          Condition: { StringEquals: { 'accounts.google.com:aud': 'app.example' } },
        },
      ],
    });
    const oidcArn = 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com';
    const oidc = generateTrustPolicy(
      { type: 'web-identity', provider: { kind: 'oidc', providerArn: oidcArn }, audience: 'sts.amazonaws.com' },
      ACCOUNT,
    );
    expect(oidc.document).toMatchObject({
      Statement: [
        {
          Principal: { Federated: [oidcArn] },
          Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } },
        },
      ],
    });
  });

  it('adds SAML:aud only for programmatic and console access', () => {
    const providerArn = 'arn:aws:iam::123456789012:saml-provider/Corp';
    const console = generateTrustPolicy({ type: 'saml', providerArn, access: 'programmatic-and-console' }, ACCOUNT);
    expect(console.document).toMatchObject({
      Statement: [
        {
          Action: ['sts:AssumeRoleWithSAML'],
          Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
        },
      ],
    });
    const programmatic = generateTrustPolicy({ type: 'saml', providerArn, access: 'programmatic' }, ACCOUNT);
    expect(JSON.stringify(programmatic.document)).not.toContain('Condition');
  });

  it('passes custom JSON through unchanged', () => {
    expect(generateTrustPolicy({ type: 'custom', json: '{ "Version": "2012-10-17" }' }, ACCOUNT)).toEqual({
      json: '{ "Version": "2012-10-17" }',
      document: { Version: '2012-10-17' },
    });
    expect(generateTrustPolicy({ type: 'custom', json: '{' }, ACCOUNT).document).toBeUndefined();
  });

  it('generates only trust policies the checker finds clean, for every offered choice', () => {
    const selections: TrustedEntitySelection[] = [
      ...TRUSTED_SERVICES.flatMap((service) =>
        service.useCases.map((useCase) => ({
          type: 'aws-service' as const,
          serviceId: service.id,
          useCaseId: useCase.id,
        })),
      ),
      ...WEB_IDENTITY_PROVIDERS.map((provider) => ({
        type: 'web-identity' as const,
        provider: { kind: 'builtin' as const, id: provider.id },
        audience: 'x',
      })),
      {
        type: 'aws-account',
        account: 'another',
        otherAccountId: '111122223333',
        requireExternalId: true,
        externalId: 'abc',
        requireMfa: true,
      },
      { type: 'saml', providerArn: 'arn:aws:iam::123456789012:saml-provider/Corp', access: 'programmatic-and-console' },
    ];
    for (const selection of selections) {
      expect(checkPolicy(generateTrustPolicy(selection, ACCOUNT).json, 'trust'), JSON.stringify(selection)).toEqual([]);
    }
  });
});

describe('use case details', () => {
  it('pre-fills the EC2 description and preselects the SSM and Spot Fleet policies', () => {
    expect(defaultDescription(ec2)).toBe('Allows EC2 instances to call AWS services on your behalf.');
    expect(
      preselectedPolicies({ type: 'aws-service', serviceId: 'ec2', useCaseId: 'ec2-ssm' }).map((policy) => policy.arn),
    ).toEqual(['arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore']);
    expect(
      preselectedPolicies({ type: 'aws-service', serviceId: 'ec2', useCaseId: 'ec2-spot-fleet' }).map(
        (policy) => policy.arn,
      ),
    ).toEqual(['arn:aws:iam::aws:policy/service-role/AmazonEC2SpotFleetTaggingRole']);
    expect(defaultDescription({ type: 'custom', json: '{}' })).toBe('');
  });

  it('creates an instance profile only for roles EC2 instances assume', () => {
    expect(createsInstanceProfile(ec2)).toBe(true);
    expect(createsInstanceProfile({ type: 'aws-service', serviceId: 'ec2', useCaseId: 'ec2-ssm' })).toBe(true);
    expect(createsInstanceProfile({ type: 'aws-service', serviceId: 'ec2', useCaseId: 'ec2-spot-fleet' })).toBe(false);
    expect(createsInstanceProfile({ type: 'aws-service', serviceId: 'lambda', useCaseId: 'lambda' })).toBe(false);
    expect(
      createsInstanceProfile({ type: 'aws-account', account: 'this', requireExternalId: false, requireMfa: false }),
    ).toBe(false);
  });

  it('lists EC2 first and ECS tasks with its own principal', () => {
    expect(TRUSTED_SERVICES[0].id).toBe('ec2');
    expect(TRUSTED_SERVICES.find((service) => service.id === 'ecs')?.useCases[0].servicePrincipal).toBe(
      'ecs-tasks.amazonaws.com',
    );
  });
});
