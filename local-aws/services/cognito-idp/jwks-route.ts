import type { UserPoolModel } from './model.ts';

const JWKS_PATH = /^\/([\w-]+_[0-9a-zA-Z]+)\/\.well-known\/jwks\.json$/;

/**
 * `GET /<userPoolId>/.well-known/jwks.json`, as Cognito publishes it at
 * https://cognito-idp.<region>.amazonaws.com/<userPoolId>/.well-known/jwks.json.
 * Returns undefined when the path is not a JWKS path, so the server can try its other routes.
 */
export function jwksRoute(userPools: UserPoolModel, method: string, pathname: string): { status: number; body: unknown } | undefined {
  const match = JWKS_PATH.exec(pathname);
  if (!match || (method !== 'GET' && method !== 'HEAD')) return undefined;
  const jwks = userPools.jwksFor(match[1]!);
  return jwks ? { status: 200, body: jwks } : { status: 404, body: { message: `User pool ${match[1]} does not exist.` } };
}
