/** Page size and visible columns of the instances table, remembered in localStorage (no secrets). */
export interface InstancesTablePreferences {
  pageSize: number;
  wrapLines: boolean;
  contentDisplay: { id: string; visible: boolean }[];
}

export const COLUMN_IDS = ['name', 'instanceId', 'state', 'roleName', 'instanceType', 'availabilityZone', 'publicIp', 'privateIp', 'launchedAt'] as const;
const HIDDEN_BY_DEFAULT = new Set<string>(['privateIp', 'launchedAt']);
export const PAGE_SIZES = [10, 25, 50, 100] as const;

export const DEFAULT_PREFERENCES: InstancesTablePreferences = {
  pageSize: 25,
  wrapLines: false,
  contentDisplay: COLUMN_IDS.map((id) => ({ id, visible: !HIDDEN_BY_DEFAULT.has(id) })),
};

const STORAGE_KEY = 'iam-role-console:instances-table';

export function parseTablePreferences(raw: string | null): InstancesTablePreferences {
  if (!raw) return DEFAULT_PREFERENCES;
  try {
    const value = JSON.parse(raw) as Partial<InstancesTablePreferences>;
    const pageSize = PAGE_SIZES.includes(value.pageSize as (typeof PAGE_SIZES)[number]) ? (value.pageSize as number) : DEFAULT_PREFERENCES.pageSize;
    const stored = Array.isArray(value.contentDisplay)
      ? value.contentDisplay.filter((item) => (COLUMN_IDS as readonly string[]).includes(item?.id) && typeof item.visible === 'boolean')
      : [];
    // Columns added since the preferences were saved are appended with their defaults.
    const missing = DEFAULT_PREFERENCES.contentDisplay.filter((column) => !stored.some((item) => item.id === column.id));
    return { pageSize, wrapLines: value.wrapLines === true, contentDisplay: [...stored, ...missing] };
  } catch {
    return DEFAULT_PREFERENCES;
  }
}

export function loadTablePreferences(): InstancesTablePreferences {
  try {
    return parseTablePreferences(localStorage.getItem(STORAGE_KEY));
  } catch {
    return DEFAULT_PREFERENCES;
  }
}

export function saveTablePreferences(preferences: InstancesTablePreferences): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(preferences));
  } catch {
    // Unavailable storage only means the choice is not remembered.
  }
}
