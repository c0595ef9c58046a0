/** The paging and preferences controls shared by the full-page tables. */
import CollectionPreferences from '@cloudscape-design/components/collection-preferences';
import Pagination, { type PaginationProps } from '@cloudscape-design/components/pagination';
import { PAGE_SIZES, type TableColumn, type TablePreferences } from './table-preferences.ts';

export function TablePagination(props: PaginationProps) {
  return <Pagination {...props} ariaLabels={{ nextPageLabel: 'Next page', previousPageLabel: 'Previous page', pageLabel: (page) => `Page ${page}` }} />;
}

function columnDisplay(columns: readonly TableColumn[], preferences: TablePreferences) {
  return columns.map((column) => ({ id: column.id, visible: preferences.visibleColumns.includes(column.id) }));
}

/** The table's props that follow the preferences: which columns it shows, and whether lines wrap. */
export function tableDisplayProps(columns: readonly TableColumn[], preferences: TablePreferences) {
  return { wrapLines: preferences.wrapLines, columnDisplay: columnDisplay(columns, preferences) };
}

export interface TablePreferencesControlProps {
  columns: readonly TableColumn[];
  preferences: TablePreferences;
  onChange: (next: TablePreferences) => void;
  /** The rows in the plural, for the page size options ("20 roles"). */
  itemsNoun: string;
  wrapLinesDescription: string;
}

export function TablePreferencesControl({ columns, preferences, onChange, itemsNoun, wrapLinesDescription }: TablePreferencesControlProps) {
  return (
    <CollectionPreferences
      title="Preferences"
      confirmLabel="Confirm"
      cancelLabel="Cancel"
      preferences={{
        pageSize: preferences.pageSize,
        wrapLines: preferences.wrapLines,
        contentDisplay: columnDisplay(columns, preferences),
      }}
      pageSizePreference={{ title: 'Page size', options: PAGE_SIZES.map((size) => ({ value: size, label: `${size} ${itemsNoun}` })) }}
      wrapLinesPreference={{ label: 'Wrap lines', description: wrapLinesDescription }}
      contentDisplayPreference={{
        title: 'Columns',
        options: columns.map((column) => ({ id: column.id, label: column.label, ...(column.alwaysVisible ? { alwaysVisible: true } : {}) })),
      }}
      onConfirm={({ detail }) =>
        onChange({
          pageSize: detail.pageSize ?? preferences.pageSize,
          wrapLines: detail.wrapLines ?? preferences.wrapLines,
          visibleColumns: (detail.contentDisplay ?? []).filter((column) => column.visible).map((column) => column.id),
        })
      }
    />
  );
}
