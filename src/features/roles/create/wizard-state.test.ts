import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../iam-policies/checks/findings.ts';
import {
  findingsProblem,
  followingDescription,
  initialWizardValues,
  permissionsErrors,
  roleDraftOf,
  selectionOf,
  trustedEntityErrors,
  withPreselectedPolicies,
  wizardStart,
  type RoleWizardDraft,
  type TrustedEntityValues,
} from './wizard-state.ts';

const ACCOUNT = '123456789012';
const SSM_CORE = 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore';

function finding(severity: Finding['severity'], code: string): Finding {
  const at = { line: 1, column: 1 };
  return { severity, code, message: code, location: { path: '$.Statement[0]', start: at, end: at } };
}

function trustWith(change: Partial<TrustedEntityValues>): TrustedEntityValues {
  return { ...initialWizardValues().trust, ...change };
}

describe('step 1: trusted entity', () => {
  it('has no errors for the default EC2 use case', () => {
    expect(trustedEntityErrors(initialWizardValues().trust, undefined)).toEqual({});
  });

  it('checks only the fields the chosen entity type shows', () => {
    const another = trustWith({ entityType: 'aws-account', account: 'another', otherAccountId: '1234', requireExternalId: true, externalId: 'x' });
    expect(Object.keys(trustedEntityErrors(another, undefined)).sort()).toEqual(['externalId', 'otherAccountId']);
    // The same typed values are not errors once the user chose this account and no external ID.
    expect(trustedEntityErrors({ ...another, account: 'this', requireExternalId: false }, undefined)).toEqual({});
    // Nor under another entity type.
    expect(trustedEntityErrors({ ...another, entityType: 'aws-service' }, undefined)).toEqual({});
  });

  it('puts a provider ARN error on the field of the provider kind', () => {
    expect(Object.keys(trustedEntityErrors(trustWith({ entityType: 'saml', samlProviderArn: 'nope' }), undefined))).toEqual(['samlProviderArn']);
    const oidc = trustWith({ entityType: 'web-identity', webProvider: 'oidc', oidcProviderArn: 'nope', audience: 'app' });
    expect(Object.keys(trustedEntityErrors(oidc, undefined))).toEqual(['oidcProviderArn']);
  });

  it('blocks a custom trust policy while its checks run, on errors, and on unacknowledged security warnings', () => {
    const custom = trustWith({ entityType: 'custom' });
    expect(trustedEntityErrors(custom, undefined).customTrustJson).toBe('Wait for the policy checks to finish.');
    expect(trustedEntityErrors(custom, [finding('error', 'E')]).customTrustJson).toBe('Fix the error in the policy before you continue.');
    const warnings = [finding('security-warning', 'W')];
    expect(trustedEntityErrors(custom, warnings).customTrustJson).toBe('Review the security warnings and confirm that you want to continue.');
    expect(trustedEntityErrors({ ...custom, acknowledgedWarnings: 'W@$.Statement[0]' }, warnings)).toEqual({});
    expect(trustedEntityErrors(custom, [finding('warning', 'X')])).toEqual({});
  });
});

describe('step 2: permissions', () => {
  const none = initialWizardValues().permissions;

  it('needs a boundary policy only when a boundary is wanted', () => {
    expect(permissionsErrors(none, undefined)).toEqual({});
    expect(Object.keys(permissionsErrors({ ...none, useBoundary: true }, undefined))).toEqual(['boundary']);
    expect(permissionsErrors({ ...none, useBoundary: true, boundary: { arn: SSM_CORE, name: 'AmazonSSMManagedInstanceCore', path: '/' } }, undefined)).toEqual({});
  });

  it('checks the inline policy only when one is added', () => {
    expect(permissionsErrors({ ...none, inlinePolicyName: 'bad name' }, undefined)).toEqual({});
    expect(permissionsErrors({ ...none, addInlinePolicy: true, inlinePolicyName: 'bad name' }, [finding('error', 'E'), finding('error', 'F')])).toEqual({
      inlinePolicyName: "The policy name can't contain a space (character 4). Use alphanumeric and '+=,.@-_' characters.",
      inlinePolicyDocument: 'Fix the 2 errors in the policy before you continue.',
    });
  });

  it('keeps the managed-policy quota', () => {
    const eleven = Array.from({ length: 11 }, (_, index) => ({ arn: `arn:aws:iam::${ACCOUNT}:policy/p${index}`, name: `p${index}`, path: '/' }));
    expect(permissionsErrors({ ...none, policies: eleven }, undefined).policies).toBe('A role can have at most 10 managed policies attached; you selected 11.');
  });
});

describe('what step 1 decides for the others', () => {
  const ec2 = selectionOf(initialWizardValues().trust);
  const ssm = selectionOf(trustWith({ useCaseId: 'ec2-ssm' }));

  it('ticks the use case’s policies and drops the previous use case’s, keeping the user’s', () => {
    const mine = { arn: `arn:aws:iam::${ACCOUNT}:policy/Mine`, name: 'Mine', path: '/' };
    const withSsm = withPreselectedPolicies([mine], ec2, ssm);
    expect(withSsm.map((policy) => policy.arn)).toEqual([mine.arn, SSM_CORE]);
    expect(withSsm[1]!.path).toBe('/');
    expect(withPreselectedPolicies(withSsm, ssm, ec2)).toEqual([mine]);
  });

  it('returns the same list when nothing changes, so the form is not written', () => {
    const policies = [{ arn: SSM_CORE, name: 'AmazonSSMManagedInstanceCore', path: '/' }];
    expect(withPreselectedPolicies(policies, ssm, ssm)).toBe(policies);
  });

  it('lets the description follow the use case until the user edits it', () => {
    const ec2Text = 'Allows EC2 instances to call AWS services on your behalf.';
    expect(initialWizardValues().details.description).toBe(ec2Text);
    expect(followingDescription(ec2Text, ec2, ssm)).toMatch(/Systems Manager/);
    expect(followingDescription('My own words', ec2, ssm)).toBe('My own words');
    expect(followingDescription(ec2Text, ec2, selectionOf(trustWith({ entityType: 'custom' })))).toBe('');
  });
});

describe('the role draft the plan is built from', () => {
  it('takes each step’s values, and the boundary and inline policy only when chosen', () => {
    const values = initialWizardValues();
    values.details.roleName = 'AppRole';
    values.tags.tags = [{ key: 'team', value: 'a' }];
    values.permissions = { ...values.permissions, boundary: { arn: SSM_CORE, name: 'AmazonSSMManagedInstanceCore', path: '/' }, inlinePolicyName: 'x' };
    const draft = roleDraftOf(values, ACCOUNT);
    expect(draft).toMatchObject({ roleName: 'AppRole', path: '/', tags: [{ key: 'team', value: 'a' }], createInstanceProfile: true });
    expect(draft.permissionsBoundaryArn).toBeUndefined();
    expect(draft.inlinePolicy).toBeUndefined();
    expect(JSON.parse(draft.trustPolicyJson)).toMatchObject({ Statement: [{ Principal: { Service: ['ec2.amazonaws.com'] } }] });

    values.permissions = { ...values.permissions, useBoundary: true, addInlinePolicy: true };
    expect(roleDraftOf(values, ACCOUNT)).toMatchObject({ permissionsBoundaryArn: SSM_CORE, inlinePolicy: { name: 'x' } });
  });
});

describe('the kept draft', () => {
  it('starts empty on the first step without a draft', () => {
    const start = wizardStart(undefined, 4);
    expect(start).toEqual({ values: initialWizardValues(), activeStepIndex: 0, findings: { customTrust: undefined, inlinePolicy: undefined } });
  });

  it('restores every step’s values, the step and the findings', () => {
    const values = initialWizardValues();
    values.tags.tags = [{ key: 'team', value: 'drafts' }];
    const findings = { customTrust: undefined, inlinePolicy: [finding('warning', 'X')] };
    const draft: RoleWizardDraft = { values, activeStepIndex: 3, findings };
    expect(wizardStart(draft, 4)).toEqual(draft);
  });

  it('never starts past the last step', () => {
    expect(wizardStart({ ...wizardStart(undefined, 4), activeStepIndex: 9 }, 4).activeStepIndex).toBe(3);
  });

  it('says what stops the wizard in a document’s findings', () => {
    expect(findingsProblem([], '')).toBeUndefined();
    expect(findingsProblem([finding('suggestion', 'S')], '')).toBeUndefined();
  });
});
