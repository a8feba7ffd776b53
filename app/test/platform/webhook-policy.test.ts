// Where webhooks may go, checked without connecting anywhere: with the shipped configuration every
// loopback, private, link-local, unique-local, CGNAT, multicast, unspecified and reserved address is
// refused in each way it can be written (decimal, short, hex, IPv4-mapped, NAT64, 6to4), names are
// refused by what they resolve to, and webhooks.allowNetworks opens exactly the ranges it lists.
import test from 'ava';
import { loadConfig } from '../../src/config/load.ts';
import { WebhookFailure } from '../../src/platform/domain/failures.ts';
import { WebhookPolicy } from '../../src/platform/webhooks/policy.ts';
import { embeddedIPv4, parseCidrList } from '../../src/util/networks.ts';

const shipped = (env: Record<string, string> = {}) => new WebhookPolicy(loadConfig({ env }).webhooks);

const DENIED_URLS = [
  'http://127.0.0.1/',
  'http://127.0.0.1:5432/',
  'http://[::1]/',
  'http://[::ffff:127.0.0.1]/',
  'http://[0:0:0:0:0:ffff:7f00:1]/',
  'http://2130706433/',
  'http://127.1/',
  'http://0x7f.1/',
  'http://0177.0.0.1/',
  'http://0/',
  'http://0.0.0.0/',
  'http://[::]/',
  'http://10.0.0.1/',
  'http://[::ffff:10.0.0.1]/',
  'http://172.16.5.4/',
  'http://172.31.255.255/',
  'http://192.168.1.1/',
  'http://100.64.0.1/',
  'http://169.254.169.254/latest/meta-data/',
  'http://[fe80::1]/',
  'http://[fc00::1]/',
  'http://[fd12:3456::1]/',
  'http://224.0.0.1/',
  'http://[ff02::1]/',
  'http://255.255.255.255/',
  'http://240.0.0.1/',
  'http://198.18.0.1/',
  'http://[64:ff9b::7f00:1]/', // NAT64 of 127.0.0.1
  'http://[64:ff9b::a00:1]/', // NAT64 of 10.0.0.1
  'http://[2002:a00:1::]/', // 6to4 of 10.0.0.1
  'http://[::127.0.0.1]/', // IPv4-compatible
];

test('by default every private, loopback and special-purpose address is refused, however it is written', (t) => {
  const policy = shipped();
  for (const url of DENIED_URLS) {
    const err = t.throws(() => policy.checkUrl(url), { instanceOf: WebhookFailure }, url);
    t.is(err?.code, 'network-denied', url);
    t.true(err?.permanent, url);
  }
  for (const url of ['https://93.184.215.14/hook', 'https://[2606:4700::6810:85e5]/hook', 'https://example.com/hook', 'http://8.8.8.8:8080/x', 'http://[64:ff9b::808:808]/']) {
    t.notThrows(() => policy.checkUrl(url), url);
  }
});

test('a name is refused by what it resolves to, without naming the address', async (t) => {
  const err = await t.throwsAsync(shipped().check('http://localhost:5432/'), { instanceOf: WebhookFailure });
  t.is(err?.code, 'network-denied');
  t.regex(err!.message, /the host localhost resolves to an address in a network webhooks may not reach/);
  t.notRegex(err!.message, /127\.0\.0\.1|::1/);
});

test('webhooks.allowNetworks opens exactly its ranges; deniedNetworks still wins', (t) => {
  const policy = shipped({ DEVFORGE_WEBHOOK_ALLOW_NETWORKS: '127.0.0.1/32, 10.20.0.0/16' });
  for (const url of ['http://127.0.0.1:9/', 'http://[::ffff:127.0.0.1]/', 'http://2130706433/', 'http://10.20.3.4/']) t.notThrows(() => policy.checkUrl(url), url);
  for (const url of ['http://127.0.0.2/', 'http://[::1]/', 'http://10.21.0.1/', 'http://192.168.1.1/']) t.throws(() => policy.checkUrl(url), { instanceOf: WebhookFailure }, url);

  const metadata = shipped({ DEVFORGE_WEBHOOK_ALLOW_NETWORKS: '169.254.0.0/16' });
  t.throws(() => metadata.checkUrl('http://169.254.169.254/'), { instanceOf: WebhookFailure }, 'the metadata range stays denied');
});

test('denyPrivateNetworks=false leaves only the denied networks (labs)', (t) => {
  const policy = shipped({ DEVFORGE_WEBHOOK_DENY_PRIVATE: 'false' });
  t.notThrows(() => policy.checkUrl('http://10.0.0.1/'));
  t.throws(() => policy.checkUrl('http://169.254.169.254/'), { instanceOf: WebhookFailure });
});

test('a CIDR list with a typo is a configuration error naming the entry', (t) => {
  t.throws(() => loadConfig({ env: { DEVFORGE_WEBHOOK_ALLOW_NETWORKS: '10.0.0.0/8,10.0.0/33' } }), { message: /webhooks\.allowNetworks[\s\S]*10\.0\.0\/33/ });
  t.throws(() => parseCidrList('10.0.0.0/40'), { message: /prefix length must be 0 to 32/ });
  t.deepEqual(parseCidrList(' 10.0.0.0/8 , ,fc00::/7'), [
    { network: '10.0.0.0', prefix: 8, family: 'ipv4' },
    { network: 'fc00::', prefix: 7, family: 'ipv6' },
  ]);
});

test('the IPv4 address inside NAT64, 6to4 and IPv4-compatible forms is found', (t) => {
  t.is(embeddedIPv4('64:ff9b::7f00:1'), '127.0.0.1');
  t.is(embeddedIPv4('64:ff9b::10.1.2.3'), '10.1.2.3');
  t.is(embeddedIPv4('2002:c0a8:101::1'), '192.168.1.1');
  t.is(embeddedIPv4('::7f00:1'), '127.0.0.1');
  t.is(embeddedIPv4('::1'), undefined);
  t.is(embeddedIPv4('2001:db8::1'), undefined);
  t.is(embeddedIPv4('10.0.0.1'), undefined);
});
