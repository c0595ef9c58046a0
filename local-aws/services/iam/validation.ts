import { characterCount } from '../../../aws-rules/characters.ts';
import { IAM_LIMITS, IAM_PATTERNS, type AwsPattern } from '../../../aws-rules/iam.ts';
import { validationError } from './errors.ts';

/**
 * IAM's parameter constraints (the shared table in aws-rules/iam.ts) and the Coral-style ValidationError they
 * produce. One style everywhere: the offending value is not echoed ("Value at 'roleName' failed …"),
 * as recent AWS responses do; several violations are joined with "; " after "N validation errors detected: ".
 */

export const Patterns = IAM_PATTERNS;
export const Limits = IAM_LIMITS;

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

  string(member: string, value: string | undefined, rule: { min?: number; max?: number; pattern?: AwsPattern }): this {
    if (value === undefined) return this;
    // Lengths count Unicode code points, like Java's codePointCount in AWS's validators.
    const length = characterCount(value);
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
    if (tags.length > Limits.tagsPerResource)
      this.add(member, `Member must have length less than or equal to ${Limits.tagsPerResource}`);
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
    if (keys.length > Limits.tagsPerResource)
      this.add(member, `Member must have length less than or equal to ${Limits.tagsPerResource}`);
    const bad = keys.some(
      (key) => characterCount(key) > Limits.tagKey || key.length < 1 || !Patterns.tagKey.regex.test(key),
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
