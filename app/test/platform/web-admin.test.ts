// The admin console and /batch end to end in headless Chromium, against a real server, Postgres, renderer,
// ffmpeg and a real OpenID Connect provider (oidc-provider on loopback): every admin page walked as an
// administrator doing its main action for real (create a user, revoke a key, rotate the signing secret and
// send a delivery again, install a license made with the test key and download a renewal request, read the
// month's use and its CSV, the system report, filter and export the audit log, test single sign-on while
// the provider is up and after it went down), axe-core on each page (no serious or critical violation), an
// editor and a viewer who see no admin link and get the not-allowed screen (and the API's 403), and a batch
// of three pasted lines of which one is not understood: the two others are submitted and both finish.
// DEVFORGE_SCREENSHOTS=1 saves docs/screenshots/admin-<page>.png and batch.png.
import test from 'ava';
import { createServer } from 'node:http';
import type { Browser, Page } from 'puppeteer-core';
import { createApiKey } from '../../src/platform/domain/commands/api-keys.ts';
import { VERSION } from '../../src/platform/server/version.ts';
import { loadConfig } from '../../src/config/load.ts';
import { call } from './helpers/http.ts';
import { ACCEPT_TEST_LICENSES, issueLicense, putLicense } from './helpers/license.ts';
import { startTestIdp, type TestIdp } from './helpers/oidc-provider.ts';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestServer, type TestServer } from './helpers/server.ts';
import { launchBrowser, newPage as freshPage, open, screen, setField, signIn, text, until, type PageWatch } from './helpers/web-browser.ts';

const EDITOR = { email: 'editor@example.com', password: 'tulip harbour ladder 7' };
const VIEWER = { email: 'viewer@example.com', password: 'copper meadow violin 4' };
const CLIENT_SECRET = 'devforge-secret';

let pg: TestPostgres;
let idp: TestIdp;
let server: TestServer;
let browser: Browser;
let adminKey: string;
const ids: Record<string, string> = {};
const watch: PageWatch = { foreign: [], errors: [] };

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as { port: number }).port;
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

test.before(async () => {
  pg = await startTestPostgres();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  idp = await startTestIdp({ accountClaims: { realm_access: { roles: ['devforge-editor'] } }, redirectUri: `${base}/auth/oidc/callback`, postLogoutRedirectUri: `${base}/` });
  const oidc = loadConfig({ env: { DEVFORGE_OIDC_ISSUER: idp.issuer, DEVFORGE_OIDC_CLIENT_ID: 'devforge', DEVFORGE_OIDC_CLIENT_SECRET: CLIENT_SECRET, DEVFORGE_OIDC_ALLOW_HTTP: 'true' } }).auth.oidc;
  server = await startTestServer({ databaseUrl: pg.url, overrides: { server: { port, publicUrl: base }, auth: { oidc }, ...ACCEPT_TEST_LICENSES } });
  await server.platform.services.oidc!.ready();
  adminKey = await server.key('admin');
  for (const [u, role] of [
    [EDITOR, 'editor'],
    [VIEWER, 'viewer'],
  ] as const) {
    const made = await call(server.url, 'POST', '/api/v1/users', { key: adminKey, body: { email: u.email, role, password: u.password } });
    if (made.status !== 201) throw new Error(`creating ${u.email}: ${made.text}`);
    ids[role] = made.json.id as string;
  }
  const me = await call(server.url, 'GET', '/api/v1/me', { key: adminKey });
  ids.admin = (me.json.user as { id: string }).id;
  browser = await launchBrowser();
});

test.after.always(async () => {
  await browser?.close();
  await server?.stop();
  await idp?.stop().catch(() => undefined);
  await pg?.destroy();
});

const newPage = () => freshPage(browser, server.url, watch);

/** A GET from inside the page, with its session cookie: the status and the body's text. */
function fetchInPage(page: Page, path: string): Promise<{ status: number; body: string; type: string }> {
  return page.evaluate(async (p) => {
    const r = await fetch(p, { credentials: 'same-origin' });
    return { status: r.status, body: await r.text(), type: r.headers.get('content-type') ?? '' };
  }, path);
}

async function navLinks(page: Page): Promise<string[]> {
  return page.$$eval('nav[aria-label=Main] a', (as) => as.map((a) => a.textContent ?? ''));
}

test.serial('admin: users — the nav has Admin; create an account, change its role, set its password, end its sessions', async (t) => {
  const page = await newPage();
  await signIn(page, server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  t.true((await navLinks(page)).includes('Admin'));
  await Promise.all([page.waitForSelector('#admin-users', { visible: true }), page.click('nav[aria-label=Main] a[href="/admin/users"]')]);
  const consoleNav = await page.$$eval('nav[aria-label=Administration] a', (as) => as.map((a) => a.textContent));
  t.deepEqual(consoleNav, ['Users', 'API keys', 'Webhooks', 'License', 'Usage', 'System', 'Audit log', 'Single sign-on', 'Branding', 'LTI (LMS)']);
  await page.waitForSelector(`tr[data-user="${EDITOR.email}"]`);

  // A wrong entry is said in words, and nothing is sent.
  await page.type('#new-user-email', 'not-an-address');
  await page.click('#create-user');
  await page.waitForSelector('#user-form-error');
  t.regex(await text(page, '#user-form-error'), /e-mail address/);

  await setField(page, '#new-user-email', 'grace@example.com');
  await page.type('#new-user-name', 'Grace Hopper');
  await page.select('#new-user-role', 'viewer');
  await page.type('#new-user-password', 'harbour lantern quartz 5');
  await page.click('#create-user');
  await page.waitForSelector('tr[data-user="grace@example.com"]');
  t.regex(await text(page, '#users-message'), /grace@example.com can sign in now/);
  const grace = (await call(server.url, 'GET', '/api/v1/users', { key: adminKey })).json.users as { id: string; email: string; role: string; disabled: boolean }[];
  const made = grace.find((u) => u.email === 'grace@example.com')!;
  t.is(made.role, 'viewer');

  await page.select(`#role-${made.id}`, 'editor');
  await page.waitForFunction(() => /is now editor/.test(document.getElementById('users-message')!.textContent ?? ''));
  await page.type(`#password-${made.id}`, 'short');
  await page.click(`tr[data-user="grace@example.com"] form.inline button`);
  await page.waitForSelector('#users-error');
  t.regex(await text(page, '#users-error'), /at least 10 characters/);
  await page.$eval(`#password-${made.id}`, (el) => ((el as HTMLInputElement).value = ''));
  await page.type(`#password-${made.id}`, 'violet granite comet 8');
  await page.click(`tr[data-user="grace@example.com"] form.inline button`);
  await page.waitForFunction(() => /has a new password/.test(document.getElementById('users-message')!.textContent ?? ''));
  const signedIn = await call(server.url, 'POST', '/api/v1/auth/login', { body: { email: 'grace@example.com', password: 'violet granite comet 8' } });
  t.is(signedIn.status, 200, 'the new password works');
  await page.click(`button[aria-label="End sessions of grace@example.com"]`);
  await page.waitForFunction(() => /1 session ended/.test(document.getElementById('users-message')!.textContent ?? ''));
  await page.click(`button[aria-label="Disable grace@example.com"]`);
  await page.waitForFunction(() => /is disabled/.test(document.getElementById('users-message')!.textContent ?? ''));
  const after = ((await call(server.url, 'GET', '/api/v1/users', { key: adminKey })).json.users as typeof grace).find((u) => u.email === 'grace@example.com')!;
  t.is(after.role, 'editor');
  t.true(after.disabled);
  await screen(t, page, 'admin-users');
  await page.close();
});

test.serial('admin: keys — every key of the organisation with its owner; revoke one', async (t) => {
  const { apiKey } = await createApiKey(server.platform.db, { userId: ids.editor!, role: 'editor', via: 'console' }, { name: 'editor laptop' });
  const page = await newPage();
  await signIn(page, server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await open(page, server.url, '/admin/keys', `tr[data-key="${apiKey.id}"]`);
  const row = await text(page, `tr[data-key="${apiKey.id}"]`);
  t.regex(row, /editor laptop/);
  t.regex(row, /editor@example\.com/);
  t.regex(row, /never/, 'last used: never');
  await screen(t, page, 'admin-keys');
  await page.click(`tr[data-key="${apiKey.id}"] button.danger`);
  await page.waitForFunction(() => /is revoked/.test(document.getElementById('keys-message')!.textContent ?? ''));
  // The list is read again after the revocation; revoked keys are hidden by default.
  await page.waitForFunction((id) => !document.querySelector(`tr[data-key="${id}"]`), { timeout: 10_000 }, apiKey.id);
  const keys = (await call(server.url, 'GET', '/api/v1/api-keys?owner=all', { key: adminKey })).json.api_keys as { id: string; revoked_at: string | null }[];
  t.truthy(keys.find((k) => k.id === apiKey.id)!.revoked_at);
  await page.close();
});

test.serial('admin: webhooks — the secret shown when asked for and rotated; a failed delivery sent again', async (t) => {
  const [delivery] = (await server.platform.db.query(
    `INSERT INTO webhook_deliveries (owner_id, event, url, payload, dedupe_key, status, attempts, last_error) VALUES ($1, 'animation.completed', 'https://hooks.example.com/devforge', '{}', 'web-admin-test', 'failed', 3, 'the receiver answered 503') RETURNING id`,
    [ids.admin],
  )) as { id: string }[];
  const page = await newPage();
  await signIn(page, server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await open(page, server.url, '/admin/webhooks', `tr[data-delivery="${delivery!.id}"]`);
  t.regex(await text(page, `tr[data-delivery="${delivery!.id}"]`), /Failed.*the receiver answered 503/);
  t.is(await page.$('#secret-value'), null, 'the secret is not on the page until asked for');
  await page.click('#show-secret');
  await page.waitForSelector('#secret-value');
  const first = (await text(page, '#secret-value')).trim();
  t.true(first.length >= 32);
  await setField(page, '#overlap', '0');
  await page.click('#rotate-secret');
  await page.waitForFunction(() => /old one no longer signs/.test(document.getElementById('secret-message')!.textContent ?? ''));
  const second = (await text(page, '#secret-value')).trim();
  t.not(second, first);
  const api = await call(server.url, 'GET', '/api/v1/webhooks/signing-secret', { key: adminKey });
  t.is(api.json.secret, second);
  await setField(page, '#overlap', '500');
  await page.click('#rotate-secret');
  await page.waitForSelector('#secret-error');
  t.regex(await text(page, '#secret-error'), /whole number of hours from 0/);

  await page.click(`tr[data-delivery="${delivery!.id}"] button`);
  await page.waitForFunction(() => /being sent again/.test(document.getElementById('deliveries-message')!.textContent ?? ''));
  const audit = await call(server.url, 'GET', `/api/v1/audit?action=webhook.redeliver`, { key: adminKey });
  t.is((audit.json.entries as unknown[]).length, 1, 'the redelivery is in the audit log');
  await screen(t, page, 'admin-webhooks');
  await page.close();
});

test.serial('admin: license — a bad file refused in words; a test license installed; use against limits as charts; a renewal request downloaded', async (t) => {
  const page = await newPage();
  await signIn(page, server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await open(page, server.url, '/admin/license', '#license-state');
  t.regex(await text(page, '#license-state'), /No license installed/);
  await setField(page, '#license-text', 'this is not a license');
  await page.click('#install-license');
  await page.waitForSelector('#install-error');
  t.regex(await text(page, '#install-error'), /^The license was not installed: .{20,}/);

  const license = await issueLicense({ tier: 'professional', customer: 'Admin Console Co' });
  await setField(page, '#license-text', license);
  await page.click('#install-license');
  await page.waitForFunction(() => /^Installed/.test(document.getElementById('install-message')!.textContent ?? ''));
  t.is(await text(page, '#license-customer'), 'Admin Console Co');
  t.is(await text(page, '#license-tier'), 'professional');
  t.regex(await text(page, '#license-state'), /Valid/);
  // The chart: an SVG hidden from screen readers, with its figures as text beside it.
  t.truthy(await page.$('#license-usage svg[aria-hidden=true]'));
  t.regex(await text(page, '#license-usage table'), /Animations per month\s*0 of \d+/i);
  await screen(t, page, 'admin-license');

  const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/license/renewal-request'));
  await page.click('#renewal-request');
  const res = await answer;
  t.is(res.status(), 200);
  t.regex(res.headers()['content-disposition'] ?? '', /attachment; filename="devforge-renewal-request-1\.req"/);
  await page.waitForFunction(() => /Saved devforge-renewal-request-1\.req/.test(document.getElementById('renewal-message')!.textContent ?? ''));
  // What was saved is a signed request the vendor's tool reads (the next one has the next number).
  const next = await call(server.url, 'POST', '/api/v1/license/renewal-request', { key: adminKey });
  t.is(next.status, 200);
  t.regex(next.text, /DevForge renewal request 2 from install/);
  await page.close();
});

test.serial('admin: usage — totals, per person and per key as charts with text, the CSV download', async (t) => {
  const page = await newPage();
  await signIn(page, server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await open(page, server.url, '/admin/usage', '#usage-totals');
  t.regex(await text(page, '#usage-totals'), /Animations accepted/);
  t.truthy(await page.$('#usage-users'));
  const href = await page.$eval('#usage-csv', (a) => a.getAttribute('href')!);
  t.regex(href, /^\/api\/v1\/usage\.csv\?month=\d{4}-\d{2}$/);
  const csv = await fetchInPage(page, href);
  t.is(csv.status, 200);
  t.regex(csv.type, /text\/csv/);
  t.regex(csv.body, /^month,section,/);
  await screen(t, page, 'admin-usage');
  await page.close();
});

test.serial('admin: system — version, encoder, storage, database and health in words', async (t) => {
  const page = await newPage();
  await signIn(page, server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await open(page, server.url, '/admin/system', '#system-version');
  t.is(await text(page, '#system-version'), VERSION);
  t.regex(await text(page, '#system-storage'), /Local disk: .+ — reachable/);
  t.regex(await text(page, '#system-database'), /^PostgreSQL \d+/);
  t.regex(await text(page, '#encoder'), /Encoder: (libx264|h264_nvenc)/);
  t.regex(await text(page, '#health'), /Everything answers/);
  await screen(t, page, 'admin-system');
  await page.close();
});

test.serial('admin: audit — filter by action family, page, export the filtered log', async (t) => {
  const page = await newPage();
  await signIn(page, server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await open(page, server.url, '/admin/audit', '#audit-entries');
  await page.type('#audit-action', 'no spaces allowed');
  await page.click('#audit-apply');
  await page.waitForSelector('#audit-error');
  t.regex(await text(page, '#audit-error'), /dotted name such as auth\.sign-in/);
  await setField(page, '#audit-action', 'user.*');
  await page.click('#audit-apply');
  // Until the filtered page arrives the table may be empty or still show the unfiltered one.
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('#audit-entries tbody tr')].map((r) => (r as HTMLElement).dataset.action ?? '');
    return location.search.includes('action=user.*') && rows.length > 0 && rows.every((a) => a.startsWith('user.')) && rows.includes('user.create');
  });
  const actions = await page.$$eval('#audit-entries tbody tr', (rows) => rows.map((r) => (r as HTMLElement).dataset.action));
  t.true(actions.includes('user.create'));
  t.true(actions.every((a) => a!.startsWith('user.')));
  // A date range that holds nothing: the empty state says so.
  await setField(page, '#audit-from', '2001-01-01');
  await setField(page, '#audit-to', '2001-01-31');
  await page.click('#audit-apply');
  await page.waitForSelector('#audit-empty');
  await setField(page, '#audit-from', '');
  await setField(page, '#audit-to', '');
  await page.click('#audit-apply');
  await page.waitForSelector('#audit-entries');
  const exported = await fetchInPage(page, await page.$eval('#audit-export-csv', (a) => a.getAttribute('href')!));
  t.is(exported.status, 200);
  t.regex(exported.body, /user\.create/);
  t.notRegex(exported.body, /apikey\.revoke/, 'the export has the filter');
  await screen(t, page, 'admin-audit');
  await page.close();
});

test.serial('admin: single sign-on — the settings without secrets; the test works while the provider answers and says why when it does not', async (t) => {
  const page = await newPage();
  await signIn(page, server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await open(page, server.url, '/admin/sso', '#sso-settings');
  const settings = await text(page, '#sso-settings');
  t.true(settings.includes(idp.issuer));
  t.regex(settings, /Client secret\s*set \(not shown\)/);
  t.regex(settings, /\/auth\/oidc\/callback/);
  t.false((await page.content()).includes(CLIENT_SECRET));
  t.is(await page.$eval('#sso-open', (a) => a.getAttribute('target')), '_blank');
  t.is(await page.$eval('#sso-open', (a) => a.getAttribute('href')), '/auth/oidc/login');
  await page.click('#sso-test');
  await page.waitForSelector('#sso-result p');
  t.regex(await text(page, '#sso-result'), /^It works\. The identity provider .+ answered/);
  await screen(t, page, 'admin-sso');
  await idp.stop();
  await page.click('#sso-test');
  await page.waitForFunction(() => /It does not work/.test(document.getElementById('sso-result')!.textContent ?? ''), { timeout: 30_000 });
  t.regex(await text(page, '#sso-result'), /does not answer/);
  await page.close();
});

test.serial('an editor and a viewer: no admin link, the not-allowed screen, and the API refuses', async (t) => {
  for (const [who, role] of [
    [EDITOR, 'editor'],
    [VIEWER, 'viewer'],
  ] as const) {
    const page = await newPage();
    await signIn(page, server.url, who.email, who.password);
    const links = await navLinks(page);
    t.false(links.includes('Admin'), `${role}: no Admin link`);
    t.is(links.includes('Batch'), role === 'editor', `${role}: Batch only for editors`);
    for (const path of ['/admin/users', '/admin/license', '/admin/system', '/admin/sso', '/admin/lti']) {
      await open(page, server.url, path, '#not-allowed');
      t.regex(await text(page, '#not-allowed'), new RegExp(`for administrators; you are signed in as ${who.email} with the ${role} role`));
    }
    for (const path of ['/api/v1/users', '/api/v1/system', '/api/v1/sso', '/api/v1/audit', '/api/v1/lti/platforms']) {
      const r = await fetchInPage(page, path);
      t.is(r.status, 403, `${role} ${path}`);
      t.regex(r.type, /application\/problem\+json/);
    }
    if (role === 'viewer') {
      await open(page, server.url, '/batch', '#not-allowed');
      await screen(t, page, 'admin-not-allowed');
    }
    await page.close();
  }
});

test.serial('batch: three pasted lines, one not understood and left out; the two others submitted, followed live, both finish', async (t) => {
  const page = await newPage();
  await signIn(page, server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await open(page, server.url, '/batch', '#batch-lines');
  await page.click('#batch-check');
  await page.waitForSelector('#batch-error');
  t.regex(await text(page, '#batch-error'), /at least one description/);
  await page.type('#batch-lines', 'Demonstrate bubble sort on 5 3 8 1\nshow me something about sorting\nDemonstrate insertion sort on 4 2 7');
  await page.click('#batch-check');
  await page.waitForFunction(() => /2 of 3 understood/.test(document.getElementById('batch-summary')?.textContent ?? ''));
  const items = await page.$$eval('#batch-items > li', (lis) => lis.map((li) => ({ understood: (li as HTMLElement).dataset.understood, text: li.textContent ?? '' })));
  t.is(items.length, 3);
  t.is(items[0]!.understood, 'true');
  t.regex(items[0]!.text, /Bubble sort of 5, 3, 8, 1 — 4 swaps/);
  t.is(items[1]!.understood, 'false');
  t.regex(items[1]!.text, /Not understood — left out unless you fix it/);
  t.truthy(await page.$('#batch-items > li[data-understood=false] .suggestions button'), 'its suggestions are offered');
  t.is(items[2]!.understood, 'true');
  t.regex(await text(page, '#batch-submit'), /Submit 2 animations/);
  await setField(page, '#batch-length', '2');
  await page.click('#batch-submit');
  await page.waitForSelector('#batch-follow');
  await page.waitForFunction(() => document.querySelectorAll('#batch-animations a').length === 2, { timeout: 20_000 });
  t.regex(page.url(), /\/batch\?id=[0-9a-f-]{36}$/);
  const links = await page.$$eval('#batch-animations a', (as) => as.map((a) => a.getAttribute('href')));
  t.is(links.length, 2);
  t.true(links.every((h) => /^\/animations\/[0-9a-f-]{36}$/.test(h!)));
  await until(async () => ((await page.$eval('#batch-status', (el) => (el as HTMLElement).dataset.status)) === 'completed' ? true : undefined), 240_000);
  const statuses = await page.$$eval('#batch-animations [data-status]', (els) => els.map((e) => (e as HTMLElement).dataset.status));
  t.deepEqual(statuses, ['completed', 'completed']);
  await screen(t, page, 'batch');
  await page.close();
});

test.serial('admin: branding — what the license does not include is shown off with the reason; saved settings re-brand the app at once', async (t) => {
  const page = await newPage();
  await signIn(page, server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  // Professional (installed by the license test): name and watermark only.
  await open(page, server.url, '/admin/branding', '#branding-form');
  t.true(await page.$eval('#branding-logo', (el) => (el as HTMLInputElement).disabled));
  t.regex(await text(page, '#branding-why'), /custom branding \(an Enterprise license\)/);
  await setField(page, '#branding-name', 'Admin Console Co');
  await page.click('#branding-save');
  await page.waitForSelector('#branding-saved');
  t.is((await call(server.url, 'GET', '/api/v1/branding', { key: adminKey })).json.name, 'Admin Console Co');
  await screen(t, page, 'admin-branding');

  // Enterprise: the white label too; the header takes the new name and colour without a reload.
  t.is((await putLicense(server.url, adminKey, await issueLicense({ tier: 'enterprise', customer: 'Admin Console Co', sequence: 2 }))).status, 200);
  await page.reload({ waitUntil: 'load' });
  // Until the page has drawn again the field is absent; then it must be on (the Enterprise license allows it).
  await page.waitForFunction(() => {
    const field = document.getElementById('branding-product') as HTMLInputElement | null;
    return field !== null && !field.disabled;
  });
  await setField(page, '#branding-product', 'Console Explainers');
  await setField(page, '#branding-primary', '#7c3aed');
  await page.click('#branding-save');
  await page.waitForFunction(() => document.querySelector('.brand-name')?.textContent === 'Console Explainers');
  t.is(await page.$eval('header.top', (h) => getComputedStyle(h).backgroundColor), 'rgb(124, 58, 237)');
  const saved = (await call(server.url, 'GET', '/api/v1/branding', { key: adminKey })).json;
  t.like(saved, { name: 'Admin Console Co', product_name: 'Console Explainers', colors: { primary: '#7c3aed' } });
  t.is((await call(server.url, 'PUT', '/api/v1/branding', { key: adminKey, body: {} })).status, 200);
  await page.close();
});

test.serial('nothing left the appliance and no page threw', (t) => {
  t.deepEqual(watch.foreign, []);
  t.deepEqual(watch.errors, []);
});
