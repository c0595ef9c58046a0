import { AwsError } from './aws-error.ts';

/** The code and message of the AwsError a call throws; anything else it throws (or its returning) fails the test. */
export function awsError(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof AwsError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected an AwsError');
}
