// `devforge preview` serves the realtime player; a real headless Chromium opens it and watches it play.
import test from 'ava';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, locateChromium } from '../../src/render/chromium.ts';

const BIN = fileURLToPath(new URL('../../bin/devforge.js', import.meta.url));

test('the preview page plays the scene: frames advance, captions show, pause and seek work', async (t) => {
  // Sidecar captions show under the canvas; burned-in ones are in the frame (checked at the end).
  const child = spawn(process.execPath, [BIN, 'preview', 'Demonstrate bubble sort on 5 3 8 1', '--port', '0', '--captions', 'sidecar'], { stdio: ['ignore', 'pipe', 'pipe'] });
  t.teardown(() => child.kill());
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  const { url, template } = JSON.parse(line.toString());
  t.is(template, 'sort.bubble');

  const browser = await puppeteer.launch({ executablePath: locateChromium(''), headless: true, args: chromiumArgs({ gpu: false, extraArgs: [] }) });
  t.teardown(() => browser.close());
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push((e as Error).message));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  // The page keeps to its own Content-Security-Policy: every violation is an event, and a console error.
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { cspViolations: string[] }).cspViolations ??= [];
      (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(url);
  try {
    await page.waitForFunction(() => document.querySelector('button')?.textContent === 'Pause', { timeout: 60_000, polling: 200 });
  } catch (err) {
    // Say what the page shows instead, so a failure here can be understood from the log alone.
    const shown = await page.$eval('main', (el) => el.textContent).catch(() => '(no main element)');
    throw new Error(`the player never started: page shows ${JSON.stringify(shown)}, errors ${JSON.stringify(errors)}`, { cause: err });
  }
  const seekValue = () => page.$eval('input[type=range]', (el) => Number((el as HTMLInputElement).value));
  const first = await seekValue();
  await page.waitForFunction((f) => Number((document.querySelector('input[type=range]') as HTMLInputElement).value) > f + 5, { timeout: 60_000, polling: 200 }, first);
  await page.waitForFunction(() => (document.querySelector('main > div:last-child')?.textContent ?? '').length > 0, { timeout: 60_000, polling: 200 });
  const caption = await page.$eval('main > div:last-child', (el) => el.textContent);
  t.regex(caption ?? '', /Bubble sort|Compare/);

  await page.click('button');
  t.is(await page.$eval('button', (el) => el.textContent), 'Play');
  const paused = await seekValue();
  await new Promise((r) => setTimeout(r, 500));
  t.is(await seekValue(), paused, 'paused stays put');
  // The canvas shows the theme background, not a blank page.
  const corner = await page.$eval('canvas', (c) => {
    const probe = document.createElement('canvas');
    probe.width = 4;
    probe.height = 4;
    const ctx = probe.getContext('2d')!;
    ctx.drawImage(c as HTMLCanvasElement, 0, 0, 4, 4, 0, 0, 4, 4);
    return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  });
  t.deepEqual(corner, [15, 23, 42]);

  const burnIn = spawn(process.execPath, [BIN, 'preview', 'Demonstrate bubble sort on 5 3 8 1', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  t.teardown(() => burnIn.kill());
  const [burnInLine] = (await once(burnIn.stdout!, 'data')) as [Buffer];
  await page.goto(JSON.parse(burnInLine.toString()).url);
  await page.waitForFunction(() => document.querySelector('button')?.textContent === 'Pause', { timeout: 60_000, polling: 200 });
  t.deepEqual(await page.$eval('main', (el) => [...el.children].map((c) => c.tagName)), ['CANVAS', 'DIV'], 'no caption line under a canvas that shows it');
  t.deepEqual(await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []), [], 'no CSP violation');
  t.deepEqual(errors, []);
});
