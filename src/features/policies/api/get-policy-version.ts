import { queryOptions } from '@tanstack/react-query';
import { GetPolicyVersionCommand } from '@aws-sdk/client-iam';
import { iamClient } from '../../../aws/clients.ts';
import { decodePolicyDocumentText } from '../../../aws/policy-document.ts';
import { signalOption } from '../../../aws/iam-queries.ts';
import { policyKeys } from '../../../aws/policy-keys.ts';

export interface PolicyVersionDocument {
  versionId: string;
  isDefault: boolean;
  createdAt?: Date;
  /** The document as IAM stores it (decoded from the URL-encoded wire form). */
  text: string;
  /** The same, pretty-printed when it parses. */
  json: string;
}

function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 4);
  } catch {
    return text;
  }
}

/** GetPolicyVersion for any version id; versions never change once created, so the result stays fresh. */
export async function getPolicyVersion(arn: string, versionId: string, signal?: AbortSignal): Promise<PolicyVersionDocument> {
  const output = await iamClient().send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: versionId }), signalOption(signal));
  const version = output.PolicyVersion;
  if (version?.Document === undefined) throw new Error(`IAM returned no document for ${arn} version ${versionId}.`);
  const text = decodePolicyDocumentText(version.Document);
  return {
    versionId,
    isDefault: version.IsDefaultVersion === true,
    ...(version.CreateDate ? { createdAt: version.CreateDate } : {}),
    text,
    json: pretty(text),
  };
}

export const policyVersionQueries = {
  version: (arn: string, versionId: string) =>
    queryOptions({
      queryKey: policyKeys.version(arn, versionId),
      queryFn: ({ signal }) => getPolicyVersion(arn, versionId, signal),
      staleTime: Infinity,
    }),
};
