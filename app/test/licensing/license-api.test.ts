// Licensing against a real API server, real Postgres and real signatures (licenses issued by the vendor's real
// tool with the test key): Free limits without a license; a pilot license's monthly count (a re-render or a
// deleted animation gives nothing back); Professional and Enterprise limits; every refusal with its own message
// and audited; expiry → grace → Free; a clock set back (a high-water mark ahead of it) does not revive a
// license; a license dropped into <data dir>/license/ applies without a restart; `devforge license request` →
// vendor `renew` → `devforge license install`, through the real commands.
import test from 'ava';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devforge } from '../helpers/cli.ts';
import { call, callUntil, type Reply } from '../platform/helpers/http.ts';
import { issueLicense, licenseTool, putLicense, TEST_PRIVATE_KEY } from '../platform/helpers/license.ts';
import { startTestPostgres, type TestPostgres } from '../platform/helpers/postgres.ts';
import { startTestServer, type TestServer } from '../platform/helpers/server.ts';

let pg: TestPostgres;
let server: TestServer;
let admin: string;
let dir: string;
const GENERATE = '/api/v1/animations/generate';
const ok = { description: 'Demonstrate bubble sort on 5 3 8 1', quality: '720p', duration: 2 };

test.before(async () => {
  pg = await startTestPostgres();
  server = await startTestServer({ databaseUrl: pg.url, overrides: { server: { role: 'api' }, license: { acceptTestLicenses: true, dropPollS: 1 } } });
  admin = await server.key('admin');
  dir = await mkdtemp(join(tmpdir(), 'devforge-license-test-'));
});

test.after.always(async () => {
  await server?.stop();
  await pg?.destroy();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const generate = (body: Record<string, unknown>) => call(server.url, 'POST', GENERATE, { key: admin, body });
const status = async () => (await call(server.url, 'GET', '/api/v1/license', { key: admin })).json;
const problem = (r: Reply) => String(r.json?.type ?? '').replace('urn:devforge:problem:', '');

async function install(text: string): Promise<Reply> {
  return putLicense(server.url, admin, text);
}

/** The appliance CLI against this test's database, as an operator would run it. */
function cli(args: string[], acceptTest = true) {
  return devforge(args, { env: { DEVFORGE_DATABASE_URL: pg.url, DEVFORGE_DATA_DIR: dir, ...(acceptTest ? { DEVFORGE_LICENSE_ACCEPT_TEST: 'true' } : { DEVFORGE_LICENSE_ACCEPT_TEST: 'false' }), DEVFORGE_LOG_LEVEL: 'warn' } });
}

test.serial('no license: Free limits; 1080p, 4K and custom branding are refused with license-limit saying what would lift it', async (t) => {
  const s = await status();
  t.is(s.state, 'none');
  t.is(s.effective_tier, 'free');
  t.is(s.entitlements.max_quality, '720p');
  t.is(s.entitlements.watermark, 'DevForge');
  t.deepEqual(
    s.usage.find((u: { entitlement: string }) => u.entitlement === 'animations_per_month'),
    { entitlement: 'animations_per_month', limit: 100, used: 0 },
  );

  const hd = await generate({ ...ok, quality: '1080p' });
  t.is(hd.status, 403, hd.text);
  t.is(problem(hd), 'license-limit');
  t.is(hd.headers.get('content-type'), 'application/problem+json');
  t.like(hd.json, { entitlement: 'max_quality', limit: '720p', current_use: '1080p' });
  t.regex(hd.json.lift, /Professional license/);
  t.regex(hd.json.detail, /quality 1080p is above the Free license's highest quality, 720p/);

  const uhd = await generate({ ...ok, quality: '4k' });
  t.is(uhd.status, 403);
  t.regex(uhd.json.lift, /Enterprise license/);

  const branded = await generate({ ...ok, custom_branding: { colors: { primary: '#0f766e' } } });
  t.is(branded.status, 403);
  t.like(branded.json, { entitlement: 'custom_branding', limit: false });

  const batch = await call(server.url, 'POST', '/api/v1/animations/batch', { key: admin, body: { animations: [ok, { ...ok, quality: '1080p' }] } });
  t.is(batch.status, 403, 'a batch item above the license refuses the batch');
  t.is(problem(batch), 'license-limit');
  t.is((await status()).usage[0].used, 0, 'nothing refused was counted');
});

test.serial('a pilot license with animations_per_month=2: the third generate is refused; a re-render or a deletion gives nothing back', async (t) => {
  const installed = await install(await issueLicense({ tier: 'professional', set: ['animations_per_month=2'], sequence: 1 }));
  t.is(installed.status, 200, installed.text);
  t.is(installed.json.state, 'valid');
  t.is(installed.json.entitlements.animations_per_month, 2);

  const first = await generate(ok);
  t.is(first.status, 202, first.text);
  const second = await generate({ description: 'Demonstrate bubble sort on 9 4 6' });
  t.is(second.status, 202, second.text);
  t.is((await call(server.url, 'GET', `/api/v1/animations/${second.json.id}`, { key: admin })).json.quality, '720p', 'no quality asked: the default, within the license');
  // A retried render is a new generation of the same animation, never a new acceptance.
  t.is((await call(server.url, 'POST', `/api/v1/animations/${first.json.id}/cancel`, { key: admin })).status, 200);
  const again = await call(server.url, 'POST', `/api/v1/animations/${first.json.id}/rerender`, { key: admin });
  t.is(again.status, 202, again.text);

  const third = await generate({ ...ok, description: 'Demonstrate bubble sort on 1 2' });
  t.is(third.status, 403, third.text);
  t.like(third.json, { entitlement: 'animations_per_month', limit: 2, current_use: 2 });
  t.regex(third.json.detail, /allows 2 animations a month .* 2 were accepted this month/);

  t.is((await call(server.url, 'DELETE', `/api/v1/animations/${second.json.id}`, { key: admin })).status, 204);
  t.is((await generate(ok)).status, 403, 'deleting an animation does not give its place back');
  t.deepEqual((await status()).usage[0], { entitlement: 'animations_per_month', limit: 2, used: 2 });
});

test.serial('Professional: 1080p allowed, 4K refused; Enterprise: 4K and custom branding allowed', async (t) => {
  t.is((await install(await issueLicense({ tier: 'professional', sequence: 2 }))).status, 200);
  t.is((await generate({ ...ok, quality: '1080p' })).status, 202);
  const uhd = await generate({ ...ok, quality: '4k' });
  t.is(uhd.status, 403);
  t.like(uhd.json, { entitlement: 'max_quality', limit: '1080p', current_use: '4k' });
  t.is((await generate({ ...ok, custom_branding: { product_name: 'ACME' } })).status, 403);

  const enterprise = await install(await issueLicense({ tier: 'enterprise', customer: 'ACME Corp', sequence: 3 }));
  t.is(enterprise.status, 200);
  t.like(enterprise.json, { state: 'valid', effective_tier: 'enterprise', license: { customer: 'ACME Corp', tier: 'enterprise', sequence: 3 } });
  t.is(enterprise.json.entitlements.animations_per_month, null, 'unlimited');
  const branded = await generate({ ...ok, quality: '4k', custom_branding: { colors: { primary: '#0f766e' }, product_name: 'ACME' } });
  t.is(branded.status, 202, branded.text);
  // The brand's colour is in the animation itself, not only in its bar: the stored scene's primary.
  const scene = await call(server.url, 'GET', `/api/v1/animations/${branded.json.id}/scene`, { key: admin });
  t.is(scene.json.style.palette.primary, '#0f766e');
});

test.serial('a tampered byte, a wrong key id, a test license on a production install, a lower sequence: each refused with its own message, and audited', async (t) => {
  const good = await issueLicense({ tier: 'enterprise', sequence: 10 });
  const body = good.slice(good.indexOf('\n\n', good.indexOf('Signature:')) + 2, good.indexOf('-----END'));
  const flipped = body[10] === 'A' ? 'B' : 'A';
  const tampered = await install(good.replace(body, body.slice(0, 10) + flipped + body.slice(11)));
  const wrongKey = await install(good.replace(/Key-Id: .*/, 'Key-Id: dfk-00000000deadbeef'));
  const lower = await install(await issueLicense({ tier: 'enterprise', sequence: 1 }));
  for (const r of [tampered, wrongKey, lower]) {
    t.is(r.status, 422, r.text);
    t.is(problem(r), 'license-refused');
  }
  t.is(tampered.json.reason, 'bad-signature');
  t.regex(tampered.json.detail, /changed after it was signed/);
  t.is(wrongKey.json.reason, 'unknown-key');
  t.regex(wrongKey.json.detail, /key id dfk-00000000deadbeef, which this DevForge build does not know/);
  t.is(lower.json.reason, 'lower-sequence');
  t.regex(lower.json.detail, /sequence 1, lower than the installed license's 3/);

  const file = join(dir, 'test-license.lic');
  await writeFile(file, good);
  const production = await cli(['license', 'install', file], false);
  t.is(production.code, 1);
  t.regex(production.stderr, /refused: this is a test license .* a production install refuses it/);

  const messages = new Set([tampered.json.detail, wrongKey.json.detail, lower.json.detail, production.stderr]);
  t.is(messages.size, 4, 'four refusals, four messages');
  t.is((await status()).license.sequence, 3, 'nothing refused replaced the license');

  const audit = await call(server.url, 'GET', '/api/v1/audit?action=license.*&limit=100', { key: admin });
  const refusals = audit.json.entries.filter((e: { action: string }) => e.action === 'license.refuse').map((e: { details: { reason: string } }) => e.details.reason);
  t.deepEqual(refusals.sort(), ['bad-signature', 'lower-sequence', 'test-key-refused', 'unknown-key']);
  t.is(audit.json.entries.filter((e: { action: string }) => e.action === 'license.install').length, 3);
  t.true(audit.json.entries.some((e: { action: string; details: { to: string } }) => e.action === 'license.state-change' && e.details.to === 'valid'));
});

test.serial('expiry: grace keeps full features with a banner for everyone, then Free limits; nothing is hidden', async (t) => {
  const before = (await call(server.url, 'GET', '/api/v1/animations?limit=100', { key: admin })).json.animations.length;
  const grace = await install(await issueLicense({ tier: 'enterprise', notBefore: -400, expires: -2, graceDays: 7, sequence: 11 }));
  t.is(grace.status, 200, grace.text);
  t.is(grace.json.state, 'grace');
  t.is(grace.json.effective_tier, 'enterprise');
  t.is(grace.json.banner.audience, 'everyone');
  const uhd = await generate({ ...ok, quality: '4k' });
  t.is(uhd.status, 202, 'full features during grace');
  t.is((await call(server.url, 'POST', `/api/v1/animations/${uhd.json.id}/cancel`, { key: admin })).status, 200);

  const expired = await install(await issueLicense({ tier: 'enterprise', notBefore: -400, expires: -20, graceDays: 7, sequence: 12 }));
  t.is(expired.json.state, 'expired');
  t.is(expired.json.effective_tier, 'free');
  t.is((await generate({ ...ok, quality: '1080p' })).status, 403, 'Free limits after grace');
  const rerender = await call(server.url, 'POST', `/api/v1/animations/${uhd.json.id}/rerender`, { key: admin });
  t.is(rerender.status, 403, 'a re-render at 4K is above Free too');
  t.like(rerender.json, { entitlement: 'max_quality', limit: '720p', current_use: '4k' });
  t.is((await generate(ok)).status, 202, 'never read-only');
  const after = (await call(server.url, 'GET', '/api/v1/animations?limit=100', { key: admin })).json.animations.length;
  t.is(after, before + 2, 'every earlier animation is still listed');

  const audit = await call(server.url, 'GET', '/api/v1/audit?action=license.state-change&limit=100', { key: admin });
  t.deepEqual(
    audit.json.entries.slice(0, 2).map((e: { details: { from: string; to: string } }) => `${e.details.from}→${e.details.to}`),
    ['grace→expired', 'valid→grace'],
  );
});

test.serial('a clock set back does not revive an expired license: the observed-time high-water mark is kept in the database', async (t) => {
  const installed = await install(await issueLicense({ tier: 'enterprise', expires: 5, graceDays: 3, sequence: 13 }));
  t.is(installed.json.state, 'expiring');
  // The appliance once saw a time 30 days ahead (its clock ran ahead, then was set back to now).
  await server.platform.db.query(`UPDATE license_runtime SET high_water = now() + interval '30 days'`);
  const s = await status();
  t.is(s.state, 'expired');
  t.is(s.effective_tier, 'free');
  t.true(Date.parse(s.observed_at) > Date.now() + 29 * 86_400_000);
  t.is((await generate({ ...ok, quality: '4k' })).status, 403);
  await server.platform.db.query(`UPDATE license_runtime SET high_water = now()`);
});

test.serial('a license dropped into <data dir>/license/ is installed without a restart', async (t) => {
  const text = await issueLicense({ tier: 'professional', customer: 'Dropped', sequence: 20 });
  await writeFile(join(server.config.data.dir, 'license', 'new.lic'), text);
  const s = await callUntil(server.url, 'GET', '/api/v1/license', { key: admin }, (r) => r.json.license?.sequence === 20);
  t.like(s.json, { state: 'valid', license: { customer: 'Dropped', sequence: 20, installed_via: 'license-dir' } });
});

test.serial('offline renewal: devforge license request → devforge-license renew → devforge license install, hash-chained', async (t) => {
  const first = join(dir, 'request-1.req');
  const made = await cli(['license', 'request', '--out', first]);
  t.is(made.code, 0, made.stderr);
  const inspected = await licenseTool(['inspect', first]);
  t.is(inspected.code, 0, inspected.stderr);
  const request = JSON.parse(inspected.stdout.slice(0, inspected.stdout.lastIndexOf('}') + 1));
  t.like(request, { kind: 'renewal-request', request_number: 1, previous_request_hash: null, current_sequence: 20, install_id: (await status()).install_id });
  t.regex(inspected.stdout, /included license .* sequence 20: signature valid/);

  const renewed = join(dir, 'renewed.lic');
  const renew = await licenseTool(['renew', '--key', TEST_PRIVATE_KEY, '--request', first, '--out', renewed]);
  t.is(renew.code, 0, renew.stderr);
  t.regex(renew.stdout, /renewed license .*: sequence 21/);
  const installed = await cli(['license', 'install', renewed]);
  t.is(installed.code, 0, installed.stderr);
  t.regex(installed.stdout, /license installed/);
  const s = await status();
  t.like(s, { state: 'valid', license: { customer: 'Dropped', tier: 'professional', sequence: 21, bound_to_install: s.install_id } });

  // The next request links to the first; the vendor sees none was skipped, and a changed request is refused.
  const second = join(dir, 'request-2.req');
  t.is((await cli(['license', 'request', '--out', second])).code, 0);
  const chained = await licenseTool(['renew', '--key', TEST_PRIVATE_KEY, '--request', second, '--previous-request', first, '--out', join(dir, 'renewed-2.lic')]);
  t.is(chained.code, 0, chained.stderr);
  t.regex(chained.stdout, /request 2 .* verified/);
  const text = await readFile(second, 'utf8');
  await writeFile(
    join(dir, 'forged.req'),
    text.replace(/Signature: ./, (m) => (m.endsWith('A') ? 'Signature: B' : 'Signature: A')),
  );
  const forged = await licenseTool(['renew', '--key', TEST_PRIVATE_KEY, '--request', join(dir, 'forged.req'), '--out', join(dir, 'x.lic')]);
  t.is(forged.code, 1);
  t.regex(forged.stderr, /refused: the signature does not match the request's contents/);
  const skipped = await licenseTool(['renew', '--key', TEST_PRIVATE_KEY, '--request', second, '--previous-request', second, '--out', join(dir, 'x.lic')]);
  t.is(skipped.code, 1);
  t.regex(skipped.stderr, /chain is broken/);
});

test.serial('a license for another install is refused; the CLI shows the state, and a process without the test flag sees a test license as invalid', async (t) => {
  const other = await install(await issueLicense({ tier: 'enterprise', installId: '00000000-0000-4000-8000-000000000000', sequence: 40 }));
  t.is(other.status, 422);
  t.is(other.json.reason, 'wrong-install');
  t.regex(other.json.detail, /bound to install 00000000-0000-4000-8000-000000000000, and this install is [0-9a-f-]{36}/);

  const shown = await cli(['license', 'status']);
  t.is(shown.code, 0, shown.stderr);
  t.regex(shown.stdout, /state: valid\ninstall id: [0-9a-f-]{36}\nlimits in force: professional/);
  t.regex(shown.stdout, /animations_per_month: \d+ of 2000/);
  const production = JSON.parse((await cli(['license', 'status', '--json'], false)).stdout);
  t.is(production.state, 'invalid');
  t.is(production.effective_tier, 'free');
  t.regex(production.reason, /test license/);
  t.is((await status()).state, 'valid', 'this server accepts test licenses');
});

test.serial('at the limit, requests at the same moment cannot all take the last place', async (t) => {
  const used = (await status()).usage[0].used as number;
  t.is((await install(await issueLicense({ tier: 'professional', set: [`animations_per_month=${used + 1}`], sequence: 50 }))).status, 200);
  const replies = await Promise.all([0, 1, 2, 3].map((i) => generate({ ...ok, description: `Demonstrate bubble sort on ${i + 3} 1 2` })));
  t.deepEqual(replies.map((r) => r.status).sort(), [202, 403, 403, 403]);
  t.is((await status()).usage[0].used, used + 1);
});

test.serial('GET /api/v1/license is for every role; PUT only for admins; an empty body says what to send', async (t) => {
  const viewer = await server.key('viewer');
  t.is((await call(server.url, 'GET', '/api/v1/license', { key: viewer })).status, 200);
  t.is((await putLicense(server.url, viewer, await issueLicense({ tier: 'enterprise', sequence: 99 }))).status, 403);
  const empty = await putLicense(server.url, admin, '');
  t.is(empty.status, 400);
  t.regex(empty.json.detail, /send the license file as the body/);
  const junk = await putLicense(server.url, admin, 'hello');
  t.is(junk.status, 422);
  t.is(junk.json.reason, 'malformed');
});
