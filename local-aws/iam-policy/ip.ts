/** IPv4 / IPv6 addresses and CIDR blocks for the IpAddress / NotIpAddress condition operators. */

export interface IpAddress {
  readonly family: 4 | 6;
  readonly value: bigint;
}

export interface CidrBlock extends IpAddress {
  readonly prefixLength: number;
}

const IPV4_PART = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const HEXTET = /^[0-9a-fA-F]{1,4}$/;

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!IPV4_PART.test(part)) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseHextets(text: string): bigint[] | undefined {
  if (text === '') return [];
  const hextets: bigint[] = [];
  const groups = text.split(':');
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i] as string;
    if (i === groups.length - 1 && group.includes('.')) {
      const v4 = parseIpv4(group);
      if (v4 === undefined) return undefined;
      hextets.push(v4 >> 16n, v4 & 0xffffn);
    } else if (HEXTET.test(group)) {
      hextets.push(BigInt(parseInt(group, 16)));
    } else {
      return undefined;
    }
  }
  return hextets;
}

function parseIpv6(text: string): bigint | undefined {
  const zone = text.indexOf('%');
  const address = zone === -1 ? text : text.slice(0, zone);
  const doubleColon = address.indexOf('::');
  let hextets: bigint[] | undefined;
  if (doubleColon === -1) {
    hextets = parseHextets(address);
    if (!hextets || hextets.length !== 8) return undefined;
  } else {
    if (address.indexOf('::', doubleColon + 1) !== -1) return undefined;
    const head = parseHextets(address.slice(0, doubleColon));
    const tail = parseHextets(address.slice(doubleColon + 2));
    if (!head || !tail || head.length + tail.length > 7) return undefined;
    hextets = [...head, ...new Array<bigint>(8 - head.length - tail.length).fill(0n), ...tail];
  }
  return hextets.reduce((acc, hextet) => (acc << 16n) | hextet, 0n);
}

const V4_MAPPED_PREFIX = 0xffffn << 32n;

export function parseIpAddress(text: string): IpAddress | undefined {
  const trimmed = text.trim();
  const v4 = parseIpv4(trimmed);
  if (v4 !== undefined) return { family: 4, value: v4 };
  const v6 = parseIpv6(trimmed);
  if (v6 === undefined) return undefined;
  // An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is the IPv4 address for matching purposes.
  if (v6 >> 32n === 0xffffn) return { family: 4, value: v6 - V4_MAPPED_PREFIX };
  return { family: 6, value: v6 };
}

export function parseCidr(text: string): CidrBlock | undefined {
  const slash = text.indexOf('/');
  const address = parseIpAddress(slash === -1 ? text : text.slice(0, slash));
  if (!address) return undefined;
  const bits = address.family === 4 ? 32 : 128;
  if (slash === -1) return { ...address, prefixLength: bits };
  const prefixText = text.slice(slash + 1).trim();
  if (!/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefixLength = Number(prefixText);
  if (prefixLength > bits) return undefined;
  return { ...address, prefixLength };
}

export function cidrContains(block: CidrBlock, address: IpAddress): boolean {
  if (block.family !== address.family) return false;
  const shift = BigInt((block.family === 4 ? 32 : 128) - block.prefixLength);
  return block.value >> shift === address.value >> shift;
}
