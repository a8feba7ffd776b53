// Where webhooks may go. Checked when a URL is given (422 webhook-url-not-allowed) and again at each
// delivery against the addresses the name resolves to then, so DNS changes cannot smuggle a request to
// a metadata service. Config: webhooks.allowedHosts, webhooks.deniedNetworks, webhooks.denyPrivateNetworks.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { WebhookFailure } from '../domain/failures.ts';

/** Names of cloud metadata services, refused whatever they resolve to. */
const METADATA_HOSTS = new Set(['metadata.google.internal', 'metadata.goog', 'metadata', 'instance-data', 'instance-data.ec2.internal']);
const PRIVATE_NETWORKS = ['127.0.0.0/8', '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '::1/128', 'fc00::/7'];

export interface WebhookPolicyOptions {
  allowedHosts: string;
  deniedNetworks: string;
  denyPrivateNetworks: boolean;
}

function addRanges(list: BlockList, ranges: string[]): void {
  for (const range of ranges) {
    const [net, bits] = range.split('/') as [string, string | undefined];
    const family = isIP(net) === 6 ? 'ipv6' : 'ipv4';
    if (!isIP(net)) throw new Error(`webhooks.deniedNetworks: "${range}" is not a CIDR range`);
    list.addSubnet(net, Number(bits ?? (family === 'ipv6' ? 128 : 32)), family);
  }
}

export class WebhookPolicy {
  private readonly allowed: string[];
  private readonly denied = new BlockList();

  constructor(opts: WebhookPolicyOptions) {
    this.allowed = opts.allowedHosts
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean);
    addRanges(
      this.denied,
      opts.deniedNetworks
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean),
    );
    if (opts.denyPrivateNetworks) addRanges(this.denied, PRIVATE_NETWORKS);
  }

  /** Throws a WebhookFailure when the URL itself is not acceptable (scheme, host name). */
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
    if (this.allowed.length && !this.allowed.some((pattern) => (pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern))) {
      throw new WebhookFailure('host-not-allowed', `${host} is not in webhooks.allowedHosts`);
    }
    if (isIP(host)) this.checkAddress(host);
    return url;
  }

  /** Throws when an address is in a denied network. */
  checkAddress(address: string): void {
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    // IPv4-mapped IPv6 (::ffff:169.254.169.254) is checked as the IPv4 address it is.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped ? this.denied.check(mapped[1]!, 'ipv4') : this.denied.check(address, family)) {
      throw new WebhookFailure('network-denied', `${address} is in a network webhooks may not reach (webhooks.deniedNetworks)`);
    }
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
    for (const { address } of addresses) this.checkAddress(address);
    return url;
  }
}
