import { ACCOUNT_ID, DEFAULT_REGION } from '../config.ts';
import type { IdentityPoolModel } from '../services/cognito-identity/model.ts';
import type { UserPoolModel } from '../services/cognito-idp/model.ts';
import type { IamModel } from '../services/iam/model.ts';
import { createConsoleRole } from './console-roles.ts';

export interface DemoUser {
  username: string;
  password: string;
  description: string;
}

export interface ConsoleSignInSeed {
  userPoolId: string;
  userPoolClientId: string;
  identityPoolId: string;
  demoUsers: DemoUser[];
}

interface DemoUserSpec extends DemoUser {
  email: string;
  group: 'admins' | 'viewers';
  /** false: the password is temporary and the user must choose a new one at first sign-in. */
  permanent: boolean;
}

const DEMO_USERS: DemoUserSpec[] = [
  {
    username: 'admin',
    password: 'Admin-Passw0rd!',
    email: 'admin@example.com',
    group: 'admins',
    permanent: true,
    description: 'Group admins, role console-admin: may do everything the console offers.',
  },
  {
    username: 'viewer',
    password: 'Viewer-Passw0rd!',
    email: 'viewer@example.com',
    group: 'viewers',
    permanent: true,
    description: 'Group viewers, role console-viewer: read-only; IAM denies creating or attaching.',
  },
  {
    username: 'newhire',
    password: 'Welcome-Temp0!',
    email: 'newhire@example.com',
    group: 'admins',
    permanent: false,
    description: 'Group admins; the password is temporary: must choose a new one at first sign-in.',
  },
];

/**
 * What deploy/cloudformation.yaml creates on AWS, built through the models: the user pool (admin-created
 * users only), its app client (no secret; USER_PASSWORD_AUTH and refresh), the identity pool with the
 * user pool as its only provider, the two console roles, the groups that map to them, token-based role
 * mapping that denies ambiguous users, and the three demo users.
 */
export function seedConsoleSignIn(world: { userPools: UserPoolModel; identityPools: IdentityPoolModel; iam: IamModel }, now: Date): ConsoleSignInSeed {
  const { userPools, identityPools, iam } = world;
  const pool = userPools.createUserPool(
    {
      poolName: 'iam-role-console-users',
      region: DEFAULT_REGION,
      accountId: ACCOUNT_ID,
      adminCreateUserOnly: true,
      passwordPolicy: { minimumLength: 8, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: true, temporaryPasswordValidityDays: 7 },
    },
    now,
  );
  const client = userPools.createUserPoolClient(
    pool.id,
    { clientName: 'iam-role-console-web', explicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'], preventUserExistenceErrors: 'ENABLED' },
    now,
  );
  const providerName = `cognito-idp.${pool.region}.amazonaws.com/${pool.id}`;
  const identityPool = identityPools.createIdentityPool(
    {
      identityPoolName: 'iam_role_console',
      region: DEFAULT_REGION,
      allowUnauthenticatedIdentities: false,
      providers: [{ providerName, clientId: client.clientId, serverSideTokenCheck: true }],
    },
    now,
  );

  const adminRole = createConsoleRole(iam, 'console-admin', identityPool.identityPoolId, now);
  const viewerRole = createConsoleRole(iam, 'console-viewer', identityPool.identityPoolId, now);
  userPools.createGroup(pool.id, { groupName: 'admins', description: 'Console administrators', roleArn: adminRole.arn, precedence: 1 }, now);
  userPools.createGroup(pool.id, { groupName: 'viewers', description: 'Console read-only users', roleArn: viewerRole.arn, precedence: 2 }, now);
  identityPools.setIdentityPoolRoles(
    identityPool.identityPoolId,
    { authenticated: viewerRole.arn },
    { [`${providerName}:${client.clientId}`]: { type: 'Token', ambiguousRoleResolution: 'Deny' } },
  );

  for (const spec of DEMO_USERS) {
    userPools.adminCreateUser(pool.id, { username: spec.username, temporaryPassword: spec.password, attributes: { email: spec.email, email_verified: 'true' } }, now);
    if (spec.permanent) userPools.adminSetUserPassword(pool.id, spec.username, spec.password, true, now);
    userPools.adminAddUserToGroup(pool.id, spec.username, spec.group);
  }

  return {
    userPoolId: pool.id,
    userPoolClientId: client.clientId,
    identityPoolId: identityPool.identityPoolId,
    demoUsers: DEMO_USERS.map(({ username, password, description }) => ({ username, password, description })),
  };
}
