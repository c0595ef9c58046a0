/** The policies table's columns and default display preferences. */
import { parseTablePreferences, useTablePreferences, type TablePreferences } from '../../../components/table-preferences.ts';

export const POLICY_COLUMNS = [
  { id: 'name', label: 'Policy name', alwaysVisible: true },
  { id: 'type', label: 'Type' },
  { id: 'usedAs', label: 'Used as' },
  { id: 'path', label: 'Path' },
  { id: 'created', label: 'Creation time' },
  { id: 'updated', label: 'Edited time' },
  { id: 'version', label: 'Default version' },
] as const;

const DEFAULTS: TablePreferences = {
  pageSize: 20,
  visibleColumns: ['name', 'type', 'usedAs', 'updated'],
  wrapLines: false,
};

function parsePoliciesTablePreferences(raw: string | null): TablePreferences {
  return parseTablePreferences(raw, POLICY_COLUMNS, DEFAULTS);
}

export function usePoliciesTablePreferences() {
  return useTablePreferences('iam-role-console:policies-table', parsePoliciesTablePreferences);
}
