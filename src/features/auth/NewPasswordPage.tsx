import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { describeSignInError } from './auth-errors.ts';
import { PASSWORD_RULES, unmetPasswordRules } from './password-policy.ts';
import { completeNewPassword, pendingNewPasswordChallenge } from '../../session/session.ts';
import { SignInField, SignInForm } from './SignInForm.tsx';
import { SignInLayout } from './SignInLayout.tsx';
import { safeNextPath } from './next-path.ts';
import { useSignInForm } from './use-sign-in-form.ts';

export default function NewPasswordPage() {
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const [challenge] = useState(pendingNewPasswordChallenge);
  const [failure, setFailure] = useState<string>();
  const form = useSignInForm(
    { newPassword: '', confirmation: '' },
    {
      newPassword: (value) => {
        const unmet = unmetPasswordRules(value);
        return unmet.length === 0 ? undefined : `The password needs: ${unmet.map((rule) => rule.label.toLowerCase()).join(', ')}.`;
      },
      confirmation: (value, values) => (value === values.newPassword ? undefined : 'The passwords do not match.'),
    },
  );
  const { newPassword } = form.values;

  if (!challenge) return <Navigate to="/signin" replace />;

  const onSubmit = form.handleSubmit(async ({ newPassword: password }) => {
    setFailure(undefined);
    try {
      const result = await completeNewPassword(password);
      if (result === 'signed-in') await navigate(next ?? '/roles', { replace: true });
      else setFailure('Cognito still asks for a new password. Choose a different one.');
    } catch (error) {
      setFailure(describeSignInError(error, challenge.username));
    }
  });

  return (
    <SignInLayout>
      <Alert type="info" header="Choose a new password">
        This is the first sign-in of <strong>{challenge.username}</strong>. The password you used was temporary: set your own to
        continue.
      </Alert>
      <SignInForm
        title="New password"
        failure={failure}
        onSubmit={onSubmit}
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={() => void navigate('/signin', { replace: true })}>
              Cancel
            </Button>
            <Button variant="primary" formAction="submit" loading={form.isSubmitting} loadingText="Saving password">
              Set password and sign in
            </Button>
          </SpaceBetween>
        }
      >
        <SignInField {...form.field('newPassword')} label="New password" type="password" autoComplete="new-password" autoFocus />
        <Box>
          <Box variant="small" color="text-body-secondary">
            Password requirements
          </Box>
          <ul className="password-rules" aria-label="Password requirements">
            {PASSWORD_RULES.map((rule) => (
              <li key={rule.id}>
                <StatusIndicator type={rule.test(newPassword) ? 'success' : 'pending'} colorOverride={rule.test(newPassword) ? undefined : 'grey'}>
                  {rule.label}
                </StatusIndicator>
              </li>
            ))}
          </ul>
        </Box>
        <SignInField {...form.field('confirmation')} label="Confirm new password" type="password" autoComplete="new-password" />
      </SignInForm>
    </SignInLayout>
  );
}
