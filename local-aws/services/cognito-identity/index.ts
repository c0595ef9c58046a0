import type { GetCredentialsForIdentityInput, GetIdInput } from '@aws-sdk/client-cognito-identity';
import * as cognitoIdentitySchemas from '@aws-sdk/client-cognito-identity';
import type { Decoded } from '../../protocols/model/decoded.ts';
import { ServiceModel } from '../../protocols/model/shapes.ts';
import type { JsonService, OperationDefinition } from '../../protocols/operation.ts';
import * as errors from './errors.ts';
import type { IdentityPoolModel } from './model.ts';

/** Cognito identity pools (AWSCognitoIdentityService, JSON 1.1): the enhanced-flow operations, unsigned. */
export function createCognitoIdentityService(deps: { identityPools: IdentityPoolModel }): JsonService {
  const { identityPools } = deps;
  const operations: Record<string, OperationDefinition> = {
    GetId: {
      public: true,
      handle: (input: Decoded<GetIdInput>, ctx) =>
        identityPools.getId({ identityPoolId: input.IdentityPoolId, logins: input.Logins ?? {} }, ctx.now),
    },
    GetCredentialsForIdentity: {
      public: true,
      handle: (input: Decoded<GetCredentialsForIdentityInput>, ctx) =>
        identityPools.getCredentialsForIdentity(
          {
            identityId: input.IdentityId,
            logins: input.Logins ?? {},
            ...(input.CustomRoleArn !== undefined ? { customRoleArn: input.CustomRoleArn } : {}),
          },
          ctx.now,
        ),
    },
  };
  return {
    name: 'cognito-identity',
    protocol: 'json1.1',
    targetPrefix: 'AWSCognitoIdentityService',
    accessDenied: errors.accessDenied,
    model: new ServiceModel('json1.1', cognitoIdentitySchemas, Object.keys(operations)),
    operations,
  };
}
