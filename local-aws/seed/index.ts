import { ACCOUNT_ID, DEFAULT_REGION, REGIONS } from '../config.ts';
import type { CredentialStore } from '../identity/credentials.ts';
import type { IdentityPoolModel } from '../services/cognito-identity/model.ts';
import type { UserPoolModel } from '../services/cognito-idp/model.ts';
import type { Ec2Model } from '../services/ec2/model.ts';
import type { IamModel } from '../services/iam/model.ts';
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

/** The models the demo account is written into. */
export interface DemoAccountModels {
  credentials: CredentialStore;
  iam: IamModel;
  ec2: Ec2Model;
  userPools: UserPoolModel;
  identityPools: IdentityPoolModel;
}

/**
 * Fills new models with the demo account: the AWS managed policy catalog, IAM user local-admin
 * (AdministratorAccess) and its access key, the console's Cognito sign-in (see seed/cognito.ts) and
 * the EC2 fleet. Answers the record that GET /_local/config serves. The caller runs it in one transaction.
 */
export function seedLocalAws(models: DemoAccountModels, now: Date): LocalConfig {
  const { iam, credentials } = models;
  seedManagedPolicyCatalog(iam);

  const admin = iam.createUser({ userName: 'local-admin', path: '/' }, now);
  iam.attachUserPolicy('local-admin', 'arn:aws:iam::aws:policy/AdministratorAccess');
  credentials.addUserAccessKey({ ...LOCAL_ADMIN_ACCESS_KEY, userArn: admin.arn, userId: admin.userId, accountId: ACCOUNT_ID });

  const signIn = seedConsoleSignIn(models, now);
  seedEc2Fleet(models, now);

  return {
    accountId: ACCOUNT_ID,
    region: DEFAULT_REGION,
    regions: [...REGIONS],
    ...signIn,
    adminAccessKey: { ...LOCAL_ADMIN_ACCESS_KEY },
  };
}
