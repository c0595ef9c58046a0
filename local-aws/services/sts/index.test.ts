import { describe, expect, it } from 'vitest';
import type { RequestContext } from '../../protocols/operation.ts';
import { createStsService } from './index.ts';

describe('STS', () => {
  const service = createStsService();

  it('answers GetCallerIdentity with the caller, after asking the server to authorize it', () => {
    const asked: [string, string][] = [];
    const ctx: RequestContext = {
      requestId: 'r',
      service: 'sts',
      region: 'us-east-1',
      now: new Date(),
      caller: {
        arn: 'arn:aws:sts::123456789012:assumed-role/console-admin/CognitoIdentityCredentials',
        userId: 'AROAEXAMPLEEXAMPLE123:CognitoIdentityCredentials',
        accountId: '123456789012',
        accessKeyId: 'ASIAEXAMPLEEXAMPLE12',
        principalArn: 'arn:aws:iam::123456789012:role/iam-role-console/console-admin',
      },
      authorize: (action, resource) => void asked.push([action, resource]),
    };
    const result = service.operations.GetCallerIdentity!.handle({}, ctx);
    expect(result).toEqual({
      Arn: 'arn:aws:sts::123456789012:assumed-role/console-admin/CognitoIdentityCredentials',
      UserId: 'AROAEXAMPLEEXAMPLE123:CognitoIdentityCredentials',
      Account: '123456789012',
    });
    expect(asked).toEqual([['sts:GetCallerIdentity', '*']]);
    expect(service.operations.GetCallerIdentity!.public).toBeFalsy();
  });

  it('denies with AccessDenied, 403 Sender', () => {
    const error = service.accessDenied('User: x is not authorized');
    expect([error.code, error.status, error.fault, error.message]).toEqual(['AccessDenied', 403, 'Sender', 'User: x is not authorized']);
  });
});
