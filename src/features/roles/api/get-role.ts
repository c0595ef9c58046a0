import { queryOptions } from '@tanstack/react-query';
import { GetRoleCommand } from '@aws-sdk/client-iam';
import { iamClient } from '../../../aws/clients.ts';
import { decodePolicyDocumentText } from '../../../aws/policy-document.ts';
import { trustedEntitiesOf, type TrustedEntity } from '../model/trusted-entities.ts';
import { roleKeys, signalOption } from '../../../aws/iam-queries.ts';

export interface RoleDetails {
  name: string;
  path: string;
  arn: string;
  roleId: string;
  createdAt?: Date;
  description: string;
  maxSessionDuration: number;
  /** The trust policy as readable JSON (IAM sends it URL-encoded), pretty-printed when it parses. */
  trustPolicy: string;
  trustedEntities: TrustedEntity[];
  boundaryArn?: string;
  lastUsed?: { date?: Date; region?: string };
}

export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 4);
  } catch {
    return text;
  }
}

export async function getRole(roleName: string, signal?: AbortSignal): Promise<RoleDetails> {
  const output = await iamClient().send(new GetRoleCommand({ RoleName: roleName }), signalOption(signal));
  const role = output.Role;
  if (!role) throw new Error(`IAM answered GetRole without the role ${roleName}.`);
  const wireTrust = role.AssumeRolePolicyDocument ?? '';
  const lastUsed = role.RoleLastUsed;
  return {
    name: role.RoleName ?? roleName,
    path: role.Path ?? '/',
    arn: role.Arn ?? '',
    roleId: role.RoleId ?? '',
    ...(role.CreateDate ? { createdAt: role.CreateDate } : {}),
    description: role.Description ?? '',
    maxSessionDuration: role.MaxSessionDuration ?? 3600,
    trustPolicy: wireTrust ? prettyJson(decodePolicyDocumentText(wireTrust)) : '',
    trustedEntities: trustedEntitiesOf(wireTrust),
    ...(role.PermissionsBoundary?.PermissionsBoundaryArn ? { boundaryArn: role.PermissionsBoundary.PermissionsBoundaryArn } : {}),
    ...(lastUsed?.LastUsedDate || lastUsed?.Region
      ? { lastUsed: { ...(lastUsed.LastUsedDate ? { date: lastUsed.LastUsedDate } : {}), ...(lastUsed.Region ? { region: lastUsed.Region } : {}) } }
      : {}),
  };
}

export const roleDetailQueries = {
  detail: (roleName: string) =>
    queryOptions({
      queryKey: roleKeys.detail(roleName),
      queryFn: ({ signal }) => getRole(roleName, signal),
      // A deleted or mistyped role is not worth asking twice.
      retry: false,
    }),
};
