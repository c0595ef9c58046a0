/**
 * Role → "Test permissions": IAM's policy simulator on the role's own policies (SimulatePrincipalPolicy). A
 * matched statement's policy is read by its name: an inline policy with GetRolePolicy, a managed one (attached
 * or the boundary) by its default version, so the highlighted statement is in the very text IAM evaluated.
 */
import { useQueryClient } from '@tanstack/react-query';
import { policyDocumentQueries } from '../../../aws/get-policy-document.ts';
import { roleKeys } from '../../../aws/iam-queries.ts';
import { simulatePrincipalPolicy, type MatchedStatement } from '../../../aws/simulate.ts';
import { PermissionsTester } from '../../../components/PermissionsTester.tsx';
import type { RoleDetails } from '../api/get-role.ts';
import { attachedPolicyQueries } from '../api/list-attached-role-policies.ts';
import { getRolePolicy } from '../api/list-role-policies.ts';

export function TestPermissionsTab({ role }: { role: RoleDetails }) {
  const queryClient = useQueryClient();

  const policyText = async (statement: MatchedStatement, signal: AbortSignal): Promise<string> => {
    if (statement.policyType === 'role') return (await getRolePolicy(role.name, statement.policyId, signal)).text;
    const attached = await queryClient.fetchQuery(attachedPolicyQueries.ofRole(role.name));
    const candidates = [...attached.map((policy) => policy.arn), ...(role.boundaryArn ? [role.boundaryArn] : [])];
    const arn = candidates.find((candidate) => candidate.endsWith(`/${statement.policyId}`));
    if (!arn) throw new Error(`The role no longer has a policy named ${statement.policyId}; refresh and run the test again.`);
    return (await queryClient.fetchQuery(policyDocumentQueries.defaultVersion(arn))).text;
  };

  return (
    <PermissionsTester
      headerText="Test permissions"
      description="Ask IAM's policy simulator what this role may do. Nothing is changed."
      action="iam:SimulatePrincipalPolicy"
      simulate={(request) => simulatePrincipalPolicy(role.arn, request)}
      policyTextKey={[...roleKeys.role(role.name), 'simulated-policy-text']}
      policyText={policyText}
    />
  );
}
