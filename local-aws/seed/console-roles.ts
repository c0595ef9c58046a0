import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { IamModel, RoleRecord } from '../services/iam/model.ts';

export const CONSOLE_ROLE_PATH = '/iam-role-console/';
export type ConsoleRoleName = 'console-admin' | 'console-viewer';

/**
 * The permissions of a console role: deploy/policies/<name>.json, the very documents
 * deploy/cloudformation.yaml embeds (test/deploy/template-policies.test.ts keeps them equal).
 */
export function consoleRolePolicy(name: ConsoleRoleName): string {
  return readFileSync(fileURLToPath(new URL(`../../deploy/policies/${name}.json`, import.meta.url)), 'utf8');
}

/** Trust for Cognito identity-pool users of one pool, signed in (amr authenticated), as on AWS. */
export function consoleRoleTrustPolicy(identityPoolId: string): string {
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: 'cognito-identity.amazonaws.com' },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: { 'cognito-identity.amazonaws.com:aud': identityPoolId },
            'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
          },
        },
      ],
    },
    null,
    2,
  );
}

const DESCRIPTIONS: Record<ConsoleRoleName, string> = {
  'console-admin': 'IAM role console: administrators (groups admins). Creates EC2 roles and attaches them to instances.',
  'console-viewer': 'IAM role console: read-only users (group viewers).',
};

/** Creates a console role with its trust policy and its inline permissions policy of the same name. */
export function createConsoleRole(iam: IamModel, name: ConsoleRoleName, identityPoolId: string, now: Date): RoleRecord {
  const role = iam.createRole(
    { roleName: name, path: CONSOLE_ROLE_PATH, assumeRolePolicyDocument: consoleRoleTrustPolicy(identityPoolId), description: DESCRIPTIONS[name] },
    now,
  );
  iam.putRolePolicy(name, name, consoleRolePolicy(name));
  return role;
}
