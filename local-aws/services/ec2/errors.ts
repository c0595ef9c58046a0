import { randomBytes } from 'node:crypto';
import { AwsError } from '../../protocols/aws-error.ts';

/**
 * EC2's errors, one function per wire code (HTTP 400 unless noted), with AWS's message texts.
 * Texts marked "inferred" follow AWS's pattern for the same code but were not captured from real AWS.
 */

export function missingParameter(name: string): AwsError {
  return new AwsError('MissingParameter', `The request must contain the parameter ${name}`);
}

export function invalidParameterValue(message: string): AwsError {
  return new AwsError('InvalidParameterValue', message);
}

export function invalidParameterCombination(message: string): AwsError {
  return new AwsError('InvalidParameterCombination', message);
}

export function invalidFilter(name: string): AwsError {
  return invalidParameterValue(`The filter '${name}' is invalid`);
}

/** Real for values under 5; the upper-bound text mirrors it (inferred). */
export function maxResultsOutOfRange(value: string, min: number, max: number): AwsError {
  const bound = Number(value) < min ? `greater than ${min}` : `less than or equal to ${max}`;
  return invalidParameterValue(`Value ( ${value} ) for parameter maxResults is invalid. Expecting a value ${bound}.`);
}

export function instancesSetWithMaxResults(): AwsError {
  return invalidParameterCombination('The parameter instancesSet cannot be used with the parameter maxResults');
}

export function invalidPaginationToken(): AwsError {
  return new AwsError('InvalidPaginationToken', 'The specified pagination token is not valid or is expired.');
}

export function invalidInstanceIdMalformed(id: string): AwsError {
  return new AwsError('InvalidInstanceID.Malformed', `Invalid id: "${id}"`);
}

export function invalidInstanceIdNotFound(ids: readonly string[]): AwsError {
  const message =
    ids.length === 1 ? `The instance ID '${ids[0]}' does not exist` : `The instance IDs '${ids.join(', ')}' do not exist`;
  return new AwsError('InvalidInstanceID.NotFound', message);
}

export function invalidIamInstanceProfileName(name: string): AwsError {
  return invalidParameterValue(`Value (${name}) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name`);
}

export function invalidIamInstanceProfileArn(arn: string): AwsError {
  return invalidParameterValue(`Value (${arn}) for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN`);
}

/** Seen at launch on real AWS; used for Associate/Replace too (unverified there). */
export function iamInstanceProfileHasNoRoles(arn: string): AwsError {
  return invalidParameterValue(`IAM Instance Profile "${arn}" has no associated IAM Roles`);
}

export function existingAssociation(instanceId: string): AwsError {
  return new AwsError('IncorrectState', `There is an existing association for instance ${instanceId}`);
}

export function notActiveAssociation(associationId: string): AwsError {
  return new AwsError('IncorrectState', `The association ${associationId} is not the active association`);
}

export function notRunningOrStopped(instanceId: string): AwsError {
  return new AwsError('IncorrectInstanceState', `The instance '${instanceId}' is not in the 'running' or 'stopped' states.`);
}

export function cannotBeStarted(instanceId: string): AwsError {
  return new AwsError('IncorrectInstanceState', `The instance '${instanceId}' is not in a state from which it can be started.`);
}

export function cannotBeStopped(instanceId: string): AwsError {
  return new AwsError('IncorrectInstanceState', `This instance '${instanceId}' is not in a state from which it can be stopped.`);
}

export function invalidAssociationIdValue(): AwsError {
  return invalidParameterValue('Invalid value for associationId.');
}

/** Inferred from AWS's wording for other association ids (e.g. eipassoc-). */
export function associationNotFound(associationId: string): AwsError {
  return new AwsError('InvalidAssociationID.NotFound', `The association ID '${associationId}' does not exist`);
}

export function invalidAmiIdMalformed(imageId: string): AwsError {
  return new AwsError('InvalidAMIID.Malformed', `Invalid id: "${imageId}" (expecting "ami-...")`);
}

export function unknownInstanceType(instanceType: string): AwsError {
  return invalidParameterValue(`The following supplied instance types do not exist: [${instanceType}]`);
}

export function subnetNotFound(subnetId: string): AwsError {
  return new AwsError('InvalidSubnetID.NotFound', `The subnet ID '${subnetId}' does not exist`);
}

export function invalidAvailabilityZone(zoneName: string): AwsError {
  return invalidParameterValue(`Invalid availability zone: [${zoneName}]`);
}

export function invalidRegion(regionName: string): AwsError {
  return invalidParameterValue(`Invalid region: ${regionName}`);
}

export function invalidResourceId(id: string): AwsError {
  return new AwsError('InvalidID', `The ID '${id}' is not valid`);
}

export function tagLimitExceeded(): AwsError {
  return new AwsError('TagLimitExceeded', 'The maximum number of Tags for a resource has been reached.');
}

export function reservedTagKey(): AwsError {
  return invalidParameterValue("Tag keys starting with 'aws:' are reserved for internal use");
}

export function invalidCount(message: string): AwsError {
  return invalidParameterValue(message);
}

/** RunInstances asked for more instances at once (MinCount) than the account's instance limit. */
export function instanceLimitExceeded(requested: number, limit: number): AwsError {
  return new AwsError(
    'InstanceLimitExceeded',
    `You have requested more instances (${requested}) than your current instance limit of ${limit} allows for the specified instance type. Please visit http://aws.amazon.com/contact-us/ec2-request to request an adjustment to this limit.`,
  );
}

export function dryRunOperation(): AwsError {
  return new AwsError('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
}

/** A region local EC2 does not serve answers as an account's disabled opt-in region does. */
export function authFailure(): AwsError {
  return new AwsError('AuthFailure', 'AWS was not able to validate the provided access credentials', 401);
}

/**
 * UnauthorizedOperation (403). `sentence` is the authorizer's "User: … is not authorized to perform: …"
 * text. Actions that change resources append an encoded authorization message (only
 * sts:DecodeAuthorizationMessage can read it on AWS; here it is opaque random bytes); Describe calls don't.
 */
export function unauthorizedOperation(sentence: string): AwsError {
  const trimmed = sentence.replace(/\.\s*$/, '');
  const isDescribe = /perform: ec2:Describe/.test(trimmed);
  const tail = isDescribe ? '' : `. Encoded authorization failure message: ${randomBytes(384).toString('base64url')}`;
  return new AwsError('UnauthorizedOperation', `You are not authorized to perform this operation. ${trimmed}${tail}`, 403);
}
