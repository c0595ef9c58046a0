/** Claims the console reads from a Cognito ID token. The token is verified by AWS, not here. */
export interface IdTokenClaims {
  /** The user's immutable identifier in the pool (a user name can be deleted and created again for someone else). */
  sub: string;
  username: string;
  groups: string[];
  email?: string;
}

function decodeBase64Url(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(segment.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

export function readIdTokenClaims(idToken: string): IdTokenClaims {
  const payload = idToken.split('.')[1];
  if (!payload) throw new Error('The ID token is not a JWT.');
  const claims = JSON.parse(decodeBase64Url(payload)) as Record<string, unknown>;
  const groups = Array.isArray(claims['cognito:groups']) ? claims['cognito:groups'].filter((g): g is string => typeof g === 'string') : [];
  const username =
    (typeof claims['cognito:username'] === 'string' && claims['cognito:username']) ||
    (typeof claims.username === 'string' && claims.username) ||
    (typeof claims.sub === 'string' ? claims.sub : '');
  const sub = typeof claims.sub === 'string' ? claims.sub : '';
  return { sub, username, groups, ...(typeof claims.email === 'string' ? { email: claims.email } : {}) };
}
