import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { Collection, Store } from '../../store/store.ts';
import { DEFAULT_REGION, type LocalAwsSettings } from '../../config.ts';
import type { AwsError } from '../../protocols/aws-error.ts';
import * as errors from './errors.ts';
import { decodeJwt, generateSigningKey, hasValidSignature, publicJwk, signJwt, type JwtClaims, type PublicJwk, type SigningKey } from './jwt.ts';
import {
  DEFAULT_PASSWORD_POLICY,
  generateTemporaryPassword,
  passwordPolicyViolation,
  SYNC_PASSWORD_HASHER,
  type PasswordHasher,
  type PasswordPolicy,
  type PasswordWork,
} from './password.ts';
import { SignInThrottle } from './sign-in-throttle.ts';
import { epochSeconds, groupClaims, issuerFor, numericClaim, userPoolIdFromIssuer } from './tokens.ts';

export type UserStatus = 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD' | 'UNCONFIRMED' | 'RESET_REQUIRED';
export type ExplicitAuthFlow =
  | 'ALLOW_USER_PASSWORD_AUTH'
  | 'ALLOW_REFRESH_TOKEN_AUTH'
  | 'ALLOW_USER_SRP_AUTH'
  | 'ALLOW_CUSTOM_AUTH'
  | 'ALLOW_USER_AUTH'
  | 'ALLOW_ADMIN_USER_PASSWORD_AUTH';

export interface UserPool {
  id: string;
  name: string;
  region: string;
  arn: string;
  createdAt: string;
  passwordPolicy: PasswordPolicy;
  /** AdminCreateUserConfig.AllowAdminCreateUserOnly: no self sign-up. */
  adminCreateUserOnly: boolean;
  signingKey: SigningKey;
}

export interface UserPoolClient {
  clientId: string;
  userPoolId: string;
  clientName: string;
  explicitAuthFlows: ExplicitAuthFlow[];
  /** ENABLED (the default for new clients) answers unknown users like wrong passwords. */
  preventUserExistenceErrors: 'ENABLED' | 'LEGACY';
  refreshTokenValidityDays: number;
  createdAt: string;
}

export interface UserPoolGroup {
  userPoolId: string;
  groupName: string;
  description?: string;
  roleArn?: string;
  precedence?: number;
  createdAt: string;
}

export interface UserPoolUser {
  userPoolId: string;
  username: string;
  sub: string;
  status: UserStatus;
  enabled: boolean;
  passwordHash: string;
  /** Temporary passwords (FORCE_CHANGE_PASSWORD) stop working after the pool's TemporaryPasswordValidityDays. */
  temporaryPasswordExpiresAt?: string;
  /** Attributes other than sub, e.g. email, email_verified. */
  attributes: Record<string, string>;
  groups: string[];
  createdAt: string;
  updatedAt: string;
}

/** One sign-in: the refresh token and every ID/access token minted from it share its origin_jti. */
interface AuthSession {
  originJti: string;
  userPoolId: string;
  clientId: string;
  username: string;
  sub: string;
  authTime: number;
  refreshTokenHash: string;
  refreshExpiresAt: string;
  revoked: boolean;
}

interface PendingChallenge {
  userPoolId: string;
  clientId: string;
  username: string;
  challengeName: 'NEW_PASSWORD_REQUIRED';
  expiresAt: string;
  used: boolean;
}

export interface AuthenticationResult {
  AccessToken: string;
  IdToken: string;
  RefreshToken?: string;
  ExpiresIn: number;
  TokenType: 'Bearer';
}

export type InitiateAuthOutput =
  | { ChallengeParameters: Record<string, never>; AuthenticationResult: AuthenticationResult }
  | { ChallengeName: 'NEW_PASSWORD_REQUIRED'; Session: string; ChallengeParameters: Record<string, string> };

/** What a GlobalSignOut tells its listeners (the identity pools revoke the credentials they issued). */
export interface SignOutEvent {
  userPoolId: string;
  username: string;
  sub: string;
  at: Date;
}

/** The outcome of checking an ID token for a relying party (the identity pool). */
export type IdTokenCheck =
  | { valid: true; claims: JwtClaims }
  | { valid: false; reason: 'malformed' | 'unknown-pool' | 'bad-signature' | 'not-id-token' | 'revoked' }
  | { valid: false; reason: 'expired'; expiredAt: number; now: number };

export const AUTH_FLOWS = [
  'USER_SRP_AUTH',
  'REFRESH_TOKEN_AUTH',
  'REFRESH_TOKEN',
  'CUSTOM_AUTH',
  'ADMIN_NO_SRP_AUTH',
  'USER_PASSWORD_AUTH',
  'ADMIN_USER_PASSWORD_AUTH',
  'USER_AUTH',
] as const;

const CHALLENGE_SESSION_TTL_MS = 3 * 60 * 1000;
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const CLIENT_ID_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';

function randomString(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Cognito user names are case-insensitive in new pools (UsernameConfiguration.CaseSensitive false). */
function userKey(userPoolId: string, username: string): string {
  return `${userPoolId}/${username.toLowerCase()}`;
}

/**
 * Cognito user pools: pools, app clients, groups, users, sign-in with USER_PASSWORD_AUTH, the
 * NEW_PASSWORD_REQUIRED challenge, refresh tokens and GlobalSignOut, with RS256 tokens signed by a key
 * pair generated once per pool (published as JWKS).
 */
export class UserPoolModel {
  private readonly pools: Collection<UserPool>;
  private readonly clients: Collection<UserPoolClient>;
  private readonly groups: Collection<UserPoolGroup>;
  private readonly users: Collection<UserPoolUser>;
  private readonly sessions: Collection<AuthSession>;
  private readonly refreshTokens: Collection<string>;
  private readonly challenges: Collection<PendingChallenge>;
  private readonly signOutListeners: ((event: SignOutEvent) => void)[] = [];
  private readonly signInThrottle = new SignInThrottle();

  constructor(
    store: Store,
    private readonly settings: LocalAwsSettings,
  ) {
    this.pools = store.collection('cognito-idp.pools');
    this.clients = store.collection('cognito-idp.clients');
    this.groups = store.collection('cognito-idp.groups');
    this.users = store.collection('cognito-idp.users');
    this.sessions = store.collection('cognito-idp.sessions');
    this.refreshTokens = store.collection('cognito-idp.refresh-tokens');
    this.challenges = store.collection('cognito-idp.challenges');
  }

  // ---- administration (used by the seed) ----

  createUserPool(
    input: { poolName: string; region?: string; passwordPolicy?: Partial<PasswordPolicy>; adminCreateUserOnly?: boolean; accountId: string },
    now: Date,
  ): UserPool {
    const region = input.region ?? DEFAULT_REGION;
    const id = `${region}_${randomString(ALPHANUMERIC, 9)}`;
    const pool: UserPool = {
      id,
      name: input.poolName,
      region,
      arn: `arn:aws:cognito-idp:${region}:${input.accountId}:userpool/${id}`,
      createdAt: now.toISOString(),
      passwordPolicy: { ...DEFAULT_PASSWORD_POLICY, ...input.passwordPolicy },
      adminCreateUserOnly: input.adminCreateUserOnly ?? true,
      signingKey: generateSigningKey(),
    };
    this.pools.put(id, pool);
    return pool;
  }

  getUserPool(userPoolId: string): UserPool {
    const pool = this.pools.get(userPoolId);
    if (!pool) throw errors.unknownUserPool(userPoolId);
    return pool;
  }

  createUserPoolClient(
    userPoolId: string,
    input: { clientName: string; explicitAuthFlows: ExplicitAuthFlow[]; preventUserExistenceErrors?: 'ENABLED' | 'LEGACY'; refreshTokenValidityDays?: number },
    now: Date,
  ): UserPoolClient {
    this.getUserPool(userPoolId);
    const client: UserPoolClient = {
      clientId: randomString(CLIENT_ID_CHARS, 26),
      userPoolId,
      clientName: input.clientName,
      explicitAuthFlows: [...input.explicitAuthFlows],
      preventUserExistenceErrors: input.preventUserExistenceErrors ?? 'ENABLED',
      refreshTokenValidityDays: input.refreshTokenValidityDays ?? 30,
      createdAt: now.toISOString(),
    };
    this.clients.put(client.clientId, client);
    return client;
  }

  findClient(clientId: string): UserPoolClient | undefined {
    return this.clients.get(clientId);
  }

  createGroup(userPoolId: string, input: { groupName: string; description?: string; roleArn?: string; precedence?: number }, now: Date): UserPoolGroup {
    this.getUserPool(userPoolId);
    const group: UserPoolGroup = { userPoolId, ...input, createdAt: now.toISOString() };
    this.groups.put(`${userPoolId}/${input.groupName}`, group);
    return group;
  }

  /**
   * AdminCreateUser: the user starts in FORCE_CHANGE_PASSWORD with a temporary password (generated to the pool's
   * policy when none is given). RESEND gives an existing FORCE_CHANGE_PASSWORD user a fresh temporary password
   * validity (and the new temporary password, if one is given). Local AWS delivers no messages, so without
   * SUPPRESS the invitation is simply not sent.
   */
  adminCreateUser(
    userPoolId: string,
    input: { username: string; temporaryPassword?: string; attributes?: Record<string, string>; messageAction?: 'RESEND' | 'SUPPRESS' },
    now: Date,
    passwords: PasswordHasher = SYNC_PASSWORD_HASHER,
  ): UserPoolUser {
    const pool = this.getUserPool(userPoolId);
    if (input.temporaryPassword !== undefined) {
      const violation = passwordPolicyViolation(input.temporaryPassword, pool.passwordPolicy);
      if (violation) throw errors.invalidPassword(violation);
    }
    if (input.attributes && 'sub' in input.attributes) throw errors.invalidParameter('Cannot modify the non-mutable attribute sub');
    const temporaryPasswordExpiresAt = new Date(now.getTime() + pool.passwordPolicy.temporaryPasswordValidityDays * 86_400_000).toISOString();
    const existing = this.findUser(userPoolId, input.username);

    if (input.messageAction === 'RESEND') {
      if (!existing) throw errors.userNotFound();
      if (existing.status !== 'FORCE_CHANGE_PASSWORD') throw errors.unsupportedUserState(existing.status);
      const resent: UserPoolUser = {
        ...existing,
        ...(input.temporaryPassword !== undefined ? { passwordHash: passwords.hash(input.temporaryPassword) } : {}),
        temporaryPasswordExpiresAt,
        updatedAt: now.toISOString(),
      };
      this.users.put(userKey(userPoolId, existing.username), resent);
      return resent;
    }

    if (existing) throw errors.usernameExists();
    const user: UserPoolUser = {
      userPoolId,
      username: input.username,
      sub: randomUUID(),
      status: 'FORCE_CHANGE_PASSWORD',
      enabled: true,
      passwordHash: passwords.hash(input.temporaryPassword ?? generateTemporaryPassword(pool.passwordPolicy)),
      temporaryPasswordExpiresAt,
      attributes: { ...input.attributes },
      groups: [],
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    this.users.put(userKey(userPoolId, input.username), user);
    return user;
  }

  /** AdminDeleteUser: the user, and with it every sign-in of theirs, is gone (their refresh tokens stop working). */
  adminDeleteUser(userPoolId: string, username: string): void {
    const user = this.requireUser(userPoolId, username);
    for (const [key, session] of [...this.sessions.entries()]) {
      if (session.userPoolId === userPoolId && session.sub === user.sub && !session.revoked) this.sessions.put(key, { ...session, revoked: true });
    }
    this.users.delete(userKey(userPoolId, user.username));
  }

  /** The ARN Cognito authorizes an administrative call on (the pool need not exist: authorization comes first). */
  static userPoolArn(region: string, accountId: string, userPoolId: string): string {
    return `arn:aws:cognito-idp:${region}:${accountId}:userpool/${userPoolId}`;
  }

  /** AdminSetUserPassword: a permanent password confirms the user. */
  adminSetUserPassword(userPoolId: string, username: string, password: string, permanent: boolean, now: Date, passwords: PasswordHasher = SYNC_PASSWORD_HASHER): void {
    const user = this.requireUser(userPoolId, username);
    const violation = passwordPolicyViolation(password, this.getUserPool(userPoolId).passwordPolicy);
    if (violation) throw errors.invalidPassword(violation);
    const { temporaryPasswordExpiresAt: _previousExpiry, ...rest } = user;
    const pool = this.getUserPool(userPoolId);
    this.users.put(userKey(userPoolId, username), {
      ...rest,
      passwordHash: passwords.hash(password),
      status: permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD',
      ...(permanent
        ? {}
        : { temporaryPasswordExpiresAt: new Date(now.getTime() + pool.passwordPolicy.temporaryPasswordValidityDays * 86_400_000).toISOString() }),
      updatedAt: now.toISOString(),
    });
  }

  adminAddUserToGroup(userPoolId: string, username: string, groupName: string): void {
    const user = this.requireUser(userPoolId, username);
    if (!this.groups.has(`${userPoolId}/${groupName}`)) throw errors.resourceNotFound('Group not found.');
    if (user.groups.includes(groupName)) return;
    this.users.put(userKey(userPoolId, username), { ...user, groups: [...user.groups, groupName] });
  }

  findUser(userPoolId: string, username: string): UserPoolUser | undefined {
    return this.users.get(userKey(userPoolId, username));
  }

  /** Called with every GlobalSignOut, inside the request's transaction. */
  onGlobalSignOut(listener: (event: SignOutEvent) => void): void {
    this.signOutListeners.push(listener);
  }

  /** The JWKS document served at /<userPoolId>/.well-known/jwks.json, or undefined for an unknown pool. */
  jwksFor(userPoolId: string): { keys: PublicJwk[] } | undefined {
    const pool = this.pools.get(userPoolId);
    return pool ? { keys: [publicJwk(pool.signingKey)] } : undefined;
  }

  issuerOf(userPoolId: string): string {
    return issuerFor(this.getUserPool(userPoolId).region, userPoolId);
  }

  // ---- public API ----

  /**
   * The scrypt work initiateAuth will need, for an operation to prepare off the event loop: checking the
   * password of a USER_PASSWORD_AUTH sign-in by a known, not locked-out user. Reads only; never throws
   * (whatever is wrong is reported by initiateAuth itself).
   */
  signInPasswordWork(input: { authFlow: string; clientId: string; authParameters: Record<string, string> }, now: Date): PasswordWork {
    const client = this.clients.get(input.clientId);
    const { USERNAME: username, PASSWORD: password } = input.authParameters;
    if (input.authFlow !== 'USER_PASSWORD_AUTH' || !client || username === undefined || password === undefined) return {};
    const user = this.findUser(client.userPoolId, username);
    if (!user || this.signInThrottle.isLocked(userKey(user.userPoolId, user.username), now)) return {};
    return { verify: [{ password, stored: user.passwordHash }] };
  }

  initiateAuth(
    input: { authFlow: string; clientId: string; authParameters: Record<string, string> },
    now: Date,
    passwords: PasswordHasher = SYNC_PASSWORD_HASHER,
  ): InitiateAuthOutput {
    const client = this.requireClient(input.clientId);
    const flow = input.authFlow;
    if (flow === 'ADMIN_NO_SRP_AUTH' || flow === 'ADMIN_USER_PASSWORD_AUTH') throw errors.invalidParameter('Initiate Auth method not supported.');
    const allows = (f: ExplicitAuthFlow): boolean => client.explicitAuthFlows.includes(f);

    switch (flow) {
      case 'USER_PASSWORD_AUTH':
        if (!allows('ALLOW_USER_PASSWORD_AUTH')) throw errors.invalidParameter('USER_PASSWORD_AUTH flow not enabled for this client');
        return this.passwordAuth(client, input.authParameters, now, passwords);
      case 'REFRESH_TOKEN_AUTH':
      case 'REFRESH_TOKEN':
        if (!allows('ALLOW_REFRESH_TOKEN_AUTH')) throw errors.invalidParameter('REFRESH_TOKEN_AUTH flow not enabled for this client');
        return { ChallengeParameters: {}, AuthenticationResult: this.refreshAuth(client, input.authParameters, now) };
      case 'USER_SRP_AUTH':
        if (!allows('ALLOW_USER_SRP_AUTH')) throw errors.invalidParameter('USER_SRP_AUTH is not enabled for the client.');
        throw errors.invalidParameter('USER_SRP_AUTH is not supported by local AWS: enable ALLOW_USER_PASSWORD_AUTH and use USER_PASSWORD_AUTH.');
      case 'CUSTOM_AUTH':
        if (!allows('ALLOW_CUSTOM_AUTH')) throw errors.invalidParameter('CUSTOM_AUTH flow not enabled for this client');
        throw errors.invalidParameter('Custom auth lambda trigger is not configured for the user pool.');
      default:
        // USER_AUTH (choice-based sign-in) needs ALLOW_USER_AUTH, which local AWS never grants.
        throw errors.invalidParameter(`${flow} flow not enabled for this client`);
    }
  }

  /**
   * The scrypt work respondToNewPasswordChallenge will need: hashing the new password, prepared only for a
   * live session and a password the pool's policy accepts, so that strangers cannot make the server hash.
   * Reads only; never throws.
   */
  newPasswordWork(input: { clientId: string; session: string | undefined; responses: Record<string, string> }, now: Date): PasswordWork {
    const pending = input.session === undefined ? undefined : this.challenges.get(sha256(input.session));
    const newPassword = input.responses.NEW_PASSWORD;
    if (!pending || pending.used || pending.clientId !== input.clientId || Date.parse(pending.expiresAt) <= now.getTime() || newPassword === undefined) return {};
    const pool = this.pools.get(pending.userPoolId);
    if (!pool || passwordPolicyViolation(newPassword, pool.passwordPolicy)) return {};
    return { hash: [newPassword] };
  }

  respondToNewPasswordChallenge(
    input: { clientId: string; session: string | undefined; responses: Record<string, string> },
    now: Date,
    passwords: PasswordHasher = SYNC_PASSWORD_HASHER,
  ): { ChallengeParameters: Record<string, never>; AuthenticationResult: AuthenticationResult } {
    const client = this.requireClient(input.clientId);
    const sessionKey = input.session === undefined ? undefined : sha256(input.session);
    const pending = sessionKey === undefined ? undefined : this.challenges.get(sessionKey);
    if (!pending || pending.clientId !== client.clientId) throw errors.notAuthorized('Invalid session for the user.');
    if (pending.used) throw errors.notAuthorized('Invalid session for the user, session can only be used once.');
    if (Date.parse(pending.expiresAt) <= now.getTime()) throw errors.notAuthorized('Invalid session for the user, session is expired.');

    const username = input.responses.USERNAME;
    if (username === undefined) throw errors.missingAuthParameter('USERNAME');
    const newPassword = input.responses.NEW_PASSWORD;
    if (newPassword === undefined) throw errors.missingAuthParameter('NEW_PASSWORD');
    const user = this.findUser(pending.userPoolId, username);
    if (!user || userKey(user.userPoolId, user.username) !== userKey(pending.userPoolId, pending.username)) {
      throw errors.notAuthorized('Invalid session for the user.');
    }
    const pool = this.getUserPool(user.userPoolId);
    const violation = passwordPolicyViolation(newPassword, pool.passwordPolicy);
    // The session survives a refused password, so the user can try another one.
    if (violation) throw errors.invalidPassword(violation);

    const attributes = { ...user.attributes };
    for (const [key, value] of Object.entries(input.responses)) {
      if (!key.startsWith('userAttributes.')) continue;
      const name = key.slice('userAttributes.'.length);
      if (name === 'sub') throw errors.invalidParameter('Cannot modify the non-mutable attribute sub');
      attributes[name] = value;
    }
    const { temporaryPasswordExpiresAt: _expiry, ...rest } = user;
    const confirmed: UserPoolUser = {
      ...rest,
      status: 'CONFIRMED',
      passwordHash: passwords.hash(newPassword),
      attributes,
      updatedAt: now.toISOString(),
    };
    this.users.put(userKey(user.userPoolId, user.username), confirmed);
    this.challenges.put(sessionKey!, { ...pending, used: true });
    return { ChallengeParameters: {}, AuthenticationResult: this.startSession(pool, client, confirmed, now) };
  }

  getUser(accessToken: string, now: Date): { Username: string; UserAttributes: { Name: string; Value: string }[] } {
    const { user } = this.verifyAccessToken(accessToken, now);
    return {
      Username: user.username,
      UserAttributes: [{ Name: 'sub', Value: user.sub }, ...Object.entries(user.attributes).map(([Name, Value]) => ({ Name, Value }))],
    };
  }

  /** Revokes every refresh token of the user (all clients); tokens minted from them stop working too. */
  globalSignOut(accessToken: string, now: Date): void {
    const { user } = this.verifyAccessToken(accessToken, now);
    for (const [key, session] of [...this.sessions.entries()]) {
      if (session.userPoolId === user.userPoolId && session.sub === user.sub && !session.revoked) {
        this.sessions.put(key, { ...session, revoked: true });
      }
    }
    const event: SignOutEvent = { userPoolId: user.userPoolId, username: user.username, sub: user.sub, at: now };
    for (const listener of this.signOutListeners) listener(event);
  }

  /**
   * Checks an ID token the way a relying party must: signature by the pool's key, token_use id, expiry,
   * and (as Cognito's own APIs do) that the sign-in it came from was not signed out.
   * Issuer and audience checks against the relying party's configuration are the caller's.
   */
  checkIdToken(token: string, now: Date): IdTokenCheck {
    const decoded = decodeJwt(token);
    if (!decoded) return { valid: false, reason: 'malformed' };
    const poolId = userPoolIdFromIssuer(decoded.claims.iss);
    const pool = poolId === undefined ? undefined : this.pools.get(poolId);
    if (!pool) return { valid: false, reason: 'unknown-pool' };
    if (!hasValidSignature(token, pool.signingKey)) return { valid: false, reason: 'bad-signature' };
    if (decoded.claims.token_use !== 'id') return { valid: false, reason: 'not-id-token' };
    const exp = numericClaim(decoded.claims, 'exp');
    const nowSeconds = epochSeconds(now);
    if (exp === undefined || nowSeconds >= exp) return { valid: false, reason: 'expired', expiredAt: exp ?? 0, now: nowSeconds };
    const session = this.sessions.get(String(decoded.claims.origin_jti));
    if (!session || session.revoked) return { valid: false, reason: 'revoked' };
    return { valid: true, claims: decoded.claims };
  }

  // ---- internals ----

  private requireClient(clientId: string): UserPoolClient {
    const client = this.clients.get(clientId);
    if (!client || !this.pools.has(client.userPoolId)) throw errors.unknownClient(clientId);
    return client;
  }

  private requireUser(userPoolId: string, username: string): UserPoolUser {
    this.getUserPool(userPoolId);
    const user = this.findUser(userPoolId, username);
    if (!user) throw errors.userNotFound();
    return user;
  }

  private passwordAuth(client: UserPoolClient, params: Record<string, string>, now: Date, passwords: PasswordHasher): InitiateAuthOutput {
    const username = params.USERNAME;
    if (username === undefined) throw errors.missingAuthParameter('USERNAME');
    const password = params.PASSWORD;
    if (password === undefined) throw errors.missingAuthParameter('PASSWORD');
    const pool = this.getUserPool(client.userPoolId);
    const user = this.findUser(pool.id, username);
    if (!user) throw client.preventUserExistenceErrors === 'ENABLED' ? errors.incorrectUsernameOrPassword() : errors.userNotFound();
    const throttleKey = userKey(user.userPoolId, user.username);
    if (this.signInThrottle.isLocked(throttleKey, now)) throw errors.notAuthorized('Password attempts exceeded');
    if (!passwords.verify(password, user.passwordHash)) {
      this.signInThrottle.recordFailure(throttleKey, now);
      throw errors.incorrectUsernameOrPassword();
    }
    this.signInThrottle.recordSuccess(throttleKey);
    if (!user.enabled) throw errors.notAuthorized('User is disabled.');

    switch (user.status) {
      case 'UNCONFIRMED':
        throw errors.userNotConfirmed();
      case 'RESET_REQUIRED':
        throw errors.passwordResetRequired();
      case 'FORCE_CHANGE_PASSWORD':
        if (user.temporaryPasswordExpiresAt && Date.parse(user.temporaryPasswordExpiresAt) <= now.getTime()) {
          throw errors.notAuthorized('Temporary password has expired and must be reset by an administrator.');
        }
        return this.newPasswordChallenge(client, user, now);
      case 'CONFIRMED':
        return { ChallengeParameters: {}, AuthenticationResult: this.startSession(pool, client, user, now) };
    }
  }

  private newPasswordChallenge(client: UserPoolClient, user: UserPoolUser, now: Date): InitiateAuthOutput {
    const session = randomBytes(192).toString('base64url');
    this.challenges.put(sha256(session), {
      userPoolId: user.userPoolId,
      clientId: client.clientId,
      username: user.username,
      challengeName: 'NEW_PASSWORD_REQUIRED',
      expiresAt: new Date(now.getTime() + CHALLENGE_SESSION_TTL_MS).toISOString(),
      used: false,
    });
    this.pruneChallenges(now);
    return {
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: session,
      // Both JSON strings are always sent: amazon-cognito-identity-js JSON.parses them unconditionally.
      ChallengeParameters: {
        USER_ID_FOR_SRP: user.username,
        requiredAttributes: JSON.stringify([]),
        userAttributes: JSON.stringify(user.attributes),
      },
    };
  }

  private pruneChallenges(now: Date): void {
    for (const [key, challenge] of [...this.challenges.entries()]) {
      if (Date.parse(challenge.expiresAt) + CHALLENGE_SESSION_TTL_MS < now.getTime()) this.challenges.delete(key);
    }
  }

  private startSession(pool: UserPool, client: UserPoolClient, user: UserPoolUser, now: Date): AuthenticationResult {
    const refreshToken = randomBytes(256).toString('base64url');
    const session: AuthSession = {
      originJti: randomUUID(),
      userPoolId: pool.id,
      clientId: client.clientId,
      username: user.username,
      sub: user.sub,
      authTime: epochSeconds(now),
      refreshTokenHash: sha256(refreshToken),
      refreshExpiresAt: new Date(now.getTime() + client.refreshTokenValidityDays * 86_400_000).toISOString(),
      revoked: false,
    };
    this.sessions.put(session.originJti, session);
    this.refreshTokens.put(session.refreshTokenHash, session.originJti);
    return { ...this.mintTokens(pool, client, user, session, now), RefreshToken: refreshToken };
  }

  private refreshAuth(client: UserPoolClient, params: Record<string, string>, now: Date): AuthenticationResult {
    const token = params.REFRESH_TOKEN;
    if (token === undefined) throw errors.missingAuthParameter('REFRESH_TOKEN');
    const originJti = this.refreshTokens.get(sha256(token));
    const session = originJti === undefined ? undefined : this.sessions.get(originJti);
    if (!session || session.clientId !== client.clientId) throw errors.notAuthorized('Invalid Refresh Token');
    if (session.revoked) throw errors.notAuthorized('Refresh Token has been revoked');
    if (Date.parse(session.refreshExpiresAt) <= now.getTime()) throw errors.notAuthorized('Refresh Token has expired');
    const user = this.findUser(session.userPoolId, session.username);
    if (!user || user.sub !== session.sub) throw errors.notAuthorized('Invalid Refresh Token');
    if (!user.enabled) throw errors.notAuthorized('User is disabled.');
    return this.mintTokens(this.getUserPool(session.userPoolId), client, user, session, now);
  }

  private mintTokens(pool: UserPool, client: UserPoolClient, user: UserPoolUser, session: AuthSession, now: Date): AuthenticationResult {
    const iat = epochSeconds(now);
    const ttl = this.settings.tokenTtlSeconds;
    const groups = user.groups
      .map((name) => this.groups.get(`${pool.id}/${name}`))
      .filter((g): g is UserPoolGroup => g !== undefined);
    const group = groupClaims(groups);
    const common = {
      sub: user.sub,
      iss: issuerFor(pool.region, pool.id),
      origin_jti: session.originJti,
      event_id: randomUUID(),
      auth_time: session.authTime,
      exp: iat + ttl,
      iat,
      jti: randomUUID(),
    };
    const idClaims: JwtClaims = {
      ...common,
      ...group,
      aud: client.clientId,
      token_use: 'id',
      'cognito:username': user.username,
      ...(user.attributes.email !== undefined ? { email: user.attributes.email } : {}),
      ...(user.attributes.email_verified !== undefined ? { email_verified: user.attributes.email_verified === 'true' } : {}),
    };
    const accessClaims: JwtClaims = {
      ...common,
      ...(group['cognito:groups'] ? { 'cognito:groups': group['cognito:groups'] } : {}),
      jti: randomUUID(),
      client_id: client.clientId,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      username: user.username,
    };
    return {
      AccessToken: signJwt(accessClaims, pool.signingKey),
      IdToken: signJwt(idClaims, pool.signingKey),
      ExpiresIn: ttl,
      TokenType: 'Bearer',
    };
  }

  private verifyAccessToken(token: string, now: Date): { user: UserPoolUser; session: AuthSession } {
    const invalid = (): AwsError => errors.notAuthorized('Invalid Access Token');
    const decoded = decodeJwt(token);
    if (!decoded) throw invalid();
    const poolId = userPoolIdFromIssuer(decoded.claims.iss);
    const pool = poolId === undefined ? undefined : this.pools.get(poolId);
    if (!pool || !hasValidSignature(token, pool.signingKey) || decoded.claims.token_use !== 'access') throw invalid();
    const exp = numericClaim(decoded.claims, 'exp');
    if (exp === undefined || epochSeconds(now) >= exp) throw errors.notAuthorized('Access Token has expired');
    const session = this.sessions.get(String(decoded.claims.origin_jti));
    if (!session) throw invalid();
    if (session.revoked) throw errors.notAuthorized('Access Token has been revoked');
    const user = this.findUser(pool.id, session.username);
    if (!user || user.sub !== session.sub) throw errors.userNotFound();
    if (!user.enabled) throw errors.notAuthorized('User is disabled.');
    return { user, session };
  }
}
