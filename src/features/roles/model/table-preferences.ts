/** The roles table's display preferences, remembered in localStorage (never anything secret). */
import { useState } from 'react';

export interface RolesTablePreferences {
  pageSize: number;
  visibleColumns: string[];
  wrapLines: boolean;
}

export const ROLE_COLUMNS = [
  { id: 'name', label: 'Role name', alwaysVisible: true },
  { id: 'trusted', label: 'Trusted entities' },
  { id: 'profile', label: 'Instance profile' },
  { id: 'created', label: 'Creation time' },
  { id: 'description', label: 'Description' },
  { id: 'path', label: 'Path' },
  { id: 'maxSession', label: 'Maximum session duration' },
] as const;

export const PAGE_SIZES = [10, 20, 50, 100] as const;

const DEFAULTS: RolesTablePreferences = {
  pageSize: 20,
  visibleColumns: ['name', 'trusted', 'profile', 'created', 'description'],
  wrapLines: false,
};

const STORAGE_KEY = 'iam-role-console:roles-table';

export function parseRolesTablePreferences(raw: string | null): RolesTablePreferences {
  if (!raw) return DEFAULTS;
  try {
    const value = JSON.parse(raw) as Partial<Record<keyof RolesTablePreferences, unknown>>;
    const known = new Set<string>(ROLE_COLUMNS.map((column) => column.id));
    const columns = Array.isArray(value.visibleColumns) ? value.visibleColumns.filter((id): id is string => typeof id === 'string' && known.has(id)) : [];
    return {
      pageSize: PAGE_SIZES.includes(value.pageSize as (typeof PAGE_SIZES)[number]) ? (value.pageSize as number) : DEFAULTS.pageSize,
      visibleColumns: columns.length > 0 ? [...new Set(['name', ...columns])] : DEFAULTS.visibleColumns,
      wrapLines: value.wrapLines === true,
    };
  } catch {
    return DEFAULTS;
  }
}

function read(): RolesTablePreferences {
  try {
    return parseRolesTablePreferences(localStorage.getItem(STORAGE_KEY));
  } catch {
    return DEFAULTS;
  }
}

export function useRolesTablePreferences(): [RolesTablePreferences, (next: RolesTablePreferences) => void] {
  const [preferences, setPreferences] = useState(read);
  const update = (next: RolesTablePreferences) => {
    setPreferences(next);
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Unavailable storage only means the choice is not remembered.
    }
  };
  return [preferences, update];
}
