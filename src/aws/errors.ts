import { describeAwsLocation } from './environment.ts';

/** What the console shows for any failure of an AWS call. */
export interface AwsErrorDescription {
  /** Short heading, e.g. "Permission missing". */
  title: string;
  /** Plain-words explanation with what to do next. */
  message: string;
  /** Present when AWS denied the call and said (or we know) which permission was missing. */
  missingPermission?: MissingPermission;
  /** AWS error code without the SDK's "Exception" suffix (NoSuchEntity, IncorrectState, AccessDenied…). */
  code: string;
  /** AWS's own message, verbatim, for support and bug reports. */
  awsMessage: string;
  requestId?: string;
  /** Whether trying the same call again later may succeed. */
  retryable: boolean;
}

export interface MissingPermission {
  action: string;
  resource?: string;
  /** The identity that was refused (assumed-role ARN), when AWS named it. */
  principal?: string;
  /** Why AWS refused, in plain words. */
  reason?: string;
}

/** Known facts about the call that failed, used when AWS's message names no action. */
export interface AwsCallContext {
  action?: string;
  resource?: string;
}

const ACCESS_DENIED_CODES = new Set(['AccessDenied', 'UnauthorizedOperation', 'UnauthorizedAccess', 'Forbidden']);
const CREDENTIAL_CODES = new Set([
  'ExpiredToken',
  'RequestExpired',
  'InvalidClientTokenId',
  'AuthFailure',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'InvalidSignature',
  'UnrecognizedClient',
  'MissingAuthenticationToken',
]);
const THROTTLING_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TooManyRequests',
  'RequestThrottled',
  'SlowDown',
]);
const SERVER_CODES = new Set(['ServiceFailure', 'InternalError', 'InternalFailure', 'ServiceUnavailable', 'Unavailable', 'InternalErrorException']);

interface Explained {
  title: string;
  message?: (awsMessage: string) => string;
  retryable?: boolean;
}

/** Codes whose AWS message is already readable get a heading; the rest also get an explanation. */
const KNOWN_CODES: Record<string, Explained> = {
  NoSuchEntity: { title: 'Not found' },
  EntityAlreadyExists: { title: 'Name already taken' },
  DeleteConflict: { title: 'Still in use' },
  LimitExceeded: { title: 'Quota reached', message: (m) => `${m} Remove something first, or ask your administrator to raise the quota.` },
  MalformedPolicyDocument: { title: 'Policy document not accepted' },
  InvalidInput: { title: 'Invalid input' },
  ValidationError: { title: 'Invalid input' },
  UnmodifiableEntity: { title: 'Protected by AWS' },
  PolicyNotAttachable: { title: 'Policy cannot be attached' },
  ConcurrentModification: { title: 'Changed by someone else', message: (m) => `${m} Try again in a moment.`, retryable: true },
  InvalidParameterValue: { title: 'Invalid value' },
  InvalidParameterCombination: { title: 'Invalid combination of values' },
  MissingParameter: { title: 'Missing value' },
  IncorrectState: { title: 'Not possible in the current state' },
  IncorrectInstanceState: { title: 'Not possible in the instance’s current state' },
  'InvalidInstanceID.NotFound': { title: 'Instance not found' },
  'InvalidInstanceID.Malformed': { title: 'Not an instance ID' },
  'InvalidAssociationID.NotFound': { title: 'Role association not found', message: (m) => `${m} It may have been replaced or removed meanwhile: refresh the page.` },
  NotAuthorized: { title: 'Not signed in' },
  InvalidPassword: { title: 'Password not accepted' },
  UserNotFound: { title: 'Unknown user' },
  ResourceNotFound: { title: 'Not found' },
  InvalidIdentityPoolConfiguration: {
    title: 'Sign-in is misconfigured',
    message: (m) => `${m} The identity pool has no usable role for your user; ask your administrator.`,
  },
};

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  Code?: unknown;
  code?: unknown;
  $fault?: unknown;
  $retryable?: unknown;
  $metadata?: { requestId?: unknown; httpStatusCode?: unknown };
  RequestId?: unknown;
}

function asErrorLike(error: unknown): ErrorLike {
  return typeof error === 'object' && error !== null ? (error as ErrorLike) : { message: String(error) };
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The SDK names IAM and Cognito errors `<Code>Exception`; EC2 errors keep the wire code. */
export function normaliseErrorCode(name: string): string {
  if (name.endsWith('Exception') && name !== 'Exception') return name.slice(0, -'Exception'.length);
  return name;
}

/** Browsers report a refused or unreachable endpoint as a TypeError from fetch with these texts. */
function isNetworkFailure(error: ErrorLike, name: string): boolean {
  const message = stringOrUndefined(error.message) ?? '';
  if (name === 'TimeoutError' || name === 'RequestTimeout' || name === 'NetworkingError') return true;
  if (name !== 'TypeError') return false;
  return /failed to fetch|networkerror|load failed|network request failed|fetch failed/i.test(message);
}

const PERMISSION_PATTERN =
  /User: (\S+) is not authorized to perform: (\S+?)(?: on resource: (\S+?))?(?: because (.+?))?(?:\.? *Encoded authorization failure message:[\s\S]*)?\.?\s*$/;

/** Parses AWS's "User: P is not authorized to perform: A on resource: R because …" sentence. */
export function parseMissingPermission(awsMessage: string): MissingPermission | undefined {
  const start = awsMessage.indexOf('User: ');
  if (start < 0) return undefined;
  const match = PERMISSION_PATTERN.exec(awsMessage.slice(start));
  if (!match) return undefined;
  const [, principal, action, resource, because] = match;
  return {
    action: action!,
    ...(resource ? { resource } : {}),
    principal: principal!,
    ...(because ? { reason: explainDenialReason(because) } : {}),
  };
}

/** AWS's "because …" tails, in words a console user understands. */
export function explainDenialReason(because: string): string {
  const text = because.trim().replace(/\.$/, '');
  if (/explicit deny in a permissions boundary/i.test(text)) return 'your permissions boundary explicitly denies it';
  if (/explicit deny in a service control policy/i.test(text)) return 'an organization policy (SCP) explicitly denies it';
  if (/explicit deny in a resource-based policy/i.test(text)) return 'the resource’s own policy explicitly denies it';
  if (/explicit deny/i.test(text)) return 'one of your policies explicitly denies it';
  if (/no permissions boundary allows/i.test(text)) return 'your permissions boundary does not allow it';
  if (/no service control policy allows/i.test(text)) return 'no organization policy (SCP) allows it';
  if (/no identity-based policy allows/i.test(text)) return 'none of your policies allow it';
  if (/no session policy allows/i.test(text)) return 'your session policy does not allow it';
  return text;
}

function describeAccessDenied(awsMessage: string, context: AwsCallContext | undefined): Pick<AwsErrorDescription, 'title' | 'message' | 'missingPermission'> {
  const parsed = parseMissingPermission(awsMessage);
  const missing: MissingPermission | undefined =
    parsed ?? (context?.action ? { action: context.action, ...(context.resource ? { resource: context.resource } : {}) } : undefined);
  if (!missing) {
    return {
      title: 'Permission missing',
      message: 'AWS refused this request: your role is not allowed to do it. Ask your administrator for the permission.',
    };
  }
  const target = missing.resource ? `${missing.action} on ${missing.resource}` : missing.action;
  const why = missing.reason ? ` because ${missing.reason}` : '';
  return {
    title: 'Permission missing',
    message: `Your role is not allowed to perform ${target}${why}. Ask your administrator to allow ${target}.`,
    missingPermission: missing,
  };
}

function errorName(e: ErrorLike): string {
  return stringOrUndefined(e.name) ?? stringOrUndefined(e.Code) ?? stringOrUndefined(e.code) ?? 'Error';
}

/**
 * The AWS error code of anything an SDK call (or fetch) can throw: EntityAlreadyExists, IncorrectState,
 * NoSuchEntity…; `NetworkError` when AWS was not reached, `Error` when nothing names a code.
 */
export function awsErrorCode(error: unknown): string {
  const e = asErrorLike(error);
  const name = errorName(e);
  return isNetworkFailure(e, name) ? 'NetworkError' : normaliseErrorCode(name);
}

/**
 * Whether a failed call may still have taken effect: AWS's answer never arrived (network error, timeout) or
 * AWS failed on its side (5xx). A definite refusal (4xx) changed nothing.
 */
export function isOutcomeUnknown(error: unknown): boolean {
  const status = asErrorLike(error).$metadata?.httpStatusCode;
  return typeof status === 'number' ? status >= 500 : true;
}

/** Normalises anything an AWS SDK call (or fetch) can throw into words for the console. */
export function describeAwsError(error: unknown, context?: AwsCallContext): AwsErrorDescription {
  const e = asErrorLike(error);
  const name = errorName(e);
  const code = awsErrorCode(error);
  const awsMessage = stringOrUndefined(e.message) ?? '';
  const requestId = stringOrUndefined(e.$metadata?.requestId) ?? stringOrUndefined(e.RequestId);
  const status = typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : undefined;
  const base = { awsMessage, ...(requestId ? { requestId } : {}) };

  if (code === 'NetworkError') {
    const where = describeAwsLocation();
    return {
      ...base,
      code,
      title: 'Cannot reach AWS',
      message: `Cannot reach AWS at ${where}. Check your network connection${
        where.startsWith('http') ? ' and that local AWS is running (npm run local-aws)' : ''
      }, then try again.`,
      retryable: true,
    };
  }

  if (ACCESS_DENIED_CODES.has(code) || ACCESS_DENIED_CODES.has(name)) {
    return { ...base, code, retryable: false, ...describeAccessDenied(awsMessage, context) };
  }
  if (CREDENTIAL_CODES.has(code) || CREDENTIAL_CODES.has(name)) {
    const expired = code === 'ExpiredToken' || code === 'RequestExpired';
    return {
      ...base,
      code,
      title: expired ? 'Session expired' : 'Credentials not accepted',
      message: expired
        ? 'Your temporary AWS credentials expired. The console renews them automatically; if this persists, sign out and sign in again.'
        : 'AWS did not accept the credentials of this session. Sign out and sign in again.',
      retryable: expired,
    };
  }
  if (THROTTLING_CODES.has(code) || THROTTLING_CODES.has(name)) {
    return { ...base, code, title: 'AWS is busy', message: 'AWS is limiting the request rate right now. Wait a few seconds and try again.', retryable: true };
  }
  if (SERVER_CODES.has(code) || e.$fault === 'server' || (status !== undefined && status >= 500)) {
    return {
      ...base,
      code,
      title: 'AWS had a problem',
      message: `AWS could not complete the request (${code}). This is usually temporary: try again in a moment.`,
      retryable: true,
    };
  }

  const known = KNOWN_CODES[code];
  if (known) {
    return {
      ...base,
      code,
      title: known.title,
      message: known.message ? known.message(awsMessage) : awsMessage || known.title,
      retryable: known.retryable ?? false,
    };
  }

  return {
    ...base,
    code,
    title: 'Request failed',
    message: awsMessage || `The request failed (${code}).`,
    retryable: e.$retryable !== undefined && e.$retryable !== null,
  };
}

/** True when the error means the temporary credentials must be renewed before retrying. */
export function isExpiredCredentialsError(error: unknown): boolean {
  const code = awsErrorCode(error);
  return code === 'ExpiredToken' || code === 'RequestExpired';
}
