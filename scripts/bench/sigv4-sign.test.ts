import { describe, expect, it } from 'vitest';
import { QuerySigner, amzDate, form, signHeaders } from './sigv4-sign.ts';

const key = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const now = new Date('2015-08-30T12:36:00Z');

describe('QuerySigner', () => {
  it('formats the x-amz-date as AWS does', () => {
    expect(amzDate(new Date('2015-08-30T12:36:00.123Z'))).toBe('20150830T123600Z');
  });

  // AWS's published SigV4 test suite, vector "post-x-www-form-urlencoded".
  it('reproduces the signature of the post-x-www-form-urlencoded test vector', () => {
    const signer = new QuerySigner(key, 'us-east-1', 'service', 'application/x-www-form-urlencoded');
    const signed = signer.signBody('example.amazonaws.com', 'Param1=value1', now);
    expect(signed.headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a',
    );
    expect(signed.headers['x-amz-date']).toBe('20150830T123600Z');
  });

  it('signs query parameters as a form body and signs the session token when there is one', () => {
    const signer = new QuerySigner({ ...key, sessionToken: 'token' }, 'us-east-1', 'iam');
    const signed = signer.sign('127.0.0.1:4566', { Action: 'GetRole', RoleName: 'a b', Version: '2010-05-08' }, now);
    expect(signed.body).toBe('Action=GetRole&RoleName=a+b&Version=2010-05-08');
    expect(signed.headers['x-amz-security-token']).toBe('token');
    expect(signed.headers.authorization).toMatch(
      /Credential=AKIDEXAMPLE\/20150830\/us-east-1\/iam\/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}$/,
    );
  });
});

describe('signHeaders', () => {
  it('signs a raw query string in SigV4 canonical order (the get-vanilla-query-order-key-case vector, as a POST)', () => {
    const headers = signHeaders(
      'example.amazonaws.com',
      { service: 'service', credentials: key, date: now, query: 'Param2=value2&Param1=value1', contentType: 'text/plain' },
      '',
    );
    const swapped = signHeaders(
      'example.amazonaws.com',
      { service: 'service', credentials: key, date: now, query: 'Param1=value1&Param2=value2', contentType: 'text/plain' },
      '',
    );
    expect(headers.authorization).toBe(swapped.authorization);
  });

  it('is what QuerySigner uses, so both give the same signature', () => {
    const body = form({ Action: 'GetRole', RoleName: 'r', Version: '2010-05-08' });
    const viaSigner = new QuerySigner(key, 'us-east-1', 'iam').signBody('127.0.0.1:1', body, now);
    const direct = signHeaders('127.0.0.1:1', { service: 'iam', credentials: key, date: now }, body);
    expect(direct).toEqual(viaSigner.headers);
  });

  it('leaves a request without credentials unsigned and sets the JSON 1.1 content type for a target', () => {
    const headers = signHeaders('h', { service: 'cognito-idp', target: 'AWSCognitoIdentityProviderService.X' }, '{}');
    expect(headers).toEqual({
      'content-type': 'application/x-amz-json-1.1',
      host: 'h',
      'x-amz-target': 'AWSCognitoIdentityProviderService.X',
    });
  });
});
