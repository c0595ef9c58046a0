import { SetDefaultPolicyVersionCommand } from '@aws-sdk/client-iam';
import { iamClient } from '../../../aws/clients.ts';

export async function setDefaultPolicyVersion(arn: string, versionId: string): Promise<void> {
  await iamClient().send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn, VersionId: versionId }));
}
