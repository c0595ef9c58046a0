import type { OperationDefinition, RequestContext } from '../../../protocols/operation.ts';
import { validationError } from '../errors.ts';
import type { Authorize, PageRequest } from '../records.ts';

/** IAM's operations; each handler names its SDK input type, decoded by AWS's model before it runs. */
export type IamOperations = Record<string, OperationDefinition>;

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

export function page(input: { Marker?: string; MaxItems?: number }): PageRequest {
  return { marker: input.Marker, maxItems: input.MaxItems };
}

/** An enum member: the SDK's models carry no enum values, so these checks stay here (AWS's wording). */
export function enumValue<T extends string>(value: string | undefined, member: string, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw validationError(
    `1 validation error detected: Value at '${member}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`,
  );
}
