// Browser single sign-on end to end: a real oidc-provider, the real server configured through the
// DEVFORGE_OIDC_* variables, headless Chromium. The browser signs in at the IdP and lands in the app as
// the user with the role mapped from realm_access.roles (and, with auth.oidc.roleClaim=groups, from
// groups, which are also stored for sharing with groups); signing out ends the DevForge session and,
// through RP-initiated logout, the IdP session.
import { createServer } from 'node:net';
import test from 'ava';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { loadConfig } from '../../src/config/load.ts';
import { chromiumArgs, locateChromium } from '../../src/render/chromium.ts';
import { call } from './helpers/http.ts';
import { startTestIdp, type TestIdp } from './helpers/oidc-provider.ts';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

let pg: TestPostgres;
let browser: Browser;

test.before(async () => {
  pg = await startTestPostgres();
  const executablePath = locateChromium('');
  browser = await puppeteer.launch({ executablePath, headless: executablePath.includes('headless-shell') ? 'shell' : true, args: chromiumArgs({ gpu: false, extraArgs: [] }), pipe: true });
});

test.after.always(async () => {
  await browser?.close();
  await pg?.destroy();
});

/** A free loopback port, so the IdP can know DevForge's redirect URI before DevForge starts. */
async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as { port: number }).port;
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

/** IdP + DevForge, configured the way an operator would: the DEVFORGE_OIDC_* environment variables. */
async function startPair(accountClaims: Record<string, unknown>, env: Record<string, string> = {}): Promise<{ idp: TestIdp; server: TestServer }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const idp = await startTestIdp({ accountClaims, redirectUri: `${base}/auth/oidc/callback`, postLogoutRedirectUri: `${base}/` });
  const fromEnv = loadConfig({ env: { DEVFORGE_OIDC_ISSUER: idp.issuer, DEVFORGE_OIDC_CLIENT_ID: 'devforge', DEVFORGE_OIDC_CLIENT_SECRET: 'devforge-secret', DEVFORGE_OIDC_ALLOW_HTTP: 'true', DEVFORGE_PUBLIC_URL: base, ...env } });
  const server = await startTestServer({ databaseUrl: pg.url, overrides: { server: { port, publicUrl: base }, auth: { oidc: fromEnv.auth.oidc, localLogin: fromEnv.auth.localLogin } } });
  await server.platform.services.oidc!.ready();
  return { idp, server };
}

/** Clicks through the IdP's login (and consent) forms until the browser is back at DevForge. */
async function signInAtIdp(page: Page, server: TestServer, login: string): Promise<void> {
  await page.goto(server.url + '/', { waitUntil: 'load' });
  await page.waitForSelector('#sso-login', { visible: true });
  await Promise.all([page.waitForNavigation(), page.click('#sso-login')]);
  await page.waitForSelector('input[name=login]');
  await page.type('input[name=login]', login);
  await page.type('input[name=password]', 'any password');
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  while (!page.url().startsWith(server.url)) await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
}

async function sessionCookie(page: Page): Promise<string> {
  const cookies = await page.cookies();
  return cookies.find((c) => c.name === 'devforge_session')?.value ?? '';
}

test.serial('sign in through the IdP with realm_access.roles, then sign out of both', async (t) => {
  const { idp, server } = await startPair({ realm_access: { roles: ['offline_access', 'devforge-editor'] } });
  t.teardown(async () => {
    await server.stop();
    await idp.stop();
  });
  const page = await browser.newPage();
  const sign = await call(server.url, 'GET', '/');
  // The shell hands the sign-in options to the app (its sign-in screen shows "Sign in with single sign-on").
  t.regex(sign.text, /data-sso="single sign-on"/);
  await signInAtIdp(page, server, 'alice');
  await page.waitForSelector('#app-view', { visible: true });
  const cookie = await sessionCookie(page);
  const me = await call(server.url, 'GET', '/api/v1/me', { headers: { cookie: `devforge_session=${cookie}` } });
  t.is(me.status, 200);
  t.is(me.json.user.email, 'alice@example.com');
  t.is(me.json.role, 'editor');

  // Sign out: the page follows the IdP's end-session URL; the IdP asks to confirm, then comes back.
  await Promise.all([page.waitForNavigation(), page.click('#logout')]);
  if (!page.url().startsWith(server.url)) await Promise.all([page.waitForNavigation(), page.click('button[type=submit][value=yes], button[name=logout]')]);
  t.true(page.url().startsWith(server.url), page.url());
  const after = await call(server.url, 'GET', '/api/v1/me', { headers: { cookie: `devforge_session=${cookie}` } });
  t.is(after.status, 401);
  // The IdP session is gone too: signing in again shows its login form.
  await page.goto(server.url + '/auth/oidc/login', { waitUntil: 'load' });
  t.truthy(await page.waitForSelector('input[name=login]'));
  await page.close();
});

test.serial('the role can come from groups (auth.oidc.roleClaim=groups); with local sign-in off only the break-glass admin may use a password', async (t) => {
  const claims: Record<string, unknown> = { groups: ['/staff', '/devforge-admin'] };
  const { idp, server } = await startPair(claims, { DEVFORGE_OIDC_ROLE_CLAIM: 'groups', DEVFORGE_LOCAL_LOGIN: 'false' });
  t.teardown(async () => {
    await server.stop();
    await idp.stop();
  });
  const page = await browser.newPage();
  await signInAtIdp(page, server, 'bob');
  await page.waitForSelector('#app-view', { visible: true });
  const me = await call(server.url, 'GET', '/api/v1/me', { headers: { cookie: `devforge_session=${await sessionCookie(page)}` } });
  t.is(me.json.role, 'admin');
  // The groups are stored for sharing (auth.oidc.groupsClaim, default groups), without Keycloak's leading /.
  const stored: { idp_groups: string[] }[] = await server.platform.db.query('SELECT idp_groups FROM users WHERE email = $1', ['bob@example.com']);
  t.deepEqual(stored[0]?.idp_groups, ['staff', 'devforge-admin']);
  // auth.localLogin=false: only the break-glass administrator may use a password.
  const refused = await call(server.url, 'POST', '/api/v1/auth/login', { body: { email: 'bob@example.com', password: 'whatever1234' } });
  t.is(refused.status, 403);
  t.regex(refused.json.detail, /single sign-on/);
  await page.close();
});
