import type { ConditionContext } from '../../iam-policy/types.ts';
import type { Tag } from './validation.ts';

/** What IAM keeps per entity. Dates are ISO-8601 strings; policy documents are kept exactly as submitted. */

export interface InlinePolicy {
  policyName: string;
  document: string;
}

export interface RoleRecord {
  roleName: string;
  roleId: string;
  arn: string;
  path: string;
  createDate: string;
  assumeRolePolicyDocument: string;
  description?: string;
  maxSessionDuration: number;
  permissionsBoundaryArn?: string;
  tags: Tag[];
  /** Managed policy ARNs in attachment order. */
  attachedPolicyArns: string[];
  inlinePolicies: InlinePolicy[];
  lastUsed?: { date: string; region: string };
}

export interface UserRecord {
  userName: string;
  userId: string;
  arn: string;
  path: string;
  createDate: string;
  permissionsBoundaryArn?: string;
  tags: Tag[];
  attachedPolicyArns: string[];
  inlinePolicies: InlinePolicy[];
}

export interface PolicyRecord {
  policyName: string;
  policyId: string;
  arn: string;
  path: string;
  description?: string;
  createDate: string;
  updateDate: string;
  defaultVersionId: string;
  /** Existing version ids, oldest first. */
  versionIds: string[];
  /** Number of the next version (IAM never reuses a version id). */
  nextVersion: number;
  isAttachable: boolean;
  tags: Tag[];
  awsManaged: boolean;
}

export interface PolicyVersionRecord {
  versionId: string;
  document: string;
  createDate: string;
}

export interface PolicyUsage {
  attachmentCount: number;
  permissionsBoundaryUsageCount: number;
}

export interface InstanceProfileRecord {
  instanceProfileName: string;
  instanceProfileId: string;
  arn: string;
  path: string;
  createDate: string;
  /** Canonical name of the role in the profile (IAM allows at most one). */
  roleName?: string;
  tags: Tag[];
}

/**
 * ctx.authorize's signature: the model calls it after checking constraints and before reading or writing
 * state. `callerArn` names the caller in the few denials the model itself decides (AWS managed policies).
 */
export type Authorize = ((action: string, resource: string, conditions?: ConditionContext) => void) & {
  callerArn?: string;
};

export const allowAll: Authorize = () => undefined;

export interface PageRequest {
  marker?: string;
  maxItems?: number;
}

export interface Page<T> {
  items: T[];
  isTruncated: boolean;
  /** Present only when truncated. */
  marker?: string;
}
