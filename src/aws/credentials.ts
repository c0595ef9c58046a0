import type { AwsCredentialIdentity } from '@aws-sdk/types';

/** User-pool tokens of the signed-in user. Kept in memory only (the refresh token may also be in sessionStorage). */
export interface UserPoolTokens {
  idToken: string;
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds. */
  issuedAt: number;
  expiresAt: number;
}

/** Identity-pool credentials (GetCredentialsForIdentity). */
export interface IdentityCredentials {
  identityId: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

export interface CredentialSessionDeps {
  /** REFRESH_TOKEN_AUTH: new ID and access tokens for the same refresh token. */
  refreshTokens(refreshToken: string): Promise<Omit<UserPoolTokens, 'refreshToken'>>;
  /** GetId (when identityId is undefined) + GetCredentialsForIdentity with the ID token as login. */
  fetchCredentials(idToken: string, identityId: string | undefined): Promise<IdentityCredentials>;
  /** Called once when the session cannot be renewed any more (refresh token expired or revoked). */
  onSessionEnded(reason: unknown): void;
  now?: () => number;
  setTimer?: (callback: () => void, delayMs: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

const FIVE_MINUTES_MS = 5 * 60 * 1000;
const RETRY_AFTER_FAILURE_MS = 5_000;

/**
 * When to renew something valid from issuedAt to expiresAt: five minutes before expiry, or at 80 % of its
 * lifetime when it lives shorter than 25 minutes (test servers hand out 60-second credentials).
 */
export function renewalTime(issuedAt: number, expiresAt: number): number {
  const lifetime = Math.max(0, expiresAt - issuedAt);
  return expiresAt - Math.min(FIVE_MINUTES_MS, lifetime * 0.2);
}

/** Errors meaning the refresh token itself is no longer accepted: signing in again is the only way out. */
function isSessionOver(error: unknown): boolean {
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  return name === 'NotAuthorizedException' || name === 'UserNotFoundException';
}

/**
 * Keeps a signed-in user's AWS credentials fresh: renews them (and the ID token they are exchanged with)
 * before they expire, both on demand and with a timer, so a page left open keeps working.
 */
export class CognitoCredentialSession {
  private tokens: UserPoolTokens;
  private credentials: IdentityCredentials | undefined;
  private credentialsIssuedAt = 0;
  private pendingCredentials: Promise<IdentityCredentials> | undefined;
  private pendingTokens: Promise<UserPoolTokens> | undefined;
  private timer: unknown;
  private ended = false;
  private readonly now: () => number;
  private readonly setTimer: (callback: () => void, delayMs: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(
    tokens: UserPoolTokens,
    private readonly deps: CredentialSessionDeps,
  ) {
    this.tokens = tokens;
    this.now = deps.now ?? Date.now;
    this.setTimer = deps.setTimer ?? ((callback, delayMs) => setTimeout(callback, delayMs));
    this.clearTimer = deps.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  }

  get identityId(): string | undefined {
    return this.credentials?.identityId;
  }

  /** The access token for user-pool calls (GlobalSignOut), renewed first when due. */
  async accessToken(): Promise<string> {
    return (await this.currentTokens()).accessToken;
  }

  /** The SDK credential provider: always returns credentials that are not about to expire. */
  readonly provider = async (): Promise<AwsCredentialIdentity> => {
    const credentials = await this.currentCredentials();
    return {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
      expiration: credentials.expiration,
    };
  };

  /** Drops the cached credentials so the next call fetches new ones (after an ExpiredToken answer). */
  invalidateCredentials(): void {
    this.credentials = undefined;
  }

  /**
   * After AWS refused this session's credentials (a GlobalSignOut elsewhere revokes them before they expire):
   * drops them and renews the user-pool tokens now, so a revoked refresh token ends the session (onSessionEnded)
   * instead of leaving the user on a page where every call fails.
   */
  async revalidate(): Promise<void> {
    if (this.ended) return;
    this.credentials = undefined;
    this.pendingTokens ??= this.renewTokens().finally(() => {
      this.pendingTokens = undefined;
    });
    await this.pendingTokens;
  }

  /** Stops timers and forgets every secret. */
  end(): void {
    this.ended = true;
    if (this.timer !== undefined) this.clearTimer(this.timer);
    this.timer = undefined;
    this.credentials = undefined;
    this.tokens = { ...this.tokens, idToken: '', accessToken: '', refreshToken: '' };
  }

  private async currentTokens(): Promise<UserPoolTokens> {
    this.assertActive();
    if (this.now() < renewalTime(this.tokens.issuedAt, this.tokens.expiresAt)) return this.tokens;
    this.pendingTokens ??= this.renewTokens().finally(() => {
      this.pendingTokens = undefined;
    });
    return this.pendingTokens;
  }

  private async renewTokens(): Promise<UserPoolTokens> {
    try {
      const renewed = await this.deps.refreshTokens(this.tokens.refreshToken);
      this.assertActive();
      this.tokens = { ...renewed, refreshToken: this.tokens.refreshToken };
      return this.tokens;
    } catch (error) {
      if (isSessionOver(error)) this.endBecause(error);
      throw error;
    }
  }

  private async currentCredentials(): Promise<IdentityCredentials> {
    this.assertActive();
    const cached = this.credentials;
    if (cached && this.now() < renewalTime(this.credentialsIssuedAt, cached.expiration.getTime())) return cached;
    this.pendingCredentials ??= this.renewCredentials().finally(() => {
      this.pendingCredentials = undefined;
    });
    return this.pendingCredentials;
  }

  private async renewCredentials(): Promise<IdentityCredentials> {
    const tokens = await this.currentTokens();
    const issuedAt = this.now();
    const credentials = await this.deps.fetchCredentials(tokens.idToken, this.credentials?.identityId ?? this.lastIdentityId);
    this.assertActive();
    this.credentials = credentials;
    this.lastIdentityId = credentials.identityId;
    this.credentialsIssuedAt = issuedAt;
    this.scheduleRenewal();
    return credentials;
  }

  private lastIdentityId: string | undefined;

  /** Renews ahead of time so requests never wait for (or fail on) expired credentials. */
  private scheduleRenewal(delayOverrideMs?: number): void {
    if (this.ended || !this.credentials) return;
    if (this.timer !== undefined) this.clearTimer(this.timer);
    const due = renewalTime(this.credentialsIssuedAt, this.credentials.expiration.getTime());
    const delay = delayOverrideMs ?? Math.max(0, due - this.now());
    this.timer = this.setTimer(() => {
      this.timer = undefined;
      if (this.ended) return;
      this.currentCredentials().then(
        () => {
          if (this.timer === undefined) this.scheduleRenewal();
        },
        () => {
          if (!this.ended) this.scheduleRenewal(RETRY_AFTER_FAILURE_MS);
        },
      );
    }, delay);
  }

  private endBecause(reason: unknown): void {
    if (this.ended) return;
    this.end();
    this.deps.onSessionEnded(reason);
  }

  private assertActive(): void {
    if (this.ended) throw new SessionEndedError();
  }
}

export class SessionEndedError extends Error {
  override name = 'SessionEndedError';
  constructor() {
    super('You are signed out. Sign in again to continue.');
  }
}
