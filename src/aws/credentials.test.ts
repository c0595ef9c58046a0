import { describe, expect, it, vi } from 'vitest';
import { CognitoCredentialSession, renewalTime, SessionEndedError, type IdentityCredentials, type UserPoolTokens } from './credentials.ts';

/** A controllable clock and timer queue. */
function fakeTime(start: number) {
  let now = start;
  const timers: { at: number; callback: () => void; id: number }[] = [];
  let nextId = 1;
  return {
    now: () => now,
    setTimer: (callback: () => void, delay: number) => {
      const id = nextId++;
      timers.push({ at: now + delay, callback, id });
      return id;
    },
    clearTimer: (id: unknown) => {
      const index = timers.findIndex((timer) => timer.id === id);
      if (index >= 0) timers.splice(index, 1);
    },
    async advance(ms: number) {
      now += ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const due = timers[0];
        if (!due || due.at > now) break;
        timers.shift();
        due.callback();
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    },
    pending: () => timers.length,
  };
}

const T0 = Date.UTC(2026, 0, 1);

function tokens(issuedAt: number, ttlSeconds: number, id = 'id-1'): UserPoolTokens {
  return { idToken: id, accessToken: `access-${id}`, refreshToken: 'refresh', issuedAt, expiresAt: issuedAt + ttlSeconds * 1000 };
}

describe('renewalTime', () => {
  it('renews hour-long credentials five minutes before expiry', () => {
    expect(renewalTime(0, 3_600_000)).toBe(3_300_000);
  });
  it('renews short-lived credentials at 80 % of their lifetime', () => {
    expect(renewalTime(0, 60_000)).toBe(48_000);
  });
});

describe('CognitoCredentialSession', () => {
  function setup(credentialTtlSeconds: number, tokenTtlSeconds: number) {
    const time = fakeTime(T0);
    let issued = 0;
    const fetchCredentials = vi.fn(async (idToken: string, identityId: string | undefined): Promise<IdentityCredentials> => {
      issued++;
      return {
        identityId: identityId ?? 'us-east-1:identity',
        accessKeyId: `ASIA${issued}`,
        secretAccessKey: 'secret',
        sessionToken: `token-for-${idToken}`,
        expiration: new Date(time.now() + credentialTtlSeconds * 1000),
      };
    });
    let refreshed = 0;
    const refreshTokens = vi.fn(async () => {
      refreshed++;
      const fresh = tokens(time.now(), tokenTtlSeconds, `id-${refreshed + 1}`);
      return { idToken: fresh.idToken, accessToken: fresh.accessToken, issuedAt: fresh.issuedAt, expiresAt: fresh.expiresAt };
    });
    const onSessionEnded = vi.fn();
    const session = new CognitoCredentialSession(tokens(T0, tokenTtlSeconds), {
      fetchCredentials,
      refreshTokens,
      onSessionEnded,
      now: time.now,
      setTimer: time.setTimer,
      clearTimer: time.clearTimer,
    });
    return { time, session, fetchCredentials, refreshTokens, onSessionEnded };
  }

  it('caches credentials until they are due for renewal', async () => {
    const { session, fetchCredentials, time } = setup(60, 3600);
    const first = await session.provider();
    await time.advance(10_000);
    expect(await session.provider()).toEqual(first);
    expect(fetchCredentials).toHaveBeenCalledTimes(1);
  });

  it('renews in the background before expiry, reusing the identity ID', async () => {
    const { session, fetchCredentials, time } = setup(60, 3600);
    await session.provider();
    await time.advance(48_000);
    expect(fetchCredentials).toHaveBeenCalledTimes(2);
    expect(fetchCredentials.mock.calls[1]?.[1]).toBe('us-east-1:identity');
    const current = await session.provider();
    expect(current.accessKeyId).toBe('ASIA2');
    expect(current.expiration!.getTime()).toBeGreaterThan(time.now() + 50_000);
    // …and keeps doing so while the page stays open.
    for (let step = 0; step < 3; step++) await time.advance(48_000);
    expect(fetchCredentials).toHaveBeenCalledTimes(5);
  });

  it('refreshes the ID token with the refresh token once it is due', async () => {
    const { session, fetchCredentials, refreshTokens, time } = setup(60, 100);
    await session.provider();
    await time.advance(90_000);
    expect(refreshTokens).toHaveBeenCalledTimes(1);
    expect(fetchCredentials.mock.lastCall?.[0]).toBe('id-2');
  });

  it('coalesces concurrent requests into one renewal', async () => {
    const { session, fetchCredentials } = setup(60, 3600);
    await Promise.all([session.provider(), session.provider(), session.provider()]);
    expect(fetchCredentials).toHaveBeenCalledTimes(1);
  });

  it('ends the session when the refresh token is refused', async () => {
    const { session, refreshTokens, onSessionEnded, time } = setup(60, 30);
    await session.provider();
    refreshTokens.mockRejectedValueOnce(Object.assign(new Error('Refresh Token has expired'), { name: 'NotAuthorizedException' }));
    await time.advance(48_000);
    expect(onSessionEnded).toHaveBeenCalledTimes(1);
    await expect(session.provider()).rejects.toBeInstanceOf(SessionEndedError);
    expect(time.pending()).toBe(0);
  });

  it('revalidate after refused credentials ends a revoked session, and renews a valid one', async () => {
    const revoked = setup(60, 3600);
    await revoked.session.provider();
    revoked.refreshTokens.mockRejectedValueOnce(Object.assign(new Error('Refresh Token has been revoked'), { name: 'NotAuthorizedException' }));
    await expect(revoked.session.revalidate()).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    expect(revoked.onSessionEnded).toHaveBeenCalledTimes(1);
    await expect(revoked.session.provider()).rejects.toBeInstanceOf(SessionEndedError);

    const valid = setup(60, 3600);
    await valid.session.provider();
    await valid.session.revalidate();
    expect(valid.refreshTokens).toHaveBeenCalledTimes(1);
    expect((await valid.session.provider()).accessKeyId).toBe('ASIA2');
    expect(valid.onSessionEnded).not.toHaveBeenCalled();
  });

  it('retries a failed background renewal and forgets everything when ended', async () => {
    const { session, fetchCredentials, time } = setup(60, 3600);
    await session.provider();
    fetchCredentials.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await time.advance(48_000);
    expect(fetchCredentials).toHaveBeenCalledTimes(2);
    await time.advance(5_000);
    expect(fetchCredentials).toHaveBeenCalledTimes(3);
    session.end();
    expect(time.pending()).toBe(0);
    await expect(session.provider()).rejects.toThrow('signed out');
  });
});
