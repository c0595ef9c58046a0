/**
 * Checks CloudFormation resources against AWS's published resource specification, as the CDK team ships it
 * (@aws-cdk/aws-service-spec): every resource type and property must exist, required properties must be there,
 * and every value must have the property's type. Intrinsic functions stand for any value; a `Ref` must name a
 * resource, parameter or pseudo parameter and a `Fn::GetAtt` an attribute the resource type has.
 */
import { loadAwsServiceSpec } from '@aws-cdk/aws-service-spec';
import type { PropertyType, Resource, SpecDatabase, TypeDefinition } from '@aws-cdk/service-spec-types';

let database: Promise<SpecDatabase> | undefined;

export interface TemplateContext {
  resources: Record<string, { Type: string }>;
  parameters?: readonly string[];
}

function typeName(type: PropertyType): string {
  switch (type.type) {
    case 'array':
    case 'map':
      return `${type.type}<${typeName(type.element)}>`;
    case 'union':
      return type.types.map(typeName).join(' | ');
    case 'ref':
      return `ref(${type.reference.$ref})`;
    default:
      return type.type;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

class Checker {
  readonly errors: string[] = [];
  constructor(
    private readonly db: SpecDatabase,
    private readonly context: TemplateContext,
  ) {}

  private resourceSpec(type: string): Resource | undefined {
    return this.db.lookup('resource', 'cloudFormationType', 'equals', type)[0];
  }

  /** Whether `value` is an intrinsic function; a wrong reference inside one is reported. */
  private intrinsic(value: unknown, where: string): boolean {
    if (!isRecord(value)) return false;
    const keys = Object.keys(value);
    if (keys.length !== 1 || !(keys[0] === 'Ref' || keys[0]!.startsWith('Fn::'))) return false;
    const [key] = keys;
    const argument = value[key!];
    if (key === 'Ref') {
      const name = String(argument);
      if (!(name in this.context.resources) && !this.context.parameters?.includes(name) && !name.startsWith('AWS::')) this.errors.push(`${where}: Ref to unknown ${name}`);
    } else if (key === 'Fn::GetAtt') {
      const [resource, attribute] = Array.isArray(argument) ? argument.map(String) : String(argument).split(/\.(.*)/s);
      const target = resource ? this.context.resources[resource] : undefined;
      const spec = target ? this.resourceSpec(target.Type) : undefined;
      if (!spec || !attribute || !(attribute in spec.attributes)) this.errors.push(`${where}: Fn::GetAtt of unknown ${resource}.${attribute}`);
    }
    return true;
  }

  private matches(value: unknown, type: PropertyType, where: string): boolean {
    if (this.intrinsic(value, where)) return true;
    switch (type.type) {
      case 'string':
        return typeof value === 'string' && (!type.allowedValues || type.allowedValues.includes(value));
      case 'date-time':
        return typeof value === 'string';
      case 'number':
        return typeof value === 'number';
      case 'integer':
        return typeof value === 'number' && Number.isInteger(value) && (!type.allowedValues || type.allowedValues.includes(value));
      case 'boolean':
        return typeof value === 'boolean';
      case 'json':
        return isRecord(value) || Array.isArray(value) || typeof value === 'string';
      case 'null':
        return value === null;
      case 'tag':
        return isRecord(value) && typeof value.Key === 'string' && typeof value.Value === 'string' && Object.keys(value).length === 2;
      case 'array':
        return Array.isArray(value) && value.every((item, index) => this.matches(item, type.element, `${where}[${index}]`));
      case 'map':
        return isRecord(value) && Object.entries(value).every(([key, item]) => this.matches(item, type.element, `${where}.${key}`));
      case 'union':
        return type.types.some((member) => new Checker(this.db, this.context).matches(value, member, where));
      case 'ref':
        return isRecord(value) && this.checkProperties(value, this.db.get('typeDefinition', type.reference.$ref), where);
    }
  }

  /** Reports unknown, missing and mistyped properties; true when there was nothing to report. */
  checkProperties(values: Record<string, unknown>, spec: Resource | TypeDefinition, where: string): boolean {
    const before = this.errors.length;
    for (const [name, value] of Object.entries(values)) {
      const property = spec.properties[name];
      if (!property) this.errors.push(`${where}: no property ${name}`);
      else if (!this.matches(value, property.type, `${where}.${name}`)) this.errors.push(`${where}.${name}: not a ${typeName(property.type)}: ${JSON.stringify(value)}`);
    }
    for (const [name, property] of Object.entries(spec.properties)) {
      if (property.required && !(name in values)) this.errors.push(`${where}: required property ${name} is missing`);
    }
    return this.errors.length === before;
  }

  checkResource(logicalId: string, resource: { Type: string; Properties?: unknown }): void {
    const spec = this.resourceSpec(resource.Type);
    if (!spec) this.errors.push(`${logicalId}: no resource type ${resource.Type}`);
    else if (resource.Properties !== undefined && !isRecord(resource.Properties)) this.errors.push(`${logicalId}: Properties is not an object`);
    else this.checkProperties(resource.Properties ?? {}, spec, logicalId);
  }
}

/** What is wrong with the resources, one line each; empty when they all follow the specification. */
export async function cloudFormationSpecErrors(resources: Record<string, { Type: string; Properties?: unknown }>, parameters: readonly string[] = []): Promise<string[]> {
  database ??= loadAwsServiceSpec();
  const checker = new Checker(await database, { resources, parameters });
  for (const [logicalId, resource] of Object.entries(resources)) checker.checkResource(logicalId, resource);
  return checker.errors;
}
