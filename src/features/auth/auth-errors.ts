import { describeAwsError } from '../../aws/errors.ts';

/** Cognito sign-in failures in plain words. */
export function describeSignInError(error: unknown, username?: string): string {
  const name = typeof error === 'object' && error !== null ? String((error as { name?: unknown }).name ?? '') : '';
  const message = typeof error === 'object' && error !== null ? String((error as { message?: unknown }).message ?? '') : '';
  switch (name) {
    case 'NotAuthorizedException':
      if (/attempts exceeded/i.test(message)) return 'Too many failed attempts. Wait a few minutes, then try again.';
      if (/disabled/i.test(message)) return 'This user is disabled. Ask your administrator to enable it.';
      if (/session is expired|invalid session/i.test(message)) return 'The sign-in took too long. Sign in again.';
      if (/incorrect username or password/i.test(message)) return 'The username or password is wrong. Check both and try again.';
      return message || 'Cognito refused the sign-in.';
    case 'UserNotFoundException':
      return username ? `There is no user named “${username}”. Check the username.` : 'There is no user with that name.';
    case 'InvalidPasswordException':
      return `The new password does not meet the password policy: ${passwordPolicyDetail(message)}`;
    case 'PasswordResetRequiredException':
      return 'Your password must be reset before you can sign in. Ask your administrator.';
    case 'UserNotConfirmedException':
      return 'This user is not confirmed yet. Ask your administrator to confirm it.';
    case 'TooManyRequestsException':
    case 'LimitExceededException':
      return 'Too many sign-in attempts right now. Wait a moment, then try again.';
    case 'CodeMismatchException':
    case 'ExpiredCodeException':
      return 'The sign-in step expired. Sign in again.';
    case 'ResourceNotFoundException':
      return 'The user pool or app client in config.json does not exist. Check the console configuration.';
    case 'SignInCodeUnavailableError':
      return 'The console could not load the code it signs in with from its server. Check your network connection, reload the page, then sign in again.';
    case 'InvalidParameterException':
      return message || 'Cognito rejected the request.';
    default:
      return describeAwsError(error).message;
  }
}

/** "Password does not conform to policy: Password must have uppercase characters" → the readable tail. */
function passwordPolicyDetail(message: string): string {
  const tail = message.replace(/^.*?policy:\s*/i, '').trim();
  const text = tail || message || 'it was rejected';
  return text.endsWith('.') ? text : `${text}.`;
}
