/**
 * The grammar check IAM runs when a policy is stored: CreateRole / UpdateAssumeRolePolicy (trust
 * policies) and PutRolePolicy / PutUserPolicy / CreatePolicy / CreatePolicyVersion (identity
 * policies). IAM reports only the first failing stage, each with a fixed message.
 *
 * Identity-policy stages and texts follow LocalStack's snapshot tests recorded against real IAM
 * (tests/aws/services/iam/test_iam_policies.snapshot.json, Feb 2026):
 *   1. grammar → "Syntax errors in policy." (also for text that is not JSON at all)
 *   2. Version → "Policy document must be version 2012-10-17 or greater."
 *   3. legacy parser: exact-case Effect, Date condition values, ARN shape → "The policy failed legacy parsing"
 *   4. unique Sids, 5. actions present, 6. resources present, 7. resource ARN format, 8. action vendor prefixes.
 * A Principal in an identity policy is refused with the API's text "Policy document should not
 * specify a principal." ("Has prohibited field Principal" is the console's wording for the same).
 *
 * Trust policies: unparseable JSON → "This policy contains invalid Json"; Resource → "Has prohibited
 * field Resource"; non-STS actions → "AssumeRole policy may only specify STS AssumeRole actions.";
 * bad principals → 'Invalid principal in policy: "AWS":"..."' (all seen in real AWS output). The
 * texts for an empty Statement list, a missing or empty Principal, NotResource and NotPrincipal come
 * from third-party emulator test suites and are best effort. Trust policies may omit Version.
 */
import { hasKey, isJsonObject, ownValue, parseJson, type JsonObject, type JsonValue } from './json.ts';
import { parseOperator } from './operators.ts';
import { compileTemplate, globMatch } from './pattern.ts';
import {
  isValidCanonicalUser,
  isValidFederatedPrincipal,
  isValidServicePrincipal,
  isWellFormedAwsPrincipal,
} from './principals.ts';

export type PolicyKind = 'trust' | 'identity';

export interface PolicyProblem {
  /** Character-set violations are API parameter errors; everything else is MalformedPolicyDocument. */
  readonly code: 'MalformedPolicyDocument' | 'ValidationError';
  readonly message: string;
}

export interface ValidateOptions {
  /** Request parameter named in ValidationError texts (default: assumeRolePolicyDocument / policyDocument). */
  readonly parameterName?: string;
  /**
   * IAM resolves each user or role ARN in a trust policy to the entity when the policy is saved and
   * refuses ones that do not exist. Return false for such an ARN; omitted, every well-formed ARN passes.
   */
  readonly principalExists?: (arn: string) => boolean;
  /** Accept service principals the built-in check does not know. */
  readonly isKnownServicePrincipal?: (servicePrincipal: string) => boolean;
}

export const MESSAGES = {
  invalidJson: 'This policy contains invalid Json',
  syntax: 'Syntax errors in policy.',
  version: 'Policy document must be version 2012-10-17 or greater.',
  legacy: 'The policy failed legacy parsing',
  duplicateSid: 'Statement IDs (SID) in a single policy must be unique.',
  missingActions: 'Policy statement must contain actions.',
  missingResources: 'Policy statement must contain resources.',
  vendorPrefix: 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
  oneColon: 'Actions/Condition can contain only one colon.',
  identityPrincipal: 'Policy document should not specify a principal.',
  trustResource: 'Has prohibited field Resource',
  trustNotResource: 'AssumeRole policy must not contain resources.',
  trustActions: 'AssumeRole policy may only specify STS AssumeRole actions.',
  trustMissingPrincipal: 'Missing required field Principal',
  trustEmptyPrincipal: 'Missing required field Principal cannot be empty!',
  trustNotPrincipal: 'Allow with NotPrincipal is not allowed.',
  emptyStatement: 'Could not parse the policy: Statement is empty!',
} as const;

const CHARACTER_PATTERN_TEXT = '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+';
const OUTSIDE_ALLOWED_CHARACTERS = /[^\t\n\r\u0020-\u00ff]/;

const TOP_LEVEL_KEYS = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_KEYS = new Set([
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
]);
const PRINCIPAL_TYPES: Record<string, string> = {
  AWS: 'AWS',
  Service: 'SERVICE',
  Federated: 'FEDERATED',
  CanonicalUser: 'CANONICAL_USER',
};
const VALID_VERSIONS = new Set(['2008-10-17', '2012-10-17']);
const VALID_PARTITIONS = new Set(['aws', 'aws-cn', 'aws-us-gov', '*']);
const IAM_RESOURCE_PREFIXES = [
  'user/',
  'federated-user/',
  'role/',
  'group/',
  'instance-profile/',
  'mfa/',
  'server-certificate/',
  'policy/',
  'sms-mfa/',
  'saml-provider/',
  'oidc-provider/',
  'report/',
  'access-report/',
];
/** The actions a role trust policy may grant. */
const STS_TRUST_ACTIONS = [
  'sts:assumerole',
  'sts:assumerolewithsaml',
  'sts:assumerolewithwebidentity',
  'sts:tagsession',
  'sts:setsourceidentity',
  'sts:setcontext',
];

class PolicyRejected extends Error {
  constructor(readonly problem: PolicyProblem) {
    super(problem.message);
  }
}

function reject(message: string): never {
  throw new PolicyRejected({ code: 'MalformedPolicyDocument', message });
}

function check(condition: boolean, message: string): void {
  if (!condition) reject(message);
}

function isStringOrStringList(value: JsonValue | undefined): boolean {
  return typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'));
}

function asList(value: JsonValue | undefined): JsonValue[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function isScalar(value: JsonValue): boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

// ---------------------------------------------------------------- stage 1: grammar

function checkPrincipalSyntax(value: JsonValue | undefined): void {
  if (value === undefined || value === '*') return;
  check(isJsonObject(value), MESSAGES.syntax);
  for (const [type, ids] of Object.entries(value as JsonObject)) {
    check(hasKey(PRINCIPAL_TYPES, type) && isStringOrStringList(ids), MESSAGES.syntax);
  }
}

function checkConditionSyntax(value: JsonValue | undefined): void {
  if (value === undefined) return;
  check(isJsonObject(value), MESSAGES.syntax);
  for (const [operator, entries] of Object.entries(value as JsonObject)) {
    check(isJsonObject(entries), MESSAGES.syntax);
    for (const values of Object.values(entries as JsonObject)) {
      const ok = Array.isArray(values) ? values.every(isScalar) : isScalar(values);
      check(ok, MESSAGES.syntax);
    }
    // IAM tolerates an unknown operator only when it constrains nothing.
    if (!parseOperator(operator, true)) check(Object.keys(entries as JsonObject).length === 0, MESSAGES.syntax);
  }
}

function checkStatementSyntax(statement: JsonValue): asserts statement is JsonObject {
  check(isJsonObject(statement), MESSAGES.syntax);
  const s = statement as JsonObject;
  for (const key of Object.keys(s)) check(STATEMENT_KEYS.has(key), MESSAGES.syntax);
  check(!(hasKey(s, 'Action') && hasKey(s, 'NotAction')), MESSAGES.syntax);
  check(!(hasKey(s, 'Resource') && hasKey(s, 'NotResource')), MESSAGES.syntax);
  check(!(hasKey(s, 'Principal') && hasKey(s, 'NotPrincipal')), MESSAGES.syntax);
  const effect = ownValue(s, 'Effect');
  check(typeof effect === 'string' && ['allow', 'deny'].includes(effect.toLowerCase()), MESSAGES.syntax);
  for (const key of ['Action', 'NotAction', 'Resource', 'NotResource']) {
    if (hasKey(s, key)) check(isStringOrStringList(s[key]), MESSAGES.syntax);
  }
  if (hasKey(s, 'Sid')) check(typeof s.Sid === 'string', MESSAGES.syntax);
  checkPrincipalSyntax(ownValue(s, 'Principal'));
  checkPrincipalSyntax(ownValue(s, 'NotPrincipal'));
  checkConditionSyntax(ownValue(s, 'Condition'));
}

function checkGrammar(document: JsonValue, kind: PolicyKind): JsonObject[] {
  check(isJsonObject(document), MESSAGES.syntax);
  const doc = document as JsonObject;
  for (const key of Object.keys(doc)) check(TOP_LEVEL_KEYS.has(key), MESSAGES.syntax);
  if (hasKey(doc, 'Version')) {
    const version = doc.Version;
    check(typeof version === 'string' && VALID_VERSIONS.has(version), MESSAGES.syntax);
  }
  if (hasKey(doc, 'Id')) check(typeof doc.Id === 'string', MESSAGES.syntax);
  const statement = ownValue(doc, 'Statement');
  check(isJsonObject(statement) || Array.isArray(statement), MESSAGES.syntax);
  const statements = asList(statement);
  if (statements.length === 0) reject(kind === 'trust' ? MESSAGES.emptyStatement : MESSAGES.syntax);
  for (const s of statements) checkStatementSyntax(s);
  return statements as JsonObject[];
}

// ---------------------------------------------------------------- stage 3: the legacy parser

const INTEGER = /^[+-]?\d+$/;
const MAX_EPOCH = 9223372036854775807n;

function intInRange(text: string, min: number, max: number): boolean {
  if (!INTEGER.test(text.trim())) return false;
  const value = Number(text);
  return value >= min && value <= max;
}

/** The ISO 8601 forms IAM's legacy parser accepts in Date conditions (lower-cased input). */
function isLegacyIsoDate(text: string): boolean {
  const t = text.indexOf('t');
  const datePart = t === -1 ? text : text.slice(0, t);
  const timePart = t === -1 ? '' : text.slice(t + 1);
  const negativeYear = datePart.startsWith('-');
  const dateFields = (negativeYear ? datePart.slice(1) : datePart).split('-');
  if (dateFields.length > 3) return false;
  const [year = '', month, day] = dateFields;
  if (!intInRange((negativeYear ? '-' : '') + year, -292275054, 292278993)) return false;
  if (month !== undefined && !intInRange(month, 1, 12)) return false;
  if (day !== undefined && !intInRange(day, 1, 31)) return false;

  const timeFields = timePart.split(':');
  const [hours = '', minutes, ...rest] = timeFields;
  if (hours !== '' && !intInRange(hours, 0, 23)) return false;
  if (minutes !== undefined && !intInRange(minutes, 0, 59)) return false;
  if (rest.length === 0) return true;
  // Seconds, optionally with a fraction and a zone ("z" or "+hh[:mm]"); the zone's minutes
  // arrive as a further colon-separated field.
  let seconds = rest[0] ?? '';
  if (seconds.includes('z')) {
    const [before, after] = seconds.split('z', 2);
    if (after !== '' || rest.length > 1) return false;
    seconds = before ?? '';
  } else if (seconds.includes('+')) {
    const plus = seconds.indexOf('+');
    const zoneHours = seconds.slice(plus + 1);
    if (zoneHours.length !== 2 || !intInRange(zoneHours, 0, 23)) return false;
    if (rest.length > 2) return false;
    if (rest.length === 2 && ((rest[1] ?? '').length !== 2 || !intInRange(rest[1] ?? '', 0, 59))) return false;
    seconds = seconds.slice(0, plus);
  } else if (rest.length > 1) {
    return false;
  }
  const [whole = '', fraction] = seconds.split('.', 2);
  if (!intInRange(whole, 0, 59)) return false;
  if (fraction !== undefined && !intInRange(fraction, 0, 999999999)) return false;
  return true;
}

function isLegacyDateValue(value: string): boolean {
  if (value.toLowerCase().includes('t') || value.includes('-')) return isLegacyIsoDate(value.toLowerCase());
  if (!INTEGER.test(value.trim())) return false;
  const epoch = BigInt(value.trim());
  return epoch >= 0n && epoch <= MAX_EPOCH;
}

function checkLegacyConditions(statement: JsonObject): void {
  const block = ownValue(statement, 'Condition');
  if (!isJsonObject(block)) return;
  for (const [operator, entries] of Object.entries(block)) {
    const parsed = parseOperator(operator, true);
    if (parsed?.operator.family !== 'Date' || !isJsonObject(entries)) continue;
    for (const values of Object.values(entries)) {
      for (const value of asList(values)) check(isLegacyDateValue(String(value)), MESSAGES.legacy);
    }
  }
}

/** The first format problem of a Resource/NotResource entry, in IAM's words. */
function resourceFormatProblem(resource: string): string | undefined {
  if (resource === '*') return undefined;
  const firstColon = resource.indexOf(':');
  if (firstColon === -1) return `Resource ${resource} must be in ARN format or "*".`;
  const afterArn = resource.slice(firstColon + 1);
  const secondColon = afterArn.indexOf(':');
  const partition = secondColon === -1 ? afterArn : afterArn.slice(0, secondColon);
  const afterPartition = secondColon === -1 ? '' : afterArn.slice(secondColon + 1);
  if (!VALID_PARTITIONS.has(partition)) {
    const parts = afterPartition.split(':');
    const field = (index: number) => (parts.length > index ? parts[index] : '*');
    const first = parts[0] !== '' || parts.length > 1 ? parts[0] : '*';
    const tail = parts.length > 3 ? parts.slice(3).join(':') : '*';
    return `Partition "${partition}" is not valid for resource "arn:${partition}:${first}:${field(1)}:${field(2)}:${tail}".`;
  }
  if (secondColon === -1) return 'Resource vendor must be fully qualified and cannot contain regexes.';
  const thirdColon = afterPartition.indexOf(':');
  const service = thirdColon === -1 ? afterPartition : afterPartition.slice(0, thirdColon);
  const afterService = thirdColon === -1 ? '' : afterPartition.slice(thirdColon + 1);
  if (service === 'iam' && !afterService.startsWith(':')) {
    return `IAM resource ${resource} cannot contain region information.`;
  }
  // Bucket and object ARNs have neither region nor account; access points and other S3
  // resources with an account component do carry a region (as AWS managed policies show).
  if (service === 's3' && !afterService.startsWith(':') && afterService.split(':')[1] === '') {
    return `Resource ${resource} can not contain region information.`;
  }
  if (service === 'iam') {
    const afterRegion = afterService.slice(afterService.indexOf(':') + 1);
    const accountColon = afterRegion.indexOf(':');
    const path = accountColon === -1 ? '' : afterRegion.slice(accountColon + 1);
    const known = path === '*' || path === 'root' || IAM_RESOURCE_PREFIXES.some((prefix) => path.startsWith(prefix));
    if (!known) {
      return `IAM resource path must either be "*", root, or start with ${IAM_RESOURCE_PREFIXES.join(', ')}.`;
    }
  }
  return undefined;
}

/** The legacy parser's own ARN shape rule: enough components, and a service component. */
function passesLegacyResourceParse(resource: string): boolean {
  if (resource === '*') return true;
  const parts = resource.split(':');
  if (parts.length - 1 < 5 && resource.includes('::')) return false;
  return parts.length > 2 && parts[2] !== '';
}

/**
 * Resource format problems don't stop the legacy stage; IAM reports the last one found (entries are
 * visited in reverse sorted order), but only after the Sid/Action/Resource presence checks.
 */
function checkLegacyResources(statements: readonly JsonObject[]): string | undefined {
  let formatProblem: string | undefined;
  for (const key of ['Resource', 'NotResource']) {
    for (const statement of statements) {
      const value = ownValue(statement, key);
      if (value === undefined) continue;
      const resources = (asList(value) as string[]).slice().sort().reverse();
      for (const resource of resources) formatProblem = resourceFormatProblem(resource) ?? formatProblem;
      if (formatProblem === undefined) {
        for (const resource of resources) check(passesLegacyResourceParse(resource), MESSAGES.legacy);
      }
    }
  }
  return formatProblem;
}

// ---------------------------------------------------------------- later stages

function checkSidsUnique(statements: readonly JsonObject[]): void {
  const seen = new Set<string>();
  for (const statement of statements) {
    const sid = ownValue(statement, 'Sid');
    if (typeof sid !== 'string' || sid === '') continue;
    check(!seen.has(sid), MESSAGES.duplicateSid);
    seen.add(sid);
  }
}

function checkPresent(statements: readonly JsonObject[], key: string, notKey: string, message: string): void {
  for (const statement of statements) {
    const value = hasKey(statement, key) ? statement[key] : ownValue(statement, notKey);
    check(value !== undefined && !(Array.isArray(value) && value.length === 0), message);
  }
}

function checkActionVendors(statements: readonly JsonObject[]): void {
  for (const key of ['Action', 'NotAction']) {
    for (const statement of statements) {
      for (const action of asList(ownValue(statement, key)) as string[]) {
        const parts = action.split(':');
        if (parts.length === 1 && parts[0] !== '*') reject(MESSAGES.vendorPrefix);
        if (parts.length > 2) reject(MESSAGES.oneColon);
        const vendor = parts[0] ?? '';
        if (vendor !== '*' && /[^a-zA-Z0-9\-.]/.test(vendor)) reject(`Vendor ${vendor} is not valid`);
      }
    }
  }
}

function isStsTrustAction(action: string): boolean {
  const lower = action.toLowerCase();
  if (!lower.startsWith('sts:')) return false;
  if (!/[*?]/.test(lower)) return STS_TRUST_ACTIONS.includes(lower);
  const glob = compileTemplate(lower, { wildcards: true, variables: false, lowerCase: true }).fixed;
  return glob !== undefined && STS_TRUST_ACTIONS.some((candidate) => globMatch(glob, candidate));
}

function checkTrustPrincipals(statement: JsonObject, options: ValidateOptions): void {
  const notPrincipal = ownValue(statement, 'NotPrincipal');
  if (notPrincipal !== undefined && ownValue(statement, 'Effect') === 'Allow') reject(MESSAGES.trustNotPrincipal);
  const principal = ownValue(statement, 'Principal') ?? notPrincipal;
  if (principal === undefined) reject(MESSAGES.trustMissingPrincipal);
  if (principal === '*') return;
  const entries = Object.entries(principal as JsonObject);
  const ids = entries.flatMap(([, value]) => asList(value));
  check(ids.length > 0, MESSAGES.trustEmptyPrincipal);

  for (const [type, value] of entries) {
    for (const id of asList(value) as string[]) {
      let valid: boolean;
      if (type === 'AWS') {
        valid = isWellFormedAwsPrincipal(id);
        if (valid && id.startsWith('arn:') && !id.endsWith(':root') && options.principalExists) {
          valid = options.principalExists(id);
        }
      } else if (type === 'Service') {
        valid = isValidServicePrincipal(id) || (options.isKnownServicePrincipal?.(id) ?? false);
      } else if (type === 'Federated') {
        valid = isValidFederatedPrincipal(id);
      } else {
        valid = isValidCanonicalUser(id);
      }
      if (!valid) reject(`Invalid principal in policy: "${PRINCIPAL_TYPES[type]}":"${id}"`);
    }
  }
}

function checkTrustPolicy(statements: readonly JsonObject[], options: ValidateOptions): void {
  for (const statement of statements) {
    if (hasKey(statement, 'Resource')) reject(MESSAGES.trustResource);
    if (hasKey(statement, 'NotResource')) reject(MESSAGES.trustNotResource);
  }
  for (const statement of statements) checkTrustPrincipals(statement, options);
  checkPresent(statements, 'Action', 'NotAction', MESSAGES.missingActions);
  checkActionVendors(statements);
  for (const statement of statements) {
    if (hasKey(statement, 'NotAction')) reject(MESSAGES.trustActions);
    for (const action of asList(ownValue(statement, 'Action')) as string[]) {
      check(isStsTrustAction(action), MESSAGES.trustActions);
    }
  }
}

function runChecks(text: string, kind: PolicyKind, options: ValidateOptions): void {
  const parsed = parseJson(text);
  if (!parsed) reject(kind === 'trust' ? MESSAGES.invalidJson : MESSAGES.syntax);
  const statements = checkGrammar(parsed.value, kind);
  const document = parsed.value as JsonObject;

  if (kind === 'identity') {
    check(ownValue(document, 'Version') === '2012-10-17', MESSAGES.version);
    for (const statement of statements) {
      check(!hasKey(statement, 'Principal') && !hasKey(statement, 'NotPrincipal'), MESSAGES.identityPrincipal);
    }
  }

  for (const statement of statements) {
    check(statement.Effect === 'Allow' || statement.Effect === 'Deny', MESSAGES.legacy);
    checkLegacyConditions(statement);
  }
  const resourceProblem = kind === 'identity' ? checkLegacyResources(statements) : undefined;
  checkSidsUnique(statements);

  if (kind === 'trust') {
    checkTrustPolicy(statements, options);
    return;
  }
  checkPresent(statements, 'Action', 'NotAction', MESSAGES.missingActions);
  checkPresent(statements, 'Resource', 'NotResource', MESSAGES.missingResources);
  if (resourceProblem !== undefined) reject(resourceProblem);
  checkActionVendors(statements);
}

/** The problem IAM would report for this document, or undefined when IAM would accept it. */
export function checkPolicyDocument(
  text: string,
  kind: PolicyKind,
  options: ValidateOptions = {},
): PolicyProblem | undefined {
  if (OUTSIDE_ALLOWED_CHARACTERS.test(text)) {
    const parameter = options.parameterName ?? (kind === 'trust' ? 'assumeRolePolicyDocument' : 'policyDocument');
    return {
      code: 'ValidationError',
      message: `1 validation error detected: Value at '${parameter}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${CHARACTER_PATTERN_TEXT}`,
    };
  }
  try {
    runChecks(text, kind, options);
    return undefined;
  } catch (error) {
    if (error instanceof PolicyRejected) return error.problem;
    // A bug here must not take the server down; refuse the document as IAM would refuse nonsense.
    return { code: 'MalformedPolicyDocument', message: MESSAGES.syntax };
  }
}

/**
 * undefined if IAM would accept the document, else AWS's message. Use checkPolicyDocument to also
 * learn the error code (a character outside TAB/LF/CR/U+0020–U+00FF is a ValidationError).
 */
export function validatePolicyDocument(
  text: string,
  kind: PolicyKind,
  options: ValidateOptions = {},
): string | undefined {
  return checkPolicyDocument(text, kind, options)?.message;
}
