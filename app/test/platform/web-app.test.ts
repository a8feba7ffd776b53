// The web app end to end in headless Chromium (puppeteer-core, the system browser), against a real
// server, Postgres, renderer and ffmpeg: one browser, one server, the steps in order, as an administrator,
// an editor and a viewer. Each defect the issue lists for the old page has its check here, named in a
// comment starting "Defect:". Every screen is checked with axe-core for serious or critical WCAG 2.1 AA
// violations, and photographed into docs/screenshots/ when DEVFORGE_SCREENSHOTS=1 (so an ordinary run
// leaves the checked-in pictures alone). The browser, axe-core and screenshot helpers are in helpers/web-browser.ts.
import test from 'ava';
import type { Browser, Page } from 'puppeteer-core';
import { call } from './helpers/http.ts';
import { ACCEPT_TEST_LICENSES, issueLicense, putLicense } from './helpers/license.ts';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestServer, type TestServer } from './helpers/server.ts';
import { launchBrowser, newPage as freshPage, screen, setField, signIn as signInAt, text, until, type PageWatch } from './helpers/web-browser.ts';

const EDITOR = { email: 'editor@example.com', password: 'tulip harbour ladder 7' };
const VIEWER = { email: 'viewer@example.com', password: 'copper meadow violin 4' };
const NEW_ADMIN_PASSWORD = 'granite orchard pelican 9';

let pg: TestPostgres;
let server: TestServer;
let browser: Browser;
let adminKey: string;
const watch: PageWatch = { foreign: [], errors: [] };

test.before(async () => {
  pg = await startTestPostgres();
  server = await startTestServer({ databaseUrl: pg.url, overrides: ACCEPT_TEST_LICENSES });
  adminKey = await server.key('admin');
  for (const [u, role] of [
    [EDITOR, 'editor'],
    [VIEWER, 'viewer'],
  ] as const) {
    const made = await call(server.url, 'POST', '/api/v1/users', { key: adminKey, body: { email: u.email, role, password: u.password } });
    if (made.status !== 201) throw new Error(`creating ${u.email}: ${made.text}`);
  }
  browser = await launchBrowser();
});

test.after.always(async () => {
  await browser?.close();
  await server?.stop();
  await pg?.destroy();
});

/** A page in a fresh browser context (one person's browser), watched for requests leaving the appliance. */
const newPage = () => freshPage(browser, server.url, watch);
const signIn = (page: Page, email: string, password: string) => signInAt(page, server.url, email, password);

async function analyse(page: Page, description: string): Promise<void> {
  await page.$eval('#description', (el) => ((el as HTMLTextAreaElement).value = ''));
  await page.type('#description', description);
  await page.click('#analyse');
}

async function myAnimationCount(): Promise<number> {
  const list = await call(server.url, 'GET', '/api/v1/animations?owner=me&limit=100', { key: adminKey });
  return (list.json.animations as unknown[]).length;
}

let exportedId = '';

test.serial('sign in: a wrong password is said in words; the shell is served under the CSP at every app path', async (t) => {
  const page = await newPage();
  const started = Date.now();
  const res = await page.goto(server.url + '/', { waitUntil: 'load' });
  await page.waitForSelector('#login-form', { visible: true });
  t.log(`cold load of / to the sign-in form: ${Date.now() - started} ms`);
  t.regex(res!.headers()['content-security-policy']!, /default-src 'self'; script-src 'self'/);
  for (const path of ['/library', '/templates', '/account', '/animations/00000000-0000-4000-8000-000000000000']) {
    const deep = await call(server.url, 'GET', path);
    t.is(deep.status, 200, path);
    t.regex(deep.text, /<div id="app"/, `${path} is the app's shell`);
    t.regex(deep.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  }
  await screen(t, page, 'sign-in');
  await page.type('#email', ADMIN_EMAIL);
  await page.type('#password', 'wrong password');
  await page.click('#login-form button[type=submit]');
  await page.waitForFunction(() => document.getElementById('login-error')!.textContent !== '');
  t.regex(await text(page, '#login-error'), /password/i);
  await page.close();
});

test.serial('admin: create — the analysis in words, used words marked, labelled params, readable facts, live preview, the draft survives a reload', async (t) => {
  const page = await newPage();
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  t.regex(await text(page, '#who'), /\(admin\)/);
  await analyse(page, 'Demonstrate bubble sort on 5 3 8 1');
  await page.waitForSelector('#analysis', { visible: true });
  t.is(await text(page, '#summary'), 'Bubble sort of 5, 3, 8, 1 — 4 swaps, 6 comparisons');
  const marked = await page.$$eval('#highlighted mark', (els) => els.map((e) => e.textContent));
  t.deepEqual(marked, ['bubble', 'sort', '5', '3', '8', '1']);
  // Defect: parameters were raw names ("a", "x_range" as JSON): each field has a human label and help.
  t.is(await text(page, 'label[for=param-values]'), 'Values');
  t.regex(await text(page, '#param-values-help'), /Numbers separated by commas/);
  t.is(await text(page, 'label[for=param-order]'), 'Order');
  t.is(await page.$eval('#param-values', (el) => (el as HTMLInputElement).value), '5, 3, 8, 1');
  // Defect: facts were raw JSON: a list of labels and words.
  const facts = await page.$$eval('#facts div', (rows) => rows.map((r) => [r.querySelector('dt')!.textContent, r.querySelector('dd')!.textContent]));
  t.deepEqual(facts, [
    ['Swaps', '4'],
    ['Comparisons', '6'],
    ['Sorted', '1, 3, 5, 8'],
  ]);
  t.notRegex(await text(page, '#facts'), /[[\]{}"]/);
  // The realtime player is playing: the frame number moves on by itself.
  await page.waitForFunction(() => Number(document.getElementById('preview')?.dataset.frame ?? 0) > 10, { timeout: 60_000 });
  t.true(await page.$eval('#loop', (el) => (el as HTMLInputElement).checked));

  // A wrong value is said at the field, in words, and nothing is sent.
  await setField(page, '#param-values', '9, x, 5');
  await page.waitForSelector('#param-values-error');
  t.regex(await text(page, '#param-values-error'), /Values: "x" is not a number/);
  // Editing a param recomputes the facts and the preview.
  await setField(page, '#param-values', '9, 1, 5');
  await page.waitForFunction(() => /Swaps2/.test(document.getElementById('facts')!.textContent ?? ''));
  await screen(t, page, 'create');

  // Defect: a reload lost everything. The draft is in the URL and in localStorage.
  t.regex(new URL(page.url()).search, /d=Demonstrate/);
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('#analysis', { visible: true });
  t.is(await page.$eval('#description', (el) => (el as HTMLTextAreaElement).value), 'Demonstrate bubble sort on 5 3 8 1');
  t.is(await page.$eval('#param-values', (el) => (el as HTMLInputElement).value), '9, 1, 5');
  // And from storage alone: the bare / comes back to the same draft.
  await page.goto(server.url + '/', { waitUntil: 'load' });
  await page.waitForSelector('#analysis', { visible: true });
  t.is(await page.$eval('#param-values', (el) => (el as HTMLInputElement).value), '9, 1, 5');

  // The voice-over plays in the preview too: the track the MP4 will carry, as long as the scene paced for it.
  await page.waitForFunction(() => !(document.getElementById('voice') as HTMLSelectElement | null)?.disabled);
  await page.select('#voice', 'en-us');
  const track = await page.waitForFunction(
    () => {
      const a = document.getElementById('preview-audio') as HTMLAudioElement | null;
      return a && a.readyState >= 1 && Number.isFinite(a.duration) ? { src: a.src, duration: a.duration, time: document.getElementById('time')!.textContent ?? '' } : false;
    },
    { timeout: 60_000 },
  );
  const { src, duration, time } = (await track.jsonValue()) as { src: string; duration: number; time: string };
  t.regex(src, /^blob:/);
  const sceneSeconds = Number(/\/ ([\d.]+) s/.exec(time)?.[1]);
  t.true(Math.abs(duration - sceneSeconds) < 0.15, `track ${duration} s, scene ${sceneSeconds} s`);
  t.regex(new URL(page.url()).search, /v=en-us/);
  await page.select('#voice', '');
  await page.waitForFunction(() => !document.getElementById('preview-audio') && !/v=en-us/.test(window.location.search));
  await page.close();
});

test.serial('admin: export — only the licensed qualities, one render per click however fast, progress, a readable download; a new analysis drops the old link', async (t) => {
  const page = await newPage();
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await analyse(page, 'Demonstrate bubble sort on 5 3 8 1');
  await page.waitForSelector('#export', { visible: true });
  await setField(page, '#param-values', '9, 1, 5');
  await page.waitForFunction(() => /Swaps2/.test(document.getElementById('facts')!.textContent ?? ''));
  // No license: Free. 1080p and 4K are shown, disabled and explained.
  await page.waitForFunction(() => (document.querySelector('input[name=quality][value="1080p"]') as HTMLInputElement | null)?.disabled === true);
  t.true(await page.$eval('input[name=quality][value="720p"]', (el) => (el as HTMLInputElement).checked));
  t.true(await page.$eval('input[name=quality][value="4k"]', (el) => (el as HTMLInputElement).disabled));
  t.regex(await text(page, '#why-1080p'), /needs a Professional license \(this one allows up to 720p\)/);
  t.regex(await text(page, '#branding-note'), /No organisation branding|not included in this license/);

  await setField(page, '#duration', '2');
  await page.waitForFunction(() => !(document.getElementById('analyse') as HTMLButtonElement).disabled);
  const before = await myAnimationCount();
  // Defect: Export stayed enabled while a render ran, and a second click queued a duplicate.
  await page.$eval('#export', (el) => {
    (el as HTMLButtonElement).click();
    (el as HTMLButtonElement).click();
  });
  await page.click('#export').catch(() => undefined);
  await page.waitForSelector('#job', { visible: true });
  t.true(await page.$eval('#export', (el) => (el as HTMLButtonElement).disabled), 'Export is off while the render runs');
  await page.waitForSelector('#download', { visible: true, timeout: 170_000 });
  t.is(await myAnimationCount(), before + 1, 'three clicks, one animation');
  exportedId = await page.$eval('#job', (el) => (el as HTMLElement).dataset.animation!);
  t.is(await page.$eval('#job', (el) => (el as HTMLElement).dataset.status), 'completed');
  const href = await page.$eval('#download', (el) => (el as HTMLAnchorElement).href);
  const download = await page.evaluate(async (url) => {
    const r = await fetch(url);
    return { status: r.status, type: r.headers.get('content-type'), bytes: (await r.arrayBuffer()).byteLength, disposition: r.headers.get('content-disposition') };
  }, href);
  t.is(download.status, 200);
  t.is(download.type, 'video/mp4');
  t.true(download.bytes > 1000);
  t.is(download.disposition, `attachment; filename="demonstrate-bubble-sort-on-5-3-8-1-${exportedId.slice(0, 8)}.mp4"`);
  const stored = await call(server.url, 'GET', `/api/v1/animations/${exportedId}`, { key: adminKey });
  t.deepEqual(stored.json.params.values, [9, 1, 5], 'the edited params were rendered');
  t.is(stored.json.quality, '720p');
  await screen(t, page, 'create-exported');

  // Defect: the export panel kept the previous animation's download link after a new analysis.
  await analyse(page, 'Demonstrate insertion sort on 4 2 7');
  await page.waitForFunction(() => /Insertion sort/.test(document.getElementById('summary')?.textContent ?? ''));
  t.is(await page.$('#download'), null);
  t.is(await page.$('#job'), null);
  t.false(await page.$eval('#export', (el) => (el as HTMLButtonElement).disabled));
  await page.close();
});

test.serial('a description that is not understood shows the suggestions and what is missing, never a title card', async (t) => {
  const page = await newPage();
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  const before = await myAnimationCount();
  // Defect: a description that was not understood silently became a title card.
  await analyse(page, 'make me a sandwich please');
  await page.waitForSelector('#not-understood', { visible: true });
  t.regex(await text(page, '#not-understood'), /Not understood/);
  t.is(await page.$('#export'), null, 'nothing to export');
  t.is(await page.$('#preview'), null, 'no title card preview');
  // Data missing: the page says what to add, and why nothing is drawn.
  await analyse(page, 'pie chart of sales');
  await page.waitForSelector('#needs', { visible: true });
  t.regex(await text(page, '#needs'), /give the slices as labels and values/);
  t.regex(await text(page, '#nu-title'), /Something is missing/);
  // The closest templates are offered, and one can be taken as it is.
  await analyse(page, 'show me something about sorting');
  // The last description's suggestions may still be on screen until this one's answer arrives.
  await page.waitForFunction(() => /Bubble sort/.test(document.getElementById('suggestions')?.textContent ?? ''), { timeout: 30_000 });
  t.regex(await text(page, '#suggestions'), /Bubble sort/);
  await page.click('#suggestions button');
  await page.waitForSelector('#analysis', { visible: true });
  t.is(await page.$('#not-understood'), null);
  await analyse(page, 'show me something about sorting');
  await page.waitForSelector('#suggestions button', { visible: true });
  await screen(t, page, 'create-not-understood');
  t.is(await myAnimationCount(), before, 'nothing was rendered');
  await page.close();
});

test.serial('admin: the library shows posters and details, updates by itself, opens, renames, duplicates, re-renders and deletes', async (t) => {
  const page = await newPage();
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.goto(server.url + '/library', { waitUntil: 'load' });
  await page.waitForSelector(`#animations li[data-id="${exportedId}"][data-status=completed]`);
  const card = await text(page, `#animations li[data-id="${exportedId}"]`);
  t.regex(card, /Demonstrate bubble sort on 5 3 8 1/);
  t.regex(card, /Bubble sort/);
  t.regex(card, /720p/);
  t.regex(card, /Ready/);
  t.true(await page.$eval(`#animations li[data-id="${exportedId}"] img`, (img) => (img as HTMLImageElement).src.endsWith('/poster')));

  // Defect: the list did not update. A render queued elsewhere appears and finishes without a click.
  const evil = '<img src=x onerror="window.__pwned=1"> bubble sort 3 1 2';
  const made = await call(server.url, 'POST', '/api/v1/animations/generate', { key: adminKey, body: { description: evil, quality: '720p', duration: 2 } });
  t.is(made.status, 202);
  await page.waitForSelector(`#animations li[data-id="${made.json.id}"]`, { timeout: 20_000 });
  await page.waitForSelector(`#animations li[data-id="${made.json.id}"][data-status=completed]`, { timeout: 170_000 });
  // A description is data: shown as text, never run as markup.
  t.is(await text(page, `#animations li[data-id="${made.json.id}"] a.desc`), evil);
  t.is(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);

  // Search and filters.
  await page.type('#library-q', 'onerror');
  await page.click('form[role=search] button[type=submit]');
  await page.waitForFunction(() => document.querySelectorAll('#animations li').length === 1);
  await page.$eval('#library-q', (el) => ((el as HTMLInputElement).value = ''));
  await setField(page, '#library-q', '');
  await page.click('form[role=search] button[type=submit]');
  await page.waitForFunction(() => document.querySelectorAll('#animations li').length === 2);

  // Rename: the card shows the title with the description under it, the server keeps it, and the
  // search finds the animation by its title.
  await page.click(`#animations li[data-id="${made.json.id}"] button[aria-label^="Rename"]`);
  await page.waitForSelector(`#rename-${made.json.id}`);
  await setField(page, `#rename-${made.json.id}`, 'Markup test');
  await page.click(`#animations li[data-id="${made.json.id}"] .rename-form button[type=submit]`);
  await page.waitForFunction((id) => document.querySelector(`#animations li[data-id="${id}"] a.desc`)?.textContent === 'Markup test', {}, made.json.id);
  t.is(await text(page, `#animations li[data-id="${made.json.id}"] .card-description`), evil);
  t.is((await call(server.url, 'GET', `/api/v1/animations/${made.json.id}`, { key: adminKey })).json.title, 'Markup test');
  await setField(page, '#library-q', 'markup');
  await page.click('form[role=search] button[type=submit]');
  await page.waitForFunction(() => document.querySelectorAll('#animations li').length === 1);
  await setField(page, '#library-q', '');
  await page.click('form[role=search] button[type=submit]');
  await page.waitForFunction(() => document.querySelectorAll('#animations li').length === 2);
  await screen(t, page, 'library');

  // Re-render, then delete the second one.
  await page.click(`#animations li[data-id="${made.json.id}"] button[aria-label^="Re-render"]`);
  // The card may still say "completed" from the first render until the list re-reads itself, so the
  // server is asked when the second render is done; then the card must say so too.
  const secondRender = await until(async () => {
    const a = (await call(server.url, 'GET', `/api/v1/animations/${made.json.id}`, { key: adminKey })).json;
    return a.generation === 2 && a.status === 'completed' ? a : undefined;
  }, 170_000);
  t.is(secondRender.generation, 2, 're-rendered once');
  await page.waitForSelector(`#animations li[data-id="${made.json.id}"][data-status=completed]`, { timeout: 30_000 });
  await page.click(`#animations li[data-id="${made.json.id}"] button[aria-label^="Delete"]`);
  await page.waitForFunction((id) => !document.querySelector(`#animations li[data-id="${id}"]`), {}, made.json.id);
  t.is((await call(server.url, 'GET', `/api/v1/animations/${made.json.id}`, { key: adminKey })).status, 404);

  // Duplicate: a new draft on Create from the animation's description and params.
  await page.click(`#animations li[data-id="${exportedId}"] a[aria-label^="Duplicate"]`);
  await page.waitForSelector('#analysis', { visible: true });
  t.is(await page.$eval('#param-values', (el) => (el as HTMLInputElement).value), '9, 1, 5');
  await page.close();
});

test.serial('admin: one animation plays with poster and captions, downloads, facts, sharing, embed, deliveries, audit', async (t) => {
  const page = await newPage();
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.goto(`${server.url}/animations/${exportedId}`, { waitUntil: 'load' });
  await page.waitForSelector('#video');
  t.regex(await page.$eval('#video', (v) => (v as HTMLVideoElement).poster), /\/poster$/);
  t.regex(await page.$eval('#video track', (tr) => (tr as HTMLTrackElement).src), /\/captions\.vtt$/);
  await page.waitForFunction(() => (document.getElementById('video') as HTMLVideoElement).readyState >= 1, { timeout: 30_000 });
  for (const [sel, name] of [
    ['#download-poster', 'png'],
    ['#download-captions', 'vtt'],
  ] as const) {
    const url = await page.$eval(sel, (a) => (a as HTMLAnchorElement).href);
    const disposition = await page.evaluate(async (u) => (await fetch(u)).headers.get('content-disposition'), url);
    t.is(disposition, `attachment; filename="demonstrate-bubble-sort-on-5-3-8-1-${exportedId.slice(0, 8)}.${name}"`);
  }
  t.regex(await text(page, '#facts'), /Swaps2/);
  t.regex(await text(page, '#params'), /Values9, 1, 5/);
  t.regex(await page.$eval('#embed-snippet', (el) => (el as HTMLTextAreaElement).value), /<track kind="captions"/);
  t.regex(await text(page, '#deliveries'), /None/);

  // Share with the editor, read-only.
  await page.type('#share-who', EDITOR.email);
  await page.click('#share-submit');
  await page.waitForFunction((email) => document.getElementById('share-list')?.textContent?.includes(email), {}, EDITOR.email);
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('#audit-trail li');
  t.regex(await text(page, '#audit-trail'), /animation share/);
  await screen(t, page, 'animation');
  await page.close();
});

test.serial('admin: the template gallery by category, with thumbnails, and "Use this"', async (t) => {
  const page = await newPage();
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.goto(server.url + '/templates', { waitUntil: 'load' });
  await page.waitForSelector('#templates h2.category');
  const categories = await page.$$eval('#templates h2.category', (hs) => hs.map((h) => h.textContent));
  t.true(categories.includes('Algorithms') && categories.includes('Physics'), categories.join(', '));
  // The first cards' thumbnails are drawn by the player from their examples.
  await page.waitForSelector('#templates li[data-template="sort.bubble"] .thumb img', { timeout: 60_000 });
  await page.type('#templates-search', 'pendulum');
  await page.waitForFunction(() => document.querySelectorAll('#templates li').length === 1);
  await page.$eval('#templates-search', (el) => ((el as HTMLInputElement).value = ''));
  await setField(page, '#templates-search', '');
  await page.waitForFunction(() => document.querySelectorAll('#templates li').length > 10);
  await screen(t, page, 'templates');
  await page.click('#templates li[data-template="physics.pendulum"] a.button');
  await page.waitForSelector('#analysis', { visible: true });
  t.is(await text(page, '#template-name'), 'Pendulum');
  await page.close();
});

test.serial('admin: account — profile, password change, personal API keys, sessions', async (t) => {
  const page = await newPage();
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.goto(server.url + '/account', { waitUntil: 'load' });
  await page.waitForSelector('#password-form');
  t.regex(await text(page, '#profile'), new RegExp(ADMIN_EMAIL));
  await page.type('#key-name', 'CI pipeline');
  await page.click('#create-key');
  await page.waitForSelector('#new-key code');
  const key = await text(page, '#new-key code');
  t.is((await call(server.url, 'GET', '/api/v1/me', { key })).status, 200, 'the key shown once works');
  await page.waitForSelector('#sessions li');
  t.regex(await text(page, '#sessions'), /this one/);
  await screen(t, page, 'account');

  // Defect: there was no password change (though the start-up banner says to change it).
  await page.type('#current-password', ADMIN_PASSWORD);
  await page.type('#new-password', NEW_ADMIN_PASSWORD);
  await page.type('#new-password-again', NEW_ADMIN_PASSWORD);
  await page.click('#change-password');
  await page.waitForFunction(() => /Password changed/.test(document.getElementById('password-message')?.textContent ?? ''));
  t.is((await call(server.url, 'POST', '/api/v1/auth/login', { body: { email: ADMIN_EMAIL, password: NEW_ADMIN_PASSWORD } })).status, 200);
  t.is((await call(server.url, 'POST', '/api/v1/auth/login', { body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } })).status, 401);
  t.is((await call(server.url, 'GET', '/api/v1/me', { key })).status, 401, "the password change revoked the admin's keys");
  adminKey = await server.key('admin');
  await page.close();
});

test.serial('editor: sees Create with Export, the animation shared with them, no admin audit', async (t) => {
  const page = await newPage();
  await signIn(page, EDITOR.email, EDITOR.password);
  t.deepEqual(await page.$$eval('nav[aria-label=Main] a', (as) => as.map((a) => a.textContent)), ['Create', 'Library', 'Templates', 'Batch', 'Account', 'Developers']);
  await analyse(page, 'Demonstrate bubble sort on 3 1 2');
  await page.waitForSelector('#export', { visible: true });
  await page.goto(server.url + '/library', { waitUntil: 'load' });
  await page.waitForSelector('#library-owner');
  await setField(page, '#library-owner', 'shared');
  await page.waitForSelector(`#animations li[data-id="${exportedId}"]`);
  await page.click(`#animations li[data-id="${exportedId}"] a.desc`);
  await page.waitForSelector('#video');
  // The sharing panel reads the shares first (refused: not theirs to change), then says so.
  await page.waitForFunction(() => /Only its owner or an administrator/.test(document.getElementById('sharing')?.textContent ?? ''), { timeout: 15_000 });
  t.regex(await text(page, '#sharing'), /Only its owner or an administrator/);
  t.is(await page.$('#audit-trail'), null);
  await page.close();
});

test.serial('viewer: no Export anywhere, no duplicate or delete, but analysis and preview', async (t) => {
  const page = await newPage();
  await signIn(page, VIEWER.email, VIEWER.password);
  // Defect: Export stayed enabled for viewers.
  await analyse(page, 'Demonstrate bubble sort on 3 1 2');
  await page.waitForSelector('#analysis', { visible: true });
  await page.waitForSelector('#preview');
  t.is(await page.$('#export'), null);
  t.is(await page.$('#export-panel'), null);
  await screen(t, page, 'create-viewer');
  await call(server.url, 'PATCH', `/api/v1/animations/${exportedId}`, { key: adminKey, body: { org_visible: true } });
  await page.goto(server.url + '/library', { waitUntil: 'load' });
  await page.waitForSelector(`#animations li[data-id="${exportedId}"]`);
  t.is(await page.$('#animations button[aria-label^="Delete"], #animations a[aria-label^="Duplicate"], #animations button[aria-label^="Re-render"]'), null);
  await page.goto(`${server.url}/animations/${exportedId}`, { waitUntil: 'load' });
  await page.waitForSelector('#video');
  t.is(await page.$('#edit-new-version'), null);
  await page.close();
});

test.serial('branding: the organisation name, logo and colours on the whole UI and in the animation; white-label hides DevForge', async (t) => {
  // Enterprise: custom branding and white-label are licensed, 4K is allowed.
  t.is((await putLicense(server.url, adminKey, await issueLicense({ tier: 'enterprise', customer: 'Acme' }))).status, 200);
  const logo = `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><circle cx="20" cy="20" r="18" fill="#0f766e"/></svg>').toString('base64')}`;
  const branding = { name: 'Acme Corp', logo, colors: { primary: '#0f766e', text: '#10231f' }, product_name: 'Acme Explainers', favicon: logo, hide_devforge_name: true };
  // The organisation's branding settings, saved through the real API (docs/licensing.md#branding-and-white-label).
  const saved = await call(server.url, 'PUT', '/api/v1/branding', { key: adminKey, body: branding });
  t.is(saved.status, 200, saved.text);
  const page = await newPage();
  await signIn(page, ADMIN_EMAIL, NEW_ADMIN_PASSWORD);
  // Defect: the organisation's branding existed only in the API.
  await page.waitForFunction(() => document.querySelector('.brand-name')?.textContent === 'Acme Explainers');
  const look = await page.evaluate(() => ({
    title: document.title,
    header: getComputedStyle(document.querySelector('header.top')!).backgroundColor,
    button: getComputedStyle(document.getElementById('analyse')!).backgroundColor,
    logo: (document.querySelector('.brand-logo') as HTMLImageElement | null)?.src.slice(0, 26),
    devforge: document.body.innerText.includes('DevForge'),
  }));
  t.is(look.title, 'Create · Acme Explainers');
  t.is(look.header, 'rgb(15, 118, 110)');
  t.is(look.button, 'rgb(15, 118, 110)');
  t.is(look.logo, 'data:image/svg+xml;base64,');
  t.false(look.devforge, 'white-label: no DevForge name on the page');
  await analyse(page, 'Demonstrate bubble sort on 5 3 8 1');
  await page.waitForSelector('#export', { visible: true });
  await page.waitForFunction(() => !(document.querySelector('input[name=quality][value="4k"]') as HTMLInputElement).disabled);
  t.true(await page.$eval('#branded', (el) => (el as HTMLInputElement).checked && !(el as HTMLInputElement).disabled));
  // The preview draws the brand bar in the brand colour: the bottom rows of the frame are Acme's teal.
  await page.waitForFunction(() => Number(document.getElementById('preview')?.dataset.frame ?? 0) > 5, { timeout: 60_000 });
  const bar = await page.$eval('#preview', (c) => {
    const canvas = c as HTMLCanvasElement;
    const probe = document.createElement('canvas');
    probe.width = canvas.width;
    probe.height = canvas.height;
    const g = probe.getContext('2d')!;
    g.drawImage(canvas, 0, 0);
    return Array.from(g.getImageData(Math.round(canvas.width / 2), canvas.height - 3, 1, 1).data.slice(0, 3));
  });
  t.true(Math.abs(bar[0]! - 15) < 30 && Math.abs(bar[1]! - 118) < 30 && Math.abs(bar[2]! - 110) < 30, `brand bar colour ${bar.join(',')}`);
  await screen(t, page, 'create-branded');
  // The export carries the brand to the renderer (a short 720p one; cancelled once sent).
  await page.click('input[name=quality][value="720p"]');
  await setField(page, '#duration', '2');
  await page.waitForFunction(() => !(document.getElementById('analyse') as HTMLButtonElement).disabled);
  const generate = page.waitForRequest((r) => r.url().endsWith('/api/v1/animations/generate') && r.method() === 'POST');
  await page.click('#export');
  const body = JSON.parse((await generate).postData() ?? '{}') as { custom_branding?: { colors?: { primary?: string }; product_name?: string; logo?: string } };
  t.is(body.custom_branding?.colors?.primary, '#0f766e');
  t.is(body.custom_branding?.product_name, 'Acme Explainers');
  t.is(body.custom_branding?.logo, logo);
  await page.waitForSelector('#job[data-animation]');
  const id = await page.$eval('#job', (el) => (el as HTMLElement).dataset.animation!);
  await call(server.url, 'POST', `/api/v1/animations/${id}/cancel`, { key: adminKey });
  // The brand's colour is in the animation itself, not only in its bar.
  const scene = await call(server.url, 'GET', `/api/v1/animations/${id}/scene`, { key: adminKey });
  t.is(scene.json.style.palette.primary, '#0f766e');

  // White label on the signed-out page too: the product's own name and logo, no DevForge anywhere.
  await page.click('#logout');
  await page.waitForSelector('#login-form');
  await page.waitForFunction(() => document.getElementById('sign-in-product')?.textContent === 'Acme Explainers');
  const signedOut = await page.evaluate(() => ({ title: document.title, devforge: document.body.innerText.includes('DevForge'), logo: Boolean(document.querySelector('.sign-in-brand img')) }));
  t.is(signedOut.title, 'Sign in · Acme Explainers');
  t.false(signedOut.devforge);
  t.true(signedOut.logo);
  await screen(t, page, 'sign-in-white-label');
  t.is((await call(server.url, 'PUT', '/api/v1/branding', { key: adminKey, body: {} })).status, 200);
  await page.close();
});

test.serial('nothing was loaded from outside the appliance, and no page error', (t) => {
  t.deepEqual(watch.foreign, []);
  t.deepEqual(watch.errors, []);
});
