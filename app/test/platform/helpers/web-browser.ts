// Headless Chromium for the web app's end-to-end tests (puppeteer-core, the system browser): one browser,
// a fresh context per page (one person's cookies and storage), axe-core checks and screenshots. Moved out
// of web-app.test.ts so every web test shares one copy.
//
// axe-core is run from node_modules/axe-core/axe.min.js evaluated in the page, not through
// @axe-core/puppeteer: that package needs the full `puppeteer` (which downloads its own browser and cannot
// install here), and the tests use puppeteer-core with the system Chromium. Not page.addScriptTag either:
// it adds an inline script, which the app's CSP (script-src 'self') refuses, as it should.
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type BrowserContext, type Page } from 'puppeteer-core';
import { chromiumArgs, locateChromium } from '../../../src/render/chromium.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
export const SHOTS = fileURLToPath(new URL('../../../../docs/screenshots/', import.meta.url));
/** Photographs are taken only when asked for, so an ordinary run leaves the checked-in pictures alone. */
export const SHOOT = process.env.DEVFORGE_SCREENSHOTS === '1';

export async function launchBrowser(): Promise<Browser> {
  const executablePath = locateChromium('');
  if (SHOOT) await mkdir(SHOTS, { recursive: true });
  return puppeteer.launch({ executablePath, headless: executablePath.includes('headless-shell') ? 'shell' : true, args: chromiumArgs({ gpu: false, extraArgs: [] }), pipe: true });
}

export interface PageWatch {
  /** Requests that left the appliance's origin (the app must work air-gapped). */
  foreign: string[];
  /** Uncaught errors in the page. */
  errors: string[];
}

/** A page in a fresh browser context; closing the page closes it. Dialogs are accepted. */
export async function newPage(browser: Browser, origin: string, watch: PageWatch): Promise<Page> {
  const context: BrowserContext = await browser.createBrowserContext();
  const page = await context.newPage();
  page.once('close', () => void context.close().catch(() => undefined));
  await page.setViewport({ width: 1280, height: 860 });
  page.on('request', (req) => {
    if (!req.url().startsWith(origin) && !/^(data|blob):/.test(req.url())) watch.foreign.push(req.url());
  });
  page.on('pageerror', (err) => watch.errors.push((err as Error).message));
  page.on('dialog', (d) => void d.accept());
  return page;
}

export async function text(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (el) => el.textContent ?? '');
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core on the page as it is now: the serious and critical WCAG 2.0/2.1 A and AA violations, as readable lines. */
export async function axeProblems(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP (script-src 'self') does not govern.
  if (!(await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object'))) await page.evaluate(await readFile(AXE, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Checks the screen with axe and, when asked for, photographs it as docs/screenshots/<name>.png. */
export async function screen(t: { deepEqual: (a: unknown, b: unknown, m?: string) => void }, page: Page, name: string): Promise<void> {
  t.deepEqual(await axeProblems(page), [], `${name}: no serious or critical accessibility violation`);
  if (SHOOT) await page.screenshot({ path: `${SHOTS}${name}.png`, type: 'png', fullPage: true });
}

export async function signIn(page: Page, origin: string, email: string, password: string): Promise<void> {
  await page.goto(origin + '/', { waitUntil: 'load' });
  await page.waitForSelector('#login-form', { visible: true });
  await page.type('#email', email);
  await page.type('#password', password);
  await page.click('#login-form button[type=submit]');
  await page.waitForSelector('#app-view', { visible: true });
}

/** Polls `probe` every half second until it gives a value; fails after `ms`. */
export async function until<T>(probe: () => Promise<T | undefined>, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`still waiting after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Sets a field's value as typing would end, firing input and change (for number, colour and select fields too). */
export async function setField(page: Page, selector: string, value: string): Promise<void> {
  await page.$eval(
    selector,
    (el, value) => {
      const input = el as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    value,
  );
}

/** Goes to an app path inside the signed-in app (a full load: the shell answers every app path). */
export async function open(page: Page, origin: string, path: string, selector: string): Promise<void> {
  await page.goto(origin + path, { waitUntil: 'load' });
  await page.waitForSelector(selector, { visible: true });
}
