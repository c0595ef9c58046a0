/**
 * A trust policy's principals in words, as the IAM console's "Trusted entities" column and tab show them:
 * "AWS service: ec2", "Account: 123456789012", "Identity provider: cognito-identity.amazonaws.com".
 */
import { parsePolicyDocument, statementsOf, type PolicyDocument } from '../../../aws/policy-document.ts';

export type TrustedEntityKind = 'service' | 'account' | 'principal' | 'identity-provider' | 'canonical-user' | 'anyone';

export interface TrustedEntity {
  kind: TrustedEntityKind;
  /** The principal as written in the policy. */
  value: string;
  /** The sentence the console shows. */
  text: string;
}

const ACCOUNT_ROOT = /^arn:aws[\w-]*:iam::(\d{12}):root$/;
const ACCOUNT_ID = /^\d{12}$/;
const IAM_ARN = /^arn:aws[\w-]*:(?:iam|sts)::(\d{12}):(.+)$/;

function describeAwsPrincipal(value: string): TrustedEntity {
  if (value === '*') return { kind: 'anyone', value, text: 'Any AWS principal (*)' };
  const root = ACCOUNT_ROOT.exec(value);
  if (root) return { kind: 'account', value, text: `Account: ${root[1]}` };
  if (ACCOUNT_ID.test(value)) return { kind: 'account', value, text: `Account: ${value}` };
  const arn = IAM_ARN.exec(value);
  if (arn) return { kind: 'principal', value, text: `IAM principal in account ${arn[1]}: ${arn[2]}` };
  return { kind: 'principal', value, text: `AWS principal: ${value}` };
}

function describeService(value: string): TrustedEntity {
  // "ec2.amazonaws.com" → "ec2"; China and other partitions use other suffixes.
  const short = value.replace(/\.amazonaws\.com(\.cn)?$/, '');
  return { kind: 'service', value, text: `AWS service: ${short}` };
}

function describeFederated(value: string): TrustedEntity {
  // SAML and OIDC providers are ARNs: show the provider part ("saml-provider/Okta", "oidc-provider/token.actions…").
  const arn = IAM_ARN.exec(value);
  return { kind: 'identity-provider', value, text: `Identity provider: ${arn ? arn[2] : value}` };
}

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Entities allowed (Effect Allow) to assume the role, without duplicates, in policy order. */
export function trustedEntitiesOfDocument(document: PolicyDocument): TrustedEntity[] {
  const found = new Map<string, TrustedEntity>();
  const add = (entity: TrustedEntity) => {
    if (!found.has(entity.text)) found.set(entity.text, entity);
  };
  for (const statement of statementsOf(document)) {
    if (statement.Effect !== 'Allow' || statement.Principal === undefined) continue;
    if (statement.Principal === '*') {
      add({ kind: 'anyone', value: '*', text: 'Anyone (*)' });
      continue;
    }
    for (const [type, values] of Object.entries(statement.Principal)) {
      for (const value of asList(values)) {
        if (type === 'Service') add(describeService(value));
        else if (type === 'AWS') add(describeAwsPrincipal(value));
        else if (type === 'Federated') add(describeFederated(value));
        else if (type === 'CanonicalUser') add({ kind: 'canonical-user', value, text: `Canonical user: ${value}` });
        else add({ kind: 'principal', value, text: `${type}: ${value}` });
      }
    }
  }
  return [...found.values()];
}

/** Same, from IAM's URL-encoded (or plain) document text; an unreadable document has no entities. */
export function trustedEntitiesOf(wireText: string | undefined): TrustedEntity[] {
  if (!wireText) return [];
  try {
    return trustedEntitiesOfDocument(parsePolicyDocument(wireText));
  } catch {
    return [];
  }
}
