import type { QueryInput } from '../../../protocols/query-input.ts';
import type { OperationDefinition, RequestContext } from '../../../protocols/operation.ts';
import { validationError } from '../errors.ts';
import type { Authorize, PageRequest } from '../records.ts';
import type { Tag } from '../validation.ts';

export type IamOperation = OperationDefinition<QueryInput>;

/** ctx.authorize for the model, naming the caller for the denials the model decides itself. */
export function authorizer(ctx: RequestContext): Authorize {
  return Object.assign(
    (action: string, resource: string, conditions?: Parameters<Authorize>[2]) =>
      ctx.authorize(action, resource, conditions),
    {
      callerArn: ctx.caller?.arn,
    },
  );
}

/** An integer parameter; AWS's frontend rejects a non-number before any constraint. */
export function integer(input: QueryInput, name: string, member: string): number | undefined {
  const raw = input.string(name);
  if (raw === undefined) return undefined;
  if (!/^-?\d+$/.test(raw.trim())) {
    throw validationError(
      `1 validation error detected: Value at '${member}' failed to satisfy constraint: Member must be a number`,
    );
  }
  return Number(raw);
}

/** A boolean parameter: only true/false; anything else ('maybe', '1', '') is refused like a malformed number. */
export function boolean(input: QueryInput, name: string): boolean | undefined {
  const raw = input.string(name);
  if (raw === undefined) return undefined;
  const lower = raw.toLowerCase();
  if (lower !== 'true' && lower !== 'false') {
    const member = `${name.charAt(0).toLowerCase()}${name.slice(1)}`;
    throw validationError(
      `1 validation error detected: Value at '${member}' failed to satisfy constraint: Member must be a boolean`,
    );
  }
  return lower === 'true';
}

export function page(input: QueryInput): PageRequest {
  return { marker: input.string('Marker'), maxItems: integer(input, 'MaxItems', 'maxItems') };
}

/**
 * Tags.member.N.Key / .Value; undefined when the request has none. A missing Key or Value stays
 * undefined here on purpose: the model's constraints report it as "Member must not be null".
 */
export function tags(input: QueryInput): Tag[] | undefined {
  const members = input.structList('Tags');
  if (members.length === 0) return undefined;
  return members.map((member) => ({ Key: member.string('Key'), Value: member.string('Value') }) as Tag);
}

export function tagKeys(input: QueryInput): string[] | undefined {
  const keys = input.list('TagKeys');
  return keys.length === 0 ? undefined : keys;
}

/** A required parameter the model checks ("Member must not be null"); typed as string for the model. */
export function required(input: QueryInput, name: string): string {
  return input.string(name) as string;
}

/** Required Tags / TagKeys: undefined reaches the model, whose constraints answer "Member must not be null". */
export function requiredTags(input: QueryInput): Tag[] {
  return tags(input) as Tag[];
}

export function requiredTagKeys(input: QueryInput): string[] {
  return tagKeys(input) as string[];
}
