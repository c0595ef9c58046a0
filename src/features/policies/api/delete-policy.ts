import { DeletePolicyCommand } from '@aws-sdk/client-iam';
import { iamClient } from '../../../aws/clients.ts';

/** DeletePolicy; IAM refuses while the policy is attached or has non-default versions (see model/changes.ts). */
export async function deletePolicy(arn: string): Promise<void> {
  await iamClient().send(new DeletePolicyCommand({ PolicyArn: arn }));
}
