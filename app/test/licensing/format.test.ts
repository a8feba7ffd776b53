// The license file format with real Ed25519 signatures, through the vendor's real tool: a license verifies as
// issued; one changed byte, an unknown key id, a test license on an install without the test flag, a license
// for another install are each refused with their own code and message; the states follow the dates; the
// committed test public key is the one the appliance trusts; the renderer's overlay takes the license's watermark.
import test, { type ExecutionContext } from 'ava';
import { readFile } from 'node:fs/promises';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPrivateKey } from 'node:crypto';
import { dearmor } from '../../src/licensing/armor.ts';
import { parseEntitlementValue, resolveEntitlements, TIER_DEFAULTS } from '../../src/licensing/entitlements.ts';
import { keyIdOf, PRODUCTION_KEYS, TEST_KEY_ID, TEST_PUBLIC_KEY, trustedKey } from '../../src/licensing/keys.ts';
import { standingAt } from '../../src/licensing/state.ts';
import { LicenseError, verifyLicense } from '../../src/licensing/verify.ts';
import { overlayFor } from '../../src/platform/queue/jobs/render.ts';
import { issueLicense, licenseTool, TEST_PRIVATE_KEY } from '../platform/helpers/license.ts';

function refusal(t: ExecutionContext, fn: () => unknown): LicenseError {
  const err = t.throws(fn, { instanceOf: LicenseError });
  return err!;
}

/** The text with one character of the payload changed (still valid base64). */
function tamper(text: string): string {
  const block = dearmor(text);
  const json = block.payload.toString('utf8').replace('"customer": "Test Customer"', '"customer": "Test Customfr"');
  const b64 = Buffer.from(json, 'utf8').toString('base64');
  const begin = text.indexOf('\n\n', text.indexOf('Signature:'));
  const end = text.indexOf('-----END');
  return `${text.slice(0, begin)}\n\n${b64.match(/.{1,64}/g)!.join('\n')}\n${text.slice(end)}`;
}

test('the committed test public key is the one the appliance trusts as the test key, and its id is derived from it', async (t) => {
  const pem = await readFile(fileURLToPath(new URL('../../../licenses/test-keys/public.pem', import.meta.url)), 'utf8');
  t.is(pem.trim(), TEST_PUBLIC_KEY.trim());
  t.is(keyIdOf(pem), TEST_KEY_ID);
  t.is(keyIdOf(createPrivateKey(await readFile(TEST_PRIVATE_KEY, 'utf8'))), TEST_KEY_ID);
});

test('the build trusts at least one production key, each under the id derived from it, and the test key is not one of them', (t) => {
  const ids = Object.keys(PRODUCTION_KEYS);
  t.true(ids.length >= 1, 'no production key is compiled in: no real license could be accepted');
  for (const id of ids) {
    t.is(keyIdOf(PRODUCTION_KEYS[id]!), id, `${id} is labelled with another key's id`);
    t.false(trustedKey(id)!.test, `${id} is trusted as a production key`);
  }
  t.false(ids.includes(TEST_KEY_ID));
  t.false(
    Object.values(PRODUCTION_KEYS).some((pem) => keyIdOf(pem) === keyIdOf(TEST_PUBLIC_KEY)),
    'the test key is compiled in as a production key',
  );
});

test('a license issued by the tool verifies, with every entitlement resolved from the tier and the overrides', async (t) => {
  const text = await issueLicense({ tier: 'professional', set: ['animations_per_month=20', 'render_workers=4'], installId: 'install-1', sequence: 3 });
  const { payload, keyId, test: isTest } = verifyLicense(text, { acceptTest: true, installId: 'install-1' });
  t.is(keyId, TEST_KEY_ID);
  t.true(isTest);
  t.is(payload.tier, 'professional');
  t.is(payload.sequence, 3);
  t.deepEqual(payload.entitlements, { ...TIER_DEFAULTS.professional, animations_per_month: 20, render_workers: 4 });
  t.deepEqual(payload.overrides, ['animations_per_month', 'render_workers']);
  t.regex(text, /^DevForge license .*\nCustomer: Test Customer\nTier: professional/, 'a note for people above the block');
});

test('one changed byte, an unknown key id, the test key without the flag and another install are each refused with their own message', async (t) => {
  const text = await issueLicense({ tier: 'enterprise', installId: 'install-A' });
  const tampered = refusal(t, () => verifyLicense(tamper(text), { acceptTest: true }));
  t.is(tampered.code, 'bad-signature');
  t.regex(tampered.message, /changed after it was signed/);

  const wrongKey = refusal(t, () => verifyLicense(text.replace(`Key-Id: ${TEST_KEY_ID}`, 'Key-Id: dfk-0123456789abcdef'), { acceptTest: true }));
  t.is(wrongKey.code, 'unknown-key');
  t.regex(wrongKey.message, /key id dfk-0123456789abcdef, which this DevForge build does not know/);

  const production = refusal(t, () => verifyLicense(text, { acceptTest: false }));
  t.is(production.code, 'test-key-refused');
  t.regex(production.message, /test license .* a production install refuses it/);

  const other = refusal(t, () => verifyLicense(text, { acceptTest: true, installId: 'install-B' }));
  t.is(other.code, 'wrong-install');
  t.regex(other.message, /bound to install install-A, and this install is install-B/);

  const cut = refusal(t, () => verifyLicense(text.slice(0, text.indexOf('-----END')), { acceptTest: true }));
  t.is(cut.code, 'malformed');
});

test('a license signed with a key this build does not know is refused; inspect with its public key verifies it', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'devforge-keys-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const made = await licenseTool(['keygen', '--out-dir', dir]);
  t.is(made.code, 0, made.stderr);
  const keyId = /key id: (dfk-[0-9a-f]{16})/.exec(made.stdout)![1]!;
  const text = await issueLicense({ tier: 'professional', key: join(dir, 'private.pem') });
  t.is(refusal(t, () => verifyLicense(text, { acceptTest: true })).code, 'unknown-key');
  t.is(verifyLicense(text, { acceptTest: false, extraKeys: { [keyId]: await readFile(join(dir, 'public.pem'), 'utf8') } }).keyId, keyId);
  await writeFile(join(dir, 'x.lic'), text);
  const unknown = await licenseTool(['inspect', join(dir, 'x.lic')]);
  t.is(unknown.code, 1);
  t.regex(unknown.stderr, /refused: .*does not know/);
  const inspected = await licenseTool(['inspect', join(dir, 'x.lic'), '--public-key', join(dir, 'public.pem')]);
  t.is(inspected.code, 0, inspected.stderr);
  t.regex(inspected.stdout, new RegExp(`signature: valid \\(key id ${keyId}\\)`));
  const again = await licenseTool(['keygen', '--out-dir', dir]);
  t.is(again.code, 2, 'keygen does not overwrite a key');
});

test('states follow the dates: valid, expiring from the notify date, grace after expiry, then expired (Free)', async (t) => {
  const text = await issueLicense({ tier: 'professional', notBefore: -10, expires: 40, notifyDays: 30, graceDays: 7 });
  const { payload } = verifyLicense(text, { acceptTest: true });
  const at = (days: number) => standingAt(payload, new Date(Date.now() + days * 86_400_000));
  t.is(at(0).state, 'valid');
  t.is(at(20).state, 'expiring');
  t.is(at(44).state, 'grace');
  t.is(at(44).effectiveTier, 'professional', 'full features in grace');
  t.is(at(50).state, 'expired');
  t.deepEqual(at(50).entitlements, TIER_DEFAULTS.free);
  t.is(at(-20).state, 'invalid', 'not valid before its start');
});

test('the tool refuses bad entitlement values and unknown entitlements, saying what is allowed', async (t) => {
  t.throws(() => parseEntitlementValue('animations_per_month', 'lots'), { message: /not a whole number or "unlimited"/ });
  t.throws(() => parseEntitlementValue('max_quality', '8k'), { message: /one of 720p, 1080p, 4k/ });
  t.throws(() => parseEntitlementValue('seats', '3'), { message: /unknown entitlement "seats"/ });
  t.is(parseEntitlementValue('animations_per_month', 'unlimited'), null);
  const r = await licenseTool(['issue', '--key', TEST_PRIVATE_KEY, '--customer', 'X', '--tier', 'gold', '--expires', '2030-01-01', '--out', '/dev/null']);
  t.is(r.code, 2);
  t.regex(r.stderr, /--tier gold: use one of free, professional, enterprise/);
  t.deepEqual(resolveEntitlements('enterprise', { render_workers: 4 }).render_workers, 4);
});

test("the license's watermark is drawn whatever the request asks, and branding only when the license includes it", (t) => {
  const branding = { watermark: 'ACME', colors: { primary: '#0f766e' } };
  t.deepEqual(overlayFor(branding, TIER_DEFAULTS.free), { watermark: { text: 'DevForge' } });
  t.deepEqual(overlayFor(null, TIER_DEFAULTS.free), { watermark: { text: 'DevForge' } });
  t.deepEqual(overlayFor(branding, TIER_DEFAULTS.enterprise), { watermark: { text: 'ACME' }, branding: { colors: { primary: '#0f766e' } } });
  t.deepEqual(overlayFor(null, TIER_DEFAULTS.professional), {});
});
