/** Route metadata (react-router `handle`): the shell builds breadcrumbs and the side navigation from it. */
export interface Crumb {
  text: string;
  href: string;
}

export interface ConsoleRouteHandle {
  /**
   * A function of the route's params and query string when the last crumb names the resource (the role name, the
   * instance id, the policy named by `?arn=`).
   */
  breadcrumbs: Crumb[] | ((params: Readonly<Record<string, string | undefined>>, search: URLSearchParams) => Crumb[]);
  /** Cloudscape AppLayout content type of the page. */
  contentType?: 'default' | 'table' | 'form' | 'cards' | 'wizard';
}

export function isConsoleRouteHandle(value: unknown): value is ConsoleRouteHandle {
  if (typeof value !== 'object' || value === null) return false;
  const breadcrumbs = (value as { breadcrumbs?: unknown }).breadcrumbs;
  return Array.isArray(breadcrumbs) || typeof breadcrumbs === 'function';
}
