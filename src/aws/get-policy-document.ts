import { queryOptions } from '@tanstack/react-query';
import { GetPolicyCommand, GetPolicyVersionCommand } from '@aws-sdk/client-iam';
import { iamClient } from './clients.ts';
import { decodePolicyDocumentText } from './policy-document.ts';
import { policyKeys } from './policy-keys.ts';

export interface PolicyDocumentVersion {
  arn: string;
  versionId: string;
  /** The document as readable JSON text (IAM sends it URL-encoded), pretty-printed when it parses. */
  json: string;
  /** The document exactly as IAM stores it (decoded): the text the policy simulator's line and column refer to. */
  text: string;
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 4);
  } catch {
    return text;
  }
}

/** GetPolicy (for the default version id) then GetPolicyVersion, decoding IAM's URL-encoded document. */
export async function getPolicyDocument(arn: string, signal?: AbortSignal): Promise<PolicyDocumentVersion> {
  const options = signal ? { abortSignal: signal } : {};
  const policy = await iamClient().send(new GetPolicyCommand({ PolicyArn: arn }), options);
  const versionId = policy.Policy?.DefaultVersionId;
  if (!versionId) throw new Error(`IAM returned no default version for ${arn}.`);
  const version = await iamClient().send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: versionId }), options);
  const document = version.PolicyVersion?.Document;
  if (document === undefined) throw new Error(`IAM returned no document for ${arn} version ${versionId}.`);
  const text = decodePolicyDocumentText(document);
  return { arn, versionId, json: prettyJson(text), text };
}

export const policyDocumentQueries = {
  defaultVersion: (arn: string) =>
    queryOptions({
      queryKey: policyKeys.defaultDocument(arn),
      queryFn: ({ signal }) => getPolicyDocument(arn, signal),
      staleTime: 5 * 60_000,
    }),
};
