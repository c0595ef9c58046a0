import { lazy, Suspense, type ReactNode } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, Navigate, useNavigate, useSearchParams } from 'react-router';
import { prefetchInstanceList } from '../features/instances/api/describe-instances.ts';
import { RequireSession } from '../features/auth/RequireSession.tsx';
import { getSessionState } from '../session/session.ts';
import { useSession } from '../session/use-session.ts';
import { safeNextPath } from '../features/auth/next-path.ts';
import { SignInPage } from '../features/auth/SignInPage.tsx';
import { FullPageSpinner } from '../components/FullPageSpinner.tsx';
import { policyDetailsHref, policyEditHref, policyNameFromArn } from '../features/policies/model/routes.ts';
import { currentPreferences } from '../config/preferences.ts';
import { selectedRegion } from '../config/region.ts';
import type { ConsoleRouteHandle, Crumb } from './route-handle.ts';
import type { RuntimeConfig } from '../config/runtime-config.ts';

// Every page is its own chunk. The sign-in page is in the entry chunk: signed-out visitors see it before this router
// is loaded (src/app/SignInFirst.tsx).
const NewPasswordPage = lazy(() => import('../features/auth/NewPasswordPage.tsx'));
const ConsoleShell = lazy(() => import('./shell/ConsoleShell.tsx'));
const RolesPage = lazy(() => import('../features/roles/RolesPage.tsx'));
const CreateRolePage = lazy(() => import('../features/roles/create/CreateRolePage.tsx'));
const RoleDetailsPage = lazy(() => import('../features/roles/RoleDetailsPage.tsx'));
const PoliciesPage = lazy(() => import('../features/policies/PoliciesPage.tsx'));
const CreatePolicyPage = lazy(() => import('../features/policies/editor/CreatePolicyPage.tsx'));
const EditPolicyPage = lazy(() => import('../features/policies/editor/EditPolicyPage.tsx'));
const PolicyDetailsPage = lazy(() => import('../features/policies/details/PolicyDetailsPage.tsx'));
const InstancesPage = lazy(() => import('../features/instances/InstancesPage.tsx'));
const InstanceDetailsPage = lazy(() => import('../features/instances/InstanceDetailsPage.tsx'));
const NotFoundPage = lazy(() => import('./NotFoundPage.tsx'));

function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<FullPageSpinner label="Loading" />}>{children}</Suspense>;
}

/** Signed-in users who open /signin go to the console instead (to the page they asked for, if any). */
function SignedOutOnly({ children }: { children: ReactNode }) {
  const session = useSession();
  const [searchParams] = useSearchParams();
  if (session.status === 'restoring') return <FullPageSpinner label="Restoring your session" />;
  if (session.status === 'signed-in')
    return <Navigate to={safeNextPath(searchParams.get('next')) ?? '/roles'} replace />;
  return <Loading>{children}</Loading>;
}

/** The sign-in page inside the console, after a sign-out or a session that ended. */
function RoutedSignInPage() {
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  return (
    <SignInPage
      next={safeNextPath(searchParams.get('next'))}
      onSignedIn={async ({ path, replace }) => {
        await navigate(path, { replace });
      }}
    />
  );
}

const iam = { text: 'IAM', href: '/roles' };
const ec2 = { text: 'EC2', href: '/instances' };

/** The crumb of the policy a details or edit page shows: its name, as the roles and instances crumbs name theirs. */
function policyCrumb(arn: string): Crumb {
  return { text: policyNameFromArn(arn) || 'Policy', href: policyDetailsHref(arn) };
}

function consoleRoutes(queryClient: QueryClient, config: RuntimeConfig) {
  return [
    {
      path: '/signin',
      element: (
        <SignedOutOnly>
          <RoutedSignInPage />
        </SignedOutOnly>
      ),
    },
    {
      path: '/signin/new-password',
      element: (
        <SignedOutOnly>
          <NewPasswordPage />
        </SignedOutOnly>
      ),
    },
    {
      path: '/',
      element: (
        <RequireSession>
          <Loading>
            <ConsoleShell />
          </Loading>
        </RequireSession>
      ),
      children: [
        { index: true, element: <Navigate to="/roles" replace /> },
        {
          path: 'roles',
          element: <RolesPage />,
          handle: {
            breadcrumbs: [iam, { text: 'Roles', href: '/roles' }],
            contentType: 'table',
          } satisfies ConsoleRouteHandle,
        },
        {
          path: 'roles/create',
          element: <CreateRolePage />,
          handle: {
            breadcrumbs: [iam, { text: 'Roles', href: '/roles' }, { text: 'Create role', href: '/roles/create' }],
            contentType: 'wizard',
          } satisfies ConsoleRouteHandle,
        },
        {
          path: 'roles/:roleName',
          element: <RoleDetailsPage />,
          handle: {
            breadcrumbs: ({ roleName = '' }) => [
              iam,
              { text: 'Roles', href: '/roles' },
              { text: roleName, href: `/roles/${encodeURIComponent(roleName)}` },
            ],
          } satisfies ConsoleRouteHandle,
        },
        {
          path: 'policies',
          element: <PoliciesPage />,
          handle: {
            breadcrumbs: [iam, { text: 'Policies', href: '/policies' }],
            contentType: 'table',
          } satisfies ConsoleRouteHandle,
        },
        {
          path: 'policies/create',
          element: <CreatePolicyPage />,
          handle: {
            breadcrumbs: [
              iam,
              { text: 'Policies', href: '/policies' },
              { text: 'Create policy', href: '/policies/create' },
            ],
            contentType: 'form',
          } satisfies ConsoleRouteHandle,
        },
        {
          path: 'policies/details',
          element: <PolicyDetailsPage />,
          handle: {
            breadcrumbs: (_params, search) => [
              iam,
              { text: 'Policies', href: '/policies' },
              policyCrumb(search.get('arn') ?? ''),
            ],
          } satisfies ConsoleRouteHandle,
        },
        {
          path: 'policies/edit',
          element: <EditPolicyPage />,
          handle: {
            breadcrumbs: (_params, search) => {
              const arn = search.get('arn') ?? '';
              return [
                iam,
                { text: 'Policies', href: '/policies' },
                policyCrumb(arn),
                { text: 'Edit policy', href: policyEditHref(arn) },
              ];
            },
            contentType: 'form',
          } satisfies ConsoleRouteHandle,
        },
        {
          path: 'instances',
          // Signed-in only: a signed-out visitor is on the way to sign-in, and a fetch without credentials would fail.
          loader: () => {
            if (getSessionState().status === 'signed-in')
              prefetchInstanceList(queryClient, selectedRegion(config, currentPreferences().region));
            return null;
          },
          // The filter lives in the URL: changing it is no new visit to the page, and must not refetch the list.
          shouldRevalidate: () => false,
          element: <InstancesPage />,
          handle: {
            breadcrumbs: [ec2, { text: 'Instances', href: '/instances' }],
            contentType: 'table',
          } satisfies ConsoleRouteHandle,
        },
        {
          path: 'instances/:instanceId',
          element: <InstanceDetailsPage />,
          handle: {
            breadcrumbs: ({ instanceId = '' }) => [
              ec2,
              { text: 'Instances', href: '/instances' },
              { text: instanceId, href: `/instances/${encodeURIComponent(instanceId)}` },
            ],
          } satisfies ConsoleRouteHandle,
        },
        {
          path: '*',
          element: <NotFoundPage />,
          handle: { breadcrumbs: [{ text: 'Not found', href: '/' }] } satisfies ConsoleRouteHandle,
        },
      ],
    },
  ];
}

export function createConsoleRouter(queryClient: QueryClient, config: RuntimeConfig) {
  return createBrowserRouter(consoleRoutes(queryClient, config));
}
