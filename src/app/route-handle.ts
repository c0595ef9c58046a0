/** Route metadata (react-router `handle`): the shell builds breadcrumbs and the side navigation from it. */
export interface Crumb {
  text: string;
  href: string;
}

export interface ConsoleRouteHandle {
  breadcrumbs: Crumb[];
  /** Cloudscape AppLayout content type of the page. */
  contentType?: 'default' | 'table' | 'form' | 'cards' | 'wizard';
}

export function isConsoleRouteHandle(value: unknown): value is ConsoleRouteHandle {
  return typeof value === 'object' && value !== null && Array.isArray((value as { breadcrumbs?: unknown }).breadcrumbs);
}
