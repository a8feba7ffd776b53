// Measures how wide strings are drawn in the bundled faces, in the real headless Chromium, the way the player draws
// labels: canvas 2D text with the fonts the renderer's page server hands the page (Inter with tabular figures on).
// The advance-width table (text/advance-widths.json, app/scripts/measure-text-widths.ts) is made with it, and its
// test re-measures strings with it.
import puppeteer from 'puppeteer-core';
import { chromiumArgs, locateChromium } from './chromium.ts';
import { fontLinks } from './fonts.ts';
import { PageServer, PAGE_SECURITY_HEADERS } from './page-server.ts';

export interface Face {
  family: string;
  weight: number;
}

/** Pixels per em measured at: large, so a width rounded to thousandths of an em loses nothing (hinting is off). */
const SIZE_PX = 1000;

/** Each face's width of each string, in ems (kerning applied, as canvas text draws it), and the browser's version. */
export async function measureInChromium(faces: readonly Face[], strings: readonly string[]): Promise<{ widths: number[][]; browser: string }> {
  const server = new PageServer();
  server.route('/', (res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...PAGE_SECURITY_HEADERS }).end(`<!doctype html><html><head>${fontLinks()}</head><body></body></html>`);
  });
  await server.start();
  const browser = await puppeteer.launch({ executablePath: locateChromium(''), headless: true, args: chromiumArgs({ gpu: false, extraArgs: [] }), pipe: true });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/`);
    const widths = await page.evaluate(
      async (faces, strings, sizePx) => {
        // Every unicode-range subset a string needs is loaded first (the player loads its faces before drawing too).
        const sample = [...new Set(strings.join(''))].join('');
        for (const f of faces) await document.fonts.load(`${f.weight} ${sizePx}px "${f.family}"`, sample);
        await document.fonts.ready;
        const ctx = document.createElement('canvas').getContext('2d')!;
        return faces.map((f) => {
          ctx.font = `${f.weight} ${sizePx}px "${f.family}"`;
          return strings.map((s) => ctx.measureText(s).width / sizePx);
        });
      },
      faces,
      strings,
      SIZE_PX,
    );
    return { widths, browser: await browser.version() };
  } finally {
    await browser.close();
    await server.close();
  }
}
