import type { JsonObject, JsonService } from '../../protocols/operation.ts';
import { optionalString, requiredString, stringMap } from '../cognito-idp/input.ts';
import * as errors from './errors.ts';
import type { IdentityPoolModel } from './model.ts';

/** Cognito identity pools (AWSCognitoIdentityService, JSON 1.1): the enhanced-flow operations, unsigned. */
export function createCognitoIdentityService(deps: { identityPools: IdentityPoolModel }): JsonService {
  const { identityPools } = deps;
  return {
    name: 'cognito-identity',
    protocol: 'json1.1',
    targetPrefix: 'AWSCognitoIdentityService',
    accessDenied: errors.accessDenied,
    operations: {
      GetId: {
        public: true,
        handle: (input: JsonObject, ctx) =>
          identityPools.getId(
            {
              identityPoolId: requiredString(input, 'IdentityPoolId', 'identityPoolId', errors.missingMember),
              logins: stringMap(input, 'Logins') ?? {},
            },
            ctx.now,
          ),
      },
      GetCredentialsForIdentity: {
        public: true,
        handle: (input: JsonObject, ctx) => {
          const customRoleArn = optionalString(input, 'CustomRoleArn');
          return identityPools.getCredentialsForIdentity(
            {
              identityId: requiredString(input, 'IdentityId', 'identityId', errors.missingMember),
              logins: stringMap(input, 'Logins') ?? {},
              ...(customRoleArn !== undefined ? { customRoleArn } : {}),
            },
            ctx.now,
          );
        },
      },
    },
  };
}
