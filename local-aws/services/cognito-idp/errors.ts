import { AwsError } from '../../protocols/aws-error.ts';

/**
 * Cognito user-pool errors. Real Cognito answers these with HTTP 400 and a JSON body
 * `{"__type": code, "message": …}` (the SDK picks the exception by `__type`, not by status).
 */

export function notAuthorized(message: string): AwsError {
  return new AwsError('NotAuthorizedException', message);
}

/** Also what an unknown user gets when the pool has PreventUserExistenceErrors enabled (the default for new pools). */
export function incorrectUsernameOrPassword(): AwsError {
  return notAuthorized('Incorrect username or password.');
}

export function userNotFound(): AwsError {
  return new AwsError('UserNotFoundException', 'User does not exist.');
}

export function userNotConfirmed(): AwsError {
  return new AwsError('UserNotConfirmedException', 'User is not confirmed.');
}

export function passwordResetRequired(): AwsError {
  return new AwsError('PasswordResetRequiredException', 'Password reset required for the user');
}

export function invalidPassword(message: string): AwsError {
  return new AwsError('InvalidPasswordException', message);
}

export function invalidParameter(message: string): AwsError {
  return new AwsError('InvalidParameterException', message);
}


export function enumViolation(member: string, value: string, allowed: readonly string[]): AwsError {
  return invalidParameter(
    `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`,
  );
}

export function missingAuthParameter(name: string): AwsError {
  return invalidParameter(`Missing required parameter ${name}`);
}

export function unknownClient(clientId: string): AwsError {
  return new AwsError('ResourceNotFoundException', `User pool client ${clientId} does not exist.`);
}

export function unknownUserPool(userPoolId: string): AwsError {
  return new AwsError('ResourceNotFoundException', `User pool ${userPoolId} does not exist.`);
}

export function accessDenied(message: string): AwsError {
  return new AwsError('AccessDeniedException', message);
}

export function resourceNotFound(message: string): AwsError {
  return new AwsError('ResourceNotFoundException', message);
}

export function usernameExists(): AwsError {
  return new AwsError('UsernameExistsException', 'User account already exists');
}

/** RESEND for a user who is no longer waiting for their first sign-in. (Wording not verified against AWS.) */
export function unsupportedUserState(status: string): AwsError {
  return new AwsError('UnsupportedUserStateException', `Resend not possible. ${status} status user can not be resent an invitation.`);
}

/** The service frontend's checks of a request member; several are reported together, as AWS does. */
export function validationErrors(problems: readonly string[]): AwsError {
  const count = problems.length;
  return invalidParameter(`${count} validation error${count === 1 ? '' : 's'} detected: ${problems.join('; ')}`);
}

/** A member of the wrong JSON type. AWS's own text names internal Java classes; this says which member instead. */
export function serialization(member: string): AwsError {
  return new AwsError('SerializationException', `Unexpected JSON type for ${member}`);
}
