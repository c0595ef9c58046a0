import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { exposureWarning, reachableAddresses } from './exposure.ts';

function entry(address: string, family: 'IPv4' | 'IPv6', internal = false): NetworkInterfaceInfo {
  const common = { address, netmask: '', mac: '00:00:00:00:00:00', internal, cidr: null };
  return family === 'IPv4' ? { ...common, family } : { ...common, family, scopeid: 0 };
}

const INTERFACES = {
  lo: [entry('127.0.0.1', 'IPv4', true), entry('::1', 'IPv6', true)],
  eth0: [entry('192.168.1.20', 'IPv4'), entry('fd00::20', 'IPv6')],
  docker0: [entry('172.17.0.1', 'IPv4')],
};

describe('exposureWarning', () => {
  it('stays quiet on loopback', () => {
    for (const host of ['127.0.0.1', '127.0.0.2', '::1', 'localhost']) expect(exposureWarning(host, 4566, INTERFACES), host).toEqual([]);
  });

  it('names every address other machines may use when bound to all interfaces', () => {
    expect(reachableAddresses('0.0.0.0', INTERFACES)).toEqual(['192.168.1.20', '172.17.0.1']);
    expect(reachableAddresses('::', INTERFACES)).toEqual(['192.168.1.20', 'fd00::20', '172.17.0.1']);
    const lines = exposureWarning('0.0.0.0', 4566, INTERFACES);
    expect(lines[0]).toMatch(/^!!! WARNING: local AWS listens on 0\.0\.0\.0/);
    expect(lines).toContain('!!!   http://192.168.1.20:4566');
    expect(lines).toContain('!!!   http://172.17.0.1:4566');
    expect(lines.join('\n')).toContain('AKIAIOSFODNN7EXAMPLE');
    expect(exposureWarning('::', 4566, INTERFACES)).toContain('!!!   http://[fd00::20]:4566');
  });

  it('names the one address it is bound to otherwise', () => {
    expect(exposureWarning('192.168.1.20', 4566, INTERFACES)).toContain('!!!   http://192.168.1.20:4566');
  });
});
