// The page at / in headless Chromium (puppeteer-core, the system browser): sign in, describe, see the
// analysis as an editable form, watch the live preview play, edit a param, export, follow progress,
// download; the list of my animations. User text stays text; nothing is loaded from elsewhere.
import test from 'ava';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { chromiumArgs, locateChromium } from '../../src/render/chromium.ts';
import { call } from './helpers/http.ts';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestServer, type TestServer } from './helpers/server.ts';

let pg: TestPostgres;
let server: TestServer;
let browser: Browser;

test.before(async () => {
  pg = await startTestPostgres();
  server = await startTestServer({ databaseUrl: pg.url });
  const executablePath = locateChromium('');
  browser = await puppeteer.launch({ executablePath, headless: executablePath.includes('headless-shell') ? 'shell' : true, args: chromiumArgs({ gpu: false, extraArgs: [] }), pipe: true });
});

test.after.always(async () => {
  await browser?.close();
  await server?.stop();
  await pg?.destroy();
});

async function text(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (el) => el.textContent ?? '');
}

test('sign in, describe, edit, preview, export, download, list', async (t) => {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 1000 });
  const foreign: string[] = [];
  const errors: string[] = [];
  page.on('request', (req) => {
    if (!req.url().startsWith(server.url) && !/^(data|blob):/.test(req.url())) foreign.push(req.url());
  });
  page.on('pageerror', (err) => errors.push((err as Error).message));

  const res = await page.goto(server.url + '/', { waitUntil: 'load' });
  t.regex(res!.headers()['content-security-policy']!, /default-src 'self'; script-src 'self'/);
  await page.waitForSelector('#login-form', { visible: true });
  await page.type('input[name=email]', ADMIN_EMAIL);
  await page.type('input[name=password]', 'wrong password');
  await page.click('#login-form button[type=submit]');
  await page.waitForFunction(() => document.getElementById('login-error')!.textContent !== '');
  t.regex(await text(page, '#login-error'), /password/i);
  await page.$eval('input[name=password]', (el) => ((el as HTMLInputElement).value = ''));
  await page.type('input[name=password]', ADMIN_PASSWORD);
  await page.click('#login-form button[type=submit]');
  await page.waitForSelector('#app-view', { visible: true });
  t.regex(await text(page, '#who'), /admin@local \(admin\)/);

  await page.type('#description', 'Demonstrate bubble sort on 5 3 8 1');
  await page.click('#analyse');
  await page.waitForSelector('#analysis', { visible: true });
  t.is(await page.$eval('#template', (el) => (el as HTMLSelectElement).value), 'sort.bubble');
  t.is(await page.$eval('#params-form input[name=values]', (el) => (el as HTMLInputElement).value), '5, 3, 8, 1');
  t.regex(await text(page, '#facts'), /swaps4/);
  // The realtime player is playing: the frame number moves on by itself.
  await page.waitForFunction(() => Number(document.getElementById('preview')!.dataset.frame ?? 0) > 10, { timeout: 60_000 });

  // Editing a param recomputes the facts and the preview.
  await page.$eval('#params-form input[name=values]', (el) => {
    (el as HTMLInputElement).value = '9, 1, 5';
    el.dispatchEvent(new Event('change'));
  });
  await page.waitForFunction(() => /swaps2/.test(document.getElementById('facts')!.textContent ?? ''));
  t.regex(await text(page, '#facts'), /sorted\[1,5,9\]/);

  // No license here: Free, so the page offers 720p and greys out what the license does not include.
  await page.waitForFunction(() => (document.querySelector('#quality option[value="1080p"]') as HTMLOptionElement).disabled);
  t.is(await page.$eval('#quality', (el) => (el as HTMLSelectElement).value), '720p');
  t.true(await page.$eval('#quality option[value="4k"]', (el) => (el as HTMLOptionElement).disabled));
  await page.select('#quality', '720p');
  await page.type('#duration', '2');
  await page.click('#export');
  await page.waitForSelector('#job', { visible: true });
  await page.waitForSelector('#download', { visible: true, timeout: 170_000 });
  t.is(await page.$eval('#job', (el) => (el as HTMLElement).dataset.status), 'completed');
  const href = await page.$eval('#download', (el) => (el as HTMLAnchorElement).href);
  const download = await page.evaluate(async (url) => {
    const r = await fetch(url);
    return { status: r.status, type: r.headers.get('content-type'), bytes: (await r.arrayBuffer()).byteLength, disposition: r.headers.get('content-disposition') };
  }, href);
  t.is(download.status, 200);
  t.is(download.type, 'video/mp4');
  t.true(download.bytes > 1000);
  t.regex(download.disposition!, /attachment/);
  const id = await page.$eval('#job', (el) => (el as HTMLElement).dataset.animation!);
  const stored = await call(server.url, 'GET', `/api/v1/animations/${id}`, { key: await server.key('admin') });
  t.deepEqual(stored.json.params.values, [9, 1, 5], 'the edited params were rendered');
  t.is(stored.json.quality, '720p');
  // The form asked for 2 s, too short to read the narration: the stored animation is as long as reading needs.
  t.true((stored.json.duration as number) > 2, `lengthened to the reading floor, got ${stored.json.duration} s`);

  await page.waitForFunction((id) => document.querySelector(`#animations tr[data-id="${id}"] .status-completed`) !== null, {}, id);

  // A description is data: shown as text, never run as markup.
  const key = await server.key('admin');
  const evil = '<img src=x onerror="window.__pwned=1"> bubble sort 3 1 2';
  await call(server.url, 'POST', '/api/v1/animations/generate', { key, body: { description: evil, quality: '720p', duration: 2 } });
  await page.click('#refresh');
  await page.waitForFunction((evil) => [...document.querySelectorAll('#animations td.desc')].some((td) => td.textContent === evil), {}, evil);
  t.is(await page.evaluate(() => document.querySelectorAll('#animations img').length), 0);
  t.is(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);

  t.deepEqual(foreign, [], 'the page loads nothing from outside the appliance');
  t.deepEqual(errors, []);
  await page.close();
});
