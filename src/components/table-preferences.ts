/** A full-page table's display preferences, remembered in localStorage (never anything secret). */
import { useState } from 'react';

export interface TablePreferences {
  pageSize: number;
  visibleColumns: string[];
  wrapLines: boolean;
}

export interface TableColumn {
  readonly id: string;
  readonly label: string;
  readonly alwaysVisible?: boolean;
}

export const PAGE_SIZES = [10, 20, 50, 100] as const;

/** Stored preferences, keeping only what is still valid (known columns, offered page sizes); else the defaults. */
export function parseTablePreferences(raw: string | null, columns: readonly TableColumn[], defaults: TablePreferences): TablePreferences {
  if (!raw) return defaults;
  try {
    const value = JSON.parse(raw) as Partial<Record<keyof TablePreferences, unknown>>;
    const known = new Set<string>(columns.map((column) => column.id));
    const visible = Array.isArray(value.visibleColumns) ? value.visibleColumns.filter((id): id is string => typeof id === 'string' && known.has(id)) : [];
    const alwaysVisible = columns.filter((column) => column.alwaysVisible).map((column) => column.id);
    return {
      pageSize: PAGE_SIZES.includes(value.pageSize as (typeof PAGE_SIZES)[number]) ? (value.pageSize as number) : defaults.pageSize,
      visibleColumns: visible.length > 0 ? [...new Set([...alwaysVisible, ...visible])] : defaults.visibleColumns,
      wrapLines: value.wrapLines === true,
    };
  } catch {
    return defaults;
  }
}

export function useTablePreferences(
  storageKey: string,
  parse: (raw: string | null) => TablePreferences,
): [TablePreferences, (next: TablePreferences) => void] {
  const [preferences, setPreferences] = useState(() => {
    try {
      return parse(localStorage.getItem(storageKey));
    } catch {
      return parse(null);
    }
  });
  const update = (next: TablePreferences) => {
    setPreferences(next);
    try {
      localStorage.setItem(storageKey, JSON.stringify(next));
    } catch {
      // Unavailable storage only means the choice is not remembered.
    }
  };
  return [preferences, update];
}
