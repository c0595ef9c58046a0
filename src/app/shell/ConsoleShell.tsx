import { Suspense, useState } from 'react';
import { Outlet, useLocation, useMatches, useNavigate } from 'react-router';
import AppLayout from '@cloudscape-design/components/app-layout';
import BreadcrumbGroup from '@cloudscape-design/components/breadcrumb-group';
import SideNavigation from '@cloudscape-design/components/side-navigation';
import { NotificationsFlashbar, NotificationsProvider } from '../../components/notifications/index.ts';
import { FullPageSpinner } from '../../components/FullPageSpinner.tsx';
import { PageErrorBoundary } from '../../components/PageErrorBoundary.tsx';
import { isConsoleRouteHandle, type ConsoleRouteHandle, type Crumb } from '../route-handle.ts';
import { ConsoleTopNavigation } from './ConsoleTopNavigation.tsx';
import './shell.css';

const NAVIGATION_ITEMS = [
  {
    type: 'section' as const,
    text: 'IAM',
    items: [
      { type: 'link' as const, text: 'Roles', href: '/roles' },
      { type: 'link' as const, text: 'Policies', href: '/policies' },
    ],
  },
  {
    type: 'section' as const,
    text: 'EC2',
    items: [{ type: 'link' as const, text: 'Instances', href: '/instances' }],
  },
];

/** The deepest route's handle, with its breadcrumbs filled in from the route's params and query string. */
function useCurrentPage(): { contentType: ConsoleRouteHandle['contentType']; breadcrumbs: Crumb[] } | undefined {
  const matches = useMatches();
  const { search } = useLocation();
  for (let index = matches.length - 1; index >= 0; index--) {
    const match = matches[index];
    if (match && isConsoleRouteHandle(match.handle)) {
      const { breadcrumbs, contentType } = match.handle;
      return { contentType, breadcrumbs: typeof breadcrumbs === 'function' ? breadcrumbs(match.params, new URLSearchParams(search)) : breadcrumbs };
    }
  }
  return undefined;
}

/** Cloudscape's mobile breakpoint: below it the side navigation covers the page, so it starts closed. */
const MOBILE_MEDIA_QUERY = '(max-width: 688px)';

/**
 * Whether the side navigation is open. Wizards start with it closed, as Cloudscape's wizard layout does; the choice
 * made on the other pages is kept apart, so leaving a wizard opens it again.
 */
function useNavigationOpen(inWizard: boolean): [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(() => ({ page: !window.matchMedia(MOBILE_MEDIA_QUERY).matches, wizard: false }));
  const mode = inWizard ? 'wizard' : 'page';
  return [open[mode], (value) => setOpen((current) => ({ ...current, [mode]: value }))];
}

/** The signed-in console: top navigation, side navigation, breadcrumbs, notifications, and the page. */
export default function ConsoleShell() {
  const navigate = useNavigate();
  const location = useLocation();
  const page = useCurrentPage();
  const [navigationOpen, setNavigationOpen] = useNavigationOpen(page?.contentType === 'wizard');
  const activeHref = `/${location.pathname.split('/')[1] ?? ''}`;

  return (
    <NotificationsProvider>
      <div id="console-header" className="console-header">
        <ConsoleTopNavigation />
      </div>
      <AppLayout
        headerSelector="#console-header"
        contentType={page?.contentType ?? 'default'}
        toolsHide
        navigationOpen={navigationOpen}
        onNavigationChange={({ detail }) => setNavigationOpen(detail.open)}
        ariaLabels={{ navigation: 'Side navigation', navigationClose: 'Close side navigation', navigationToggle: 'Open side navigation' }}
        notifications={<NotificationsFlashbar />}
        breadcrumbs={
          page ? (
            <BreadcrumbGroup
              ariaLabel="Breadcrumbs"
              items={page.breadcrumbs}
              onFollow={(event) => {
                event.preventDefault();
                void navigate(event.detail.href);
              }}
            />
          ) : undefined
        }
        navigation={
          <SideNavigation
            header={{ text: 'IAM Role Console', href: '/roles' }}
            activeHref={activeHref}
            items={NAVIGATION_ITEMS}
            onFollow={(event) => {
              if (event.detail.external) return;
              event.preventDefault();
              void navigate(event.detail.href);
            }}
          />
        }
        content={
          <PageErrorBoundary key={location.pathname}>
            <Suspense fallback={<FullPageSpinner label="Loading page" />}>
              <Outlet />
            </Suspense>
          </PageErrorBoundary>
        }
      />
    </NotificationsProvider>
  );
}
