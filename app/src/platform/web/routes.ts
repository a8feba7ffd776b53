// The first page for people, at /: the HTML shell, its script and style, the player bundle and the
// fonts, all served by the appliance itself (no CDN), under a CSP that allows only this origin.
import type Router from '@koa/router';
import { createReadStream } from 'node:fs';
import { playerBundle } from '../../render/bundle.ts';
import { fontCss, fontFile } from '../../render/fonts.ts';
import { PAGE_CSP } from './csp.ts';
import { clientBundle } from './client-bundle.ts';
import { APP_CSS } from './style.ts';
import { pageHtml, type SignInOptions } from './page.ts';

export function mountWeb(router: Router, signIn: SignInOptions): void {
  const html = pageHtml(signIn);
  router.get('/', (ctx) => {
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('content-security-policy', PAGE_CSP);
    ctx.set('cache-control', 'no-cache');
    ctx.body = html;
  });
  router.get('/assets/app.js', async (ctx) => {
    ctx.type = 'text/javascript; charset=utf-8';
    ctx.set('cache-control', 'no-cache');
    ctx.body = await clientBundle();
  });
  router.get('/assets/app.css', (ctx) => {
    ctx.type = 'text/css; charset=utf-8';
    ctx.set('cache-control', 'no-cache');
    ctx.body = APP_CSS;
  });
  router.get('/assets/player.js', async (ctx) => {
    ctx.type = 'text/javascript; charset=utf-8';
    ctx.set('cache-control', 'no-cache');
    ctx.body = await playerBundle();
  });
  router.get('/fonts/:pkg/*rest', (ctx) => {
    const rest = ctx.params.rest as unknown as string | string[];
    const file = fontFile(ctx.params.pkg!, Array.isArray(rest) ? rest.join('/') : rest);
    if (!file) return;
    ctx.type = file.endsWith('.css') ? 'text/css' : 'font/woff2';
    ctx.set('cache-control', 'public, max-age=86400');
    ctx.body = file.endsWith('.css') ? fontCss(ctx.params.pkg!, file) : createReadStream(file);
  });
}
