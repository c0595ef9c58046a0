import * as stsSchemas from '@aws-sdk/client-sts';
import { AwsError } from '../../protocols/aws-error.ts';
import { ServiceModel } from '../../protocols/model/shapes.ts';
import type { OperationDefinition, QueryService } from '../../protocols/operation.ts';
import { accessDenied } from './errors.ts';

/** STS (awsQuery, 2011-06-15): GetCallerIdentity, which every signed caller may call. */
export function createStsService(): QueryService {
  const operations: Record<string, OperationDefinition> = {
    GetCallerIdentity: {
      handle: (_input, ctx) => {
        // The server always allows this action (AWS: no permission needed, not even an explicit Deny stops it).
        ctx.authorize('sts:GetCallerIdentity', '*');
        const caller = ctx.caller;
        if (!caller) throw new AwsError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
        return { Arn: caller.arn, UserId: caller.userId, Account: caller.accountId };
      },
    },
  };
  return {
    name: 'sts',
    protocol: 'awsQuery',
    version: '2011-06-15',
    xmlNamespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
    accessDenied,
    model: new ServiceModel('awsQuery', stsSchemas, Object.keys(operations)),
    operations,
  };
}
