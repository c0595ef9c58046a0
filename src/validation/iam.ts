/**
 * IAM's documented input rules (names, paths, descriptions, tags, policies; limits from the one table in
 * aws-rules/), as messages a person understands. Each validator returns undefined when the value is acceptable.
 */
import { characterCount } from '../../aws-rules/characters';
import { IAM_LIMITS, IAM_PATTERNS } from '../../aws-rules/iam';

export const ROLE_NAME_HINT = "Maximum 64 characters. Use alphanumeric and '+=,.@-_' characters.";

/** The console's names for AWS's limits, all from the one table in aws-rules/iam.ts. */
export const LIMITS = {
  roleNameMax: IAM_LIMITS.roleName,
  pathMax: IAM_LIMITS.path,
  descriptionMax: IAM_LIMITS.description,
  sessionDurationMin: IAM_LIMITS.minSessionDuration,
  sessionDurationMax: IAM_LIMITS.maxSessionDuration,
  tagsMax: IAM_LIMITS.tagsPerResource,
  tagKeyMax: IAM_LIMITS.tagKey,
  tagValueMax: IAM_LIMITS.tagValue,
  managedPoliciesPerRole: IAM_LIMITS.managedPoliciesPerRole,
  externalIdMin: IAM_LIMITS.externalIdMin,
  externalIdMax: IAM_LIMITS.externalIdMax,
  policyNameMax: IAM_LIMITS.policyName,
} as const;

const NAME_PATTERN = IAM_PATTERNS.name.regex;
const PATH_PATTERN = IAM_PATTERNS.path.regex;
// eslint-disable-next-line no-control-regex -- IAM's documented pattern admits TAB, LF and CR
const DESCRIPTION_CHARACTER = /[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]/;
const TAG_PATTERN = IAM_PATTERNS.tagKey.regex;
const TAG_CHARACTER = /[\p{L}\p{Z}\p{N}_.:/=+\-@]/u;
const EXTERNAL_ID_PATTERN = IAM_PATTERNS.externalId.regex;

export function validateRoleName(name: string): string | undefined {
  if (name.length === 0) return 'Enter a role name.';
  if (name.length > LIMITS.roleNameMax) {
    return `The role name has ${name.length} characters; it can have at most ${LIMITS.roleNameMax}.`;
  }
  const bad = firstCharacterNotMatching(name, /[\w+=,.@-]/);
  if (bad) return `The role name can't contain ${bad}. ${ROLE_NAME_HINT}`;
  return undefined;
}

/** Role names are unique per account regardless of case. */
export function validateRoleNameAvailable(name: string, existingNames: Iterable<string>): string | undefined {
  const wanted = name.toLowerCase();
  for (const existing of existingNames) {
    if (existing.toLowerCase() === wanted) {
      return `A role named '${existing}' already exists (role names are not case-sensitive). Choose another name.`;
    }
  }
  return undefined;
}

export function validatePath(path: string): string | undefined {
  if (path.length === 0) return "Enter a path, or '/' for none.";
  if (path.length > LIMITS.pathMax)
    return `The path has ${path.length} characters; it can have at most ${LIMITS.pathMax}.`;
  if (!path.startsWith('/') || !path.endsWith('/'))
    return "The path must start and end with '/', for example /application/.";
  if (path.includes('//')) return "The path can't contain an empty segment ('//').";
  if (!PATH_PATTERN.test(path)) {
    const bad = firstCharacterNotMatching(path, /[\u0021-\u007E]/);
    return `The path can't contain ${bad ?? 'that character'}. Use printable ASCII characters without spaces.`;
  }
  return undefined;
}

export function validateDescription(description: string): string | undefined {
  if (description.length > LIMITS.descriptionMax) {
    return `The description has ${description.length} characters; it can have at most ${LIMITS.descriptionMax}.`;
  }
  const bad = firstCharacterNotMatching(description, DESCRIPTION_CHARACTER);
  if (bad) return `The description can't contain ${bad}. Use letters, digits, punctuation and Latin-1 characters.`;
  return undefined;
}

export function validateMaxSessionDuration(seconds: number): string | undefined {
  if (!Number.isInteger(seconds)) return 'Enter the maximum session duration as a whole number of seconds.';
  if (seconds < LIMITS.sessionDurationMin || seconds > LIMITS.sessionDurationMax) {
    return `The maximum session duration must be between ${LIMITS.sessionDurationMin} seconds (1 hour) and ${LIMITS.sessionDurationMax} seconds (12 hours); you entered ${seconds}.`;
  }
  return undefined;
}

export interface TagRow {
  key: string;
  value: string;
}

/** A role, policy or instance profile has at most 50 tags. */
export function validateTagCount(count: number): string | undefined {
  if (count <= LIMITS.tagsMax) return undefined;
  return `A role can have at most ${LIMITS.tagsMax} tags; you added ${count}. Remove ${count - LIMITS.tagsMax}.`;
}

/** The key of tag `index` among `tags`: its own rules, then uniqueness (a repeat is reported on the later row). */
export function validateTagKeyAt(tags: readonly TagRow[], index: number): string | undefined {
  const key = tags[index]?.key ?? '';
  const keyError = validateTagKey(key);
  if (keyError) return keyError;
  const lower = key.toLowerCase();
  const earlier = tags.findIndex((tag, position) => position < index && tag.key.toLowerCase() === lower && validateTagKey(tag.key) === undefined);
  if (earlier === -1) return undefined;
  return `Tag ${index + 1} repeats the key '${tags[earlier]!.key}' of tag ${earlier + 1} (tag keys are not case-sensitive). Each key can be used once.`;
}

/** Whether a list of tags can be sent to IAM as it is. */
export function tagsAreValid(tags: readonly TagRow[]): boolean {
  return validateTagCount(tags.length) === undefined && tags.every((tag, index) => validateTagKeyAt(tags, index) === undefined && validateTagValue(tag.value) === undefined);
}

export function validateTagKey(key: string): string | undefined {
  if (key.length === 0) return 'Enter a tag key.';
  const keyLength = characterCount(key);
  if (keyLength > LIMITS.tagKeyMax)
    return `The tag key has ${keyLength} characters; it can have at most ${LIMITS.tagKeyMax}.`;
  if (key.toLowerCase().startsWith('aws:')) return "Tag keys starting with 'aws:' are reserved for AWS.";
  if (!TAG_PATTERN.test(key)) {
    return `The tag key can't contain ${firstCharacterNotMatching(key, TAG_CHARACTER) ?? 'that character'}. Use letters, digits, spaces and _ . : / = + - @.`;
  }
  return undefined;
}

export function validateTagValue(value: string): string | undefined {
  const valueLength = characterCount(value);
  if (valueLength > LIMITS.tagValueMax)
    return `The tag value has ${valueLength} characters; it can have at most ${LIMITS.tagValueMax}.`;
  if (value.length > 0 && !TAG_PATTERN.test(value)) {
    return `The tag value can't contain ${firstCharacterNotMatching(value, TAG_CHARACTER) ?? 'that character'}. Use letters, digits, spaces and _ . : / = + - @.`;
  }
  return undefined;
}

export function validateManagedPolicyCount(
  count: number,
  quota: number = LIMITS.managedPoliciesPerRole,
): string | undefined {
  if (count <= quota) return undefined;
  return `A role can have at most ${quota} managed policies attached; you selected ${count}.`;
}

export function validateExternalId(externalId: string): string | undefined {
  if (externalId.length === 0) return 'Enter the external ID the other account will pass when it assumes the role.';
  if (externalId.length < LIMITS.externalIdMin || externalId.length > LIMITS.externalIdMax) {
    return `The external ID must have between ${LIMITS.externalIdMin} and ${LIMITS.externalIdMax} characters; it has ${externalId.length}.`;
  }
  if (!EXTERNAL_ID_PATTERN.test(externalId)) {
    const bad = firstCharacterNotMatching(externalId, /[\w+=,.@:/-]/);
    return `The external ID can't contain ${bad ?? 'that character'}. Use letters, digits and + = , . @ : / - _.`;
  }
  return undefined;
}

export function validateAccountId(accountId: string): string | undefined {
  if (accountId.length === 0) return 'Enter the 12-digit ID of the AWS account.';
  if (!/^\d{12}$/.test(accountId)) {
    return /^\d+$/.test(accountId)
      ? `An AWS account ID has exactly 12 digits; you entered ${accountId.length}.`
      : 'An AWS account ID has exactly 12 digits, without dashes or spaces.';
  }
  return undefined;
}

export function validatePolicyName(name: string): string | undefined {
  if (name.length === 0) return 'Enter a policy name.';
  if (name.length > LIMITS.policyNameMax)
    return `The policy name has ${name.length} characters; it can have at most ${LIMITS.policyNameMax}.`;
  if (!NAME_PATTERN.test(name)) {
    return `The policy name can't contain ${firstCharacterNotMatching(name, /[\w+=,.@-]/)}. Use alphanumeric and '+=,.@-_' characters.`;
  }
  return undefined;
}

/** Names the first character outside `allowed`, quoting it and giving its position (1-based). */
function firstCharacterNotMatching(text: string, allowed: RegExp): string | undefined {
  let position = 0;
  for (const char of text) {
    position += 1;
    if (!allowed.test(char)) return `${describeCharacter(char)} (character ${position})`;
  }
  return undefined;
}

function describeCharacter(char: string): string {
  const codePoint = char.codePointAt(0) ?? 0;
  const code = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  if (char === ' ') return 'a space';
  if (codePoint < 0x20 || codePoint === 0x7f) return `the control character ${code}`;
  return `'${char}' (${code})`;
}
