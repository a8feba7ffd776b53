// Tabular figures (the house style): the fonts the renderer's page server hands Chromium carry "tnum" on every Inter
// face, and canvas text (which the player draws labels with) then gives every digit one width, so a running clock
// does not jitter. Real Chromium, the real served stylesheets.
import test from 'ava';
import puppeteer from 'puppeteer-core';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chromiumArgs, locateChromium } from '../../src/render/chromium.ts';
import { fontCss, fontLinks } from '../../src/render/fonts.ts';
import { PageServer, PAGE_SECURITY_HEADERS } from '../../src/render/page-server.ts';

test('every Inter face is served with font-feature-settings "tnum"; JetBrains Mono is left as it is', (t) => {
  const inter = dirname(createRequire(import.meta.url).resolve('@fontsource/inter/package.json'));
  const css = fontCss('inter', join(inter, '400.css'));
  const faces = css.match(/@font-face\s*\{[^}]*\}/g) ?? [];
  t.true(faces.length >= 5);
  t.true(faces.every((f) => f.includes('font-feature-settings: "tnum";')));
  const mono = dirname(createRequire(import.meta.url).resolve('@fontsource/jetbrains-mono/package.json'));
  t.false(fontCss('jetbrains-mono', join(mono, '400.css')).includes('font-feature-settings'));
});

test('in Chromium, canvas text in the served Inter draws 1111 as wide as 0000', async (t) => {
  const server = new PageServer();
  server.route('/', (res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...PAGE_SECURITY_HEADERS }).end(`<!doctype html><html><head>${fontLinks()}</head><body></body></html>`);
  });
  await server.start();
  const browser = await puppeteer.launch({ executablePath: locateChromium(''), headless: true, args: chromiumArgs({ gpu: false, extraArgs: [] }) });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/`);
    const widths = await page.evaluate(async () => {
      await document.fonts.load('400 40px "Inter"', '0123456789');
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = '400 40px "Inter"';
      return ['1111', '0000', '7474'].map((s) => ctx.measureText(s).width);
    });
    t.is(widths[0], widths[1], `widths ${widths.join(', ')}`);
    t.is(widths[2], widths[1]);
  } finally {
    await browser.close();
    await server.close();
  }
});
