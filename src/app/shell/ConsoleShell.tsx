import { Suspense } from 'react';
import { Outlet, useLocation, useMatches, useNavigate } from 'react-router';
import AppLayout from '@cloudscape-design/components/app-layout';
import BreadcrumbGroup from '@cloudscape-design/components/breadcrumb-group';
import SideNavigation from '@cloudscape-design/components/side-navigation';
import { NotificationsFlashbar, NotificationsProvider } from '../../components/notifications/index.ts';
import { FullPageSpinner } from '../../components/FullPageSpinner.tsx';
import { PageErrorBoundary } from '../../components/PageErrorBoundary.tsx';
import { isConsoleRouteHandle, type ConsoleRouteHandle } from '../route-handle.ts';
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

function useCurrentHandle(): ConsoleRouteHandle | undefined {
  const matches = useMatches();
  for (let index = matches.length - 1; index >= 0; index--) {
    const handle = matches[index]?.handle;
    if (isConsoleRouteHandle(handle)) return handle;
  }
  return undefined;
}

/** The signed-in console: top navigation, side navigation, breadcrumbs, notifications, and the page. */
export default function ConsoleShell() {
  const navigate = useNavigate();
  const location = useLocation();
  const handle = useCurrentHandle();
  const activeHref = `/${location.pathname.split('/')[1] ?? ''}`;

  return (
    <NotificationsProvider>
      <div id="console-header" className="console-header">
        <ConsoleTopNavigation />
      </div>
      <AppLayout
        headerSelector="#console-header"
        contentType={handle?.contentType ?? 'default'}
        toolsHide
        ariaLabels={{ navigation: 'Side navigation', navigationClose: 'Close side navigation', navigationToggle: 'Open side navigation' }}
        notifications={<NotificationsFlashbar />}
        breadcrumbs={
          handle ? (
            <BreadcrumbGroup
              ariaLabel="Breadcrumbs"
              items={handle.breadcrumbs}
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
