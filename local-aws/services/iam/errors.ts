import { AwsError } from '../../protocols/aws-error.ts';

/**
 * IAM's errors, one function per wire code, with AWS's status. Every IAM error is `<Type>Sender</Type>`
 * except ServiceFailure. The exact message texts live in `IamMessages` so the model and the tests share them.
 */

/** 404 NoSuchEntity */
export function noSuchEntity(message: string): AwsError {
  return new AwsError('NoSuchEntity', message, 404);
}

/** 409 EntityAlreadyExists */
export function entityAlreadyExists(message: string): AwsError {
  return new AwsError('EntityAlreadyExists', message, 409);
}

/** 409 LimitExceeded */
export function limitExceeded(message: string): AwsError {
  return new AwsError('LimitExceeded', message, 409);
}

/** 409 DeleteConflict */
export function deleteConflict(message: string): AwsError {
  return new AwsError('DeleteConflict', message, 409);
}

/** 400 MalformedPolicyDocument */
export function malformedPolicyDocument(message: string): AwsError {
  return new AwsError('MalformedPolicyDocument', message, 400);
}

/** 400 InvalidInput */
export function invalidInput(message: string): AwsError {
  return new AwsError('InvalidInput', message, 400);
}

/** 400 UnmodifiableEntity */
export function unmodifiableEntity(message: string): AwsError {
  return new AwsError('UnmodifiableEntity', message, 400);
}

/** 400 PolicyNotAttachable */
export function policyNotAttachable(message: string): AwsError {
  return new AwsError('PolicyNotAttachable', message, 400);
}

/** 400 ValidationError: constraint violations ("1 validation error detected: …") and a few AWS sentences. */
export function validationError(message: string): AwsError {
  return new AwsError('ValidationError', message, 400);
}

/** 403 AccessDenied (Sender): IAM's denial "User: … is not authorized to perform: …", and its refusals to change AWS managed policies. */
export function accessDenied(message: string): AwsError {
  return new AwsError('AccessDenied', message, 403, 'Sender');
}

/** 500 ServiceFailure (Receiver) */
export function serviceFailure(message: string): AwsError {
  return new AwsError('ServiceFailure', message, 500, 'Receiver');
}

/** AWS's exact texts (sources in /work/shared/reference/aws-semantics.md §B.1, B.3–B.5). */
export const IamMessages = {
  noSuchRole: (roleName: string) => `The role with name ${roleName} cannot be found.`,
  noSuchUser: (userName: string) => `The user with name ${userName} cannot be found.`,
  noSuchGroup: (groupName: string) => `The group with name ${groupName} cannot be found.`,
  noSuchRolePolicy: (policyName: string) => `The role policy with name ${policyName} cannot be found.`,
  noSuchUserPolicy: (policyName: string) => `The user policy with name ${policyName} cannot be found.`,
  noSuchInstanceProfile: (name: string) => `Instance Profile ${name} cannot be found.`,
  roleNotInInstanceProfile: (roleName: string, profileName: string) =>
    `Role ${roleName} in Instance Profile ${profileName} cannot be found.`,
  policyNotFound: (arn: string) => `Policy ${arn} was not found.`,
  policyNotAttachable: (arn: string) => `Policy ${arn} does not exist or is not attachable.`,
  policyVersionNotFound: (arn: string, versionId: string) =>
    `Policy ${arn} version ${versionId} does not exist or is not attachable.`,
  boundaryNotFound: (arn: string) => `Scope ARN: ${arn} does not exist or is not attachable.`,
  invalidArn: (arn: string) => `ARN ${arn} is not valid.`,
  roleExists: (roleName: string) => `Role with name ${roleName} already exists.`,
  userExists: (userName: string) => `User with name ${userName} already exists.`,
  policyExists: (policyName: string) =>
    `A policy called ${policyName} already exists. Duplicate names are not allowed.`,
  instanceProfileExists: (name: string) => `Instance Profile ${name} already exists.`,
  deleteRoleInProfile: 'Cannot delete entity, must remove roles from instance profile first.',
  deleteEntityAttachedPolicies: 'Cannot delete entity, must detach all policies first.',
  deleteEntityInlinePolicies: 'Cannot delete entity, must delete policies first.',
  deleteProfileWithRole: 'Cannot delete entity, must remove roles from instance profile first.',
  deletePolicyAttached: 'Cannot delete a policy attached to entities.',
  deletePolicyVersions:
    "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
  deleteDefaultVersion: 'Cannot delete the default version of a policy.',
  deleteForeignPolicy: 'Cannot delete policies outside your own account.',
  deleteForeignPolicyVersion: 'Cannot delete policy versions for policies outside your own account.',
  updateForeignPolicy: 'Cannot update policies outside your own account.',
  policyVersionLimit:
    'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.',
  trustPolicySize: (quota: number) => `Cannot exceed quota for ACLSizePerRole: ${quota}`,
  managedPolicySize: (quota: number) => `Cannot exceed quota for PolicySize: ${quota}`,
  rolePolicySize: (quota: number, roleName: string) =>
    `Maximum policy size of ${quota} bytes exceeded for role ${roleName}`,
  userPolicySize: (quota: number, userName: string) =>
    `Maximum policy size of ${quota} bytes exceeded for user ${userName}`,
  policiesPerRole: (quota: number) => `Cannot exceed quota for PoliciesPerRole: ${quota}`,
  policiesPerUser: (quota: number) => `Cannot exceed quota for PoliciesPerUser: ${quota}`,
  rolesPerProfile: 'Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1',
  rolesPerAccount: (quota: number) => `Cannot exceed quota for RolesPerAccount: ${quota}`,
  instanceProfilesPerAccount: (quota: number) => `Cannot exceed quota for InstanceProfilesPerAccount: ${quota}`,
  serviceRolePolicy: 'Cannot attach a Service Role Policy to a Customer Role.',
  duplicateTagKeys: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
  duplicatePolicyTagKeys: 'Duplicate tag keys found.',
  // Unverified wording: AWS documents the rule (the aws: prefix is reserved), not the message.
  reservedTagKey: 'Tag keys beginning with aws: are reserved for AWS use.',
  tagsPerResource: (quota: number) => `Cannot exceed quota for TagsPerResource: ${quota}`,
  invalidMarker: 'Invalid Marker.',
  getUserWithoutName: 'Must specify userName when calling with non-User credentials',
} as const;
