import * as iamSchemas from '@aws-sdk/client-iam';
import { ServiceModel } from '../../protocols/model/shapes.ts';
import type { QueryService } from '../../protocols/operation.ts';
import { accessDenied } from './errors.ts';
import { instanceProfileOperations } from './handlers/instance-profiles.ts';
import { policyOperations } from './handlers/policies.ts';
import { roleOperations } from './handlers/roles.ts';
import { simulationOperations } from './handlers/simulation.ts';
import { userOperations } from './handlers/users.ts';
import type { IamModel } from './model.ts';

/** IAM (awsQuery, 2010-05-08): roles, managed and inline policies, instance profiles, tags, GetUser, the policy simulator. */
export function createIamService(deps: { iam: IamModel }): QueryService {
  const operations = {
    ...roleOperations(deps.iam),
    ...policyOperations(deps.iam),
    ...instanceProfileOperations(deps.iam),
    ...userOperations(deps.iam),
    ...simulationOperations(deps.iam),
  };
  return {
    name: 'iam',
    protocol: 'awsQuery',
    version: '2010-05-08',
    xmlNamespace: 'https://iam.amazonaws.com/doc/2010-05-08/',
    accessDenied,
    model: new ServiceModel('awsQuery', iamSchemas, Object.keys(operations)),
    operations,
  };
}
