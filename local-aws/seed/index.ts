import { ACCOUNT_ID, DEFAULT_REGION, REGIONS } from '../config.ts';
import type { LocalAwsWorld } from '../server/world.ts';
import { seedConsoleSignIn, type DemoUser } from './cognito.ts';
import { seedEc2Fleet } from './ec2-fleet.ts';
import { seedManagedPolicyCatalog } from './managed-policies.ts';

/** AWS's documentation example key pair, the CLI key of IAM user local-admin. */
export const LOCAL_ADMIN_ACCESS_KEY = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
} as const;

/** The record served by GET /_local/config. */
export interface LocalConfig {
  accountId: string;
  region: string;
  regions: string[];
  userPoolId: string;
  userPoolClientId: string;
  identityPoolId: string;
  demoUsers: DemoUser[];
  adminAccessKey: { accessKeyId: string; secretAccessKey: string };
}

/**
 * Fills a new store with the demo account: the AWS managed policy catalog, IAM user local-admin
 * (AdministratorAccess) and its access key, the console's Cognito sign-in (see seed/cognito.ts),
 * the EC2 fleet, and the /_local/config record. Runs once, in one transaction.
 */
export function seedLocalAws(world: LocalAwsWorld, now: Date): void {
  world.store.transaction(() => {
    seedManagedPolicyCatalog(world.iam);

    const admin = world.iam.createUser({ userName: 'local-admin', path: '/' }, now);
    world.iam.attachUserPolicy('local-admin', 'arn:aws:iam::aws:policy/AdministratorAccess');
    world.credentials.addUserAccessKey({ ...LOCAL_ADMIN_ACCESS_KEY, userArn: admin.arn, userId: admin.userId, accountId: ACCOUNT_ID });

    const signIn = seedConsoleSignIn(world, now);
    seedEc2Fleet(world, now);

    const config: LocalConfig = {
      accountId: ACCOUNT_ID,
      region: DEFAULT_REGION,
      regions: [...REGIONS],
      ...signIn,
      adminAccessKey: { ...LOCAL_ADMIN_ACCESS_KEY },
    };
    world.store.collection<LocalConfig>('local').put('config', config);
  });
}
