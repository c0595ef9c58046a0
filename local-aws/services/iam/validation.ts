import { validationError } from './errors.ts';

/**
 * IAM's parameter constraints (botocore iam/2010-05-08 shapes) and the Coral-style ValidationError they
 * produce. One style everywhere: the offending value is not echoed ("Value at 'roleName' failed …"),
 * as recent AWS responses do; several violations are joined with "; " after "N validation errors detected: ".
 */

export interface Pattern {
  /** Full-match test. */
  regex: RegExp;
  /** The pattern as AWS prints it in the message. */
  text: string;
}

function pattern(text: string, regex: RegExp): Pattern {
  return { regex, text };
}

export const Patterns = {
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
} as const;

export const Limits = {
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
  tagsPerCall: 50,
  maxItems: 1000,
  marker: 320,
  minSessionDuration: 3600,
  maxSessionDuration: 43200,
} as const;

export interface Tag {
  Key: string;
  Value: string;
}

/** Collects constraint violations for one request and throws them together, as AWS does. */
export class Constraints {
  private readonly violations: string[] = [];

  private add(member: string, constraint: string): void {
    this.violations.push(`Value at '${member}' failed to satisfy constraint: ${constraint}`);
  }

  /** Checks presence; returns false (after recording) when the value is missing. */
  required(member: string, value: unknown): boolean {
    if (value === undefined) {
      this.add(member, 'Member must not be null');
      return false;
    }
    return true;
  }

  string(member: string, value: string | undefined, rule: { min?: number; max?: number; pattern?: Pattern }): this {
    if (value === undefined) return this;
    // Lengths count Unicode code points, like Java's codePointCount in AWS's validators.
    const length = [...value].length;
    if (rule.max !== undefined && length > rule.max)
      this.add(member, `Member must have length less than or equal to ${rule.max}`);
    if (rule.min !== undefined && length < rule.min)
      this.add(member, `Member must have length greater than or equal to ${rule.min}`);
    if (rule.pattern && !rule.pattern.regex.test(value)) {
      this.add(member, `Member must satisfy regular expression pattern: ${rule.pattern.text}`);
    }
    return this;
  }

  range(member: string, value: number | undefined, min: number, max: number): this {
    if (value === undefined) return this;
    if (value > max) this.add(member, `Member must have value less than or equal to ${max}`);
    if (value < min) this.add(member, `Member must have value greater than or equal to ${min}`);
    return this;
  }

  tags(member: string, tags: readonly Tag[] | undefined): this {
    if (tags === undefined) return this;
    if (tags.length > Limits.tagsPerCall)
      this.add(member, `Member must have length less than or equal to ${Limits.tagsPerCall}`);
    tags.forEach((tag, index) => {
      const prefix = `${member}.${index + 1}.member`;
      if (this.required(`${prefix}.key`, tag.Key)) {
        this.string(`${prefix}.key`, tag.Key, { min: 1, max: Limits.tagKey, pattern: Patterns.tagKey });
      }
      if (this.required(`${prefix}.value`, tag.Value)) {
        this.string(`${prefix}.value`, tag.Value, { max: Limits.tagValue, pattern: Patterns.tagValue });
      }
    });
    return this;
  }

  tagKeys(member: string, keys: readonly string[] | undefined): this {
    if (keys === undefined) return this;
    if (keys.length > Limits.tagsPerCall)
      this.add(member, `Member must have length less than or equal to ${Limits.tagsPerCall}`);
    const bad = keys.some(
      (key) => [...key].length > Limits.tagKey || key.length < 1 || !Patterns.tagKey.regex.test(key),
    );
    if (bad) {
      this.add(
        member,
        `Member must satisfy constraint: [Member must have length less than or equal to ${Limits.tagKey}, ` +
          `Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: ` +
          `${Patterns.tagKey.text}, Member must not be null]`,
      );
    }
    return this;
  }

  /** Throws the collected ValidationError, if any. */
  check(): void {
    const count = this.violations.length;
    if (count === 0) return;
    const head = count === 1 ? '1 validation error detected: ' : `${count} validation errors detected: `;
    throw validationError(head + this.violations.join('; '));
  }
}

/** Shorthand constraint sets shared by several operations. */
export const Rules = {
  roleName: { min: 1, max: Limits.roleName, pattern: Patterns.name },
  userName: { min: 1, max: Limits.userName, pattern: Patterns.name },
  existingUserName: { min: 1, max: Limits.existingUserName, pattern: Patterns.name },
  policyName: { min: 1, max: Limits.policyName, pattern: Patterns.name },
  instanceProfileName: { min: 1, max: Limits.instanceProfileName, pattern: Patterns.name },
  path: { min: 1, max: Limits.path, pattern: Patterns.path },
  pathPrefix: { min: 1, max: Limits.path, pattern: Patterns.pathPrefix },
  policyPath: { min: 1, max: Limits.path, pattern: Patterns.policyPath },
  roleDescription: { max: Limits.description, pattern: Patterns.roleDescription },
  policyDescription: { max: Limits.description },
  policyDocument: { min: 1, max: Limits.policyDocument, pattern: Patterns.policyDocument },
  arn: { min: Limits.arnMin, max: Limits.arnMax },
  versionId: { pattern: Patterns.versionId },
  marker: { min: 1, max: Limits.marker, pattern: Patterns.marker },
} as const;

/** IAM counts policy sizes without whitespace (IAM User Guide, quotas). */
export function policySize(document: string): number {
  return document.replace(/\s+/g, '').length;
}
