/**
 * The warning printed at start-up when local AWS listens beyond this machine (LOCAL_AWS_HOST=0.0.0.0 and the
 * like): its admin key is AWS's documented example key, so whoever reaches the port owns the local account.
 */
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { isIP } from 'node:net';
import { isLoopback } from './local-endpoints.ts';

type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

function urlOf(address: string, port: number): string {
  return address.includes(':') ? `http://[${address}]:${port}` : `http://${address}:${port}`;
}

/** The addresses other machines may use, for a listening address ("0.0.0.0" and "::" mean every interface). */
export function reachableAddresses(host: string, interfaces: Interfaces = networkInterfaces()): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [host];
  return Object.values(interfaces)
    .flatMap((entries) => entries ?? [])
    .filter((entry) => !entry.internal && (host === '::' || entry.family === 'IPv4'))
    .map((entry) => entry.address);
}

/** Lines to print, loudly; none when local AWS listens on loopback only. */
export function exposureWarning(host: string, port: number, interfaces: Interfaces = networkInterfaces()): string[] {
  if (host === 'localhost' || (isIP(host) !== 0 && isLoopback(host))) return [];
  const addresses = reachableAddresses(host, interfaces);
  return [
    `!!! WARNING: local AWS listens on ${host} (LOCAL_AWS_HOST), not on this machine alone. Other machines reach it at:`,
    ...(addresses.length > 0 ? addresses.map((address) => `!!!   ${urlOf(address, port)}`) : ['!!!   (no network interface is up yet)']),
    '!!! and may call every API with the documented admin key AKIAIOSFODNN7EXAMPLE (AdministratorAccess).',
    '!!! Unset LOCAL_AWS_HOST (default 127.0.0.1) unless that is what you want.',
  ];
}
