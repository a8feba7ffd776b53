// Writes docs/catalogue.jpg: one frame (the poster) of every template's example, labelled, so a reader
// can see the catalogue. Run: node app/scripts/contact-sheet.ts
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/load.ts';
import { sceneFromDescription } from '../src/pipeline.ts';
import { Renderer } from '../src/render/renderer.ts';
import { TEMPLATES } from '../src/templates/registry.ts';

const OUT = fileURLToPath(new URL('../../docs/catalogue.jpg', import.meta.url));
const COLUMNS = 5;

const renderer = new Renderer({ config: loadConfig(), encoder: { name: 'libx264', hardware: false, reason: 'contact sheet' }, chromiumGpu: false });
const dir = mkdtempSync(join(tmpdir(), 'devforge-sheet-'));
const cells: { id: string; example: string; poster: string }[] = [];
try {
  for (const t of TEMPLATES) {
    const { scene } = sceneFromDescription(t.example, { width: 960, height: 540, fps: 12 });
    const summary = await renderer.render(scene, { outputs: { video: join(dir, `${t.id}.mp4`) } });
    cells.push({ id: t.id, example: t.example, poster: readFileSync(summary.poster).toString('base64') });
    console.error(`contact sheet: ${t.id}`);
  }
  const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>
    body{margin:0;padding:24px;background:#f1f5f9;font:14px Inter,sans-serif;color:#0f172a}
    h1{font-size:22px;margin:0 0 16px}
    .grid{display:grid;grid-template-columns:repeat(${COLUMNS},400px);gap:16px}
    figure{margin:0;background:#fff;border-radius:8px;overflow:hidden;box-shadow:0 1px 3px #0002}
    img{display:block;width:400px;height:225px}
    figcaption{padding:8px 10px}
    b{font-family:"JetBrains Mono",monospace;font-size:13px}
    span{display:block;color:#475569;font-size:12px;margin-top:2px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
  </style></head><body><h1>DevForge template catalogue (${cells.length} templates, last frame of each example)</h1><div class="grid">${cells
    .map((c) => `<figure><img src="data:image/png;base64,${c.poster}"><figcaption><b>${escape(c.id)}</b><span>${escape(c.example)}</span></figcaption></figure>`)
    .join('')}</div></body></html>`;
  await renderer.pool.withPage(async (page) => {
    await page.setViewport({ width: COLUMNS * 416 + 32, height: 600 });
    await page.setContent(html, { waitUntil: 'load' });
    const jpeg = await page.screenshot({ type: 'jpeg', quality: 82, fullPage: true });
    writeFileSync(OUT, jpeg);
  });
  console.error(`contact sheet: wrote ${OUT}`);
} finally {
  await renderer.close();
}
