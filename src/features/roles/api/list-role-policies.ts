import { queryOptions } from '@tanstack/react-query';
import { GetRolePolicyCommand, ListRolePoliciesCommand } from '@aws-sdk/client-iam';
import { iamClient } from '../../../aws/clients.ts';
import { decodePolicyDocumentText } from '../../../aws/policy-document.ts';
import { prettyJson } from './get-role.ts';
import { roleKeys, signalOption } from '../../../aws/iam-queries.ts';

export interface InlinePolicy {
  name: string;
  /** Readable JSON (IAM sends the document URL-encoded). */
  document: string;
  /** The document exactly as IAM stores it (decoded): the text the policy simulator's positions refer to. */
  text: string;
}

export async function listRolePolicyNames(roleName: string, signal?: AbortSignal): Promise<string[]> {
  const names: string[] = [];
  let marker: string | undefined;
  do {
    const page = await iamClient().send(
      new ListRolePoliciesCommand({ RoleName: roleName, MaxItems: 1000, ...(marker ? { Marker: marker } : {}) }),
      signalOption(signal),
    );
    names.push(...(page.PolicyNames ?? []));
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return names;
}

export async function getRolePolicy(roleName: string, policyName: string, signal?: AbortSignal): Promise<InlinePolicy> {
  const output = await iamClient().send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: policyName }), signalOption(signal));
  const text = decodePolicyDocumentText(output.PolicyDocument ?? '');
  return { name: output.PolicyName ?? policyName, document: prettyJson(text), text };
}

/**
 * Every inline policy with its document: the editor needs the others' sizes for IAM's 10,240-character
 * aggregate quota, and roles have few inline policies.
 */
export async function listInlinePolicies(roleName: string, signal?: AbortSignal): Promise<InlinePolicy[]> {
  const names = await listRolePolicyNames(roleName, signal);
  return Promise.all(names.map((name) => getRolePolicy(roleName, name, signal)));
}

export const inlinePolicyQueries = {
  ofRole: (roleName: string) =>
    queryOptions({
      queryKey: roleKeys.inlinePolicies(roleName),
      queryFn: ({ signal }) => listInlinePolicies(roleName, signal),
    }),
};
