import { AwsError } from '../../protocols/aws-error.ts';

/** Cognito identity-pool errors: HTTP 400 with `{"__type": code, "message": …}`, as the real service answers. */

export function notAuthorized(message: string): AwsError {
  return new AwsError('NotAuthorizedException', message);
}

export function unauthenticatedNotSupported(): AwsError {
  return notAuthorized('Unauthenticated access is not supported for this identity pool.');
}

export function unsupportedProvider(): AwsError {
  return notAuthorized('Token is not from a supported provider of this identity pool.');
}

/** `detail` follows "Invalid login token. ", e.g. "Token expired: 1754028847 >= 1754027905". */
export function invalidLoginToken(detail: string): AwsError {
  return notAuthorized(`Invalid login token. ${detail}`);
}

export function loginsDoNotMatch(): AwsError {
  return notAuthorized("Logins don't match. Please include at least one valid login for this identity or identity pool.");
}

export function ambiguousRoleDenied(): AwsError {
  return notAuthorized('The ambiguous role mapping rules denied this request.');
}

export function invalidPoolConfiguration(): AwsError {
  return new AwsError('InvalidIdentityPoolConfigurationException', 'Invalid identity pool configuration. Check assigned IAM roles for this pool.');
}

export function identityPoolNotFound(identityPoolId: string): AwsError {
  return new AwsError('ResourceNotFoundException', `IdentityPool '${identityPoolId}' not found.`);
}

export function identityNotFound(identityId: string): AwsError {
  return new AwsError('ResourceNotFoundException', `Identity '${identityId}' not found.`);
}

export function invalidParameter(message: string): AwsError {
  return new AwsError('InvalidParameterException', message);
}


export function patternViolation(member: string, value: string, pattern: string): AwsError {
  return invalidParameter(
    `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${pattern}`,
  );
}

export function accessDenied(message: string): AwsError {
  return new AwsError('AccessDeniedException', message);
}
