// The web app, served by the appliance itself (no CDN): the HTML shell at every app path (web/app-paths.ts,
// so a deep link or a reload opens the right screen), its script (prebuilt, or built in memory), the
// stylesheet, the player bundle, the favicon and the fonts, under a CSP that allows only this origin; and
// /widget.js, the embeddable widget other sites load with a script tag (docs/widget.md).
import type Router from '@koa/router';
import type { Context } from 'koa';
import { createReadStream } from 'node:fs';
import { playerBundle } from '../../render/bundle.ts';
import { fontCss, fontFile } from '../../render/fonts.ts';
import { APP_PATHS } from './app-paths.ts';
import { PAGE_CSP } from './csp.ts';
import { clientBundle } from './client-bundle.ts';
import { FAVICON_SVG } from './favicon.ts';
import { APP_CSS } from './style.ts';
import { pageHtml, type SignInOptions } from './page.ts';

function asset(ctx: Context, type: string, body: string): void {
  ctx.type = type;
  ctx.set('cache-control', 'no-cache');
  ctx.body = body;
}

export function mountWeb(router: Router, signIn: SignInOptions): void {
  const html = pageHtml(signIn);
  const shell = (ctx: Context) => {
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('content-security-policy', PAGE_CSP);
    ctx.set('cache-control', 'no-cache');
    ctx.body = html;
  };
  for (const path of Object.values(APP_PATHS)) router.get(path, shell);
  router.get('/assets/app.js', async (ctx) => asset(ctx, 'text/javascript; charset=utf-8', await clientBundle()));
  // Loaded by other origins' pages as a classic script (no CORS needed); it then calls /api/v1 with a publishable key.
  router.get('/widget.js', async (ctx) => {
    asset(ctx, 'text/javascript; charset=utf-8', await clientBundle('widget'));
    ctx.set('cross-origin-resource-policy', 'cross-origin');
  });
  router.get('/assets/app.css', (ctx) => asset(ctx, 'text/css; charset=utf-8', APP_CSS));
  router.get('/assets/favicon.svg', (ctx) => asset(ctx, 'image/svg+xml', FAVICON_SVG));
  router.get('/assets/player.js', async (ctx) => asset(ctx, 'text/javascript; charset=utf-8', await playerBundle()));
  router.get('/fonts/:pkg/*rest', (ctx) => {
    const rest = ctx.params.rest as unknown as string | string[];
    const file = fontFile(ctx.params.pkg!, Array.isArray(rest) ? rest.join('/') : rest);
    if (!file) return;
    ctx.type = file.endsWith('.css') ? 'text/css' : 'font/woff2';
    ctx.set('cache-control', 'public, max-age=86400');
    ctx.body = file.endsWith('.css') ? fontCss(ctx.params.pkg!, file) : createReadStream(file);
  });
}
