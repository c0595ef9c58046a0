/**
 * An AWS error as a value: the wire code, AWS's exact message and the HTTP status.
 * Each service's errors.ts builds these through one function per AWS error code;
 * the protocol serializers turn them into AWS's error shapes.
 */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = 400,
    /** awsQuery's <Type>: Sender for client errors, Receiver for server faults. */
    readonly fault: 'Sender' | 'Receiver' = status >= 500 ? 'Receiver' : 'Sender',
  ) {
    super(message);
    this.name = code;
  }
}
