import { beforeEach, describe, expect, it } from 'vitest';
import { settingsFromEnv } from '../../config.ts';
import { awsError } from '../../protocols/test-support.ts';
import { openStore } from '../../store/store.ts';
import { UserPoolModel } from './model.ts';
import { FAILURE_MEMORY_MS, MAX_LOCKOUT_MS, SignInThrottle } from './sign-in-throttle.ts';

const T0 = new Date('2026-03-01T10:00:00Z');
const at = (ms: number): Date => new Date(T0.getTime() + ms);

describe('SignInThrottle (Cognito lockout: 5 free failures, then 2^(n-5) s up to 15 min)', () => {
  let throttle: SignInThrottle;
  beforeEach(() => {
    throttle = new SignInThrottle();
  });
  const fail = (times: number, now: Date): void => {
    for (let i = 0; i < times; i++) throttle.recordFailure('u', now);
  };

  it('locks after the fifth consecutive failure, for one second', () => {
    fail(4, T0);
    expect(throttle.isLocked('u', T0)).toBe(false);
    fail(1, T0);
    expect(throttle.isLocked('u', at(999))).toBe(true);
    expect(throttle.isLocked('u', at(1000))).toBe(false);
    expect(throttle.isLocked('other', T0)).toBe(false);
  });

  it('doubles the lockout with each further failure, up to 15 minutes', () => {
    fail(5, T0);
    throttle.recordFailure('u', at(1000));
    expect(throttle.isLocked('u', at(2999))).toBe(true);
    expect(throttle.isLocked('u', at(3000))).toBe(false);
    fail(20, at(3000));
    expect(throttle.isLocked('u', at(3000 + MAX_LOCKOUT_MS - 1))).toBe(true);
    expect(throttle.isLocked('u', at(3000 + MAX_LOCKOUT_MS))).toBe(false);
  });

  it('starts again after a success, or after 15 minutes without attempts', () => {
    fail(5, T0);
    throttle.recordSuccess('u');
    fail(4, at(1000));
    expect(throttle.isLocked('u', at(1000))).toBe(false);
    fail(1, at(1000));
    expect(throttle.isLocked('u', at(1000))).toBe(true);
    const quiet = at(2000 + FAILURE_MEMORY_MS);
    throttle.recordFailure('u', quiet);
    expect(throttle.isLocked('u', quiet)).toBe(false);
  });
});

describe('InitiateAuth under the lockout', () => {
  let model: UserPoolModel;
  let clientId: string;
  const signIn = (password: string, now: Date) =>
    model.initiateAuth({ authFlow: 'USER_PASSWORD_AUTH', clientId, authParameters: { USERNAME: 'admin', PASSWORD: password } }, now);

  beforeEach(() => {
    model = new UserPoolModel(openStore('memory'), settingsFromEnv({}));
    const poolId = model.createUserPool({ poolName: 'console', accountId: '123456789012' }, T0).id;
    clientId = model.createUserPoolClient(poolId, { clientName: 'web', explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] }, T0).clientId;
    model.adminCreateUser(poolId, { username: 'admin', temporaryPassword: 'Admin-Passw0rd!' }, T0);
    model.adminSetUserPassword(poolId, 'admin', 'Admin-Passw0rd!', true, T0);
  });

  it('answers "Password attempts exceeded" without checking the password, then lets the right one in once the lockout ends', () => {
    for (let i = 0; i < 5; i++) expect(awsError(() => signIn('Wrong-Passw0rd!', T0)).message).toBe('Incorrect username or password.');
    expect(awsError(() => signIn('Admin-Passw0rd!', at(500)))).toEqual({ code: 'NotAuthorizedException', message: 'Password attempts exceeded' });
    expect(model.signInPasswordWork({ authFlow: 'USER_PASSWORD_AUTH', clientId, authParameters: { USERNAME: 'admin', PASSWORD: 'x' } }, at(500))).toEqual({});
    expect(signIn('Admin-Passw0rd!', at(1000))).toHaveProperty('AuthenticationResult');
    // The success reset the count: four more failures do not lock.
    for (let i = 0; i < 4; i++) awsError(() => signIn('Wrong-Passw0rd!', at(1000)));
    expect(signIn('Admin-Passw0rd!', at(1000))).toHaveProperty('AuthenticationResult');
  });
});
