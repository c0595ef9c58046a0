/**
 * What a model-driven decoder found wrong with a request, and AWS's answer to it for each protocol.
 * Only presence and wire types are checked here; lengths, patterns and enums are not in the SDK's models
 * and stay with each service's constraint tables.
 */
import { AwsError } from '../aws-error.ts';
import type { Protocol } from './shapes.ts';

export type ProblemKind = 'missing' | 'number' | 'boolean' | 'timestamp' | 'json-type';

export interface DecodeProblem {
  kind: ProblemKind;
  /** The member as AWS's validation messages name it: tags.1.member.key */
  messagePath: string;
  /** The member as the request names it: Tags.member.1.Key, Filter.1.Name, ClientId */
  wirePath: string;
  /** The value received, for a malformed one. */
  raw?: string;
}

function counted(problems: readonly string[]): string {
  const count = problems.length;
  return `${count} validation error${count === 1 ? '' : 's'} detected: ${problems.join('; ')}`;
}

const COMPLAINT: Record<Exclude<ProblemKind, 'missing' | 'json-type'>, string> = {
  number: 'Member must be a number',
  boolean: 'Member must be a boolean',
  timestamp: 'Member must be a timestamp',
};

/** IAM, STS: one ValidationError listing every problem; the value is not echoed (the style of IAM's validation.ts). */
function awsQueryError(problems: readonly DecodeProblem[]): AwsError {
  const sentences = problems.map(
    (problem) =>
      `Value at '${problem.messagePath}' failed to satisfy constraint: ${problem.kind === 'missing' ? 'Member must not be null' : COMPLAINT[problem.kind as keyof typeof COMPLAINT]}`,
  );
  return new AwsError('ValidationError', counted(sentences));
}

/** EC2 stops at the first problem: MissingParameter naming the wire parameter, or InvalidParameterValue. */
function ec2QueryError(problems: readonly DecodeProblem[]): AwsError {
  const first = problems[0]!;
  if (first.kind === 'missing') return new AwsError('MissingParameter', `The request must contain the parameter ${first.wirePath}`);
  return new AwsError('InvalidParameterValue', `Invalid value '${first.raw ?? ''}' for ${first.messagePath}`);
}

/**
 * Cognito (both JSON services here are Cognito's): a member of the wrong JSON type fails deserialization
 * (SerializationException) before any validation; missing members are InvalidParameterException, "Value null at".
 * AWS's SerializationException text names internal Java classes; this names the member instead.
 */
function jsonError(problems: readonly DecodeProblem[]): AwsError {
  const badType = problems.find((problem) => problem.kind !== 'missing');
  if (badType) return new AwsError('SerializationException', `Unexpected JSON type for ${badType.wirePath}`);
  return new AwsError(
    'InvalidParameterException',
    counted(problems.map((problem) => `Value null at '${problem.messagePath}' failed to satisfy constraint: Member must not be null`)),
  );
}

export function decodeError(protocol: Protocol, problems: readonly DecodeProblem[]): AwsError {
  switch (protocol) {
    case 'awsQuery':
      return awsQueryError(problems);
    case 'ec2Query':
      return ec2QueryError(problems);
    case 'json1.1':
      return jsonError(problems);
  }
}
