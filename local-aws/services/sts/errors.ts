import { AwsError } from '../../protocols/aws-error.ts';

/** STS errors (awsQuery): <Type>Sender</Type> for client errors. */
export function accessDenied(message: string): AwsError {
  return new AwsError('AccessDenied', message, 403, 'Sender');
}
