/**
 * What the user chose in the create-role wizard, kept in one object while they move between steps, and how it
 * maps to the model's trusted-entity selection and role draft.
 */
import {
  createsInstanceProfile,
  defaultDescription,
  findService,
  generateTrustPolicy,
  preselectedPolicies,
  rolePathFor,
  type TrustedEntitySelection,
  type TrustedEntityType,
  type WebIdentityProviderId,
} from './model/trust-policy.ts';
import type { RoleDraft } from './model/create-plan.ts';
import type { TagRow } from '../../../validation/iam.ts';

export interface SelectedPolicy {
  arn: string;
  name: string;
  path: string;
}

export interface WizardState {
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
  policies: SelectedPolicy[];
  useBoundary: boolean;
  boundary?: SelectedPolicy;
  addInlinePolicy: boolean;
  inlinePolicyName: string;
  inlinePolicyDocument: string;
  tags: TagRow[];
  roleName: string;
  description: string;
  /** Once the user edits the description, a change of use case no longer replaces it. */
  descriptionEdited: boolean;
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

export function initialWizardState(): WizardState {
  const state: WizardState = {
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
    policies: [],
    useBoundary: false,
    addInlinePolicy: false,
    inlinePolicyName: '',
    inlinePolicyDocument: INLINE_POLICY_TEMPLATE,
    tags: [],
    roleName: '',
    description: '',
    descriptionEdited: false,
  };
  return { ...state, description: defaultDescription(selectionOf(state)) };
}

export function selectionOf(state: WizardState): TrustedEntitySelection {
  switch (state.entityType) {
    case 'aws-service':
      return { type: 'aws-service', serviceId: state.serviceId, useCaseId: state.useCaseId };
    case 'aws-account':
      return {
        type: 'aws-account',
        account: state.account,
        ...(state.account === 'another' ? { otherAccountId: state.otherAccountId } : {}),
        requireExternalId: state.requireExternalId,
        ...(state.requireExternalId ? { externalId: state.externalId } : {}),
        requireMfa: state.requireMfa,
      };
    case 'web-identity':
      return {
        type: 'web-identity',
        provider: state.webProvider === 'oidc' ? { kind: 'oidc', providerArn: state.oidcProviderArn.trim() } : { kind: 'builtin', id: state.webProvider },
        audience: state.audience,
      };
    case 'saml':
      return { type: 'saml', providerArn: state.samlProviderArn.trim(), access: state.samlAccess };
    case 'custom':
      return { type: 'custom', json: state.customTrustJson };
  }
}

/**
 * Applies a change of step 1 and keeps what depends on it consistent: the use case's preselected policies are
 * ticked, and the description follows the use case until the user edits it.
 */
export function withTrustedEntity(state: WizardState, change: Partial<WizardState>): WizardState {
  let next: WizardState = { ...state, ...change };
  if (change.serviceId !== undefined && change.useCaseId === undefined) {
    next.useCaseId = findService(change.serviceId)?.useCases[0]?.id ?? '';
  }
  const before = selectionOf(state);
  const after = selectionOf(next);
  const preselected = preselectedPolicies(after).map((policy) => ({ ...policy, path: pathOfArn(policy.arn) }));
  const dropped = new Set(preselectedPolicies(before).map((policy) => policy.arn));
  const kept = next.policies.filter((policy) => !dropped.has(policy.arn));
  const keptArns = new Set(kept.map((policy) => policy.arn));
  next = { ...next, policies: [...kept, ...preselected.filter((policy) => !keptArns.has(policy.arn))] };
  if (!next.descriptionEdited) next.description = defaultDescription(after);
  return next;
}

function pathOfArn(arn: string): string {
  const resource = arn.slice(arn.indexOf(':policy') + ':policy'.length);
  return resource.slice(0, resource.lastIndexOf('/') + 1) || '/';
}

export function trustPolicyJson(state: WizardState, accountId: string): string {
  try {
    return generateTrustPolicy(selectionOf(state), accountId).json;
  } catch {
    return '';
  }
}

export function roleDraftOf(state: WizardState, accountId: string): RoleDraft {
  const selection = selectionOf(state);
  return {
    roleName: state.roleName,
    path: rolePathFor(selection),
    description: state.description,
    trustPolicyJson: trustPolicyJson(state, accountId),
    managedPolicies: state.policies.map((policy) => ({ name: policy.name, arn: policy.arn })),
    ...(state.useBoundary && state.boundary ? { permissionsBoundaryArn: state.boundary.arn } : {}),
    ...(state.addInlinePolicy ? { inlinePolicy: { name: state.inlinePolicyName, document: state.inlinePolicyDocument } } : {}),
    tags: state.tags,
    createInstanceProfile: createsInstanceProfile(selection),
  };
}
