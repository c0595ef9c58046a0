import { queryOptions } from '@tanstack/react-query';
import { iamClient } from './clients.ts';
import { roleKeys } from './iam-queries.ts';
import { readRoleExport } from './read-role-export.ts';

/** A role as an export as code reads it; under the role's key, so every change to the role refreshes it. */
export const roleExportQueries = {
  ofRole: (roleName: string, profileName?: string) =>
    queryOptions({
      queryKey: [...roleKeys.role(roleName), 'export', profileName ?? null] as const,
      queryFn: ({ signal }) => readRoleExport(iamClient(), roleName, { ...(profileName ? { profileName } : {}), signal }),
    }),
};
