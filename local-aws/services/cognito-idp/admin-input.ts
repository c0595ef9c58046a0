/**
 * The service frontend's checks of the administrative user operations' members, from botocore's cognito-idp
 * model (UserPoolIdType, UsernameType, PasswordType, AttributeType, MessageActionType). Sensitive members
 * (user names, passwords, attribute values) are named without their value in AWS's messages.
 */
import type { JsonObject } from '../../protocols/operation.ts';
import * as errors from './errors.ts';

const USER_POOL_ID = /^[\w-]+_[0-9a-zA-Z]+$/;
const NAME_PATTERN = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u;
const PASSWORD_PATTERN = /^[\S]+$/u;
const MESSAGE_ACTIONS = ['RESEND', 'SUPPRESS'] as const;
const DELIVERY_MEDIUMS = ['SMS', 'EMAIL'] as const;

export type MessageAction = (typeof MESSAGE_ACTIONS)[number];

/** Collects every problem of one request, then throws them together ("2 validation errors detected: …"). */
export class MemberChecks {
  private readonly problems: string[] = [];

  constructor(private readonly input: JsonObject) {}

  /** A required string; `sensitive` leaves the value out of the message. */
  string(name: string, member: string, rules: { min?: number; max: number; pattern?: RegExp; patternText?: string; sensitive?: boolean; required: true }): string;
  string(name: string, member: string, rules: { min?: number; max: number; pattern?: RegExp; patternText?: string; sensitive?: boolean; required?: false }): string | undefined;
  string(
    name: string,
    member: string,
    rules: { min?: number; max: number; pattern?: RegExp; patternText?: string; sensitive?: boolean; required?: boolean },
  ): string | undefined {
    const value = this.input[name];
    if (value === undefined || value === null) {
      if (rules.required) this.problems.push(`Value null at '${member}' failed to satisfy constraint: Member must not be null`);
      return rules.required ? '' : undefined;
    }
    if (typeof value !== 'string') throw errors.serialization(name);
    this.checkString(value, member, rules);
    return value;
  }

  enumValue<T extends string>(name: string, member: string, allowed: readonly T[]): T | undefined {
    const value = this.input[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw errors.serialization(name);
    if (!(allowed as readonly string[]).includes(value)) {
      this.problems.push(`Value '${value}' at '${member}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`);
      return undefined;
    }
    return value as T;
  }

  boolean(name: string): boolean | undefined {
    const value = this.input[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') throw errors.serialization(name);
    return value;
  }

  /** AttributeListType: [{Name, Value}], as a map (a later duplicate wins, as Cognito keeps one value per name). */
  attributes(name: string, member: string): Record<string, string> | undefined {
    const value = this.input[name];
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) throw errors.serialization(name);
    const out: Record<string, string> = {};
    value.forEach((item: unknown, index) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) throw errors.serialization(name);
      const attribute = item as JsonObject;
      const prefix = `${member}.${index + 1}.member`;
      const attributeName = attribute.Name;
      const attributeValue = attribute.Value ?? '';
      if (attributeName === undefined || attributeName === null) {
        this.problems.push(`Value null at '${prefix}.name' failed to satisfy constraint: Member must not be null`);
        return;
      }
      if (typeof attributeName !== 'string' || typeof attributeValue !== 'string') throw errors.serialization(name);
      this.checkString(attributeName, `${prefix}.name`, { min: 1, max: 32, pattern: NAME_PATTERN, patternText: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+' });
      this.checkString(attributeValue, `${prefix}.value`, { max: 2048, sensitive: true });
      out[attributeName] = attributeValue;
    });
    return out;
  }

  deliveryMediums(name: string, member: string): void {
    const value = this.input[name];
    if (value === undefined || value === null) return;
    if (!Array.isArray(value)) throw errors.serialization(name);
    for (const medium of value) {
      if (typeof medium !== 'string') throw errors.serialization(name);
      if (!(DELIVERY_MEDIUMS as readonly string[]).includes(medium)) {
        this.problems.push(`Value '[${value.join(', ')}]' at '${member}' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [${DELIVERY_MEDIUMS.join(', ')}]]`);
        return;
      }
    }
  }

  /** Throws InvalidParameterException with every problem found, if any. */
  done(): void {
    if (this.problems.length > 0) throw errors.validationErrors(this.problems);
  }

  private checkString(value: string, member: string, rules: { min?: number; max: number; pattern?: RegExp; patternText?: string; sensitive?: boolean }): void {
    const shown = rules.sensitive ? `Value at '${member}'` : `Value '${value}' at '${member}'`;
    const length = [...value].length;
    if (rules.min !== undefined && length < rules.min) this.problems.push(`${shown} failed to satisfy constraint: Member must have length greater than or equal to ${rules.min}`);
    else if (length > rules.max) this.problems.push(`${shown} failed to satisfy constraint: Member must have length less than or equal to ${rules.max}`);
    else if (rules.pattern && !rules.pattern.test(value)) {
      this.problems.push(`${shown} failed to satisfy constraint: Member must satisfy regular expression pattern: ${rules.patternText ?? rules.pattern.source}`);
    }
  }
}

export const USER_POOL_ID_RULES = { min: 1, max: 55, pattern: USER_POOL_ID, patternText: '[\\w-]+_[0-9a-zA-Z]+', required: true } as const;
export const USERNAME_RULES = { min: 1, max: 128, pattern: NAME_PATTERN, patternText: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+', sensitive: true, required: true } as const;
export const PASSWORD_RULES = { max: 256, pattern: PASSWORD_PATTERN, patternText: '[\\S]+', sensitive: true } as const;
export { MESSAGE_ACTIONS };
