import { randomUUID } from 'node:crypto';
import { ACCOUNT_ID, DEFAULT_REGION, type LocalAwsSettings } from '../../config.ts';
import type { CredentialStore } from '../../identity/credentials.ts';
import type { Collection, Store } from '../../store/store.ts';
import type { IamModel } from '../iam/model.ts';
import type { JwtClaims } from '../cognito-idp/jwt.ts';
import type { SignOutEvent, UserPoolModel } from '../cognito-idp/model.ts';
import { userPoolIdFromIssuer } from '../cognito-idp/tokens.ts';
import * as errors from './errors.ts';
import { trustPolicyAllows } from './trust.ts';

export const COGNITO_IDENTITY_PRINCIPAL = 'cognito-identity.amazonaws.com';
export const SESSION_NAME = 'CognitoIdentityCredentials';

export interface CognitoIdentityProvider {
  /** cognito-idp.<region>.amazonaws.com/<userPoolId> */
  providerName: string;
  clientId: string;
  /** When true the pool asks the user pool whether the user signed out (GlobalSignOut) before trusting a token. */
  serverSideTokenCheck: boolean;
}

export type MappingRuleMatch = 'Equals' | 'Contains' | 'StartsWith' | 'NotEqual';

export interface RoleMapping {
  type: 'Token' | 'Rules';
  ambiguousRoleResolution: 'AuthenticatedRole' | 'Deny';
  rules?: { claim: string; matchType: MappingRuleMatch; value: string; roleArn: string }[];
}

export interface IdentityPool {
  identityPoolId: string;
  identityPoolName: string;
  allowUnauthenticatedIdentities: boolean;
  providers: CognitoIdentityProvider[];
  roles: { authenticated?: string; unauthenticated?: string };
  /** Keyed "<providerName>:<clientId>", as SetIdentityPoolRoles takes them. */
  roleMappings: Record<string, RoleMapping>;
  createdAt: string;
}

interface Identity {
  identityId: string;
  identityPoolId: string;
  logins: string[];
  createdAt: string;
  lastModifiedAt: string;
}

/** Temporary credentials handed to a user-pool user, so GlobalSignOut can revoke them. */
interface IssuedCredential {
  accessKeyId: string;
  userPoolId: string;
  sub: string;
  expiration: string;
}

/** A verified login: the provider, the app client the token was issued to and the user's sub. */
interface VerifiedLogin {
  provider: CognitoIdentityProvider;
  userPoolId: string;
  claims: JwtClaims;
  sub: string;
}

export interface IssuedCredentials {
  IdentityId: string;
  Credentials: { AccessKeyId: string; SecretKey: string; SessionToken: string; Expiration: Date };
}

const ID_PATTERN = '[\\w-]+:[0-9a-f-]+';
const ID_REGEX = new RegExp(`^${ID_PATTERN}$`);

/**
 * Cognito identity pools, enhanced flow: GetId maps a user-pool login to a stable identity id, and
 * GetCredentialsForIdentity resolves the role (token-based or rules-based mapping) and issues temporary
 * credentials for it, which a GlobalSignOut of the user revokes.
 */
export class IdentityPoolModel {
  private readonly pools: Collection<IdentityPool>;
  private readonly identities: Collection<Identity>;
  /** "<poolId>|<providerName>|<sub>" → identity id */
  private readonly identityIndex: Collection<string>;
  private readonly issued: Collection<IssuedCredential>;

  constructor(
    store: Store,
    private readonly deps: { userPools: UserPoolModel; iam: IamModel; credentials: CredentialStore; settings: LocalAwsSettings },
  ) {
    this.pools = store.collection('cognito-identity.pools');
    this.identities = store.collection('cognito-identity.identities');
    this.identityIndex = store.collection('cognito-identity.identity-index');
    this.issued = store.collection('cognito-identity.issued-credentials');
    deps.userPools.onGlobalSignOut((event) => this.revokeCredentialsOf(event));
  }

  // ---- administration (used by the seed) ----

  createIdentityPool(
    input: { identityPoolName: string; providers: CognitoIdentityProvider[]; allowUnauthenticatedIdentities?: boolean; region?: string },
    now: Date,
  ): IdentityPool {
    const pool: IdentityPool = {
      identityPoolId: `${input.region ?? DEFAULT_REGION}:${randomUUID()}`,
      identityPoolName: input.identityPoolName,
      allowUnauthenticatedIdentities: input.allowUnauthenticatedIdentities ?? false,
      providers: input.providers.map((p) => ({ ...p })),
      roles: {},
      roleMappings: {},
      createdAt: now.toISOString(),
    };
    this.pools.put(pool.identityPoolId, pool);
    return pool;
  }

  setIdentityPoolRoles(identityPoolId: string, roles: IdentityPool['roles'], roleMappings: Record<string, RoleMapping>): void {
    const pool = this.requirePool(identityPoolId);
    this.pools.put(identityPoolId, { ...pool, roles: { ...roles }, roleMappings: structuredClone(roleMappings) });
  }

  getIdentityPool(identityPoolId: string): IdentityPool | undefined {
    return this.pools.get(identityPoolId);
  }

  // ---- public API ----

  getId(input: { identityPoolId: string; logins: Record<string, string> }, now: Date): { IdentityId: string } {
    checkIdFormat('identityPoolId', input.identityPoolId);
    const pool = this.requirePool(input.identityPoolId);
    const logins = this.verifyLogins(pool, input.logins, now);
    const first = logins[0]!;
    const indexKey = identityIndexKey(pool.identityPoolId, first.provider.providerName, first.sub);
    const existing = this.identityIndex.get(indexKey);
    if (existing && this.identities.has(existing)) return { IdentityId: existing };

    const identity: Identity = {
      identityId: `${regionOf(pool.identityPoolId)}:${randomUUID()}`,
      identityPoolId: pool.identityPoolId,
      logins: [...new Set(logins.map((l) => l.provider.providerName))],
      createdAt: now.toISOString(),
      lastModifiedAt: now.toISOString(),
    };
    this.identities.put(identity.identityId, identity);
    for (const login of logins) {
      this.identityIndex.put(identityIndexKey(pool.identityPoolId, login.provider.providerName, login.sub), identity.identityId);
    }
    return { IdentityId: identity.identityId };
  }

  getCredentialsForIdentity(
    input: { identityId: string; logins: Record<string, string>; customRoleArn?: string },
    now: Date,
  ): IssuedCredentials {
    checkIdFormat('identityId', input.identityId);
    const identity = this.identities.get(input.identityId);
    if (!identity) throw errors.identityNotFound(input.identityId);
    const pool = this.requirePool(identity.identityPoolId);
    const logins = this.verifyLogins(pool, input.logins, now);
    const matching = logins.find(
      (login) => this.identityIndex.get(identityIndexKey(pool.identityPoolId, login.provider.providerName, login.sub)) === identity.identityId,
    );
    if (!matching) throw errors.loginsDoNotMatch();

    const roleArn = this.resolveRole(pool, matching, input.customRoleArn);
    const role = this.deps.iam.findRoleByArn(roleArn);
    const amr = ['authenticated', matching.provider.providerName, `${matching.provider.providerName}:${matching.provider.clientId}:CognitoSignIn:${matching.sub}`];
    const trusted =
      role !== undefined &&
      trustPolicyAllows(role.assumeRolePolicyDocument, COGNITO_IDENTITY_PRINCIPAL, 'sts:AssumeRoleWithWebIdentity', role.arn, {
        'cognito-identity.amazonaws.com:aud': pool.identityPoolId,
        'cognito-identity.amazonaws.com:amr': amr,
        'cognito-identity.amazonaws.com:sub': identity.identityId,
      });
    if (!role || !trusted) throw errors.invalidPoolConfiguration();

    const session = this.deps.credentials.issueRoleSession({
      roleArn: role.arn,
      roleId: role.roleId,
      sessionName: SESSION_NAME,
      accountId: ACCOUNT_ID,
      ttlSeconds: this.deps.settings.credentialsTtlSeconds,
      now,
    });
    this.deps.iam.recordRoleUse(role.arn, now, regionOf(pool.identityPoolId));
    this.forgetExpiredCredentials(now);
    this.issued.put(session.accessKeyId, {
      accessKeyId: session.accessKeyId,
      userPoolId: matching.userPoolId,
      sub: matching.sub,
      expiration: session.expiration.toISOString(),
    });
    this.identities.put(identity.identityId, { ...identity, lastModifiedAt: now.toISOString() });
    return {
      IdentityId: identity.identityId,
      Credentials: {
        AccessKeyId: session.accessKeyId,
        SecretKey: session.secretAccessKey,
        SessionToken: session.sessionToken,
        Expiration: session.expiration,
      },
    };
  }

  // ---- internals ----

  private requirePool(identityPoolId: string): IdentityPool {
    const pool = this.pools.get(identityPoolId);
    if (!pool) throw errors.identityPoolNotFound(identityPoolId);
    return pool;
  }

  private verifyLogins(pool: IdentityPool, logins: Record<string, string>, now: Date): VerifiedLogin[] {
    const entries = Object.entries(logins);
    if (entries.length === 0) {
      // Unauthenticated identities are never enabled here (the console's pool forbids them).
      throw errors.unauthenticatedNotSupported();
    }
    return entries.map(([providerName, token]) => this.verifyLogin(pool, providerName, token, now));
  }

  private verifyLogin(pool: IdentityPool, providerName: string, token: string, now: Date): VerifiedLogin {
    const configured = pool.providers.filter((p) => p.providerName === providerName);
    if (configured.length === 0) throw errors.unsupportedProvider();
    const check = this.deps.userPools.checkIdToken(token, now);
    if (!check.valid) {
      switch (check.reason) {
        case 'malformed':
          throw errors.invalidLoginToken('Not a valid OpenId Connect identity token.');
        case 'expired':
          throw errors.invalidLoginToken(`Token expired: ${check.now} >= ${check.expiredAt}`);
        case 'not-id-token':
          // Access tokens carry client_id, not aud.
          throw errors.invalidLoginToken('Missing a required claim: aud');
        case 'unknown-pool':
        case 'bad-signature':
          throw errors.invalidLoginToken('Token signature invalid.');
        case 'revoked':
          if (configured.some((p) => p.serverSideTokenCheck)) throw errors.invalidLoginToken('Token has been revoked.');
          break;
      }
    }
    const claims = check.valid ? check.claims : this.claimsOf(token);
    if (claims.iss !== `https://${providerName}`) throw errors.invalidLoginToken("Issuer doesn't match providerName");
    const provider = configured.find((p) => p.clientId === claims.aud);
    if (!provider) throw errors.unsupportedProvider();
    const userPoolId = userPoolIdFromIssuer(claims.iss)!;
    if (typeof claims.sub !== 'string') throw errors.invalidLoginToken('Missing a required claim: sub');
    return { provider, userPoolId, claims, sub: claims.sub };
  }

  /** Claims of a token that is validly signed but whose sign-in was revoked (tolerated without ServerSideTokenCheck). */
  private claimsOf(token: string): JwtClaims {
    return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as JwtClaims;
  }

  private resolveRole(pool: IdentityPool, login: VerifiedLogin, customRoleArn: string | undefined): string {
    const mapping = pool.roleMappings[`${login.provider.providerName}:${login.provider.clientId}`];
    const fallback = (): string => {
      if (!pool.roles.authenticated) throw errors.invalidPoolConfiguration();
      return pool.roles.authenticated;
    };
    if (!mapping) return customRoleArn ?? fallback();

    let resolved: string | undefined;
    if (mapping.type === 'Token') {
      const roles = stringList(login.claims['cognito:roles']);
      const preferred = typeof login.claims['cognito:preferred_role'] === 'string' ? login.claims['cognito:preferred_role'] : undefined;
      if (customRoleArn !== undefined) resolved = roles.includes(customRoleArn) ? customRoleArn : undefined;
      else resolved = preferred ?? (roles.length === 1 ? roles[0] : undefined);
    } else {
      resolved = (mapping.rules ?? []).find((rule) => ruleMatches(login.claims[rule.claim], rule.matchType, rule.value))?.roleArn;
    }
    if (resolved) return resolved;
    if (mapping.ambiguousRoleResolution === 'Deny') throw errors.ambiguousRoleDenied();
    return fallback();
  }

  private forgetExpiredCredentials(now: Date): void {
    for (const [key, credential] of [...this.issued.entries()]) {
      if (Date.parse(credential.expiration) <= now.getTime()) this.issued.delete(key);
    }
  }

  private revokeCredentialsOf(event: SignOutEvent): void {
    const revoked: string[] = [];
    for (const [key, credential] of [...this.issued.entries()]) {
      if (credential.userPoolId !== event.userPoolId || credential.sub !== event.sub) continue;
      if (Date.parse(credential.expiration) > event.at.getTime()) revoked.push(credential.accessKeyId);
      this.issued.delete(key);
    }
    this.deps.credentials.revoke(revoked);
  }
}

function checkIdFormat(member: string, value: string): void {
  if (value.length > 55 || !ID_REGEX.test(value)) throw errors.patternViolation(member, value, ID_PATTERN);
}

function regionOf(id: string): string {
  return id.slice(0, id.indexOf(':'));
}

function identityIndexKey(poolId: string, providerName: string, sub: string): string {
  return `${poolId}|${providerName}|${sub}`;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function ruleMatches(claim: unknown, matchType: MappingRuleMatch, value: string): boolean {
  const values = Array.isArray(claim) ? claim.map(String) : claim === undefined ? [] : [String(claim)];
  switch (matchType) {
    case 'Equals':
      return values.includes(value);
    case 'NotEqual':
      return !values.includes(value);
    case 'Contains':
      return values.some((v) => v.includes(value));
    case 'StartsWith':
      return values.some((v) => v.startsWith(value));
  }
}
