import { DeletePolicyVersionCommand } from '@aws-sdk/client-iam';
import { iamClient } from '../../../aws/clients.ts';

/** DeletePolicyVersion; IAM refuses the default version (DeleteConflict). */
export async function deletePolicyVersion(arn: string, versionId: string): Promise<void> {
  await iamClient().send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: versionId }));
}
