import { StrictMode, useState } from 'react';
import { SignInPage, type SignInDestination } from '../features/auth/SignInPage.tsx';
import { safeNextPath, signInPathFor } from '../features/auth/next-path.ts';
import { RuntimeConfigProvider } from '../config/runtime-config-context.tsx';
import type { RuntimeConfig } from '../config/runtime-config.ts';

/**
 * Where a signed-out visitor's address leads: /signin stays (with the page it came from as `next`), the
 * new-password step needs a sign-in first, and any console page becomes /signin?next=<that page>, as the router's
 * RequireSession would send it.
 */
export function signInFirstPath({ pathname, search }: { pathname: string; search: string }): string {
  if (pathname === '/signin') return `${pathname}${search}`;
  if (pathname.startsWith('/signin/')) return '/signin';
  return signInPathFor(`${pathname}${search}`);
}

/**
 * A signed-out visitor's first page: the sign-in form alone, before the console (router, query cache, Cloudscape's
 * i18n messages, shell) and the AWS SDK are loaded. The console is fetched when the user starts typing, and opened
 * once signed in, at the destination the sign-in chose.
 */
export function SignInFirst({
  config,
  prefetchConsole,
  openConsole,
}: {
  config: RuntimeConfig;
  prefetchConsole(): void;
  openConsole(): Promise<void>;
}) {
  const [next] = useState(() => safeNextPath(new URLSearchParams(window.location.search).get('next')));
  const onSignedIn = async ({ path, replace }: SignInDestination) => {
    if (replace) window.history.replaceState(null, '', path);
    else window.history.pushState(null, '', path);
    await openConsole();
  };
  return (
    <StrictMode>
      <RuntimeConfigProvider config={config}>
        <SignInPage next={next} onSignedIn={onSignedIn} onInput={prefetchConsole} />
      </RuntimeConfigProvider>
    </StrictMode>
  );
}
