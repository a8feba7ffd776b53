// The developer portal (/developers) end to end in headless Chromium against a real server and Postgres:
// an editor and a viewer open each portal page from the nav (axe: no serious or critical violation), the
// getting-started examples carry this appliance's address and the sandbox key made in place, the API
// reference lists the live OpenAPI document's operations by tag, and "Try it" sends a call with the
// sandbox key (200, the body shown; the key is recorded as used) and, with the key cleared, without any
// credentials (the API's 401 problem shown: the session cookie is not sent); a production key pasted is
// refused before anything is sent. With an Enterprise white label the portal carries the product's name.
// DEVFORGE_SCREENSHOTS=1 saves docs/screenshots/developers-*.png.
import test from 'ava';
import type { Browser, Page } from 'puppeteer-core';
import { createApiKey } from '../../src/platform/domain/commands/api-keys.ts';
import { call } from './helpers/http.ts';
import { ACCEPT_TEST_LICENSES, issueLicense, putLicense } from './helpers/license.ts';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { axeProblems, launchBrowser, newPage as freshPage, open, screen, setField, signIn, text, type PageWatch } from './helpers/web-browser.ts';

const EDITOR = { email: 'dev-editor@example.com', password: 'harbour quartz lantern 3' };
const VIEWER = { email: 'dev-viewer@example.com', password: 'meadow copper violin 9' };
const PORTAL = ['Getting started', 'API reference', 'Webhooks guide', 'Widget guide'];

let pg: TestPostgres;
let server: TestServer;
let browser: Browser;
let adminKey: string;
const ids: Record<string, string> = {};
const watch: PageWatch = { foreign: [], errors: [] };

test.before(async () => {
  pg = await startTestPostgres();
  server = await startTestServer({ databaseUrl: pg.url, overrides: { ...ACCEPT_TEST_LICENSES } });
  adminKey = await server.key('admin');
  for (const [u, role] of [
    [EDITOR, 'editor'],
    [VIEWER, 'viewer'],
  ] as const) {
    const made = await call(server.url, 'POST', '/api/v1/users', { key: adminKey, body: { email: u.email, role, password: u.password } });
    if (made.status !== 201) throw new Error(`creating ${u.email}: ${made.text}`);
    ids[role] = made.json.id as string;
  }
  browser = await launchBrowser();
});

test.after.always(async () => {
  await browser?.close();
  await server?.stop();
  await pg?.destroy();
});

const newPage = () => freshPage(browser, server.url, watch);

interface KeyRow {
  id: string;
  user_id: string;
  prefix: string;
  sandbox: boolean;
  last_used_at: string | null;
}

async function keysOf(userId: string): Promise<KeyRow[]> {
  return ((await call(server.url, 'GET', '/api/v1/api-keys?owner=all', { key: adminKey })).json.api_keys as KeyRow[]).filter((k) => k.user_id === userId);
}

/** Clicks a link of the portal's own nav (a client-side navigation: the sandbox key stays in memory). */
async function portalNav(page: Page, label: string, selector: string): Promise<void> {
  const links = await page.$$('nav[aria-label="Developer portal"] a');
  for (const link of links) {
    if ((await link.evaluate((a) => a.textContent)) === label) {
      await Promise.all([page.waitForSelector(selector, { visible: true }), link.click()]);
      return;
    }
  }
  throw new Error(`no portal link ${label}`);
}

/** Tabs from the top of the page until the element with this id has the focus; the number of presses, or -1. */
async function tabsTo(page: Page, id: string, max = 60): Promise<number> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return i;
  }
  return -1;
}

/** Opens an operation of the reference and sends its try-it form; the status line and the body of the answer. */
async function tryOperation(page: Page, operationId: string): Promise<{ status: string; body: string }> {
  const open = await page.$eval(`details#${operationId}`, (d) => (d as HTMLDetailsElement).open);
  if (!open) await page.click(`details#${operationId} > summary`);
  await page.waitForSelector(`#try-${operationId}-send`, { visible: true });
  const answers = Number(await page.$eval(`#try-${operationId}`, (f) => f.getAttribute('data-answers')));
  await page.click(`#try-${operationId}-send`);
  await page.waitForFunction((id, n) => Number(document.getElementById(`try-${id}`)?.getAttribute('data-answers')) > n || document.getElementById(`try-${id}-error`), {}, operationId, answers);
  const error = await page.$(`#try-${operationId}-error`);
  if (error) throw new Error(`try-it refused: ${await error.evaluate((e) => e.textContent)}`);
  return { status: (await text(page, `#try-${operationId}-status`)).trim(), body: await text(page, `#try-${operationId}-body`) };
}

test.serial('editor: getting started — the nav links the portal; a sandbox key made in place fills the examples with this appliance', async (t) => {
  const page = await newPage();
  await signIn(page, server.url, EDITOR.email, EDITOR.password);
  const nav = await page.$$eval('nav[aria-label=Main] a', (as) => as.map((a) => a.textContent));
  t.true(nav.includes('Developers'), 'the main nav links the portal');
  await Promise.all([page.waitForSelector('#developers-start', { visible: true }), page.click('nav[aria-label=Main] a[href="/developers"]')]);
  t.deepEqual(await page.$$eval('nav[aria-label="Developer portal"] a', (as) => as.map((a) => a.textContent)), PORTAL);
  t.is(await page.title(), 'Developer portal · DevForge');
  t.true((await text(page, '#example-curl-templates')).includes(`${server.url}/api/v1/templates`), 'the curl example is filled with this appliance');
  t.regex(await text(page, '#example-curl-key'), /dfk_your_sandbox_key/, 'without a key, a placeholder');
  // The sandbox rule in the live API's own words (the key route's schema), not a copy.
  await page.waitForFunction(() => /watermarked "SANDBOX"/.test(document.querySelector('.sandbox-key p')?.textContent ?? ''));
  t.true((await tabsTo(page, 'create-sandbox-key')) > 0, 'the sandbox key button is reachable with the keyboard');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#sandbox-key-made', { visible: true });
  const key = await page.$eval('#sandbox-key', (el) => (el as HTMLInputElement).value);
  t.regex(key, /^dfk_/);
  const made = (await keysOf(ids.editor!)).find((k) => key.startsWith(k.prefix));
  t.truthy(made, 'the key is the editor’s own');
  t.true(made!.sandbox, 'and a sandbox key');
  t.true((await text(page, '#example-curl-key')).includes(key), 'the examples use the key made');
  await screen(t, page, 'developers-start');

  await page.click('#way-sdk');
  await page.waitForSelector('#example-sdk', { visible: true });
  const sdk = await text(page, '#example-sdk');
  t.true(sdk.includes(`baseUrl: '${server.url}'`));
  t.regex(sdk, /from '@devforge\/sdk'/);
  await page.click('#way-widget');
  await page.waitForSelector('#example-widget', { visible: true });
  t.true((await text(page, '#example-widget')).includes(`<script src="${server.url}/widget.js"></script>`));
  t.deepEqual(await axeProblems(page), [], 'the widget choice: no serious or critical violation');

  // The same key, held in memory, is the reference's: try-it with it.
  await portalNav(page, 'API reference', '#developers-reference');
  t.is(await page.$eval('#sandbox-key', (el) => (el as HTMLInputElement).value), key, 'the key follows to the reference');
  await page.waitForSelector('details#getApiV1Templates');
  const tags = await page.$$eval('nav[aria-label="API sections"] a', (as) => as.map((a) => a.textContent ?? ''));
  t.true(tags.some((x) => /^animations \(\d+\)$/.test(x)) && tags.some((x) => /^accounts \(\d+\)$/.test(x)), `the operations grouped by tag: ${tags.join(', ')}`);
  const openapi = (await call(server.url, 'GET', '/api/v1/openapi.json')).json as { paths: Record<string, Record<string, unknown>> };
  const declared = Object.values(openapi.paths).reduce((n, methods) => n + Object.keys(methods).length, 0);
  t.is(await page.$$eval('details.op', (ds) => ds.length), declared, 'every operation of the live OpenAPI document is listed');

  const ok = await tryOperation(page, 'getApiV1Templates');
  t.regex(ok.status, /^200\b/);
  const templates = (await call(server.url, 'GET', '/api/v1/templates', { key: adminKey })).json.templates as { id: string }[];
  t.true(templates.length > 0 && ok.body.includes(`"id": "${templates[0]!.id}"`), 'the body is shown');
  t.truthy((await keysOf(ids.editor!)).find((k) => k.id === made!.id)!.last_used_at, 'the call was made with the sandbox key');
  t.true((await page.$eval('#try-getApiV1Templates-response details', (d) => d.textContent ?? '')).includes('content-type'), 'the headers are shown');
  await screen(t, page, 'developers-reference');

  // A body: the form starts from the schema's required fields; what the API refuses is shown as it says it.
  await page.click('details#postApiV1Analyze > summary');
  await page.waitForSelector('#try-postApiV1Analyze-request', { visible: true });
  t.deepEqual(JSON.parse(await page.$eval('#try-postApiV1Analyze-request', (el) => (el as HTMLTextAreaElement).value)), { description: '' });
  const empty = await tryOperation(page, 'postApiV1Analyze');
  t.regex(empty.status, /^422\b/);
  t.regex(empty.body, /urn:devforge:problem:/);
  await setField(page, '#try-postApiV1Analyze-request', JSON.stringify({ description: 'Demonstrate bubble sort on 5 3 8 1' }));
  const analysed = await tryOperation(page, 'postApiV1Analyze');
  t.regex(analysed.status, /^200\b/);
  t.regex(analysed.body, /"template": "bubble_sort"|"template": "[a-z_.-]*sort[a-z_.-]*"/);
  await setField(page, '#try-postApiV1Analyze-request', '{"description": ');
  await page.click('#try-postApiV1Analyze-send');
  await page.waitForSelector('#try-postApiV1Analyze-error');
  t.regex(await text(page, '#try-postApiV1Analyze-error'), /The body is not JSON/);

  // Without a key: nothing but the request itself goes (no session cookie), and the API's problem is shown.
  await setField(page, '#sandbox-key', '');
  const none = await tryOperation(page, 'getApiV1Templates');
  t.regex(none.status, /^401\b/);
  t.regex(none.body, /urn:devforge:problem:unauthorized/);
  t.regex(none.body, /"title": "Authentication required: sign in, or send Authorization: Bearer <API key>"/, 'the problem says what was wrong and how to fix it');
  await screen(t, page, 'developers-reference-no-key');

  // A path parameter left empty is said before sending; the form is labelled.
  await page.click('details#getApiV1AnimationsId > summary');
  await page.waitForSelector('#try-getApiV1AnimationsId-send', { visible: true });
  await page.click('#try-getApiV1AnimationsId-send');
  await page.waitForSelector('#try-getApiV1AnimationsId-error');
  t.regex(await text(page, '#try-getApiV1AnimationsId-error'), /Fill in id/);

  // A production key is not sent from the portal.
  const { key: production } = await createApiKey(server.platform.db, { userId: ids.editor!, role: 'editor', via: 'console' }, { name: 'editor production' });
  await setField(page, '#sandbox-key', production);
  await page.waitForFunction(() => /production key/.test(document.getElementById('sandbox-key-problem')?.textContent ?? ''));
  t.regex(await text(page, '#sandbox-key-problem'), /“editor production” is a production key/);
  await page.click('#try-getApiV1Templates-send');
  await page.waitForSelector('#try-getApiV1Templates-error');
  t.regex(await text(page, '#try-getApiV1Templates-error'), /may not be used for trying the API/);
  t.is((await keysOf(ids.editor!)).find((k) => production.startsWith(k.prefix))!.last_used_at, null, 'the production key was never sent');

  // The search narrows the list.
  await page.type('#reference-search', 'signing-secret');
  await page.waitForFunction(() => document.querySelectorAll('details.op').length === 2);
  t.pass();

  await portalNav(page, 'Webhooks guide', '#developers-webhooks');
  t.regex(await text(page, '#example-receiver'), /verifyWebhook\(String\(req\.headers\['devforge-signature'\]/);
  t.regex(await text(page, '#developers-webhooks'), /retryLimit/);
  await screen(t, page, 'developers-webhooks');
  await portalNav(page, 'Widget guide', '#developers-widget');
  t.regex(await text(page, '#example-embed'), /DevForge\.embed\(\{/);
  t.regex(await text(page, '#developers-widget'), /publishable key/);
  await screen(t, page, 'developers-widget');
  t.deepEqual(watch.errors, [], 'no script error in the page');
  t.deepEqual(watch.foreign, [], 'nothing loaded from outside the appliance');
  await page.close();
});

test.serial('viewer: every portal page opens (axe clean); a sandbox key made in place tries a read', async (t) => {
  const page = await newPage();
  await signIn(page, server.url, VIEWER.email, VIEWER.password);
  t.true((await page.$$eval('nav[aria-label=Main] a', (as) => as.map((a) => a.textContent))).includes('Developers'));
  for (const [path, selector, name] of [
    ['/developers', '#developers-start', 'getting started'],
    ['/developers/reference', 'details#getApiV1Templates', 'reference'],
    ['/developers/webhooks', '#developers-webhooks', 'webhooks guide'],
    ['/developers/widget', '#developers-widget', 'widget guide'],
  ] as const) {
    await open(page, server.url, path, selector);
    t.deepEqual(await axeProblems(page), [], `viewer, ${name}: no serious or critical violation`);
  }
  await open(page, server.url, '/developers/reference', 'details#getApiV1Templates');
  await page.click('#create-sandbox-key');
  await page.waitForSelector('#sandbox-key-made', { visible: true });
  const key = await page.$eval('#sandbox-key', (el) => (el as HTMLInputElement).value);
  const mine = (await keysOf(ids.viewer!)).find((k) => key.startsWith(k.prefix));
  t.true(mine?.sandbox === true, 'a sandbox key of the viewer’s');
  // With the keyboard only: open an operation from its summary, reach its Send button, send.
  await page.focus('details#getApiV1Templates > summary');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#try-getApiV1Templates-send', { visible: true });
  let presses = 0;
  while ((await page.evaluate(() => document.activeElement?.id)) !== 'try-getApiV1Templates-send' && presses++ < 20) await page.keyboard.press('Tab');
  t.true(presses <= 20, 'the Send button is reachable with Tab');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#try-getApiV1Templates-status', { visible: true });
  t.regex(await text(page, '#try-getApiV1Templates-status'), /^200\b/);
  t.regex(await text(page, '#try-getApiV1Templates-body'), /"templates": \[/);
  // What the key may not do is the API's answer, shown as it is.
  const refused = await tryOperation(page, 'getApiV1Users');
  t.regex(refused.status, /^403\b/);
  t.regex(refused.body, /urn:devforge:problem:forbidden/);
  await page.close();
});

test.serial('white label: the portal carries the product name, not DevForge, in its text and title', async (t) => {
  t.is((await putLicense(server.url, adminKey, await issueLicense({ tier: 'enterprise', customer: 'Acme' }))).status, 200);
  const saved = await call(server.url, 'PUT', '/api/v1/branding', { key: adminKey, body: { name: 'Acme Corp', colors: { primary: '#0f766e', text: '#10231f' }, product_name: 'Acme Explainers', hide_devforge_name: true } });
  t.is(saved.status, 200, saved.text);
  const page = await newPage();
  await signIn(page, server.url, EDITOR.email, EDITOR.password);
  await open(page, server.url, '/developers', '#developers-start');
  await page.waitForFunction(() => document.querySelector('.brand-name')?.textContent === 'Acme Explainers');
  t.is(await page.title(), 'Developer portal · Acme Explainers');
  t.regex(await text(page, '#developers-start > p'), /Connect your programs and pages to Acme Explainers/);
  const header = await page.evaluate(() => getComputedStyle(document.querySelector('header.top')!).backgroundColor);
  t.is(header, 'rgb(15, 118, 110)');
  await screen(t, page, 'developers-branded');
  await open(page, server.url, '/developers/reference', 'details#getApiV1Templates');
  t.regex(await text(page, '#developers-reference > p'), /Acme Explainers API/);
  await page.close();
});
