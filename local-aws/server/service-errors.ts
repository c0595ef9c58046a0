/**
 * Errors the server itself raises (authentication, routing, throttling, internal failures),
 * worded as each service words them. IAM and STS share the awsQuery family, EC2 has its own
 * codes, and the JSON services (Cognito) use the *Exception names with HTTP 400.
 */
import { AwsError } from '../protocols/aws-error.ts';
import type { ServiceName } from '../protocols/operation.ts';
import type { SigV4Failure } from './sigv4.ts';
import { SIGNATURE_MISMATCH_MESSAGE } from './sigv4.ts';

type Family = 'query' | 'ec2' | 'json';

function familyOf(service: ServiceName): Family {
  if (service === 'ec2') return 'ec2';
  if (service === 'cognito-idp' || service === 'cognito-identity') return 'json';
  return 'query';
}

const INVALID_TOKEN = 'The security token included in the request is invalid.';
const EXPIRED_TOKEN = 'The security token included in the request is expired';

/** Maps a SigV4 verification failure to the addressed service's error. */
export function authError(service: ServiceName, failure: SigV4Failure): AwsError {
  const family = familyOf(service);
  switch (failure.kind) {
    case 'missing':
      if (family === 'ec2') return new AwsError('MissingParameter', 'The request must contain the parameter AWSAccessKeyId', 400);
      if (family === 'json') return new AwsError('MissingAuthenticationTokenException', 'Missing Authentication Token', 400);
      return new AwsError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
    case 'incomplete':
      return new AwsError(family === 'json' ? 'IncompleteSignatureException' : 'IncompleteSignature', failure.message, 400);
    case 'invalid-client-token':
      if (family === 'ec2') return new AwsError('AuthFailure', 'AWS was not able to validate the provided access credentials', 401);
      if (family === 'json') return new AwsError('UnrecognizedClientException', INVALID_TOKEN, 400);
      return new AwsError('InvalidClientTokenId', INVALID_TOKEN, 403);
    case 'signature-mismatch':
      if (family === 'json') return new AwsError('InvalidSignatureException', failure.message || SIGNATURE_MISMATCH_MESSAGE, 400);
      return new AwsError('SignatureDoesNotMatch', failure.message || SIGNATURE_MISMATCH_MESSAGE, 403);
    case 'signature-expired':
      if (family === 'ec2') return new AwsError('RequestExpired', 'Request has expired.', 400);
      if (family === 'json') return new AwsError('InvalidSignatureException', failure.message, 400);
      return new AwsError('SignatureDoesNotMatch', failure.message, 403);
    case 'expired-token':
      if (family === 'ec2') return new AwsError('RequestExpired', 'Request has expired.', 400);
      if (family === 'json') return new AwsError('ExpiredTokenException', EXPIRED_TOKEN, 400);
      return new AwsError('ExpiredToken', EXPIRED_TOKEN, 403);
  }
}

/** Answer to a call when fault injection says "throttle". */
export function throttlingError(service: ServiceName): AwsError {
  const family = familyOf(service);
  if (family === 'ec2') return new AwsError('RequestLimitExceeded', 'Request limit exceeded.', 503, 'Receiver');
  if (family === 'json') return new AwsError('TooManyRequestsException', 'Rate exceeded', 400);
  return new AwsError('Throttling', 'Rate exceeded', 400);
}

/** The service's 500 for an unexpected failure. */
export function internalError(service: ServiceName): AwsError {
  switch (service) {
    case 'iam':
      return new AwsError('ServiceFailure', 'The request processing has failed because of an unknown error, exception or failure.', 500);
    case 'sts':
      return new AwsError('InternalFailure', 'The request processing has failed because of an unknown error, exception or failure.', 500);
    case 'ec2':
      return new AwsError('InternalError', 'An internal error has occurred', 500);
    default:
      return new AwsError('InternalErrorException', 'An internal error occurred.', 500);
  }
}

/** Bug guard: a signed operation finished without asking for authorization. */
export function missingAuthorizationCheck(service: ServiceName): AwsError {
  if (familyOf(service) === 'json') return new AwsError('InternalErrorException', 'An internal error occurred.', 500);
  return new AwsError('InternalFailure', 'The request processing has failed because of an unknown error, exception or failure.', 500);
}

export function unknownAction(service: ServiceName, action: string, version: string): AwsError {
  if (familyOf(service) === 'ec2') return new AwsError('InvalidAction', `The action ${action} is not valid for this web service.`, 400);
  return new AwsError('InvalidAction', `Could not find operation ${action} for version ${version}`, 400);
}

export function missingAction(service: ServiceName): AwsError {
  if (familyOf(service) === 'ec2') return new AwsError('MissingAction', 'The request must contain the parameter Action', 400);
  return new AwsError('MissingAction', 'Missing Action', 400);
}

export function unknownJsonOperation(target: string): AwsError {
  return new AwsError('UnknownOperationException', `Operation ${target} is not supported.`, 400);
}

export function requestTooLarge(service: ServiceName, limitBytes: number): AwsError {
  const code = familyOf(service) === 'json' ? 'RequestEntityTooLargeException' : 'RequestEntityTooLarge';
  return new AwsError(code, `Request body must be smaller than ${limitBytes} bytes.`, 413);
}

/** A request the origin policy refuses (foreign Host or web origin) before it has any effect; IAM's words when no service is named. */
export function refusedByOriginPolicy(service: ServiceName | undefined, message: string): AwsError {
  const family = service === undefined ? 'query' : familyOf(service);
  if (family === 'ec2') return new AwsError('UnauthorizedOperation', message, 403);
  if (family === 'json') return new AwsError('AccessDeniedException', message, 403);
  return new AwsError('AccessDenied', message, 403);
}

/** A JSON body nested deeper than the server parses (checked before parsing, so it costs one linear scan). */
export function jsonTooDeep(maxDepth: number): AwsError {
  return new AwsError('SerializationException', `JSON nesting exceeds the limit of ${maxDepth} levels.`);
}
