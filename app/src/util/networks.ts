// IP network ranges: parsing comma-separated CIDR lists (config values) into node:net BlockLists, and
// finding the IPv4 address an IPv6 address carries (NAT64, 6to4), so a range check cannot be dodged by
// writing an IPv4 address in an IPv6 form. IPv4-mapped addresses (::ffff:a.b.c.d) BlockList checks
// against IPv4 ranges itself.
import { BlockList, isIP } from 'node:net';

export interface NetworkRange {
  network: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
}

/** One CIDR range ("10.0.0.0/8", "fc00::/7", or a single address); throws saying what is wrong. */
export function parseCidr(text: string): NetworkRange {
  const [network = '', bits, extra] = text.trim().split('/');
  const version = isIP(network);
  if (!version || extra !== undefined) throw new Error(`"${text}" is not a CIDR range (like 10.0.0.0/8 or fc00::/7)`);
  const max = version === 6 ? 128 : 32;
  const prefix = bits === undefined ? max : Number(bits);
  if (!/^\d{1,3}$/.test(bits ?? String(max)) || prefix > max) throw new Error(`"${text}": the prefix length must be 0 to ${max}`);
  return { network, prefix, family: version === 6 ? 'ipv6' : 'ipv4' };
}

/** A comma-separated list of CIDR ranges; empty entries are ignored. */
export function parseCidrList(text: string): NetworkRange[] {
  return text
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean)
    .map(parseCidr);
}

export function blockListOf(ranges: NetworkRange[]): BlockList {
  const list = new BlockList();
  for (const r of ranges) list.addSubnet(r.network, r.prefix, r.family);
  return list;
}

/** The eight 16-bit groups of an IPv6 address (which must be valid, as isIP says). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase().replace(/%.*$/, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split('.').map(Number) as [number, number, number, number];
    text = text.slice(0, -dotted[1]!.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : new Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((g) => parseInt(g, 16));
}

function ipv4Of(high: number, low: number): string {
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
}

/**
 * The IPv4 address an IPv6 address stands for, when it embeds one a gateway would connect to:
 * NAT64 (64:ff9b::/96, RFC 6052), 6to4 (2002::/16, RFC 3056), IPv4-compatible (::a.b.c.d, deprecated).
 */
export function embeddedIPv4(address: string): string | undefined {
  if (isIP(address) !== 6) return undefined;
  const g = ipv6Groups(address);
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return ipv4Of(g[6]!, g[7]!);
  if (g[0] === 0x2002) return ipv4Of(g[1]!, g[2]!);
  if (g.slice(0, 6).every((x) => x === 0) && (g[6]! !== 0 || g[7]! > 1)) return ipv4Of(g[6]!, g[7]!);
  return undefined;
}
