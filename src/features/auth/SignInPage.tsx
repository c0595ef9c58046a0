import { useState } from 'react';
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import { useRuntimeConfig } from '../../config/runtime-config-context.tsx';
import { describeSignInError } from './auth-errors.ts';
import { DemoSignIns } from './DemoSignIns.tsx';
import { prepareSignIn, signIn, type SignInResult } from '../../session/session.ts';
import { useSession } from '../../session/use-session.ts';
import { SignInField, SignInForm } from './SignInForm.tsx';
import { SignInLayout } from './SignInLayout.tsx';
import { useSignInForm } from './use-sign-in-form.ts';

/** Where the sign-in page goes once Cognito has answered. */
export interface SignInDestination {
  path: string;
  /** Replace the sign-in entry in the history (the console page) or add one (the new-password step). */
  replace: boolean;
}

export function destinationAfterSignIn(result: SignInResult, next: string | undefined): SignInDestination {
  return result === 'new-password-required'
    ? { path: `/signin/new-password${next ? `?next=${encodeURIComponent(next)}` : ''}`, replace: false }
    : { path: next ?? '/roles', replace: true };
}

export interface SignInPageProps {
  /** The page asked for before sign-in, already checked with safeNextPath. */
  next: string | undefined;
  /** Goes on after a successful sign-in step; the button keeps showing "Signing in" until it settles. */
  onSignedIn(destination: SignInDestination): Promise<void>;
  /** Called when the user types or fills the form (and on submit): time to fetch what comes after signing in. */
  onInput?(): void;
}

/**
 * The sign-in form. It knows no router: the console's router shows it at /signin, and before the console is loaded
 * src/app/sign-in-first.tsx shows it alone, so the first page a signed-out user sees loads neither the router nor the
 * AWS SDK. The SDK (Cognito) is fetched when the user starts typing, and a submit waits for it.
 */
export function SignInPage({ next, onSignedIn, onInput }: SignInPageProps) {
  const config = useRuntimeConfig();
  const session = useSession();
  const [failure, setFailure] = useState<string>();
  const form = useSignInForm(
    { username: '', password: '' },
    {
      username: (value) => (value.trim() ? undefined : 'Enter your username.'),
      password: (value) => (value ? undefined : 'Enter your password.'),
    },
  );

  // Runs on every input; after the first, the imports it starts resolve from the browser's module map.
  const prepare = () => {
    prepareSignIn();
    onInput?.();
  };

  const onSubmit = form.handleSubmit(async ({ username, password }) => {
    setFailure(undefined);
    prepare();
    try {
      await onSignedIn(destinationAfterSignIn(await signIn(username.trim(), password), next));
    } catch (error) {
      setFailure(describeSignInError(error, username.trim()));
    }
  });

  const notice =
    session.status === 'signed-out' && session.reason === 'expired'
      ? 'Your session ended. Sign in again to continue.'
      : session.status === 'signed-out' && session.reason === 'signed-out'
        ? 'You are signed out.'
        : undefined;

  return (
    <SignInLayout>
      {notice && !failure ? <Alert type="info">{notice}</Alert> : null}
      <SignInForm
        title="Sign in"
        failure={failure}
        onSubmit={onSubmit}
        onInput={prepare}
        actions={
          <Button variant="primary" formAction="submit" loading={form.isSubmitting} loadingText="Signing in">
            Sign in
          </Button>
        }
      >
        <SignInField {...form.field('username')} label="Username" autoComplete="username" autoFocus plainText />
        <SignInField {...form.field('password')} label="Password" type="password" autoComplete="current-password" />
      </SignInForm>
      {config.mode === 'local' && config.demoUsers.length > 0 ? (
        <DemoSignIns
          users={config.demoUsers}
          onFill={(user) => {
            prepare();
            setFailure(undefined);
            form.setValue('username', user.username);
            form.setValue('password', user.password);
          }}
        />
      ) : null}
    </SignInLayout>
  );
}
