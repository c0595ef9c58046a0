import { queryOptions } from '@tanstack/react-query';
import { ListRolesCommand, type Role } from '@aws-sdk/client-iam';
import { iamClient } from '../../../aws/clients.ts';
import { trustedEntitiesOf, type TrustedEntity } from '../model/trusted-entities.ts';
import { roleKeys, signalOption } from './keys.ts';

export interface RoleSummary {
  name: string;
  path: string;
  arn: string;
  roleId: string;
  createdAt?: Date;
  description?: string;
  maxSessionDuration?: number;
  trustedEntities: TrustedEntity[];
}

function toSummary(role: Role): RoleSummary {
  return {
    name: role.RoleName ?? '',
    path: role.Path ?? '/',
    arn: role.Arn ?? '',
    roleId: role.RoleId ?? '',
    ...(role.CreateDate ? { createdAt: role.CreateDate } : {}),
    ...(role.Description ? { description: role.Description } : {}),
    ...(role.MaxSessionDuration ? { maxSessionDuration: role.MaxSessionDuration } : {}),
    trustedEntities: trustedEntitiesOf(role.AssumeRolePolicyDocument),
  };
}

/** ListRoles, 1,000 per call, following Marker until IsTruncated is false (IAM may return short pages). */
export async function listAllRoles(signal?: AbortSignal): Promise<RoleSummary[]> {
  const roles: RoleSummary[] = [];
  let marker: string | undefined;
  do {
    const page = await iamClient().send(new ListRolesCommand({ MaxItems: 1000, ...(marker ? { Marker: marker } : {}) }), signalOption(signal));
    for (const role of page.Roles ?? []) roles.push(toSummary(role));
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return roles;
}

/** Query options of the roles feature; `roleQueries.all()` is the key every role mutation invalidates. */
export const roleQueries = {
  all: roleKeys.all,
  list: () =>
    queryOptions({
      queryKey: roleKeys.list(),
      queryFn: ({ signal }) => listAllRoles(signal),
    }),
};
