import { describe, expect, it } from 'vitest';
import { describeAwsError, explainDenialReason, normaliseErrorCode, parseMissingPermission } from './errors.ts';
import { setAwsEnvironment } from './environment.ts';

/** Builds an error shaped like the SDK v3's service exceptions. */
function sdkError(name: string, message: string, extra: { status?: number; requestId?: string; fault?: 'client' | 'server' } = {}) {
  return Object.assign(new Error(message), {
    name,
    $fault: extra.fault ?? 'client',
    $metadata: { httpStatusCode: extra.status ?? 400, requestId: extra.requestId ?? 'req-1' },
  });
}

describe('describeAwsError', () => {
  it('strips the SDK "Exception" suffix from IAM error names', () => {
    const described = describeAwsError(sdkError('NoSuchEntityException', 'The role with name web cannot be found.', { status: 404 }));
    expect(described).toMatchObject({
      code: 'NoSuchEntity',
      title: 'Not found',
      message: 'The role with name web cannot be found.',
      requestId: 'req-1',
      retryable: false,
    });
  });

  it('keeps EC2 wire codes as they are', () => {
    const described = describeAwsError(sdkError('IncorrectState', 'There is an existing association for instance i-0123456789abcdef0'));
    expect(described.code).toBe('IncorrectState');
    expect(described.message).toContain('existing association');
    expect(describeAwsError(sdkError('InvalidInstanceID.NotFound', "The instance ID 'i-1' does not exist")).title).toBe('Instance not found');
  });

  it('turns an IAM AccessDenied into the missing permission and what to ask for', () => {
    const message =
      'User: arn:aws:sts::123456789012:assumed-role/console-viewer/CognitoIdentityCredentials is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::123456789012:role/console-ec2/web because no identity-based policy allows the iam:CreateRole action';
    const described = describeAwsError(sdkError('AccessDeniedException', message, { status: 403 }));
    expect(described.code).toBe('AccessDenied');
    expect(described.title).toBe('Permission missing');
    expect(described.missingPermission).toEqual({
      action: 'iam:CreateRole',
      resource: 'arn:aws:iam::123456789012:role/console-ec2/web',
      principal: 'arn:aws:sts::123456789012:assumed-role/console-viewer/CognitoIdentityCredentials',
      reason: 'none of your policies allow it',
    });
    expect(described.message).toBe(
      'Your role is not allowed to perform iam:CreateRole on arn:aws:iam::123456789012:role/console-ec2/web because none of your policies allow it. ' +
        'Ask your administrator to allow iam:CreateRole on arn:aws:iam::123456789012:role/console-ec2/web.',
    );
  });

  it('parses EC2 UnauthorizedOperation including the encoded failure message tail', () => {
    const message =
      'You are not authorized to perform this operation. User: arn:aws:sts::123456789012:assumed-role/console-admin/CognitoIdentityCredentials is not authorized to perform: iam:PassRole on resource: arn:aws:iam::123456789012:role/other because no identity-based policy allows the iam:PassRole action. Encoded authorization failure message: AbCdEf123';
    const described = describeAwsError(sdkError('UnauthorizedOperation', message, { status: 403 }));
    expect(described.missingPermission).toMatchObject({ action: 'iam:PassRole', resource: 'arn:aws:iam::123456789012:role/other' });
    expect(described.message).toContain('Ask your administrator to allow iam:PassRole on arn:aws:iam::123456789012:role/other.');
  });

  it('falls back to the call context when AWS names no action', () => {
    const described = describeAwsError(sdkError('UnauthorizedOperation', 'You are not authorized to perform this operation.', { status: 403 }), {
      action: 'ec2:DescribeInstances',
    });
    expect(described.missingPermission).toEqual({ action: 'ec2:DescribeInstances' });
    expect(described.message).toContain('Ask your administrator to allow ec2:DescribeInstances.');
  });

  it('explains explicit denies and boundaries', () => {
    expect(explainDenialReason('with an explicit deny in an identity-based policy')).toBe('one of your policies explicitly denies it');
    expect(explainDenialReason('no permissions boundary allows the iam:CreateRole action')).toBe('your permissions boundary does not allow it');
  });

  it('reports expired tokens as retryable session problems', () => {
    const described = describeAwsError(sdkError('ExpiredTokenException', 'The security token included in the request is expired', { status: 403 }));
    expect(described).toMatchObject({ code: 'ExpiredToken', title: 'Session expired', retryable: true });
    expect(describeAwsError(sdkError('ExpiredToken', 'expired')).code).toBe('ExpiredToken');
    expect(describeAwsError(sdkError('InvalidClientTokenId', 'The security token included in the request is invalid.')).retryable).toBe(false);
  });

  it('names the endpoint when the network fails', () => {
    setAwsEnvironment({ region: 'us-east-1', endpoint: 'http://127.0.0.1:4566' });
    const described = describeAwsError(new TypeError('Failed to fetch'));
    expect(described.code).toBe('NetworkError');
    expect(described.message).toContain('Cannot reach AWS at http://127.0.0.1:4566');
    expect(described.retryable).toBe(true);
  });

  it('treats throttling and server faults as retryable', () => {
    expect(describeAwsError(sdkError('ThrottlingException', 'Rate exceeded')).retryable).toBe(true);
    expect(describeAwsError(sdkError('RequestLimitExceeded', 'Request limit exceeded.')).title).toBe('AWS is busy');
    expect(describeAwsError(sdkError('ServiceFailureException', 'boom', { status: 500, fault: 'server' })).retryable).toBe(true);
  });

  it('handles values that are not errors', () => {
    expect(describeAwsError('plain text')).toMatchObject({ code: 'Error', message: 'plain text' });
    expect(describeAwsError(undefined).title).toBe('Request failed');
  });
});

describe('parseMissingPermission', () => {
  it('accepts a message without a resource', () => {
    expect(parseMissingPermission('User: arn:aws:iam::123456789012:user/bob is not authorized to perform: sts:DecodeAuthorizationMessage')).toEqual({
      action: 'sts:DecodeAuthorizationMessage',
      principal: 'arn:aws:iam::123456789012:user/bob',
    });
  });

  it('returns undefined for other messages', () => {
    expect(parseMissingPermission('Access Denied')).toBeUndefined();
  });
});

describe('normaliseErrorCode', () => {
  it('leaves names without the suffix alone', () => {
    expect(normaliseErrorCode('InvalidParameterValue')).toBe('InvalidParameterValue');
    expect(normaliseErrorCode('EntityAlreadyExistsException')).toBe('EntityAlreadyExists');
  });
});
