// Single sign-on when the identity provider goes down after start-up, and its routes' rate limit: a real
// oidc-provider started and stopped by the test, the real server configured with the DEVFORGE_OIDC_*
// variables and auth.localLogin off. While the IdP is down the sign-in page still loads, "Sign in with …"
// and a callback in flight end on a clear 503 page (not a 500, not a browser stranded at a dead address),
// the break-glass administrator still signs in with a password; when the IdP is back on the same address
// the next click works. /auth/oidc/login and /auth/oidc/callback count against the sign-in budget.
import { createServer } from 'node:net';
import test from 'ava';
import { loadConfig } from '../../src/config/load.ts';
import { call } from './helpers/http.ts';
import { startTestIdp, type TestIdp } from './helpers/oidc-provider.ts';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestServer, type TestServer } from './helpers/server.ts';

let pg: TestPostgres;

test.before(async () => {
  pg = await startTestPostgres();
});

test.after.always(async () => {
  await pg?.destroy();
});

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as { port: number }).port;
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

interface Pair {
  idp: TestIdp;
  idpPort: number;
  server: TestServer;
  base: string;
  restartIdp(): Promise<TestIdp>;
}

async function startPair(env: Record<string, string> = {}): Promise<Pair> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const idpOptions = { accountClaims: { realm_access: { roles: ['devforge-editor'] } }, redirectUri: `${base}/auth/oidc/callback`, postLogoutRedirectUri: `${base}/` };
  const idp = await startTestIdp(idpOptions);
  const idpPort = Number(new URL(idp.issuer).port);
  const fromEnv = loadConfig({
    env: { DEVFORGE_OIDC_ISSUER: idp.issuer, DEVFORGE_OIDC_CLIENT_ID: 'devforge', DEVFORGE_OIDC_CLIENT_SECRET: 'devforge-secret', DEVFORGE_OIDC_ALLOW_HTTP: 'true', DEVFORGE_PUBLIC_URL: base, DEVFORGE_LOCAL_LOGIN: 'false', ...env },
  });
  const server = await startTestServer({
    databaseUrl: pg.url,
    env,
    overrides: { server: { role: 'api', port, publicUrl: base }, auth: { oidc: fromEnv.auth.oidc, localLogin: fromEnv.auth.localLogin } },
  });
  await server.platform.services.oidc!.ready();
  return { idp, idpPort, server, base, restartIdp: () => startTestIdp({ ...idpOptions, port: idpPort }) };
}

const login = (p: Pair) => fetch(`${p.base}/auth/oidc/login`, { redirect: 'manual' });

test.serial('the IdP goes down after start-up: clear 503 pages, break-glass sign-in works, and the next click after it is back works', async (t) => {
  const pair = await startPair();
  let idp = pair.idp;
  try {
    const up = await login(pair);
    t.is(up.status, 302);
    t.true(up.headers.get('location')!.startsWith(idp.issuer));
    // A sign-in in flight when the IdP goes: its pending-login cookie and state, for the callback below.
    const cookie = up.headers.get('set-cookie')!.split(';')[0]!;
    const state = new URL(up.headers.get('location')!).searchParams.get('state');

    await idp.stop();

    const page = await fetch(`${pair.base}/`);
    t.is(page.status, 200);
    // The sign-in page is drawn by the web app from its shell: the single sign-on button (data-sso) and, with
    // local sign-in off, the folded administrator sign-in (data-local-login="false") — both without the IdP.
    const html = await page.text();
    t.regex(html, /<div id="app" data-sso="[^"]+" data-local-login="false">/);

    const down = await login(pair);
    t.is(down.status, 503);
    t.regex(down.headers.get('content-type') ?? '', /^text\/html/);
    t.truthy(down.headers.get('retry-after'));
    const downHtml = await down.text();
    t.regex(downHtml, /Single sign-on is unavailable/);
    t.regex(downHtml, /does not answer/);
    t.regex(downHtml, /href="\/auth\/oidc\/login"/);

    const callback = await fetch(`${pair.base}/auth/oidc/callback?code=abc&state=${state}&iss=${encodeURIComponent(idp.issuer)}`, { redirect: 'manual', headers: { cookie } });
    t.is(callback.status, 503, await callback.clone().text());
    t.regex(callback.headers.get('content-type') ?? '', /^text\/html/);
    t.regex(await callback.text(), /did not answer while finishing the sign-in/);

    // Break-glass: auth.localLogin is off, yet the administrator's password still signs in.
    const admin = await call(pair.base, 'POST', '/api/v1/auth/login', { body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
    t.is(admin.status, 200, admin.text);
    const someoneElse = await call(pair.base, 'POST', '/api/v1/auth/login', { body: { email: 'editor@example.com', password: 'whatever it is 123' } });
    t.not(someoneElse.status, 200);

    // Back on the same address: the next click is sent to it, without waiting for a background retry.
    idp = await pair.restartIdp();
    const back = await login(pair);
    t.is(back.status, 302, await back.clone().text());
    t.true(back.headers.get('location')!.startsWith(idp.issuer));
  } finally {
    await idp.stop();
    await pair.server.stop();
  }
});

test.serial('/auth/oidc/login and /auth/oidc/callback count against the sign-in budget of the client address', async (t) => {
  const pair = await startPair({ DEVFORGE_RATE_LIMIT_SIGN_IN_PER_MINUTE: '3' });
  // The test before spoke from this address too.
  await pair.server.platform.db.query('DELETE FROM rate_limits');
  try {
    for (let i = 0; i < 2; i++) t.is((await login(pair)).status, 302);
    // A callback with nothing pending is refused, and counts.
    const stray = await fetch(`${pair.base}/auth/oidc/callback?code=x&state=y`, { redirect: 'manual' });
    t.is(stray.status, 403, await stray.clone().text());
    const refused = await login(pair);
    t.is(refused.status, 429);
    t.truthy(refused.headers.get('retry-after'));
    t.regex(refused.headers.get('content-type') ?? '', /^text\/html/);
    t.regex(await refused.text(), /rateLimit\.signInPerMinute/);
    const callbackRefused = await fetch(`${pair.base}/auth/oidc/callback?code=x&state=y`, { redirect: 'manual' });
    t.is(callbackRefused.status, 429);
    const metrics = await call(pair.base, 'GET', '/metrics', { key: await pair.server.key('admin') });
    t.regex(metrics.text, /^devforge_rate_limited_total\{budget="sign-in"\} [2-9]/m);
  } finally {
    await pair.idp.stop();
    await pair.server.stop();
  }
});
