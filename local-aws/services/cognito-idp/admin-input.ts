/**
 * The service frontend's constraints on the administrative user operations' members, from botocore's cognito-idp
 * model (UserPoolIdType, UsernameType, PasswordType, AttributeType, MessageActionType): lengths, patterns and enums,
 * which the SDK's models do not carry. Presence and JSON types were checked by the model decoder before this.
 * Sensitive members (user names, passwords, attribute values) are named without their value in AWS's messages.
 */
import type { AttributeType } from '@aws-sdk/client-cognito-identity-provider';
import type { Decoded } from '../../protocols/model/decoded.ts';
import * as errors from './errors.ts';

const USER_POOL_ID = /^[\w-]+_[0-9a-zA-Z]+$/;
const NAME_PATTERN = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u;
const PASSWORD_PATTERN = /^[\S]+$/u;
const MESSAGE_ACTIONS = ['RESEND', 'SUPPRESS'] as const;
const DELIVERY_MEDIUMS = ['SMS', 'EMAIL'] as const;

export type MessageAction = (typeof MESSAGE_ACTIONS)[number];

interface StringRules {
  min?: number;
  max: number;
  pattern?: RegExp;
  patternText?: string;
  sensitive?: boolean;
}

/** Collects every problem of one request, then throws them together ("2 validation errors detected: …"). */
export class MemberChecks {
  private readonly problems: string[] = [];

  string(value: string | undefined, member: string, rules: StringRules): void {
    if (value === undefined) return;
    const shown = rules.sensitive ? `Value at '${member}'` : `Value '${value}' at '${member}'`;
    const length = [...value].length;
    if (rules.min !== undefined && length < rules.min) this.problems.push(`${shown} failed to satisfy constraint: Member must have length greater than or equal to ${rules.min}`);
    else if (length > rules.max) this.problems.push(`${shown} failed to satisfy constraint: Member must have length less than or equal to ${rules.max}`);
    else if (rules.pattern && !rules.pattern.test(value)) {
      this.problems.push(`${shown} failed to satisfy constraint: Member must satisfy regular expression pattern: ${rules.patternText ?? rules.pattern.source}`);
    }
  }

  enumValue<T extends string>(value: string | undefined, member: string, allowed: readonly T[]): T | undefined {
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) {
      this.problems.push(`Value '${value}' at '${member}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`);
      return undefined;
    }
    return value as T;
  }

  /** AttributeListType: [{Name, Value}], as a map (a later duplicate wins, as Cognito keeps one value per name). */
  attributes(list: Decoded<AttributeType>[] | undefined, member: string): Record<string, string> | undefined {
    if (list === undefined) return undefined;
    const out: Record<string, string> = {};
    list.forEach((attribute, index) => {
      const prefix = `${member}.${index + 1}.member`;
      const value = attribute.Value ?? '';
      this.string(attribute.Name, `${prefix}.name`, { min: 1, max: 32, pattern: NAME_PATTERN, patternText: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+' });
      this.string(value, `${prefix}.value`, { max: 2048, sensitive: true });
      out[attribute.Name] = value;
    });
    return out;
  }

  deliveryMediums(values: string[] | undefined, member: string): void {
    if (values === undefined) return;
    if (values.some((medium) => !(DELIVERY_MEDIUMS as readonly string[]).includes(medium))) {
      this.problems.push(`Value '[${values.join(', ')}]' at '${member}' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [${DELIVERY_MEDIUMS.join(', ')}]]`);
    }
  }

  /** Throws InvalidParameterException with every problem found, if any. */
  done(): void {
    if (this.problems.length > 0) throw errors.validationErrors(this.problems);
  }
}

export const USER_POOL_ID_RULES: StringRules = { min: 1, max: 55, pattern: USER_POOL_ID, patternText: '[\\w-]+_[0-9a-zA-Z]+' };
export const USERNAME_RULES: StringRules = { min: 1, max: 128, pattern: NAME_PATTERN, patternText: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+', sensitive: true };
export const PASSWORD_RULES: StringRules = { max: 256, pattern: PASSWORD_PATTERN, patternText: '[\\S]+', sensitive: true };
export { MESSAGE_ACTIONS };
