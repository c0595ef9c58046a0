import type { JwtClaims } from './jwt.ts';

/** The groups of a user as the token claims need them. */
export interface GroupClaimSource {
  groupName: string;
  roleArn?: string;
  precedence?: number;
}

export interface GroupClaims {
  'cognito:groups'?: string[];
  'cognito:roles'?: string[];
  'cognito:preferred_role'?: string;
}

/**
 * cognito:groups, cognito:roles and cognito:preferred_role, as Cognito derives them: the preferred role
 * is the role of the group with the lowest Precedence; groups without a precedence rank last, and when
 * the best precedence is shared by groups with different roles there is no preferred role.
 */
export function groupClaims(groups: readonly GroupClaimSource[]): GroupClaims {
  if (groups.length === 0) return {};
  const rank = (g: GroupClaimSource): number => g.precedence ?? Number.MAX_SAFE_INTEGER;
  const ordered = [...groups].sort((a, b) => rank(a) - rank(b) || a.groupName.localeCompare(b.groupName));
  const claims: GroupClaims = { 'cognito:groups': ordered.map((g) => g.groupName) };
  const withRoles = ordered.filter((g) => g.roleArn !== undefined);
  if (withRoles.length === 0) return claims;
  claims['cognito:roles'] = [...new Set(withRoles.map((g) => g.roleArn!))];
  const best = rank(withRoles[0]!);
  const bestRoles = new Set(withRoles.filter((g) => rank(g) === best).map((g) => g.roleArn!));
  if (bestRoles.size === 1) claims['cognito:preferred_role'] = [...bestRoles][0];
  return claims;
}

export function issuerFor(region: string, userPoolId: string): string {
  return `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
}

/** The user pool id at the end of an issuer URL, or undefined if it is not a Cognito issuer. */
export function userPoolIdFromIssuer(issuer: unknown): string | undefined {
  if (typeof issuer !== 'string') return undefined;
  const match = /^https:\/\/cognito-idp\.([a-z0-9-]+)\.amazonaws\.com\/([\w-]+_[0-9a-zA-Z]+)$/.exec(issuer);
  return match?.[2];
}

export function epochSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

export function numericClaim(claims: JwtClaims, name: string): number | undefined {
  const value = claims[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
