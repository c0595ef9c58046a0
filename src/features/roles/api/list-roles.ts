import { queryOptions } from '@tanstack/react-query';
import type { Role } from '@aws-sdk/client-iam';
import { iamQueries } from '../../../aws/iam-queries.ts';
import { trustedEntitiesOf, type TrustedEntity } from '../model/trusted-entities.ts';

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

/** The roles list as the roles pages show it: a view (`select`) of the one cached ListRoles walk. */
export const roleQueries = {
  list: () => queryOptions({ ...iamQueries.roles(), select: toSummaries }),
};

function toSummaries(roles: readonly Role[]): RoleSummary[] {
  return roles.map(toSummary);
}
