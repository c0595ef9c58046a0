/** What the create plan will make, as an export as code describes it: the review step shows it before anything exists. */
import type { RoleExport } from '../../../../iac/role-export.ts';
import type { Step } from './create-plan.ts';

/** IAM's default when CreateRole has no MaxSessionDuration. */
const DEFAULT_MAX_SESSION_SECONDS = 3600;

export function roleExportOfPlan(plan: readonly Step[]): RoleExport | undefined {
  let exported: RoleExport | undefined;
  for (const step of plan) {
    if (step.command === 'CreateRole') {
      const { input } = step;
      exported = {
        role: {
          RoleName: input.RoleName,
          Path: input.Path,
          MaxSessionDuration: input.MaxSessionDuration ?? DEFAULT_MAX_SESSION_SECONDS,
          ...(input.Description ? { Description: input.Description } : {}),
          AssumeRolePolicyDocument: input.AssumeRolePolicyDocument,
          ...(input.PermissionsBoundary ? { PermissionsBoundaryArn: input.PermissionsBoundary } : {}),
          Tags: input.Tags ?? [],
        },
        inlinePolicies: [],
        managedPolicyArns: [],
      };
    } else if (exported && step.command === 'AttachRolePolicy') exported.managedPolicyArns.push(step.input.PolicyArn);
    else if (exported && step.command === 'PutRolePolicy') exported.inlinePolicies.push({ PolicyName: step.input.PolicyName, PolicyDocument: step.input.PolicyDocument });
    else if (exported && step.command === 'CreateInstanceProfile') exported.instanceProfile = { InstanceProfileName: step.input.InstanceProfileName, Path: step.input.Path };
  }
  return exported;
}
