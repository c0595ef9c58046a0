import { CreatePolicyVersionCommand } from '@aws-sdk/client-iam';
import { iamClient } from '../../../aws/clients.ts';

/** CreatePolicyVersion with SetAsDefault: how a customer managed policy is edited. Returns the new version id. */
export async function createDefaultPolicyVersion(arn: string, document: string): Promise<string> {
  const output = await iamClient().send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: document, SetAsDefault: true }));
  const versionId = output.PolicyVersion?.VersionId;
  if (!versionId) throw new Error(`IAM answered CreatePolicyVersion for ${arn} without the new version id.`);
  return versionId;
}
