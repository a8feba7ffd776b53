// The embeddable widget end to end in headless Chromium against a real server, Postgres, renderer and
// ffmpeg. A host page is served by this test from other origins (other ports on 127.0.0.1): it loads
// /widget.js from the appliance and embeds it with a publishable key that allows one of them. From that
// origin: describe → analyse → export → onExported with a download URL of the MP4; from an origin not on
// the key's list the widget shows the refusal and onReady reports it. No secret key ever reaches a page.
import test from 'ava';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'puppeteer-core';
import { call } from './helpers/http.ts';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';
import { axeProblems, launchBrowser, screen } from './helpers/web-browser.ts';

let pg: TestPostgres;
let server: TestServer;
let browser: Browser;
let adminKey: string;
let publishable: string;
const hosts: Server[] = [];
let allowedOrigin = '';
let otherOrigin = '';

interface PageEvents {
  ready?: { ok: boolean; templates?: number; error?: string };
  created?: { id: string };
  exported?: { id: string; downloadUrl: string; fileName: string };
}

/** A host site: one page that loads the widget from the appliance with the options in its query string. */
async function hostSite(): Promise<string> {
  const site = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host');
    if (url.pathname !== '/') {
      res.writeHead(404).end();
      return;
    }
    const features = JSON.parse(url.searchParams.get('features') ?? '{"textInput":true,"preview":true,"export":true,"templates":true}') as Record<string, boolean>;
    const options = { apiKey: url.searchParams.get('key') ?? '', categories: ['algorithms'], duration: 2, theme: { primary: '#6a1b9a' }, features };
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Team portal</title></head>
<body><main><h1>Team portal</h1><div id="animator"></div></main>
<script src="${server.url}/widget.js"></script>
<script>
  window.widgetEvents = {};
  const options = ${JSON.stringify(options)};
  window.widget = DevForge.embed({ ...options, container: '#animator',
    onReady: (e) => (window.widgetEvents.ready = e),
    onAnimationCreated: (e) => (window.widgetEvents.created = e),
    onExported: (e) => (window.widgetEvents.exported = e) });
</script></body></html>`);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  hosts.push(site);
  return `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
}

test.before(async () => {
  pg = await startTestPostgres();
  server = await startTestServer({ databaseUrl: pg.url });
  adminKey = await server.key('admin');
  allowedOrigin = await hostSite();
  otherOrigin = await hostSite();
  const made = await call(server.url, 'POST', '/api/v1/api-keys', { key: adminKey, body: { name: 'portal widget', role: 'editor', kind: 'publishable', allowed_origins: [allowedOrigin] } });
  if (made.status !== 201) throw new Error(`making the publishable key: ${made.text}`);
  publishable = made.json.key;
  browser = await launchBrowser();
});

test.after.always(async () => {
  await browser?.close();
  for (const site of hosts) await new Promise((resolve) => site.close(resolve));
  await server?.stop();
  await pg?.destroy();
});

interface Sent {
  method: string;
  url: string;
  authorization: string | undefined;
}

/** The host page from `origin` in a fresh browser context, with every request it makes recorded. */
async function open(origin: string, key: string, features?: Record<string, boolean>): Promise<{ page: Page; sent: Sent[] }> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  page.once('close', () => void context.close().catch(() => undefined));
  const sent: Sent[] = [];
  page.on('request', (req) => sent.push({ method: req.method(), url: req.url(), authorization: req.headers().authorization }));
  await page.goto(`${origin}/?key=${encodeURIComponent(key)}${features ? `&features=${encodeURIComponent(JSON.stringify(features))}` : ''}`, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as unknown as { widgetEvents: PageEvents }).widgetEvents.ready !== undefined, { timeout: 30_000 });
  return { page, sent };
}

const events = (page: Page) => page.evaluate(() => (window as unknown as { widgetEvents: PageEvents }).widgetEvents);
/** Text and state inside the widget's shadow root. */
const inWidget = <T>(page: Page, fn: (root: ShadowRoot) => T) => page.evaluate(`(${fn.toString()})(document.querySelector('#animator').shadowRoot)`) as Promise<T>;

test.serial('from an allowed origin: describe, analyse, export; onExported gives the MP4; no secret key in the page', async (t) => {
  const { page, sent } = await open(allowedOrigin, publishable);
  t.deepEqual((await events(page)).ready?.ok, true, JSON.stringify((await events(page)).ready));
  t.true(((await events(page)).ready?.templates ?? 0) > 5, 'the algorithms templates are offered');
  const offered = await inWidget(page, (root) => [...root.querySelectorAll('#df-template option')].map((o) => o.textContent ?? ''));
  t.true(
    offered.every((o) => o.endsWith('(algorithms)')),
    'only the categories given',
  );
  t.deepEqual(await axeProblems(page), [], 'the widget in the host page: no serious or critical accessibility violation');

  await page.evaluate(() => {
    const area = document.querySelector('#animator')!.shadowRoot!.querySelector('#df-description') as HTMLTextAreaElement;
    area.value = 'bubble sort 5 3 8 1';
    area.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.evaluate(() => (document.querySelector('#animator')!.shadowRoot!.querySelector('#df-analyse') as HTMLButtonElement).click());
  await page.waitForFunction(() => /Bubble sort/i.test(document.querySelector('#animator')!.shadowRoot!.querySelector('#df-analysis')?.textContent ?? ''), { timeout: 30_000 });
  t.is(await inWidget(page, (root) => (root.querySelector('#df-template') as HTMLSelectElement).value), 'sort.bubble', 'the analysis picks the template');
  t.deepEqual(await axeProblems(page), [], 'with the analysis shown');

  await page.evaluate(() => (document.querySelector('#animator')!.shadowRoot!.querySelector('#df-create') as HTMLButtonElement).click());
  await page.waitForFunction(() => (window as unknown as { widgetEvents: PageEvents }).widgetEvents.exported !== undefined || document.querySelector('#animator')!.shadowRoot!.querySelector('#df-error'), { timeout: 170_000 });
  t.is(await inWidget(page, (root) => root.querySelector('#df-error')?.textContent ?? ''), '', 'no error on the way');
  const { created, exported } = await events(page);
  t.truthy(created?.id, 'onAnimationCreated fired');
  t.is(exported?.id, created?.id);
  t.regex(exported!.downloadUrl, new RegExp(`^blob:${allowedOrigin}/`), 'a URL the page can use as is');
  t.regex(exported!.fileName, /^bubble-sort-5-3-8-1-[0-9a-f]{8}\.mp4$/);
  const file = await page.evaluate(async (url) => {
    const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
    return { size: bytes.length, box: String.fromCharCode(...bytes.slice(4, 8)) };
  }, exported!.downloadUrl);
  t.true(file.size > 1000);
  t.is(file.box, 'ftyp', 'an MP4');
  t.is(await inWidget(page, (root) => (root.querySelector('#df-download') as HTMLAnchorElement).getAttribute('download')), exported!.fileName);
  t.true(await inWidget(page, (root) => (root.querySelector('#df-video') as HTMLVideoElement).src.startsWith('blob:')), 'the preview plays the render');
  t.is(await inWidget(page, (root) => (root.querySelector('#df-job') as HTMLElement).dataset.status), 'completed');
  const stored = await call(server.url, 'GET', `/api/v1/animations/${created!.id}`, { key: adminKey });
  t.is(stored.json.status, 'completed');
  t.is(stored.json.template, 'sort.bubble');
  await screen(t, page, 'widget-on-host-page');

  // Only the host site and the appliance were asked for anything (data: URLs are Chromium's own video
  // controls); every API call carried the publishable key.
  // (CORS preflights carry no credentials, by the browser's rules.)
  const applianceCalls = sent.filter((s) => s.url.startsWith(`${server.url}/api/`) && s.method !== 'OPTIONS');
  t.true(applianceCalls.length >= 4);
  t.true(
    applianceCalls.every((s) => s.authorization === `Bearer ${publishable}`),
    `the publishable key on every call: ${JSON.stringify(applianceCalls.filter((s) => s.authorization !== `Bearer ${publishable}`))}`,
  );
  t.deepEqual(
    sent.filter((s) => !s.url.startsWith(allowedOrigin) && !s.url.startsWith(server.url) && !/^(blob|data):/.test(s.url)).map((s) => s.url),
    [],
  );
  // The secret key appears nowhere: not in the page, the widget, its events, or any request.
  const everything = await page.evaluate(() => document.documentElement.outerHTML + document.querySelector('#animator')!.shadowRoot!.innerHTML + JSON.stringify((window as unknown as { widgetEvents: PageEvents }).widgetEvents));
  t.false(everything.includes(adminKey));
  t.false(everything.includes('dfk_'));
  t.false(JSON.stringify(sent).includes('dfk_'));

  await page.evaluate(() => (window as unknown as { widget: { destroy(): void } }).widget.destroy());
  t.is(await inWidget(page, (root) => root.childNodes.length), 0, 'destroy() removes the widget');
  await page.close();
});

test.serial('from an origin not on the key’s list: refused, and the widget says why', async (t) => {
  const { page, sent } = await open(otherOrigin, publishable);
  const ready = (await events(page)).ready!;
  t.false(ready.ok);
  t.regex(ready.error!, new RegExp(`could not be reached from this page \\(${otherOrigin.replace(/[.]/g, '\\.')}\\).*not on the publishable key's allowed origins`));
  t.is(await inWidget(page, (root) => root.querySelector('#widget-error')?.textContent ?? ''), ready.error!);
  t.is(await inWidget(page, (root) => root.querySelector('#df-description')), null, 'nothing to type into');
  t.deepEqual(await axeProblems(page), [], 'the refusal is accessible too');
  // The browser stopped at the preflight: the server answered it without CORS.
  const preflight = await call(server.url, 'OPTIONS', '/api/v1/templates', { headers: { origin: otherOrigin, 'access-control-request-method': 'GET' } });
  t.is(preflight.status, 403);
  t.is(preflight.headers.get('access-control-allow-origin'), null);
  t.false(JSON.stringify(sent).includes('dfk_'));
  await page.close();
});

test.serial('a secret key given to the widget is never sent: the widget says to make a publishable key', async (t) => {
  const { page, sent } = await open(allowedOrigin, adminKey);
  const ready = (await events(page)).ready!;
  t.false(ready.ok);
  t.regex(ready.error!, /secret key \(dfk_…\), which must never be put in a web page/);
  t.deepEqual(
    sent.filter((s) => s.url.startsWith(`${server.url}/api/`)),
    [],
    'no call to the API with it',
  );
  await page.close();
});

test.serial('the feature switches: no description box, no template choice, no export; the example is analysed', async (t) => {
  const { page } = await open(allowedOrigin, publishable, { textInput: false, templates: false, export: false, preview: false });
  t.true((await events(page)).ready?.ok);
  t.is(await inWidget(page, (root) => root.querySelector('#df-description')), null, 'textInput off');
  t.is(await inWidget(page, (root) => root.querySelector('#df-template')), null, 'templates off');
  const example = await inWidget(page, (root) => root.querySelector('.summary')?.textContent ?? '');
  t.regex(example, /^Example: ./, 'the template example is what is animated');
  await page.evaluate(() => (document.querySelector('#animator')!.shadowRoot!.querySelector('#df-analyse') as HTMLButtonElement).click());
  await page.waitForFunction(() => document.querySelector('#animator')!.shadowRoot!.querySelector('#df-analysis') !== null, { timeout: 30_000 });
  t.is(await inWidget(page, (root) => root.querySelector('#df-analysis .error')), null, 'the example is understood');
  t.is(await inWidget(page, (root) => root.querySelector('#df-create')), null, 'export and preview off: nothing to render');
  t.deepEqual(await axeProblems(page), []);
  await page.close();
});
