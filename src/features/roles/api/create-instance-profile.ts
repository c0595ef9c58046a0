import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AddRoleToInstanceProfileCommand, CreateInstanceProfileCommand } from '@aws-sdk/client-iam';
import { iamClient } from '../../../aws/clients.ts';
import { describeAwsError } from '../../../aws/errors.ts';
import { invalidateProfiles } from './invalidate.ts';

/**
 * What the IAM console does for an EC2 role and the CLI does not: CreateInstanceProfile with the role's name,
 * then AddRoleToInstanceProfile. An existing same-name profile is reused (an earlier attempt may have stopped
 * after the first call); if it already holds another role, IAM refuses the second call with LimitExceeded.
 */
export async function createInstanceProfileForRole(input: { roleName: string }): Promise<void> {
  try {
    await iamClient().send(new CreateInstanceProfileCommand({ InstanceProfileName: input.roleName, Path: '/' }));
  } catch (error) {
    if (describeAwsError(error).code !== 'EntityAlreadyExists') throw error;
  }
  await iamClient().send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: input.roleName, RoleName: input.roleName }));
}

export function useCreateInstanceProfileForRole() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createInstanceProfileForRole, onSettled: () => invalidateProfiles(queryClient) });
}
