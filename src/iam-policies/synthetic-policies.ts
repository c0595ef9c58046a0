import type { PolicyListItem } from './filter-policies';

const SERVICES = [
  'AmazonEC2',
  'AmazonS3',
  'AWSLambda',
  'AmazonDynamoDB',
  'CloudWatch',
  'AmazonSSM',
  'AWSCodeBuild',
  'AmazonRDS',
  'AmazonSQS',
  'IAM',
];
const ACCESS = ['FullAccess', 'ReadOnlyAccess', 'PowerUser', 'ServiceRolePolicy', 'ManagedInstanceCore'];

/**
 * A deterministic list shaped like an account's ListPolicies output (mostly AWS managed, some job-function and
 * customer managed policies), for the filter's unit test and `npm run bench`.
 */
export function syntheticPolicies(count: number): PolicyListItem[] {
  return Array.from({ length: count }, (_, index) => {
    const name = `${SERVICES[index % SERVICES.length]}${ACCESS[Math.floor(index / SERVICES.length) % ACCESS.length]}${index}`;
    const kind = index % 20;
    if (kind === 0)
      return {
        name,
        path: '/',
        arn: `arn:aws:iam::123456789012:policy/${name}`,
        description: `Customer policy number ${index}`,
      };
    const path = kind === 1 ? '/job-function/' : kind < 6 ? '/service-role/' : '/';
    return {
      name,
      path,
      arn: `arn:aws:iam::aws:policy${path}${name}`,
      description: `Provides access to ${SERVICES[index % SERVICES.length]} (${index}).`,
    };
  });
}
