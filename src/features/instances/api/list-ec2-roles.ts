import { queryOptions } from '@tanstack/react-query';
import { ListRolesCommand, type Role } from '@aws-sdk/client-iam';
import { iamClient } from '../../../aws/clients.ts';
import { parsePolicyDocument, statementsOf } from '../../../aws/policy-document.ts';
import { iamKeys } from './keys.ts';

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

/** ListRoles (all pages, 1,000 per call), keeping the roles EC2 may assume. */
export async function listEc2Roles(signal?: AbortSignal): Promise<Ec2RoleSummary[]> {
  const roles: Ec2RoleSummary[] = [];
  let marker: string | undefined;
  do {
    const page = await iamClient().send(new ListRolesCommand({ MaxItems: 1000, ...(marker ? { Marker: marker } : {}) }), {
      ...(signal ? { abortSignal: signal } : {}),
    });
    for (const role of page.Roles ?? []) if (trustsEc2(role.AssumeRolePolicyDocument)) roles.push(toSummary(role));
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return roles.sort((a, b) => a.name.localeCompare(b.name));
}

export const ec2RoleQueries = {
  trustingEc2: () =>
    queryOptions({
      queryKey: [...iamKeys.roles(), 'trusting-ec2'] as const,
      queryFn: ({ signal }) => listEc2Roles(signal),
      staleTime: 60_000,
    }),
};
