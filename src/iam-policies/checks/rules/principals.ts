import { childPath, type FindingCollector } from '../context';
import type { JsonNode } from '../json-ast';
import { caseVariantOf, readStringList, type StringEntry } from './values';

const PRINCIPAL_TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser'];
const WEB_IDENTITY_PROVIDERS = [
  'www.amazon.com',
  'graph.facebook.com',
  'accounts.google.com',
  'cognito-identity.amazonaws.com',
];

export interface TrustedPrincipals {
  /** `"Principal": "*"` or `"AWS": "*"`: every AWS principal. */
  everyone: boolean;
  aws: StringEntry[];
  service: StringEntry[];
  federated: StringEntry[];
}

/** Checks a trust policy's Principal element; returns what it names for the cross-element rules. */
export function checkPrincipal(node: JsonNode, path: string, out: FindingCollector): TrustedPrincipals {
  const principals: TrustedPrincipals = { everyone: false, aws: [], service: [], federated: [] };
  if (node.kind === 'string') {
    if (node.value === '*') principals.everyone = true;
    else
      out.reject(
        'INVALID_PRINCIPAL',
        `Principal must be "*" or an object such as { "Service": "ec2.amazonaws.com" }, not the string '${node.value}'.`,
        path,
        node,
      );
    return principals;
  }
  if (node.kind !== 'object' || node.properties.length === 0) {
    out.reject(
      'INVALID_PRINCIPAL',
      'Principal must name who may assume the role, for example { "Service": "ec2.amazonaws.com" } or { "AWS": "arn:aws:iam::111122223333:root" }.',
      path,
      node,
    );
    return principals;
  }
  for (const property of node.properties) {
    const typePath = childPath(path, property.key);
    if (!PRINCIPAL_TYPES.includes(property.key)) {
      const variant = caseVariantOf(property.key, PRINCIPAL_TYPES);
      out.reject(
        'INVALID_PRINCIPAL',
        variant
          ? `Principal types are case-sensitive: write '${variant}' instead of '${property.key}'.`
          : `'${property.key}' is not a principal type; use AWS, Service, Federated or CanonicalUser.`,
        typePath,
        { start: property.keyStart, end: property.keyEnd },
      );
      continue;
    }
    const entries = readStringList(property.value, typePath, `Principal ${property.key}`, out);
    for (const entry of entries) {
      if (property.key === 'AWS') checkAwsPrincipal(entry, principals, out);
      else if (property.key === 'Service') checkServicePrincipal(entry, principals, out);
      else if (property.key === 'Federated') checkFederatedPrincipal(entry, principals, out);
    }
  }
  return principals;
}

function checkAwsPrincipal(entry: StringEntry, principals: TrustedPrincipals, out: FindingCollector): void {
  const value = entry.value;
  if (value === '*') {
    principals.everyone = true;
    return;
  }
  principals.aws.push(entry);
  const valid =
    /^\d{12}$/.test(value) ||
    /^arn:aws[a-z-]*:iam::\d{12}:(root|(user|role|federated-user)\/[\w+=,.@/-]+)$/.test(value) ||
    /^arn:aws[a-z-]*:sts::\d{12}:assumed-role\/[\w+=,.@-]+\/[\w+=,.@-]+$/.test(value);
  if (!valid) {
    out.reject(
      'INVALID_PRINCIPAL',
      `'${value}' is not an AWS principal: use a 12-digit account ID, an account root ARN (arn:aws:iam::111122223333:root), or the ARN of a user or role. Wildcards are not allowed here.`,
      entry.path,
      entry.node,
      { awsMessage: `Invalid principal in policy: "AWS":"${value}"` },
    );
  }
}

function checkServicePrincipal(entry: StringEntry, principals: TrustedPrincipals, out: FindingCollector): void {
  principals.service.push(entry);
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com(\.cn)?$/.test(entry.value)) {
    out.reject(
      'INVALID_PRINCIPAL',
      `'${entry.value}' is not an AWS service principal; service principals look like 'ec2.amazonaws.com'.`,
      entry.path,
      entry.node,
      { awsMessage: `Invalid principal in policy: "SERVICE":"${entry.value}"` },
    );
  }
}

function checkFederatedPrincipal(entry: StringEntry, principals: TrustedPrincipals, out: FindingCollector): void {
  principals.federated.push(entry);
  const value = entry.value;
  const valid =
    WEB_IDENTITY_PROVIDERS.includes(value) ||
    /^arn:aws[a-z-]*:iam::\d{12}:(saml-provider\/[\w+=,.@-]+|oidc-provider\/[^\s]+)$/.test(value);
  if (!valid) {
    out.reject(
      'INVALID_PRINCIPAL',
      `'${value}' is not an identity provider: use the ARN of a SAML or OIDC provider in IAM, or one of ${WEB_IDENTITY_PROVIDERS.join(', ')}.`,
      entry.path,
      entry.node,
      { awsMessage: `Invalid principal in policy: "FEDERATED":"${value}"` },
    );
  }
}

/** The audience condition key for a web identity provider (`accounts.google.com:aud`, `<oidc host/path>:aud`, …). */
export function audienceKeysFor(provider: string): string[] {
  if (provider === 'www.amazon.com' || provider === 'graph.facebook.com') return [`${provider}:app_id`];
  const oidc = /^arn:aws[a-z-]*:iam::\d{12}:oidc-provider\/(.+)$/.exec(provider);
  if (oidc) return [`${oidc[1]}:aud`];
  return [`${provider}:aud`];
}

export function isSamlProvider(value: string): boolean {
  return /:saml-provider\//.test(value);
}
