import { queryOptions } from '@tanstack/react-query';
import type { Role } from '@aws-sdk/client-iam';
import { iamQueries } from '../../../aws/iam-queries.ts';
import { parsePolicyDocument, statementsOf } from '../../../aws/policy-document.ts';

export interface Ec2RoleSummary {
  name: string;
  arn: string;
  path: string;
}

const EC2_SERVICE = 'ec2.amazonaws.com';

/** Whether a trust policy lets EC2 assume the role (an Allow statement naming ec2.amazonaws.com). */
export function trustsEc2(assumeRolePolicyDocument: string | undefined): boolean {
  if (!assumeRolePolicyDocument) return false;
  try {
    return statementsOf(parsePolicyDocument(assumeRolePolicyDocument)).some((statement) => {
      if (statement.Effect !== 'Allow' || !statement.Principal || statement.Principal === '*') return false;
      const service = statement.Principal.Service;
      const services = Array.isArray(service) ? service : service ? [service] : [];
      return services.includes(EC2_SERVICE);
    });
  } catch {
    return false;
  }
}

function toSummary(role: Role): Ec2RoleSummary {
  return { name: role.RoleName ?? '', arn: role.Arn ?? '', path: role.Path ?? '/' };
}

/** Roles EC2 may assume, by name: the dialogs' view (`select`) of the one cached ListRoles walk. */
export function ec2RolesOf(roles: readonly Role[]): Ec2RoleSummary[] {
  return roles
    .filter((role) => trustsEc2(role.AssumeRolePolicyDocument))
    .map(toSummary)
    .sort((a, b) => a.name.localeCompare(b.name));
}

export const ec2RoleQueries = {
  trustingEc2: () =>
    queryOptions({
      ...iamQueries.roles(),
      select: ec2RolesOf,
      staleTime: 60_000,
    }),
};
