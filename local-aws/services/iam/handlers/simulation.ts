import type { SimulateCustomPolicyRequest, SimulatePrincipalPolicyRequest } from '@aws-sdk/client-iam';
import type { Decoded } from '../../../protocols/model/decoded.ts';
import type { IamModel } from '../model.ts';
import { simulatePolicies } from '../simulation.ts';
import { authorizer, page, type IamOperations } from './input.ts';

export function simulationOperations(iam: IamModel): IamOperations {
  return {
    SimulatePrincipalPolicy: {
      handle: (input: Decoded<SimulatePrincipalPolicyRequest>, ctx) =>
        simulatePolicies(
          iam,
          {
            policySourceArn: input.PolicySourceArn,
            policyInputList: input.PolicyInputList ?? [],
            permissionsBoundaryPolicyInputList: input.PermissionsBoundaryPolicyInputList,
            actionNames: input.ActionNames,
            resourceArns: input.ResourceArns,
            resourcePolicy: input.ResourcePolicy,
            resourceOwner: input.ResourceOwner,
            callerArn: input.CallerArn,
            contextEntries: input.ContextEntries,
            resourceHandlingOption: input.ResourceHandlingOption,
            page: page(input),
          },
          authorizer(ctx),
        ),
    },
    SimulateCustomPolicy: {
      handle: (input: Decoded<SimulateCustomPolicyRequest>, ctx) =>
        simulatePolicies(
          iam,
          {
            policyInputList: input.PolicyInputList,
            permissionsBoundaryPolicyInputList: input.PermissionsBoundaryPolicyInputList,
            organizationPolicies: input.OrderedOrganizationPolicyInputList?.flatMap(
              (level) => level.ServiceControlPolicyInputList ?? [],
            ),
            actionNames: input.ActionNames,
            resourceArns: input.ResourceArns,
            resourcePolicy: input.ResourcePolicy,
            resourceOwner: input.ResourceOwner,
            callerArn: input.CallerArn,
            contextEntries: input.ContextEntries,
            resourceHandlingOption: input.ResourceHandlingOption,
            page: page(input),
          },
          authorizer(ctx),
        ),
    },
  };
}
