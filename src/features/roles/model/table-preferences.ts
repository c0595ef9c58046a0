/** The roles table's columns and default display preferences. */
import { parseTablePreferences, useTablePreferences, type TablePreferences } from '../../../components/table-preferences.ts';

export const ROLE_COLUMNS = [
  { id: 'name', label: 'Role name', alwaysVisible: true },
  { id: 'trusted', label: 'Trusted entities' },
  { id: 'profile', label: 'Instance profile' },
  { id: 'created', label: 'Creation time' },
  { id: 'description', label: 'Description' },
  { id: 'path', label: 'Path' },
  { id: 'maxSession', label: 'Maximum session duration' },
] as const;

const DEFAULTS: TablePreferences = {
  pageSize: 20,
  visibleColumns: ['name', 'trusted', 'profile', 'created', 'description'],
  wrapLines: false,
};

export function parseRolesTablePreferences(raw: string | null): TablePreferences {
  return parseTablePreferences(raw, ROLE_COLUMNS, DEFAULTS);
}

export function useRolesTablePreferences() {
  return useTablePreferences('iam-role-console:roles-table', parseRolesTablePreferences);
}
