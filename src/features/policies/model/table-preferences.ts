/** The policies table's display preferences, remembered in localStorage (never anything secret). */
import { useState } from 'react';

export interface PoliciesTablePreferences {
  pageSize: number;
  visibleColumns: string[];
  wrapLines: boolean;
}

export const POLICY_COLUMNS = [
  { id: 'name', label: 'Policy name', alwaysVisible: true },
  { id: 'type', label: 'Type' },
  { id: 'usedAs', label: 'Used as' },
  { id: 'path', label: 'Path' },
  { id: 'created', label: 'Creation time' },
  { id: 'updated', label: 'Edited time' },
  { id: 'version', label: 'Default version' },
] as const;

export const PAGE_SIZES = [10, 20, 50, 100] as const;

export const DEFAULT_POLICY_TABLE_PREFERENCES: PoliciesTablePreferences = {
  pageSize: 20,
  visibleColumns: ['name', 'type', 'usedAs', 'updated'],
  wrapLines: false,
};

const STORAGE_KEY = 'iam-role-console:policies-table';

export function parsePoliciesTablePreferences(raw: string | null): PoliciesTablePreferences {
  const defaults = DEFAULT_POLICY_TABLE_PREFERENCES;
  if (!raw) return defaults;
  try {
    const value = JSON.parse(raw) as Partial<Record<keyof PoliciesTablePreferences, unknown>>;
    const known = new Set<string>(POLICY_COLUMNS.map((column) => column.id));
    const columns = Array.isArray(value.visibleColumns) ? value.visibleColumns.filter((id): id is string => typeof id === 'string' && known.has(id)) : [];
    return {
      pageSize: PAGE_SIZES.includes(value.pageSize as (typeof PAGE_SIZES)[number]) ? (value.pageSize as number) : defaults.pageSize,
      visibleColumns: columns.length > 0 ? [...new Set(['name', ...columns])] : defaults.visibleColumns,
      wrapLines: value.wrapLines === true,
    };
  } catch {
    return defaults;
  }
}

function read(): PoliciesTablePreferences {
  try {
    return parsePoliciesTablePreferences(localStorage.getItem(STORAGE_KEY));
  } catch {
    return DEFAULT_POLICY_TABLE_PREFERENCES;
  }
}

export function usePoliciesTablePreferences(): [PoliciesTablePreferences, (next: PoliciesTablePreferences) => void] {
  const [preferences, setPreferences] = useState(read);
  const update = (next: PoliciesTablePreferences) => {
    setPreferences(next);
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Unavailable storage only means the choice is not remembered.
    }
  };
  return [preferences, update];
}
