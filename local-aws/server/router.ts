/**
 * Which service a request addresses. Signed requests name their service in the SigV4 credential
 * scope; Cognito's JSON calls (signed or not) name it in X-Amz-Target; an unsigned awsQuery/ec2Query
 * call is matched by its Version parameter so that it can be refused in that service's words
 * (or served, for a public operation).
 */
import type { JsonService, QueryService, ServiceDefinition, ServiceName } from '../protocols/operation.ts';

export interface ServiceTable {
  byName: ReadonlyMap<ServiceName, ServiceDefinition>;
  byTargetPrefix: ReadonlyMap<string, JsonService>;
  byVersion: ReadonlyMap<string, QueryService>;
}

const tables = new WeakMap<readonly ServiceDefinition[], ServiceTable>();

export function serviceTable(services: readonly ServiceDefinition[]): ServiceTable {
  let table = tables.get(services);
  if (!table) {
    const byName = new Map<ServiceName, ServiceDefinition>();
    const byTargetPrefix = new Map<string, JsonService>();
    const byVersion = new Map<string, QueryService>();
    for (const service of services) {
      byName.set(service.name, service);
      if (service.protocol === 'json1.1') byTargetPrefix.set(service.targetPrefix, service);
      else byVersion.set(service.version, service);
    }
    table = { byName, byTargetPrefix, byVersion };
    tables.set(services, table);
  }
  return table;
}

export type Route =
  | { kind: 'json'; service: JsonService; operation: string; target: string }
  | { kind: 'query'; service: QueryService }
  | { kind: 'unknown-target'; target: string }
  | { kind: 'unroutable' };

/**
 * @param target X-Amz-Target header, if any
 * @param scopeService the credential scope's service of a signed request, if any
 * @param version the Version parameter of a query request, if any
 */
export function routeRequest(table: ServiceTable, target: string | undefined, scopeService: string | undefined, version: string | undefined): Route {
  if (target !== undefined) {
    const dot = target.lastIndexOf('.');
    const service = dot > 0 ? table.byTargetPrefix.get(target.slice(0, dot)) : undefined;
    if (!service) return { kind: 'unknown-target', target };
    return { kind: 'json', service, operation: target.slice(dot + 1), target };
  }
  if (scopeService !== undefined) {
    const service = table.byName.get(scopeService as ServiceName);
    if (service && service.protocol !== 'json1.1') return { kind: 'query', service };
  }
  if (version !== undefined) {
    const service = table.byVersion.get(version);
    if (service) return { kind: 'query', service };
  }
  return { kind: 'unroutable' };
}
