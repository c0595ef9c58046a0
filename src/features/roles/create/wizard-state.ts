/**
 * The create-role wizard's input, one form per step (trusted entity → permissions → tags → role details), each
 * with its own values and validation; how the steps' values map to the model's trusted-entity selection and role
 * draft; and the draft the wizard keeps when the session ends under it.
 */
import { securityWarningsKey, type Finding } from '../../../iam-policies/checks/findings.ts';
import {
  createsInstanceProfile,
  defaultDescription,
  generateTrustPolicy,
  preselectedPolicies,
  rolePathFor,
  type TrustedEntitySelection,
  type TrustedEntityType,
  type WebIdentityProviderId,
} from './model/trust-policy.ts';
import type { RoleDraft } from './model/create-plan.ts';
import { validateManagedPolicyCount, validatePolicyName, type TagRow } from '../../../validation/iam.ts';
import { validateTrustedEntity } from './model/validate-trusted-entity.ts';

export interface SelectedPolicy {
  arn: string;
  name: string;
  path: string;
}

/** Step 1: who may assume the role. */
export interface TrustedEntityValues {
  entityType: TrustedEntityType;
  serviceId: string;
  useCaseId: string;
  account: 'this' | 'another';
  otherAccountId: string;
  requireExternalId: boolean;
  externalId: string;
  requireMfa: boolean;
  webProvider: WebIdentityProviderId | 'oidc';
  oidcProviderArn: string;
  audience: string;
  samlProviderArn: string;
  samlAccess: 'programmatic' | 'programmatic-and-console';
  customTrustJson: string;
  /** The security warnings of the custom trust policy the user reviewed (`securityWarningsKey`), or ''. */
  acknowledgedWarnings: string;
}

/** Step 2: managed policies, the permissions boundary and the inline policy. */
export interface PermissionsValues {
  policies: SelectedPolicy[];
  useBoundary: boolean;
  boundary: SelectedPolicy | null;
  addInlinePolicy: boolean;
  inlinePolicyName: string;
  inlinePolicyDocument: string;
  /** The security warnings of the inline policy the user reviewed (`securityWarningsKey`), or ''. */
  acknowledgedWarnings: string;
}

/** Step 3. */
export interface TagsValues {
  tags: TagRow[];
}

/** Step 4's own fields; the rest of the review reads the other steps. */
export interface RoleDetailsValues {
  roleName: string;
  description: string;
}

export interface WizardValues {
  trust: TrustedEntityValues;
  permissions: PermissionsValues;
  tags: TagsValues;
  details: RoleDetailsValues;
}

/** The policy checks' findings of the two JSON documents the wizard edits (undefined while they run). */
export interface WizardFindings {
  customTrust: Finding[] | undefined;
  inlinePolicy: Finding[] | undefined;
}

export const CUSTOM_TRUST_TEMPLATE = `{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "Statement1",
            "Effect": "Allow",
            "Principal": {},
            "Action": "sts:AssumeRole"
        }
    ]
}`;

export const INLINE_POLICY_TEMPLATE = `{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": [],
            "Resource": []
        }
    ]
}`;

export function initialWizardValues(): WizardValues {
  const trust: TrustedEntityValues = {
    entityType: 'aws-service',
    serviceId: 'ec2',
    useCaseId: 'ec2',
    account: 'this',
    otherAccountId: '',
    requireExternalId: false,
    externalId: '',
    requireMfa: false,
    webProvider: 'cognito',
    oidcProviderArn: '',
    audience: '',
    samlProviderArn: '',
    samlAccess: 'programmatic-and-console',
    customTrustJson: CUSTOM_TRUST_TEMPLATE,
    acknowledgedWarnings: '',
  };
  return {
    trust,
    permissions: {
      policies: [],
      useBoundary: false,
      boundary: null,
      addInlinePolicy: false,
      inlinePolicyName: '',
      inlinePolicyDocument: INLINE_POLICY_TEMPLATE,
      acknowledgedWarnings: '',
    },
    tags: { tags: [] },
    details: { roleName: '', description: defaultDescription(selectionOf(trust)) },
  };
}

export function selectionOf(trust: TrustedEntityValues): TrustedEntitySelection {
  switch (trust.entityType) {
    case 'aws-service':
      return { type: 'aws-service', serviceId: trust.serviceId, useCaseId: trust.useCaseId };
    case 'aws-account':
      return {
        type: 'aws-account',
        account: trust.account,
        ...(trust.account === 'another' ? { otherAccountId: trust.otherAccountId } : {}),
        requireExternalId: trust.requireExternalId,
        ...(trust.requireExternalId ? { externalId: trust.externalId } : {}),
        requireMfa: trust.requireMfa,
      };
    case 'web-identity':
      return {
        type: 'web-identity',
        provider: trust.webProvider === 'oidc' ? { kind: 'oidc', providerArn: trust.oidcProviderArn.trim() } : { kind: 'builtin', id: trust.webProvider },
        audience: trust.audience,
      };
    case 'saml':
      return { type: 'saml', providerArn: trust.samlProviderArn.trim(), access: trust.samlAccess };
    case 'custom':
      return { type: 'custom', json: trust.customTrustJson };
  }
}

/**
 * Step 2's policies after step 1 changed from `before` to `after`: the old use case's preselected policies are
 * dropped and the new one's ticked. The same array when nothing changes.
 */
export function withPreselectedPolicies(policies: SelectedPolicy[], before: TrustedEntitySelection, after: TrustedEntitySelection): SelectedPolicy[] {
  const preselected = preselectedPolicies(after).map((policy) => ({ ...policy, path: pathOfArn(policy.arn) }));
  const dropped = new Set(preselectedPolicies(before).map((policy) => policy.arn));
  const kept = policies.filter((policy) => !dropped.has(policy.arn));
  const keptArns = new Set(kept.map((policy) => policy.arn));
  const next = [...kept, ...preselected.filter((policy) => !keptArns.has(policy.arn))];
  const unchanged = next.length === policies.length && next.every((policy, index) => policy.arn === policies[index]!.arn);
  return unchanged ? policies : next;
}

/** The description follows the use case while it is the previous use case's text; once edited, it is the user's. */
export function followingDescription(description: string, before: TrustedEntitySelection, after: TrustedEntitySelection): string {
  return description === defaultDescription(before) ? defaultDescription(after) : description;
}

function pathOfArn(arn: string): string {
  const resource = arn.slice(arn.indexOf(':policy') + ':policy'.length);
  return resource.slice(0, resource.lastIndexOf('/') + 1) || '/';
}

export function trustPolicyJson(trust: TrustedEntityValues, accountId: string): string {
  try {
    return generateTrustPolicy(selectionOf(trust), accountId).json;
  } catch {
    return '';
  }
}

export function roleDraftOf(values: WizardValues, accountId: string): RoleDraft {
  const { trust, permissions, tags, details } = values;
  const selection = selectionOf(trust);
  return {
    roleName: details.roleName,
    path: rolePathFor(selection),
    description: details.description,
    trustPolicyJson: trustPolicyJson(trust, accountId),
    managedPolicies: permissions.policies.map((policy) => ({ name: policy.name, arn: policy.arn })),
    ...(permissions.useBoundary && permissions.boundary ? { permissionsBoundaryArn: permissions.boundary.arn } : {}),
    ...(permissions.addInlinePolicy ? { inlinePolicy: { name: permissions.inlinePolicyName, document: permissions.inlinePolicyDocument } } : {}),
    tags: tags.tags,
    createInstanceProfile: createsInstanceProfile(selection),
  };
}

/** Field errors of a step, keyed by field; an empty object lets the user go on. */
export type StepErrors<Values> = Partial<Record<keyof Values, string>>;

/** What stops the wizard in a JSON document's findings: errors, and security warnings not acknowledged. */
export function findingsProblem(findings: readonly Finding[] | undefined, acknowledgedWarnings: string): string | undefined {
  if (findings === undefined) return 'Wait for the policy checks to finish.';
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  if (errors > 0) return `Fix the ${errors === 1 ? 'error' : `${errors} errors`} in the policy before you continue.`;
  const hasWarnings = findings.some((finding) => finding.severity === 'security-warning');
  if (hasWarnings && acknowledgedWarnings !== securityWarningsKey(findings)) {
    return 'Review the security warnings and confirm that you want to continue.';
  }
  return undefined;
}

function withoutEmpty<Values>(errors: Partial<Record<keyof Values, string | undefined>>): StepErrors<Values> {
  return Object.fromEntries(Object.entries(errors).filter(([, message]) => message !== undefined)) as StepErrors<Values>;
}

/** Step 1's errors: the selection's fields, and the custom trust policy's findings. */
export function trustedEntityErrors(trust: TrustedEntityValues, findings: Finding[] | undefined): StepErrors<TrustedEntityValues> {
  const { providerArn, ...selectionErrors } = validateTrustedEntity(selectionOf(trust));
  return withoutEmpty<TrustedEntityValues>({
    ...selectionErrors,
    ...(providerArn ? { [trust.entityType === 'saml' ? 'samlProviderArn' : 'oidcProviderArn']: providerArn } : {}),
    ...(trust.entityType === 'custom' ? { customTrustJson: findingsProblem(findings, trust.acknowledgedWarnings) } : {}),
  });
}

/** Step 2's errors: the managed-policy quota, a chosen boundary, and the inline policy's name and findings. */
export function permissionsErrors(permissions: PermissionsValues, findings: Finding[] | undefined): StepErrors<PermissionsValues> {
  return withoutEmpty<PermissionsValues>({
    policies: validateManagedPolicyCount(permissions.policies.length),
    ...(permissions.useBoundary && !permissions.boundary
      ? { boundary: 'Choose the policy to use as the permissions boundary, or create the role without a boundary.' }
      : {}),
    ...(permissions.addInlinePolicy
      ? {
          inlinePolicyName: validatePolicyName(permissions.inlinePolicyName),
          inlinePolicyDocument: findingsProblem(findings, permissions.acknowledgedWarnings),
        }
      : {}),
  });
}

/** What the wizard keeps when the session ends under it: every step's values, the step shown and the checks' findings. */
export interface RoleWizardDraft {
  values: WizardValues;
  activeStepIndex: number;
  /** The findings of the documents in `values`, so the steps after them need not be revisited. */
  findings: WizardFindings;
}

/** Where a wizard of `stepCount` steps starts: a restored draft, or the first step with nothing chosen. */
export function wizardStart(draft: RoleWizardDraft | undefined, stepCount: number): RoleWizardDraft {
  if (!draft) return { values: initialWizardValues(), activeStepIndex: 0, findings: { customTrust: undefined, inlinePolicy: undefined } };
  return { ...draft, activeStepIndex: Math.min(Math.max(draft.activeStepIndex, 0), stepCount - 1) };
}
