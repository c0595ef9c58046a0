import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate, useSearchParams } from 'react-router';
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import { useRuntimeConfig } from '../../config/runtime-config-context.tsx';
import { describeSignInError } from './auth-errors.ts';
import { DemoSignIns } from './DemoSignIns.tsx';
import { signIn } from '../../session/session.ts';
import { useSession } from '../../session/use-session.ts';
import { SignInField, SignInForm } from './SignInForm.tsx';
import { SignInLayout } from './SignInLayout.tsx';
import { safeNextPath } from './next-path.ts';

interface SignInValues {
  username: string;
  password: string;
}

export default function SignInPage() {
  const config = useRuntimeConfig();
  const session = useSession();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const [failure, setFailure] = useState<string>();
  const { control, handleSubmit, setValue, formState } = useForm<SignInValues>({
    defaultValues: { username: '', password: '' },
  });

  const onSubmit = handleSubmit(async ({ username, password }) => {
    setFailure(undefined);
    try {
      const result = await signIn(username.trim(), password);
      if (result === 'new-password-required') {
        await navigate(`/signin/new-password${next ? `?next=${encodeURIComponent(next)}` : ''}`);
      } else {
        await navigate(next ?? '/roles', { replace: true });
      }
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
        actions={
          <Button variant="primary" formAction="submit" loading={formState.isSubmitting} loadingText="Signing in">
            Sign in
          </Button>
        }
      >
        <SignInField
          control={control}
          name="username"
          label="Username"
          rules={{ validate: (value) => (value.trim() ? true : 'Enter your username.') }}
          autoComplete="username"
          autoFocus
          plainText
        />
        <SignInField control={control} name="password" label="Password" rules={{ required: 'Enter your password.' }} type="password" autoComplete="current-password" />
      </SignInForm>
      {config.mode === 'local' && config.demoUsers.length > 0 ? (
        <DemoSignIns
          users={config.demoUsers}
          onFill={(user) => {
            setFailure(undefined);
            setValue('username', user.username, { shouldValidate: true });
            setValue('password', user.password, { shouldValidate: true });
          }}
        />
      ) : null}
    </SignInLayout>
  );
}
