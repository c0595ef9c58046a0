import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useNavigate, useSearchParams } from 'react-router';
import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useRuntimeConfig } from '../../app/runtime-config-context.tsx';
import { describeSignInError } from './auth-errors.ts';
import { DemoSignIns } from './DemoSignIns.tsx';
import { signIn } from './session.ts';
import { useSession } from './use-session.ts';
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
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <Form
          actions={
            <Button variant="primary" formAction="submit" loading={formState.isSubmitting} loadingText="Signing in">
              Sign in
            </Button>
          }
          errorText={failure}
          errorIconAriaLabel="Error"
        >
          <Container header={<Header variant="h2">Sign in</Header>}>
            <SpaceBetween size="m">
              <Controller
                control={control}
                name="username"
                rules={{ validate: (value) => (value.trim() ? true : 'Enter your username.') }}
                render={({ field, fieldState }) => (
                  <FormField label="Username" errorText={fieldState.error?.message}>
                    <Input
                      value={field.value}
                      onChange={({ detail }) => field.onChange(detail.value)}
                      onBlur={field.onBlur}
                      ref={field.ref}
                      autoComplete="username"
                      autoFocus
                      disableBrowserAutocorrect
                      spellcheck={false}
                    />
                  </FormField>
                )}
              />
              <Controller
                control={control}
                name="password"
                rules={{ required: 'Enter your password.' }}
                render={({ field, fieldState }) => (
                  <FormField label="Password" errorText={fieldState.error?.message}>
                    <Input
                      type="password"
                      value={field.value}
                      onChange={({ detail }) => field.onChange(detail.value)}
                      onBlur={field.onBlur}
                      ref={field.ref}
                      autoComplete="current-password"
                    />
                  </FormField>
                )}
              />
            </SpaceBetween>
          </Container>
        </Form>
      </form>
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
