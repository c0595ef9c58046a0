import type { AttachedPermissionsBoundary, InstanceProfile, Policy, PolicyVersion, Role, Tag as SdkTag } from '@aws-sdk/client-iam';
import type { IamModel } from './model.ts';
import type { InstanceProfileRecord, Page, PolicyRecord, PolicyVersionRecord, RoleRecord } from './records.ts';
import type { Tag } from './validation.ts';

/**
 * AWS's output shapes (the SDK's own types), in the element order of the botocore model. Which fields each operation shows
 * follows real responses (aws-semantics.md §B.1; LocalStack snapshots recorded against AWS).
 */

/** Policy documents travel URL-encoded (RFC 3986: encodeURIComponent plus !'()*), as IAM sends them. */
export function encodePolicyDocument(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

const date = (iso: string) => new Date(iso);
const tagList = (tags: readonly Tag[]): SdkTag[] => tags.map((tag) => ({ Key: tag.Key, Value: tag.Value }));

function roleCore(role: RoleRecord): Role {
  return {
    Path: role.path,
    RoleName: role.roleName,
    RoleId: role.roleId,
    Arn: role.arn,
    CreateDate: date(role.createDate),
    AssumeRolePolicyDocument: encodePolicyDocument(role.assumeRolePolicyDocument),
  };
}

/** AWS's model names the type PermissionsBoundaryPolicy, but IAM answers `Policy` (recorded responses): we say what IAM says. */
const BOUNDARY_TYPE = 'Policy' as AttachedPermissionsBoundary['PermissionsBoundaryType'];

function boundary(role: RoleRecord): AttachedPermissionsBoundary | undefined {
  return role.permissionsBoundaryArn === undefined
    ? undefined
    : { PermissionsBoundaryType: BOUNDARY_TYPE, PermissionsBoundaryArn: role.permissionsBoundaryArn };
}

/**
 * - create: no Description, MaxSessionDuration or RoleLastUsed; Tags/PermissionsBoundary when present.
 * - get: everything, RoleLastUsed always ({} when unused).
 * - list: Description and MaxSessionDuration, no Tags, PermissionsBoundary or RoleLastUsed.
 * - embedded (instance profiles): the core fields only.
 * - description (UpdateRoleDescription): core plus Description, Tags and boundary.
 */
export function roleView(role: RoleRecord, shape: 'create' | 'get' | 'list' | 'embedded' | 'description'): Role {
  const core = roleCore(role);
  const tags = role.tags.length > 0 ? tagList(role.tags) : undefined;
  switch (shape) {
    case 'embedded':
      return core;
    case 'create':
      return { ...core, PermissionsBoundary: boundary(role), Tags: tags };
    case 'description':
      return { ...core, Description: role.description, PermissionsBoundary: boundary(role), Tags: tags };
    case 'list':
      return { ...core, Description: role.description, MaxSessionDuration: role.maxSessionDuration };
    case 'get':
      return {
        ...core,
        Description: role.description,
        MaxSessionDuration: role.maxSessionDuration,
        PermissionsBoundary: boundary(role),
        Tags: tags,
        RoleLastUsed: role.lastUsed ? { LastUsedDate: date(role.lastUsed.date), Region: role.lastUsed.region } : {},
      };
  }
}

/** GetPolicy shows Description and Tags (always, possibly empty); CreatePolicy shows Tags only when given; lists neither. */
export function policyView(iam: IamModel, policy: PolicyRecord, shape: 'get' | 'create' | 'list'): Policy {
  const usage = iam.policyUsage(policy.arn);
  return {
    PolicyName: policy.policyName,
    PolicyId: policy.policyId,
    Arn: policy.arn,
    Path: policy.path,
    DefaultVersionId: policy.defaultVersionId,
    AttachmentCount: usage.attachmentCount,
    PermissionsBoundaryUsageCount: usage.permissionsBoundaryUsageCount,
    IsAttachable: policy.isAttachable,
    Description: shape === 'get' ? policy.description : undefined,
    CreateDate: date(policy.createDate),
    UpdateDate: date(policy.updateDate),
    Tags:
      shape === 'get'
        ? tagList(policy.tags)
        : shape === 'create' && policy.tags.length > 0
          ? tagList(policy.tags)
          : undefined,
  };
}

export function policyVersionView(version: PolicyVersionRecord & { isDefaultVersion: boolean }, withDocument: boolean): PolicyVersion {
  return {
    Document: withDocument ? encodePolicyDocument(version.document) : undefined,
    VersionId: version.versionId,
    IsDefaultVersion: version.isDefaultVersion,
    CreateDate: date(version.createDate),
  };
}

/** GetInstanceProfile always carries Tags; Create only when tags were given; lists never. */
export function instanceProfileView(iam: IamModel, profile: InstanceProfileRecord, shape: 'get' | 'create' | 'list'): InstanceProfile {
  const role = iam.roleOfInstanceProfile(profile);
  return {
    Path: profile.path,
    InstanceProfileName: profile.instanceProfileName,
    InstanceProfileId: profile.instanceProfileId,
    Arn: profile.arn,
    CreateDate: date(profile.createDate),
    Roles: role ? [roleView(role, 'embedded')] : [],
    Tags:
      shape === 'get'
        ? tagList(profile.tags)
        : shape === 'create' && profile.tags.length > 0
          ? tagList(profile.tags)
          : undefined,
  };
}

/** The IsTruncated / Marker tail of every IAM list output. */
export function pageTail<T>(page: Page<T>) {
  return { IsTruncated: page.isTruncated, Marker: page.marker };
}
