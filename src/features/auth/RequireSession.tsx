import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { FullPageSpinner } from '../../components/FullPageSpinner.tsx';
import { signInPathFor } from './next-path.ts';
import { useSession } from '../../session/use-session.ts';

/**
 * Guards every console route: renders nothing of the console unless the session is signed in, so after
 * sign-out the Back button lands here and is sent to the sign-in page instead of showing old data.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'restoring') return <FullPageSpinner label="Restoring your session" />;
  if (session.status !== 'signed-in') {
    return <Navigate to={signInPathFor(`${location.pathname}${location.search}`)} replace />;
  }
  return children;
}
