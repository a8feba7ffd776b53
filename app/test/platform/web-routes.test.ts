// Every route of the web app (APP_PATHS, the one list the server and the client share) walked in headless
// Chromium by an administrator, an editor and a viewer, against a real server, Postgres and renderer: each
// screen draws its heading (never "Not found"), a role that may not use a screen gets the not-allowed screen
// instead, a viewer sees no Export anywhere, only an administrator has the Admin link, and axe-core finds no
// serious or critical violation on any of them. The screens' own behaviour is in web-app.test.ts,
// web-admin.test.ts and web-developers.test.ts; this walk makes sure none is left out, for any role.
import test from 'ava';
import type { Browser } from 'puppeteer-core';
import { APP_PATHS, animationPath } from '../../src/platform/web/app-paths.ts';
import { call, followEvents } from './helpers/http.ts';
import { ACCEPT_TEST_LICENSES } from './helpers/license.ts';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestServer, type TestServer } from './helpers/server.ts';
import { axeProblems, launchBrowser, newPage, open, signIn, type PageWatch } from './helpers/web-browser.ts';

const PEOPLE = {
  admin: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
  editor: { email: 'walk-editor@example.com', password: 'saffron lantern kettle 3' },
  viewer: { email: 'walk-viewer@example.com', password: 'pebble orchard bassoon 8' },
} as const;
type Role = keyof typeof PEOPLE;

let pg: TestPostgres;
let server: TestServer;
let browser: Browser;
let animationId: string;
const watch: PageWatch = { foreign: [], errors: [] };

test.before(async () => {
  pg = await startTestPostgres();
  server = await startTestServer({ databaseUrl: pg.url, overrides: ACCEPT_TEST_LICENSES });
  const adminKey = await server.key('admin');
  for (const role of ['editor', 'viewer'] as const) {
    const made = await call(server.url, 'POST', '/api/v1/users', { key: adminKey, body: { email: PEOPLE[role].email, role, password: PEOPLE[role].password } });
    if (made.status !== 201) throw new Error(`creating the ${role}: ${made.text}`);
  }
  // One finished animation, open to everyone signed in, for /animations/:id.
  const made = await call(server.url, 'POST', '/api/v1/animations/generate', { key: adminKey, body: { description: 'Demonstrate bubble sort on 3 1 2', quality: '720p', duration: 2 } });
  if (made.status !== 202) throw new Error(`generating: ${made.text}`);
  animationId = made.json.id as string;
  const last = (await followEvents(server.url, animationId, adminKey)).at(-1)!;
  if (last.data.status !== 'completed') throw new Error(`the animation ended ${JSON.stringify(last.data)}`);
  const shared = await call(server.url, 'PATCH', `/api/v1/animations/${animationId}`, { key: adminKey, body: { org_visible: true } });
  if (shared.status !== 200) throw new Error(`opening it to everyone: ${shared.text}`);
  browser = await launchBrowser();
});

test.after.always(async () => {
  await browser?.close();
  await server?.stop();
  await pg?.destroy();
});

/** Whether a role gets the screen itself (true) or the not-allowed screen (false): the server's policy, as the nav shows it. */
function allowed(role: Role, path: string): boolean {
  if (path.startsWith('/admin/')) return role === 'admin';
  if (path === APP_PATHS.batch) return role !== 'viewer';
  return true;
}

for (const role of Object.keys(PEOPLE) as Role[]) {
  test.serial(`${role}: every route draws its screen or says it is not allowed; axe clean; ${role === 'viewer' ? 'no Export anywhere' : 'the screens they may use'}`, async (t) => {
    const page = await newPage(browser, server.url, watch);
    t.teardown(() => page.close());
    await signIn(page, server.url, PEOPLE[role].email, PEOPLE[role].password);
    t.is(await page.$('nav a[href^="/admin"]').then(Boolean), role === 'admin', 'the Admin link is for administrators only');
    for (const path of Object.values(APP_PATHS)) {
      const url = path === APP_PATHS.animation ? animationPath(animationId) : path;
      await open(page, server.url, url, '#main h1');
      const heading = await page.$eval('#main h1', (el) => el.textContent ?? '');
      t.not(heading, 'Not found', `${role} ${url}`);
      const notAllowed = Boolean(await page.$('#not-allowed'));
      t.is(notAllowed, !allowed(role, path), `${role} ${url}: ${notAllowed ? 'not allowed' : heading}`);
      if (role === 'viewer') t.is(await page.$('#export'), null, `a viewer has an Export button on ${url}`);
      t.deepEqual(await axeProblems(page), [], `${role} ${url}`);
    }
  });
}

test.serial('nothing was loaded from outside the appliance, and no page threw', (t) => {
  t.deepEqual(watch.foreign, []);
  t.deepEqual(watch.errors, []);
});
