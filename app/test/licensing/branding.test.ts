// The organisation's branding settings (GET/PUT /api/v1/branding, GET /branding/public) against a real server
// and Postgres, with licenses issued by the real vendor tool: name and watermark on every tier; logo, colours
// and font need custom_branding; the white label (product name, favicon, no DevForge name) needs white_label;
// what a later, smaller license does not include is withheld, not deleted; bad values are refused in words;
// only administrators change it, and each change is audited.
import test from 'ava';
import { call, type Reply } from '../platform/helpers/http.ts';
import { issueLicense, putLicense } from '../platform/helpers/license.ts';
import { startTestPostgres, type TestPostgres } from '../platform/helpers/postgres.ts';
import { startTestServer, type TestServer } from '../platform/helpers/server.ts';

let pg: TestPostgres;
let server: TestServer;
let admin: string;
const LOGO = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const FULL = { name: 'Acme University', watermark: 'Acme', logo: LOGO, colors: { primary: '#0f766e', text: '#10231f' }, font: 'Source Sans 3', product_name: 'Acme Explainers', favicon: LOGO, hide_devforge_name: true };

test.before(async () => {
  pg = await startTestPostgres();
  server = await startTestServer({ databaseUrl: pg.url, overrides: { server: { role: 'api' }, license: { acceptTestLicenses: true } } });
  admin = await server.key('admin');
});

test.after.always(async () => {
  await server?.stop();
  await pg?.destroy();
});

const put = (body: unknown, key = admin) => call(server.url, 'PUT', '/api/v1/branding', { key, body });
const get = async (key = admin) => (await call(server.url, 'GET', '/api/v1/branding', { key })).json;
const problem = (r: Reply) => String(r.json?.type ?? '').replace('urn:devforge:problem:', '');

test.serial('without a license: nothing saved yet; name and watermark are allowed, the rest is refused with the entitlement it needs', async (t) => {
  t.like(await get(), { withheld: [], updated_at: null });
  const basic = await put({ name: 'Acme University', watermark: 'Acme' });
  t.is(basic.status, 200, basic.text);
  t.like(basic.json, { name: 'Acme University', watermark: 'Acme', withheld: [] });

  const logo = await put({ name: 'Acme University', logo: LOGO });
  t.is(logo.status, 403);
  t.is(problem(logo), 'license-limit');
  t.like(logo.json, { entitlement: 'custom_branding', limit: false });
  const white = await put({ product_name: 'Acme Explainers' });
  t.is(white.status, 403);
  t.like(white.json, { entitlement: 'white_label' });
  t.like(await get(), { name: 'Acme University', watermark: 'Acme' }, 'a refused save changes nothing');
});

test.serial('Enterprise: every field is saved and shown; the public part is readable signed out; each save is audited with the fields it set', async (t) => {
  const installed = await putLicense(server.url, admin, await issueLicense({ tier: 'enterprise', sequence: 1 }));
  t.is(installed.status, 200, installed.text);
  const saved = await put(FULL);
  t.is(saved.status, 200, saved.text);
  t.like(saved.json, { ...FULL, withheld: [] });
  t.truthy(saved.json.updated_at);

  const pub = await fetch(`${server.url}/api/v1/branding/public`);
  t.is(pub.status, 200);
  t.deepEqual(await pub.json(), { name: FULL.name, logo: LOGO, colors: FULL.colors, product_name: FULL.product_name, favicon: LOGO, hide_devforge_name: true });

  const audit = await call(server.url, 'GET', '/api/v1/audit?action=branding.update', { key: admin });
  const entry = (audit.json.entries as { action: string; details: { fields: string[] } }[]).find((e) => e.action === 'branding.update' && e.details.fields.includes('product_name'));
  t.truthy(entry, JSON.stringify(audit.json).slice(0, 400));
  t.false(JSON.stringify(entry).includes('base64'), 'the audit names the fields, not the images');
});

test.serial('a smaller license later withholds what it does not include, and keeps it for a renewal', async (t) => {
  t.is((await putLicense(server.url, admin, await issueLicense({ tier: 'professional', sequence: 2 }))).status, 200);
  const shown = await get();
  t.is(shown.name, 'Acme University');
  t.is(shown.logo, undefined);
  t.is(shown.product_name, undefined);
  t.deepEqual([...(shown.withheld as string[])].sort(), ['colors', 'favicon', 'font', 'hide_devforge_name', 'logo', 'product_name']);
  const pub = (await (await fetch(`${server.url}/api/v1/branding/public`)).json()) as Record<string, unknown>;
  t.deepEqual(pub, { name: 'Acme University' }, 'signed out, the white label is gone too');

  t.is((await putLicense(server.url, admin, await issueLicense({ tier: 'enterprise', sequence: 3 }))).status, 200);
  t.like(await get(), { product_name: 'Acme Explainers', withheld: [] });
});

test.serial('bad values are refused in words; editors and viewers may read but not change it; no credentials, no settings', async (t) => {
  const colour = await put({ colors: { primary: 'teal', text: '#000000' } });
  t.is(colour.status, 422);
  t.regex(JSON.stringify(colour.json), /a colour as #rrggbb/);
  const image = await put({ logo: 'https://example.com/logo.png' });
  t.is(image.status, 422);
  t.regex(JSON.stringify(image.json), /a data: URL of a PNG, JPEG or SVG image/);
  const unknown = await put({ colour: '#ffffff' });
  t.is(unknown.status, 422);

  for (const role of ['editor', 'viewer'] as const) {
    const key = await server.key(role);
    t.is((await call(server.url, 'GET', '/api/v1/branding', { key })).status, 200);
    t.is((await put({ name: 'Hijacked' }, key)).status, 403);
  }
  t.is((await call(server.url, 'GET', '/api/v1/branding', {})).status, 401);
  t.is((await get()).name, 'Acme University');
});
