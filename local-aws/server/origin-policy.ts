/**
 * Who may talk to local AWS. A local server is not a private one: any web page the developer has open can send
 * requests to 127.0.0.1, and a page on a name its author re-points at 127.0.0.1 (DNS rebinding) can even read the
 * answers as if they were its own. So, before anything else:
 * - the Host header must name this machine: a loopback name, the address the request arrived on, or a name listed
 *   in LOCAL_AWS_ALLOWED_HOSTS (a rebinding page sends its own name);
 * - a request that carries an Origin header (every browser request but a same-origin GET) must come from an
 *   allowed origin: the console's, or one listed in LOCAL_AWS_ALLOWED_ORIGINS. Others are refused before they
 *   have any effect, and get no CORS headers, so their page cannot read the refusal either. "null" (a file opened
 *   from disk, a sandboxed frame) is never allowed.
 * Requests without an Origin (the AWS CLI, SDKs outside a browser) are not affected by the second rule.
 * LocalStack guards its gateway the same way (its allowed-origins list).
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import type { ServiceDefinition } from '../protocols/operation.ts';
import { isLoopback } from './local-endpoints.ts';
import { routeRequest, type ServiceTable } from './router.ts';
import { parseAuthorization, SigV4Failure } from './sigv4.ts';

export interface OriginPolicyOptions {
  /** Origins as browsers send them: "http://127.0.0.1:3000". */
  allowedOrigins?: readonly string[];
  /** Host names (without port) answered besides loopback names and the bound address. */
  allowedHosts?: readonly string[];
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The host name of a Host header, lower case, without port, brackets or a trailing dot. */
export function hostName(hostHeader: string): string {
  let name = hostHeader.trim().toLowerCase();
  if (name.startsWith('[')) {
    const end = name.indexOf(']');
    name = end === -1 ? name : name.slice(1, end);
  } else {
    const colon = name.indexOf(':');
    if (colon !== -1 && colon === name.lastIndexOf(':')) name = name.slice(0, colon);
  }
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

/** Names that can only mean this machine: browsers resolve *.localhost to loopback themselves. */
function isLoopbackName(name: string): boolean {
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  return isIP(name) !== 0 && isLoopback(name);
}

function withoutMappedPrefix(address: string): string {
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}

export class OriginPolicy {
  private readonly origins: Set<string>;
  private readonly hosts: Set<string>;

  constructor(options: OriginPolicyOptions = {}) {
    this.origins = new Set(options.allowedOrigins);
    this.hosts = new Set(options.allowedHosts?.map((host) => host.toLowerCase()));
  }

  /** For a console started after local AWS (on a port picked then). */
  allowOrigins(...origins: string[]): void {
    for (const origin of origins) this.origins.add(new URL(origin).origin);
  }

  isAllowedOrigin(origin: string): boolean {
    return this.origins.has(origin);
  }

  isAllowedHost(hostHeader: string | undefined, localAddress: string | undefined): boolean {
    if (hostHeader === undefined || hostHeader.trim() === '') return false;
    const name = hostName(hostHeader);
    if (isLoopbackName(name) || this.hosts.has(name)) return true;
    return localAddress !== undefined && isIP(name) !== 0 && withoutMappedPrefix(name) === withoutMappedPrefix(localAddress);
  }

  /** Why the request must be refused (403), or undefined when it may go on. */
  refusal(req: Pick<IncomingMessage, 'headers'> & { socket: { localAddress?: string } }): string | undefined {
    const host = headerText(req.headers.host);
    if (!this.isAllowedHost(host, req.socket.localAddress)) {
      return `Host "${host ?? ''}" is not served by local AWS: use 127.0.0.1 or localhost, or list the name in LOCAL_AWS_ALLOWED_HOSTS.`;
    }
    const origin = headerText(req.headers.origin);
    if (origin !== undefined && !this.isAllowedOrigin(origin)) {
      return `Requests from web origin "${origin}" are refused: local AWS answers pages of the console's origin and of LOCAL_AWS_ALLOWED_ORIGINS only.`;
    }
    return undefined;
  }
}

/**
 * The service a request addresses, read from its headers alone (X-Amz-Target, the SigV4 credential scope), so
 * that a refusal is worded in that service's error shape before the body is read.
 */
export function addressedService(table: ServiceTable, headers: IncomingHttpHeaders): ServiceDefinition | undefined {
  const authorization = headerText(headers.authorization);
  let scopeService: string | undefined;
  if (authorization !== undefined) {
    try {
      scopeService = parseAuthorization(authorization).service;
    } catch (error) {
      if (!(error instanceof SigV4Failure)) throw error;
    }
  }
  const route = routeRequest(table, headerText(headers['x-amz-target']), scopeService, undefined);
  return route.kind === 'json' || route.kind === 'query' ? route.service : undefined;
}
