import { queryOptions } from '@tanstack/react-query';
import { ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam';
import { iamClient } from '../../../aws/clients.ts';
import { roleKeys, signalOption } from '../../../aws/iam-queries.ts';

export interface AttachedPolicy {
  name: string;
  arn: string;
  awsManaged: boolean;
}

export async function listAttachedRolePolicies(roleName: string, signal?: AbortSignal): Promise<AttachedPolicy[]> {
  const policies: AttachedPolicy[] = [];
  let marker: string | undefined;
  do {
    const page = await iamClient().send(
      new ListAttachedRolePoliciesCommand({ RoleName: roleName, MaxItems: 1000, ...(marker ? { Marker: marker } : {}) }),
      signalOption(signal),
    );
    for (const policy of page.AttachedPolicies ?? []) {
      const arn = policy.PolicyArn ?? '';
      policies.push({ name: policy.PolicyName ?? '', arn, awsManaged: /^arn:aws[\w-]*:iam::aws:/.test(arn) });
    }
    marker = page.IsTruncated ? page.Marker : undefined;
  } while (marker);
  return policies;
}

export const attachedPolicyQueries = {
  ofRole: (roleName: string) =>
    queryOptions({
      queryKey: roleKeys.attachedPolicies(roleName),
      queryFn: ({ signal }) => listAttachedRolePolicies(roleName, signal),
    }),
};
