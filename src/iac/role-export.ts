/**
 * "What is there" for an export as code: a role with everything that belongs to it, its instance profile and,
 * from the instance dialog, the instance that uses the profile. Field names follow the IAM API (and the SDK's
 * `Role` and `Tag`), so a role read back from AWS maps onto it one to one.
 */
import type { Role, Tag } from '@aws-sdk/client-iam';

export interface RoleExport {
  role: { [Field in 'RoleName' | 'Path' | 'MaxSessionDuration']-?: NonNullable<Role[Field]> } & {
    Description?: string;
    /** Readable JSON text (not IAM's URL-encoded form). */
    AssumeRolePolicyDocument: string;
    PermissionsBoundaryArn?: string;
    Tags: Tag[];
  };
  /** Policy documents as readable JSON text. */
  inlinePolicies: { PolicyName: string; PolicyDocument: string }[];
  managedPolicyArns: string[];
  instanceProfile?: { InstanceProfileName: string; Path: string };
  /** The instance whose profile association the export sets (the Attach/Replace IAM role dialog). */
  instance?: { InstanceId: string };
}

export type ExportFormat = 'cloudformation' | 'terraform' | 'cdk';

/** A document as a value when it is JSON; text that does not parse (a draft being typed) stays text. */
export function documentValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The words of a name: runs of letters and digits (IAM names may also hold + = , . @ _ -), split at camel humps. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '');
}

/** `my-app.role` → `MyAppRole`: letters and digits only, as CloudFormation logical IDs and CDK construct IDs need. */
export function pascalCase(name: string): string {
  return words(name)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}

/** `my-app.WebRole` → `my_app_web_role`: a Terraform resource name (letters, digits, underscores; not starting with a digit). */
export function snakeCase(name: string): string {
  const joined = words(name).join('_').toLowerCase();
  return /^[a-z_]/.test(joined) ? joined : `_${joined}`;
}

/** Logical IDs of the template's resources, shared by the CloudFormation and CDK exports so they synthesize alike. */
export function logicalIds(input: RoleExport): { role: string; instanceProfile: string; instance: string } {
  const base = pascalCase(input.role.RoleName) || 'Exported';
  return { role: `${base}Role`, instanceProfile: `${base}InstanceProfile`, instance: `Instance${pascalCase(input.instance?.InstanceId ?? '')}` };
}

export function exportFileName(input: RoleExport, format: ExportFormat): string {
  const extension = { cloudformation: 'yaml', terraform: 'tf', cdk: 'ts' }[format];
  return `${input.role.RoleName}.${extension}`;
}
