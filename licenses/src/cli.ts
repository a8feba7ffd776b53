// devforge-license <command>: the vendor's tool. keygen makes a signing key pair, issue signs a license,
// renew answers an install's renewal request with the next license, inspect prints and verifies either kind
// of file, sign makes a raw Ed25519 signature over any file (the air-gap bundle's SHA256SUMS). Exit status: 0 done, 1 refused (a file that does not verify), 2 wrong usage.
import { randomUUID } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ENTITLEMENT_NAMES, ENTITLEMENTS, EntitlementError, parseEntitlementValue, resolveEntitlements, TIERS, type EntitlementName, type EntitlementValues, type Tier } from '../../app/src/licensing/entitlements.ts';
import { keyIdOf } from '../../app/src/licensing/keys.ts';
import type { LicensePayload } from '../../app/src/licensing/payloads.ts';
import { LicenseError, verifyLicense, verifyRequest } from '../../app/src/licensing/verify.ts';
import { ArmorError, dearmor } from '../../app/src/licensing/armor.ts';
import { addDays, endOfDay, parseDay, startOfToday, UsageError, wholeNumber } from './dates.ts';
import { generateKeys, publicPemOf, readPrivateKey } from './keys.ts';
import { signFile } from './sign-file.ts';
import { signLicense } from './sign-license.ts';

const HELP = `devforge-license <command> [options]: the DevForge vendor's license tool

  keygen --out-dir DIR                      an Ed25519 key pair (DIR/private.pem, DIR/public.pem) and its key id
  issue --key PRIVATE.pem --customer NAME --tier ${TIERS.join('|')} --expires YYYY-MM-DD --out FILE
        [--set ENTITLEMENT=VALUE]... [--not-before YYYY-MM-DD] [--grace-days N (14)] [--notify-days N (30)]
        [--install-id ID] [--sequence N (1)] [--license-id ID]
  renew --key PRIVATE.pem --request REQUEST-FILE --out FILE [--expires YYYY-MM-DD] [--set ENTITLEMENT=VALUE]...
        [--grace-days N] [--notify-days N] [--previous-request FILE]
  inspect FILE [--public-key PUBLIC.pem]    prints a license or renewal request and verifies its signature
  sign --key PRIVATE.pem --in FILE --out FILE.sig
                                            a raw 64-byte Ed25519 signature over FILE's bytes, checkable with
                                            openssl pkeyutl -verify -pubin -inkey PUBLIC.pem -rawin -in FILE -sigfile FILE.sig

Entitlements (--set): ${ENTITLEMENT_NAMES.map((n) => `${n} (${ENTITLEMENTS[n].doc})`).join('; ')}.
Exit status: 0 done, 1 a file did not verify, 2 wrong usage.`;

const EXIT_REFUSED = 1;
const EXIT_USAGE = 2;

function overrides(sets: string[] | undefined): Partial<EntitlementValues> {
  const out: Record<string, unknown> = {};
  for (const set of sets ?? []) {
    const eq = set.indexOf('=');
    if (eq < 1) throw new UsageError(`--set ${set}: write it as ENTITLEMENT=VALUE, e.g. --set animations_per_month=20`);
    try {
      out[set.slice(0, eq).trim()] = parseEntitlementValue(set.slice(0, eq).trim(), set.slice(eq + 1));
    } catch (err) {
      if (err instanceof EntitlementError) throw new UsageError(`--set ${set}: ${err.message}`);
      throw err;
    }
  }
  return out as Partial<EntitlementValues>;
}

function required(values: Record<string, unknown>, names: string[]): void {
  const missing = names.filter((n) => values[n] === undefined);
  if (missing.length) throw new UsageError(`missing ${missing.map((n) => `--${n}`).join(', ')}`);
}

async function writeNew(path: string, text: string): Promise<void> {
  await writeFile(path, text, { encoding: 'utf8' });
}

async function readText(flag: string, path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    throw new UsageError(`${flag} ${path}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

interface Terms {
  notBefore: Date;
  expiresAt: Date;
  graceDays: number;
  notifyDays: number;
}

function payloadOf(p: { licenseId: string; customer: string; tier: Tier; set: Partial<EntitlementValues>; terms: Terms; installId: string | null; sequence: number }): LicensePayload {
  const { terms } = p;
  if (terms.expiresAt <= terms.notBefore) throw new UsageError('--expires must be after --not-before');
  const notify = addDays(terms.expiresAt, -terms.notifyDays);
  return {
    format: 1,
    license_id: p.licenseId,
    customer: p.customer,
    tier: p.tier,
    entitlements: resolveEntitlements(p.tier, p.set),
    overrides: Object.keys(p.set) as EntitlementName[],
    not_before: terms.notBefore.toISOString(),
    expires_at: terms.expiresAt.toISOString(),
    notify_at: (notify < terms.notBefore ? terms.notBefore : notify).toISOString(),
    grace_days: terms.graceDays,
    install_id: p.installId,
    sequence: p.sequence,
    issued_at: new Date().toISOString(),
  };
}

async function keygen(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { 'out-dir': { type: 'string' }, force: { type: 'boolean' } }, strict: true });
  required(values, ['out-dir']);
  const dir = values['out-dir']!;
  const exists = await stat(join(dir, 'private.pem')).then(
    () => true,
    () => false,
  );
  if (exists && !values.force) throw new UsageError(`${join(dir, 'private.pem')} exists: a new key would orphan every license signed with it; choose another --out-dir (or --force)`);
  await mkdir(dir, { recursive: true });
  const { privatePem, publicPem } = generateKeys();
  await writeFile(join(dir, 'private.pem'), privatePem, { mode: 0o600 });
  await chmod(join(dir, 'private.pem'), 0o600);
  await writeFile(join(dir, 'public.pem'), publicPem);
  const keyId = keyIdOf(publicPem);
  console.log(`key id: ${keyId}\nprivate key: ${join(dir, 'private.pem')} (keep it offline; never commit it)\npublic key: ${join(dir, 'public.pem')}`);
  console.log(`\nTo make DevForge builds trust it, add to PRODUCTION_KEYS in app/src/licensing/keys.ts:\n  '${keyId}': \`${publicPem.trim()}\`,`);
  return 0;
}

async function issue(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      key: { type: 'string' },
      customer: { type: 'string' },
      tier: { type: 'string' },
      expires: { type: 'string' },
      out: { type: 'string' },
      set: { type: 'string', multiple: true },
      'not-before': { type: 'string' },
      'grace-days': { type: 'string' },
      'notify-days': { type: 'string' },
      'install-id': { type: 'string' },
      sequence: { type: 'string' },
      'license-id': { type: 'string' },
    },
    strict: true,
  });
  required(values, ['key', 'customer', 'tier', 'expires', 'out']);
  if (!(TIERS as readonly string[]).includes(values.tier!)) throw new UsageError(`--tier ${values.tier}: use one of ${TIERS.join(', ')}`);
  const key = await readPrivateKey(values.key!);
  const payload = payloadOf({
    licenseId: values['license-id'] ?? randomUUID(),
    customer: values.customer!,
    tier: values.tier as Tier,
    set: overrides(values.set),
    terms: {
      notBefore: values['not-before'] ? parseDay('--not-before', values['not-before']) : startOfToday(),
      expiresAt: endOfDay('--expires', values.expires!),
      graceDays: wholeNumber('--grace-days', values['grace-days'], 14),
      notifyDays: wholeNumber('--notify-days', values['notify-days'], 30),
    },
    installId: values['install-id'] ?? null,
    sequence: wholeNumber('--sequence', values.sequence, 1, 1),
  });
  await writeNew(values.out!, signLicense(payload, key));
  console.log(`issued license ${payload.license_id} (sequence ${payload.sequence}) for ${payload.customer}, ${payload.tier}, key id ${keyIdOf(key)}: ${values.out}`);
  return 0;
}

async function renew(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      key: { type: 'string' },
      request: { type: 'string' },
      out: { type: 'string' },
      expires: { type: 'string' },
      set: { type: 'string', multiple: true },
      'grace-days': { type: 'string' },
      'notify-days': { type: 'string' },
      'previous-request': { type: 'string' },
    },
    strict: true,
  });
  required(values, ['key', 'request', 'out']);
  const key = await readPrivateKey(values.key!);
  const request = verifyRequest(await readText('--request', values.request!));
  const r = request.payload;
  if (values['previous-request']) {
    const previous = verifyRequest(await readText('--previous-request', values['previous-request']));
    if (previous.payload.install_id !== r.install_id) throw new LicenseError('wrong-install', `the previous request is from install ${previous.payload.install_id}, this one from ${r.install_id}`);
    if (r.previous_request_hash !== previous.hash || r.request_number !== previous.payload.request_number + 1) {
      throw new LicenseError('bad-signature', `request ${r.request_number} does not follow request ${previous.payload.request_number}: the chain is broken (a request was skipped or changed)`);
    }
  }
  if (!r.current_license) throw new UsageError(`the request from install ${r.install_id} carries no license (the install has none): issue one with devforge-license issue --install-id ${r.install_id}`);
  // The license being renewed must be one this key signed (or any key this build trusts).
  const current = verifyLicense(r.current_license, { acceptTest: true, installId: r.install_id, extraKeys: { [keyIdOf(key)]: publicPemOf(key) } }).payload;
  const kept: Partial<EntitlementValues> = Object.fromEntries(current.overrides.map((n) => [n, current.entitlements[n as EntitlementName]]));
  const oldStart = Date.parse(current.not_before);
  const oldEnd = Date.parse(current.expires_at);
  const notBefore = startOfToday();
  const expiresAt = values.expires ? endOfDay('--expires', values.expires) : new Date(Math.max(oldEnd, notBefore.getTime()) + (oldEnd - oldStart));
  const payload = payloadOf({
    licenseId: current.license_id,
    customer: current.customer,
    tier: current.tier,
    set: { ...kept, ...overrides(values.set) },
    terms: { notBefore, expiresAt, graceDays: wholeNumber('--grace-days', values['grace-days'], current.grace_days), notifyDays: wholeNumber('--notify-days', values['notify-days'], 30) },
    installId: r.install_id,
    sequence: current.sequence + 1,
  });
  await writeNew(values.out!, signLicense(payload, key));
  console.log(
    `request ${r.request_number} from install ${r.install_id} verified (${r.usage.animations_accepted} animations in ${r.usage.month}); chain: ${r.previous_request_hash ? `follows request hash ${r.previous_request_hash.slice(0, 12)}…` : 'first request'}`,
  );
  console.log(`renewed license ${payload.license_id}: sequence ${payload.sequence}, valid through ${new Date(expiresAt.getTime() - 1).toISOString().slice(0, 10)}: ${values.out}`);
  return 0;
}

async function inspect(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { 'public-key': { type: 'string', multiple: true } }, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw new UsageError('give one file: devforge-license inspect FILE');
  const text = await readText('inspect', positionals[0]!);
  const extraKeys: Record<string, string> = {};
  for (const path of values['public-key'] ?? []) {
    const pem = await readText('--public-key', path);
    extraKeys[keyIdOf(pem)] = pem;
  }
  const kind = dearmor(text).kind;
  if (kind === 'request') {
    const request = verifyRequest(text);
    console.log(JSON.stringify({ kind: 'renewal-request', key_id: request.keyId, sha256: request.hash, ...request.payload, current_license: request.payload.current_license ? '(included)' : null }, null, 2));
    console.log(`signature: valid (signed by install ${request.payload.install_id}, key id ${request.keyId})`);
    if (request.payload.current_license) {
      const license = verifyLicense(request.payload.current_license, { acceptTest: true, extraKeys });
      console.log(`included license ${license.payload.license_id} sequence ${license.payload.sequence}: signature valid (key id ${license.keyId}${license.test ? ', the test key' : ''})`);
    }
    return 0;
  }
  const license = verifyLicense(text, { acceptTest: true, extraKeys });
  console.log(JSON.stringify({ kind: 'license', key_id: license.keyId, sha256: license.hash, ...license.payload }, null, 2));
  console.log(`signature: valid (key id ${license.keyId}${license.test ? ': the TEST key, accepted only by installs with license.acceptTestLicenses' : ''})`);
  return 0;
}

async function sign(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { key: { type: 'string' }, in: { type: 'string' }, out: { type: 'string' } }, strict: true });
  required(values, ['key', 'in', 'out']);
  const key = await readPrivateKey(values.key!);
  let data: Buffer;
  try {
    data = await readFile(values.in!);
  } catch (err) {
    throw new UsageError(`--in ${values.in}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  await writeFile(values.out!, signFile(data, key));
  console.log(`signed ${values.in} (${data.length} bytes) with key id ${keyIdOf(key)}: ${values.out}`);
  return 0;
}

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = { keygen, issue, renew, inspect, sign };

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? console.log : console.error)(HELP);
    return name ? 0 : EXIT_USAGE;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`devforge-license: unknown command "${name}"\n\n${HELP}`);
    return EXIT_USAGE;
  }
  try {
    return await command(rest);
  } catch (err) {
    if (err instanceof LicenseError || err instanceof ArmorError) {
      console.error(`devforge-license ${name}: refused: ${err.message}`);
      return EXIT_REFUSED;
    }
    const code = (err as { code?: string }).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      const path = (err as { path?: string }).path ?? 'a file';
      console.error(`devforge-license ${name}: cannot read or write ${path} (${code}): check the path and its permissions`);
      return EXIT_USAGE;
    }
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`devforge-license ${name}: ${(err as Error).message}\n(devforge-license --help shows the options)`);
      return EXIT_USAGE;
    }
    throw err;
  }
}
