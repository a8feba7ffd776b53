// Where webhooks may go. Checked when a URL is given (422 webhook-url-not-allowed) and again at each
// delivery against the addresses the name resolves to then, so DNS changes cannot smuggle a request to
// a metadata service or an internal host. By default every special-purpose network (loopback,
// private, link-local, unique-local, CGNAT, multicast, unspecified, reserved) is refused, in every
// spelling of its addresses (2130706433, 127.1 and 0x7f.1 are 127.0.0.1 once the URL parser has read
// them; ::ffff:127.0.0.1, 64:ff9b::127.0.0.1 and 2002:7f00:1:: are checked as the IPv4 address they
// carry). Config: webhooks.allowedHosts, webhooks.allowNetworks, webhooks.deniedNetworks,
// webhooks.denyPrivateNetworks.
import { lookup } from 'node:dns/promises';
import { isIP, type BlockList } from 'node:net';
import { blockListOf, embeddedIPv4, parseCidrList } from '../../util/networks.ts';
import { WebhookFailure } from '../domain/failures.ts';

/** Names of cloud metadata services, refused whatever they resolve to. */
const METADATA_HOSTS = new Set(['metadata.google.internal', 'metadata.goog', 'metadata', 'instance-data', 'instance-data.ec2.internal']);

/** Networks no webhook goes to unless webhooks.allowNetworks opens them (RFC 6890 special-purpose ranges). */
export const PRIVATE_NETWORKS = [
  '0.0.0.0/8', // "this network"; 0.0.0.0 reaches the local host on Linux
  '10.0.0.0/8',
  '100.64.0.0/10', // carrier-grade NAT
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4', // multicast
  '240.0.0.0/4', // reserved, and 255.255.255.255
  '::/128',
  '::1/128',
  '100::/64',
  '2001:db8::/32',
  '64:ff9b:1::/48', // local-use NAT64
  'fc00::/7', // unique local
  'fe80::/10',
  'fec0::/10', // site-local (deprecated)
  'ff00::/8', // multicast
].join(',');

export interface WebhookPolicyOptions {
  allowedHosts: string;
  /** CIDR ranges opened although they are private (a customer's own receivers). */
  allowNetworks: string;
  /** CIDR ranges always refused, even inside allowNetworks (metadata services). */
  deniedNetworks: string;
  denyPrivateNetworks: boolean;
}

function familyOf(address: string): 'ipv4' | 'ipv6' {
  return isIP(address) === 6 ? 'ipv6' : 'ipv4';
}

/** True when the address, or the IPv4 address it embeds, is in `list`. */
function inList(list: BlockList, address: string): boolean {
  const embedded = embeddedIPv4(address);
  return list.check(address, familyOf(address)) || (embedded !== undefined && list.check(embedded, 'ipv4'));
}

export class WebhookPolicy {
  private readonly allowedHosts: string[];
  private readonly allowed: BlockList;
  private readonly denied: BlockList;
  private readonly private: BlockList | undefined;

  constructor(opts: WebhookPolicyOptions) {
    this.allowedHosts = opts.allowedHosts
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean);
    this.allowed = blockListOf(parseCidrList(opts.allowNetworks));
    this.denied = blockListOf(parseCidrList(opts.deniedNetworks));
    this.private = opts.denyPrivateNetworks ? blockListOf(parseCidrList(PRIVATE_NETWORKS)) : undefined;
  }

  /** Throws a WebhookFailure when the URL itself is not acceptable (scheme, host name, a literal address). */
  checkUrl(raw: string): URL {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new WebhookFailure('url-invalid', `"${raw.slice(0, 200)}" is not an absolute URL; give one like https://example.com/hooks`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new WebhookFailure('url-invalid', `only http and https webhooks are sent, not ${url.protocol}`);
    if (url.username || url.password) throw new WebhookFailure('url-credentials', 'webhook URLs may not carry credentials (user:password@); check the signature header instead');
    const host = url.hostname
      .replace(/^\[|\]$/g, '')
      .toLowerCase()
      .replace(/\.$/, '');
    if (METADATA_HOSTS.has(host)) throw new WebhookFailure('host-not-allowed', `${host} is a cloud metadata service`);
    if (this.allowedHosts.length && !this.allowedHosts.some((pattern) => (pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern))) {
      throw new WebhookFailure('host-not-allowed', `${host} is not in webhooks.allowedHosts`);
    }
    // The URL parser has already turned 2130706433, 127.1 and 0x7f.0.0.1 into 127.0.0.1.
    if (isIP(host)) this.checkAddress(host);
    return url;
  }

  /** Whether webhooks may connect to this address. */
  allows(address: string): boolean {
    if (inList(this.denied, address)) return false;
    if (this.private && inList(this.private, address)) return inList(this.allowed, address);
    return true;
  }

  /**
   * Throws when an address is in a denied network. `host` (the name it was resolved from) is named
   * instead of the address, so the answer does not reveal what an internal name resolves to.
   */
  checkAddress(address: string, host?: string): void {
    if (this.allows(address)) return;
    const what = host ? `the host ${host} resolves to an address` : `${address} is`;
    throw new WebhookFailure('network-denied', `${what} in a network webhooks may not reach (loopback, private, link-local or reserved; an administrator can open one with webhooks.allowNetworks)`);
  }

  /** The URL check plus a DNS resolution of its host, every address checked. */
  async check(raw: string): Promise<URL> {
    const url = this.checkUrl(raw);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host)) return url;
    let addresses: { address: string }[];
    try {
      addresses = await lookup(host, { all: true });
    } catch {
      throw new WebhookFailure('host-unresolvable', `the host ${host} does not resolve`);
    }
    for (const { address } of addresses) this.checkAddress(address, host);
    return url;
  }
}
