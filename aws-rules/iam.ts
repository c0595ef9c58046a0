/**
 * AWS's documented IAM input rules that the service models shipped with the SDK do not carry: lengths, patterns
 * and quotas (IAM API reference and IAM User Guide, "IAM and AWS STS quotas"). The one table for local AWS's
 * validation and for the console's: plain data with no imports, so both programs may use it (docs/layers.md).
 */

export interface AwsPattern {
  /** Full-match test. */
  regex: RegExp;
  /** The pattern as AWS prints it in a ValidationError. */
  text: string;
}

function pattern(text: string, regex: RegExp): AwsPattern {
  return { regex, text };
}

export const IAM_PATTERNS = {
  name: pattern('[\\w+=,.@-]+', /^[\w+=,.@-]+$/),
  path: pattern('(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)', /^(?:\/|\/[\u0021-\u007E]+\/)$/),
  pathPrefix: pattern('\\u002F[\\u0021-\\u007F]*', /^\/[\u0021-\u007F]*$/),
  policyPath: pattern('((/[A-Za-z0-9\\.,\\+@=_-]+)*)/', /^(?:\/[A-Za-z0-9.,+@=_-]+)*\/$/),
  roleDescription: pattern(
    '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*',
    /^[\t\n\r\u0020-\u007E\u00A1-\u00FF]*$/,
  ),
  policyDocument: pattern('[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+', /^[\t\n\r\u0020-\u00FF]+$/),
  versionId: pattern('v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?', /^v[1-9][0-9]*(?:\.[A-Za-z0-9-]*)?$/),
  marker: pattern('[\\u0020-\\u00FF]+', /^[\u0020-\u00FF]+$/),
  tagKey: pattern('[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+', /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u),
  tagValue: pattern('[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*', /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u),
  /** sts:ExternalId in a trust policy (AssumeRole's ExternalId member). */
  externalId: pattern('[\\w+=,.@:\\/-]*', /^[\w+=,.@:/-]*$/),
} as const;

export const IAM_LIMITS = {
  roleName: 64,
  userName: 64,
  existingUserName: 128,
  policyName: 128,
  instanceProfileName: 128,
  path: 512,
  description: 1000,
  policyDocument: 131072,
  arnMin: 20,
  arnMax: 2048,
  tagKey: 128,
  tagValue: 256,
  /** Tags per request, and per role, user, policy or instance profile. */
  tagsPerResource: 50,
  maxItems: 1000,
  marker: 320,
  minSessionDuration: 3600,
  maxSessionDuration: 43200,
  /** Managed policies attached to one role (default quota). */
  managedPoliciesPerRole: 10,
  externalIdMin: 2,
  externalIdMax: 1224,
  /** SimulatePrincipalPolicy / SimulateCustomPolicy: ActionNameType, ResourceNameType, ContextKeyNameType. */
  simulationActionNameMin: 3,
  simulationActionNameMax: 128,
  simulationResourceNameMax: 2048,
  contextKeyNameMin: 5,
  contextKeyNameMax: 256,
} as const;
