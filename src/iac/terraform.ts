/**
 * The Terraform export (HCL, AWS provider): the role, one resource per inline policy and per managed policy
 * attachment, the instance profile and, for an instance, its `iam_instance_profile` with an `import` block.
 */
import { documentValue, snakeCase, type RoleExport } from './role-export.ts';

/** A quoted HCL string: JSON-like escapes, and `${` / `%{` doubled so they stay text, not templates. */
export function hclString(text: string): string {
  const escaped = text.replace(/[\\"\n\r\t]|\p{Cc}|\p{Zl}|\p{Zp}/gu, (character) => {
    const named: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return `"${escaped.replace(/([$%])\{/g, '$1$1{')}"`;
}

/** An HCL expression for a JSON value; object keys are always quoted, so any key is safe. */
function hclValue(value: unknown, indent: number): string {
  const pad = ' '.repeat(indent + 2);
  if (typeof value === 'string') return hclString(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => `${pad}${hclValue(item, indent + 2)},`).join('\n')}\n${' '.repeat(indent)}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([key, item]) => `${pad}${hclString(key)} = ${hclValue(item, indent + 2)}`).join('\n')}\n${' '.repeat(indent)}}`;
}

/** A policy document as `jsonencode(...)`; text that is not JSON is passed as the string it is. */
function hclDocument(text: string, indent: number): string {
  const value = documentValue(text);
  return typeof value === 'string' ? hclString(value) : `jsonencode(${hclValue(value, indent)})`;
}

type Argument = readonly [name: string, expression: string | undefined];

function block(header: string, args: readonly Argument[]): string {
  const present = args.filter((arg): arg is readonly [string, string] => arg[1] !== undefined);
  const width = Math.max(...present.filter(([, expression]) => !expression.includes('\n')).map(([name]) => name.length), 0);
  return `${header} {\n${present.map(([name, expression]) => `  ${expression.includes('\n') ? name : name.padEnd(width)} = ${expression}`).join('\n')}\n}`;
}

/** Terraform resource names of the export, derived from the role and policy names. */
export function terraformNames(input: RoleExport) {
  const role = snakeCase(input.role.RoleName) || 'exported';
  return {
    role,
    // Policy names that differ only in punctuation (a-b, a_b) get their position added, so names stay unique.
    inlinePolicies: input.inlinePolicies.map((policy, index, all) => {
      const base = `${role}_${snakeCase(policy.PolicyName)}`;
      return all.filter((other) => snakeCase(other.PolicyName) === snakeCase(policy.PolicyName)).length > 1 ? `${base}_${index + 1}` : base;
    }),
    // The position keeps names unique however the policies' own names collapse.
    attachment: (index: number) => `${role}_${index + 1}`,
    instance: snakeCase(input.instance?.InstanceId ?? 'instance'),
  };
}

export function terraformHcl(input: RoleExport): string {
  const { role } = input;
  const names = terraformNames(input);
  const roleRef = `aws_iam_role.${names.role}.name`;
  const blocks = [
    block(`resource "aws_iam_role" "${names.role}"`, [
      ['name', hclString(role.RoleName)],
      ['path', hclString(role.Path)],
      ['description', role.Description ? hclString(role.Description) : undefined],
      ['max_session_duration', String(role.MaxSessionDuration)],
      ['permissions_boundary', role.PermissionsBoundaryArn ? hclString(role.PermissionsBoundaryArn) : undefined],
      ['assume_role_policy', hclDocument(role.AssumeRolePolicyDocument, 2)],
      ['tags', role.Tags.length > 0 ? hclValue(Object.fromEntries(role.Tags.map((tag) => [tag.Key ?? '', tag.Value ?? ''])), 2) : undefined],
    ]),
    ...input.inlinePolicies.map((policy, index) =>
      block(`resource "aws_iam_role_policy" "${names.inlinePolicies[index]}"`, [
        ['name', hclString(policy.PolicyName)],
        ['role', roleRef],
        ['policy', hclDocument(policy.PolicyDocument, 2)],
      ]),
    ),
    ...input.managedPolicyArns.map((arn, index) =>
      block(`resource "aws_iam_role_policy_attachment" "${names.attachment(index)}"`, [
        ['role', roleRef],
        ['policy_arn', hclString(arn)],
      ]),
    ),
  ];
  if (input.instanceProfile) {
    blocks.push(
      block(`resource "aws_iam_instance_profile" "${names.role}"`, [
        ['name', hclString(input.instanceProfile.InstanceProfileName)],
        ['path', hclString(input.instanceProfile.Path)],
        ['role', roleRef],
      ]),
    );
    if (input.instance) {
      blocks.push(
        `# The instance exists: import it, then add its other arguments (\`terraform plan -generate-config-out=…\` writes them).\n` +
          block('import', [
            ['to', `aws_instance.${names.instance}`],
            ['id', hclString(input.instance.InstanceId)],
          ]),
        block(`resource "aws_instance" "${names.instance}"`, [['iam_instance_profile', `aws_iam_instance_profile.${names.role}.name`]]),
      );
    }
  }
  return blocks.join('\n\n') + '\n';
}
