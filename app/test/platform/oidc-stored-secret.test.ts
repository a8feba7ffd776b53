// The OIDC client secret stored sealed in the database: `devforge sso set-client-secret` (the real
// command, the secret on stdin) stores it sealed with the master key; a server configured with no
// client secret signs a user in through a real oidc-provider with it (the code flow in headless
// Chromium, whose token request the IdP only answers with the right secret); `devforge secrets
// rotate-master-key` seals it again and sign-in still works; a configured secret wins with a warning.
import { createServer } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import puppeteer, { type Browser } from 'puppeteer-core';
import { chromiumArgs, locateChromium } from '../../src/render/chromium.ts';
import { devforge } from '../helpers/cli.ts';
import { call, type Reply } from './helpers/http.ts';
import { startTestIdp, type TestIdp } from './helpers/oidc-provider.ts';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

const SECRET = 'devforge-secret';

let pg: TestPostgres;
let idp: TestIdp;
let browser: Browser;
let dataDir: string;
let port: number;
let base: string;

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const p = (srv.address() as { port: number }).port;
  await new Promise((resolve) => srv.close(resolve));
  return p;
}

test.before(async () => {
  pg = await startTestPostgres();
  dataDir = await mkdtemp(join(tmpdir(), 'devforge-sso-secret-'));
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  idp = await startTestIdp({ accountClaims: { realm_access: { roles: ['devforge-editor'] } }, redirectUri: `${base}/auth/oidc/callback`, postLogoutRedirectUri: `${base}/` });
  const executablePath = locateChromium('');
  browser = await puppeteer.launch({ executablePath, headless: executablePath.includes('headless-shell') ? 'shell' : true, args: chromiumArgs({ gpu: false, extraArgs: [] }), pipe: true });
});

test.after.always(async () => {
  await browser?.close();
  await idp?.stop();
  await pg?.destroy();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** The server as an operator runs it: the issuer and client id configured, the client secret only if given. */
function start(clientSecret = ''): Promise<TestServer> {
  return startTestServer({
    databaseUrl: pg.url,
    dataDir,
    overrides: { server: { port, publicUrl: base }, auth: { oidc: { issuer: idp.issuer, clientId: 'devforge', clientSecret, allowHttp: true } } },
  });
}

function cli(args: string[], input?: string): ReturnType<typeof devforge> {
  return devforge(args, { env: { DEVFORGE_DATABASE_URL: pg.url, DEVFORGE_DATA_DIR: dataDir, DEVFORGE_OIDC_CLIENT_SECRET: '' }, timeoutMs: 60_000, ...(input !== undefined ? { input } : {}) });
}

async function storedValue(server: TestServer): Promise<string | undefined> {
  const [row] = (await server.platform.db.query(`SELECT value FROM sealed_settings WHERE name = 'auth.oidc.clientSecret'`)) as { value: string }[];
  return row?.value;
}

/** Signs "alice" in through the IdP in a fresh browser context (no IdP session left from before); returns /me. */
async function signIn(server: TestServer, expectApp = true): Promise<Reply & { page: string }> {
  await server.platform.services.oidc!.ready();
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.goto(server.url + '/', { waitUntil: 'load' });
    await page.waitForSelector('#sso-login', { visible: true });
    await Promise.all([page.waitForNavigation(), page.click('#sso-login')]);
    await page.waitForSelector('input[name=login]');
    await page.type('input[name=login]', 'alice');
    await page.type('input[name=password]', 'any password');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    while (!page.url().startsWith(server.url)) await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    if (expectApp) await page.waitForSelector('#app-view', { visible: true });
    const cookie = (await page.cookies()).find((c) => c.name === 'devforge_session')?.value ?? '';
    return { ...(await call(server.url, 'GET', '/api/v1/me', { headers: { cookie: `devforge_session=${cookie}` } })), page: await page.content() };
  } finally {
    await context.close();
  }
}

test.serial('the stored client secret is sealed, signs a user in, survives a master key rotation; the config wins with a warning', async (t) => {
  // The first start makes the schema and the master key; the command needs both.
  let server = await start();
  await server.stop();

  const refused = await cli(['sso', 'set-client-secret', SECRET]);
  t.is(refused.code, 2, refused.stderr);
  t.regex(refused.stderr, /never the command line/);
  t.notRegex(refused.stderr + refused.stdout, new RegExp(SECRET));

  const set = await cli(['sso', 'set-client-secret'], `${SECRET}\n`);
  t.is(set.code, 0, set.stderr);
  t.notRegex(set.stdout + set.stderr, new RegExp(SECRET));

  server = await start();
  const sealed = await storedValue(server);
  t.regex(sealed ?? '', /^sb1:/);
  t.false(sealed!.includes(SECRET));
  const me = await signIn(server);
  t.is(me.status, 200);
  t.is(me.json.user.email, 'alice@example.com');
  t.is(me.json.role, 'editor');
  await server.stop();

  const rotated = await cli(['secrets', 'rotate-master-key']);
  t.is(rotated.code, 0, rotated.stderr);
  server = await start();
  const resealed = await storedValue(server);
  t.regex(resealed ?? '', /^sb1:/);
  t.not(resealed!.split(':')[1], sealed!.split(':')[1], 'sealed with the new key');
  t.is((await signIn(server)).status, 200);
  await server.stop();

  // Both given: the configured one is used, and the log says so.
  server = await start(SECRET);
  t.true(
    server.logs.some((line) => line.includes('the configured one is used')),
    server.logs.join('\n'),
  );
  await server.stop();

  const cleared = await cli(['sso', 'clear-client-secret']);
  t.is(cleared.code, 0, cleared.stderr);
  t.regex(cleared.stdout, /removed/);
  server = await start();
  t.is(await storedValue(server), undefined);
  await server.stop();
});

test.serial('an empty or unreadable secret is refused with what to give; a wrong stored one signs nobody in', async (t) => {
  const server = await start();
  await server.stop();
  const empty = await cli(['sso', 'set-client-secret'], '\n');
  t.is(empty.code, 2, empty.stderr);
  t.regex(empty.stderr, /empty/);
  // A wrong stored secret is really what the token request sends: the IdP refuses it, nobody is signed in.
  t.is((await cli(['sso', 'set-client-secret'], 'not-the-secret')).code, 0);
  const wrong = await start();
  t.teardown(() => wrong.stop());
  const refused = await signIn(wrong, false);
  t.is(refused.status, 401, refused.page);
  t.regex(refused.page, /invalid_client: client authentication failed/);
  const missing = await cli(['sso', 'set-client-secret', '--from-file', join(dataDir, 'nope.txt')]);
  t.is(missing.code, 2, missing.stderr);
  t.regex(missing.stderr, /cannot read the client secret from/);
});
