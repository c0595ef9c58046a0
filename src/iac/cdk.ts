/**
 * The AWS CDK export (TypeScript, aws-cdk-lib v2): a stack of the L1 constructs `CfnRole`, `CfnInstanceProfile`
 * and `CfnInstance` with the CloudFormation export's logical IDs, so it synthesizes to the same resources.
 */
import { documentValue, logicalIds, pascalCase, type RoleExport } from './role-export.ts';

/** A TypeScript literal of a JSON value (JSON is valid TypeScript), indented to sit at `indent`. */
function tsLiteral(value: unknown, indent: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${' '.repeat(indent)}`);
}

function props(entries: ReadonlyArray<readonly [string, string | undefined]>, indent: number): string {
  const pad = ' '.repeat(indent + 2);
  const lines = entries.filter((entry): entry is readonly [string, string] => entry[1] !== undefined).map(([name, expression]) => `${pad}${name}: ${expression},`);
  return `{\n${lines.join('\n')}\n${' '.repeat(indent)}}`;
}

export function cdkStackClassName(input: RoleExport): string {
  const base = pascalCase(input.role.RoleName) || 'Exported';
  return /^[0-9]/.test(base) ? `Role${base}Stack` : `${base}Stack`;
}

export function cdkTypeScript(input: RoleExport): string {
  const { role } = input;
  const ids = logicalIds(input);
  const className = cdkStackClassName(input);
  const literal = (value: unknown) => tsLiteral(value, 6);
  const body = [
    `    const role = new iam.CfnRole(this, ${literal(ids.role)}, ${props(
      [
        ['roleName', literal(role.RoleName)],
        ['path', literal(role.Path)],
        ['description', role.Description ? literal(role.Description) : undefined],
        ['maxSessionDuration', literal(role.MaxSessionDuration)],
        ['assumeRolePolicyDocument', literal(documentValue(role.AssumeRolePolicyDocument))],
        ['managedPolicyArns', input.managedPolicyArns.length > 0 ? literal(input.managedPolicyArns) : undefined],
        ['permissionsBoundary', role.PermissionsBoundaryArn ? literal(role.PermissionsBoundaryArn) : undefined],
        [
          'policies',
          input.inlinePolicies.length > 0
            ? literal(input.inlinePolicies.map((policy) => ({ policyName: policy.PolicyName, policyDocument: documentValue(policy.PolicyDocument) })))
            : undefined,
        ],
        ['tags', role.Tags.length > 0 ? literal(role.Tags.map((tag) => ({ key: tag.Key, value: tag.Value }))) : undefined],
      ],
      4,
    )});`,
    `    role.overrideLogicalId(${literal(ids.role)});`,
  ];
  if (input.instanceProfile) {
    body.push(
      `    const instanceProfile = new iam.CfnInstanceProfile(this, ${literal(ids.instanceProfile)}, ${props(
        [
          ['instanceProfileName', literal(input.instanceProfile.InstanceProfileName)],
          ['path', literal(input.instanceProfile.Path)],
          ['roles', '[role.ref]'],
        ],
        4,
      )});`,
      `    instanceProfile.overrideLogicalId(${literal(ids.instanceProfile)});`,
    );
    if (input.instance) {
      body.push(
        `    // ${input.instance.InstanceId} exists: add iamInstanceProfile to its construct, or import it (\`cdk import\`) with its other properties.`,
        `    const instance = new ec2.CfnInstance(this, ${literal(ids.instance)}, { iamInstanceProfile: instanceProfile.ref });`,
        `    instance.overrideLogicalId(${literal(ids.instance)});`,
        '    instance.applyRemovalPolicy(RemovalPolicy.RETAIN);',
      );
    }
  }
  // Submodule imports: the same classes as from 'aws-cdk-lib', and tsc reads a fifth of the declarations.
  const coreImports = input.instance ? 'App, RemovalPolicy, Stack, type StackProps' : 'App, Stack, type StackProps';
  return `import { ${coreImports} } from 'aws-cdk-lib/core';
${input.instance ? "import * as ec2 from 'aws-cdk-lib/aws-ec2';\n" : ''}import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';

export class ${className} extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
${body.join('\n')}
  }
}

const app = new App();
new ${className}(app, ${JSON.stringify(className)});
`;
}
