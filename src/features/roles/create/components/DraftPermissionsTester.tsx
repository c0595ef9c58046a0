/**
 * The wizard's "What can this role do?": IAM's policy simulator on the draft's policies before the role exists
 * (SimulateCustomPolicy): the inline policy as typed, the chosen managed policies' default versions, and the
 * permissions boundary's document when one is set.
 */
import { useQueryClient } from '@tanstack/react-query';
import { policyDocumentQueries } from '../../../../aws/get-policy-document.ts';
import { customPolicyId, simulateCustomPolicy, type MatchedStatement } from '../../../../aws/simulate.ts';
import { PermissionsTester } from '../../../../components/PermissionsTester.tsx';
import type { PermissionsValues } from '../wizard-state.ts';

/** A draft policy: its text is there already (inline) or read from IAM (managed). */
type DraftPolicy = { name: string; text: string } | { name: string; arn: string };

export function DraftPermissionsTester({ permissions }: { permissions: PermissionsValues }) {
  const queryClient = useQueryClient();
  const identityPolicies: DraftPolicy[] = [
    ...(permissions.addInlinePolicy ? [{ name: permissions.inlinePolicyName, text: permissions.inlinePolicyDocument }] : []),
    ...permissions.policies.map((policy) => ({ name: policy.name, arn: policy.arn })),
  ];
  const boundary = permissions.useBoundary && permissions.boundary ? { name: permissions.boundary.name, arn: permissions.boundary.arn } : undefined;

  const textOf = async (policy: DraftPolicy): Promise<string> =>
    'text' in policy ? policy.text : (await queryClient.fetchQuery(policyDocumentQueries.defaultVersion(policy.arn))).text;
  const sourceOf = (policyId: string): DraftPolicy | undefined =>
    policyId.startsWith('PermissionsBoundaryPolicyInputList') ? boundary : identityPolicies.find((_, index) => customPolicyId(index) === policyId);

  return (
    <PermissionsTester
      headerText="What can this role do?"
      description="Ask IAM's policy simulator what the role will be allowed to do with these policies. Nothing is created."
      action="iam:SimulateCustomPolicy"
      simulate={async (request) =>
        simulateCustomPolicy(await Promise.all(identityPolicies.map(textOf)), boundary ? await textOf(boundary) : undefined, request)
      }
      policyTextKey={['wizard', 'simulated-policy-text', identityPolicies, boundary]}
      policyText={async (statement: MatchedStatement) => {
        const source = sourceOf(statement.policyId);
        if (!source) throw new Error(`IAM matched ${statement.policyId}, which is not among the draft's policies.`);
        return textOf(source);
      }}
      policyName={(policyId) => sourceOf(policyId)?.name ?? policyId}
    />
  );
}
