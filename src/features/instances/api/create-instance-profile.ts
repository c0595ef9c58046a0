import { AddRoleToInstanceProfileCommand, CreateInstanceProfileCommand, EntityAlreadyExistsException } from '@aws-sdk/client-iam';
import { iamClient } from '../../../aws/clients.ts';

/**
 * What the IAM console does for EC2 roles and the CLI does not: a same-name instance profile holding the role.
 * An already existing same-name profile is reused (a previous attempt may have stopped after step one).
 */
export async function createInstanceProfileForRole(roleName: string): Promise<void> {
  try {
    await iamClient().send(new CreateInstanceProfileCommand({ InstanceProfileName: roleName }));
  } catch (error) {
    if (!(error instanceof EntityAlreadyExistsException)) throw error;
  }
  await iamClient().send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: roleName, RoleName: roleName }));
}
