// LTI 1.3 end to end: the real server (api role: nothing renders) with real Postgres, a learning platform
// the test plays (helpers/lti-platform.ts: its own keys, JWKS and auth endpoint on loopback) and headless
// Chromium following every redirect and form post. An administrator registers the platform through the
// API; an instructor's resource link launch signs them in as an editor, a learner's as a viewer; a deep-
// linking launch opens the picker, where the teacher creates an animation and places it, and the
// platform's return URL receives a JWT that verifies against GET /lti/jwks and carries the animation's
// content item; a learner's launch of that link opens the animation. Key rotation keeps the old key
// published. Refusals are in lti-refusals.test.ts.
import test from 'ava';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import type { Browser, Page } from 'puppeteer-core';
import { call } from './helpers/http.ts';
import { CLIENT_ID, DEPLOYMENT_ID, launchClaims, LTI, ROLE, startTestPlatform, type TestPlatform } from './helpers/lti-platform.ts';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestServer, type TestServer } from './helpers/server.ts';
import { launchBrowser, newPage, open, screen, setField, signIn, text, type PageWatch } from './helpers/web-browser.ts';

let pg: TestPostgres;
let server: TestServer;
let lms: TestPlatform;
let browser: Browser;
let admin: string;

test.before(async () => {
  pg = await startTestPostgres();
  lms = await startTestPlatform();
  server = await startTestServer({ databaseUrl: pg.url, overrides: { server: { role: 'api' }, lti: { allowHttp: true } } });
  admin = await server.key('admin');
  browser = await launchBrowser();
  const registered = await call(server.url, 'POST', '/api/v1/lti/platforms', {
    key: admin,
    body: { name: 'Test Moodle', issuer: lms.issuer, client_id: CLIENT_ID, deployment_ids: [DEPLOYMENT_ID], auth_url: lms.authUrl, jwks_url: lms.jwksUrl },
  });
  if (registered.status !== 201) throw new Error(`registering the platform: ${registered.status} ${registered.text}`);
});

test.after.always(async () => {
  await browser?.close();
  await server?.stop();
  await lms?.close();
  await pg?.destroy();
});

/** The browser starts a launch as the LMS does (a GET login initiation) and follows it to the tool. */
async function launch(page: Page, loginHint: string, messageHint: string): Promise<void> {
  const q = new URLSearchParams({ iss: lms.issuer, login_hint: loginHint, target_link_uri: `${server.url}/lti/launch`, lti_message_hint: messageHint, client_id: CLIENT_ID, lti_deployment_id: DEPLOYMENT_ID });
  await page.goto(`${server.url}/lti/login?${q}`, { waitUntil: 'load' });
}

async function me(page: Page): Promise<{ email: string; role: string }> {
  const cookie = (await page.cookies(server.url)).find((c) => c.name === 'devforge_session')?.value ?? '';
  const r = await call(server.url, 'GET', '/api/v1/me', { headers: { cookie: `devforge_session=${cookie}` } });
  const body = r.json as { user: { email: string }; role: string };
  return { email: body.user.email, role: body.role };
}

async function freshPage(): Promise<{ page: Page; watch: PageWatch }> {
  const watch: PageWatch = { foreign: [], errors: [] };
  // The platform is another origin by design: only the tool's own requests are the app's.
  return { page: await newPage(browser, server.url, watch), watch };
}

test.serial('the admin API registers, lists, changes and removes platforms; bad URLs and duplicates are refused in words', async (t) => {
  const list = await call(server.url, 'GET', '/api/v1/lti/platforms', { key: admin });
  t.is(list.status, 200);
  t.is(list.json.platforms.length, 1);
  t.is(list.json.platforms[0].issuer, lms.issuer);
  const body = { issuer: 'https://canvas.example.edu', client_id: '10000000000001', deployment_ids: ['1:abc'], auth_url: 'https://sso.canvaslms.com/api/lti/authorize_redirect', jwks_url: 'https://sso.canvaslms.com/api/lti/security/jwks' };
  const made = await call(server.url, 'POST', '/api/v1/lti/platforms', { key: admin, body });
  t.is(made.status, 201);
  const again = await call(server.url, 'POST', '/api/v1/lti/platforms', { key: admin, body });
  t.is(again.status, 409);
  t.regex(again.json.detail, /already registered/);
  const plainHttp = await call(server.url, 'POST', '/api/v1/lti/platforms', { key: admin, body: { ...body, client_id: 'x', jwks_url: 'http://canvas.example.edu/jwks' } });
  t.is(plainHttp.status, 422);
  t.regex(plainHttp.json.detail, /body\.jwks_url: http:\/\/canvas\.example\.edu\/jwks is not an https URL/);
  const notUrl = await call(server.url, 'POST', '/api/v1/lti/platforms', { key: admin, body: { ...body, client_id: 'y', auth_url: 'moodle' } });
  t.is(notUrl.status, 422);
  t.regex(notUrl.json.detail, /body\.auth_url: moodle is not a URL/);
  const noDeployment = await call(server.url, 'POST', '/api/v1/lti/platforms', { key: admin, body: { ...body, client_id: 'z', deployment_ids: [] } });
  t.is(noDeployment.status, 422);
  const changed = await call(server.url, 'PUT', `/api/v1/lti/platforms/${made.json.id}`, { key: admin, body: { ...body, name: 'Canvas', deployment_ids: ['1:abc', '2:def'] } });
  t.is(changed.status, 200);
  t.deepEqual(changed.json.deployment_ids, ['1:abc', '2:def']);
  t.is((await call(server.url, 'GET', `/api/v1/lti/platforms/${made.json.id}`, { key: admin })).json.name, 'Canvas');
  t.is((await call(server.url, 'DELETE', `/api/v1/lti/platforms/${made.json.id}`, { key: admin })).status, 204);
  t.is((await call(server.url, 'GET', `/api/v1/lti/platforms/${made.json.id}`, { key: admin })).status, 404);
  t.is((await call(server.url, 'GET', '/api/v1/lti/platforms', { key: await server.key('editor') })).status, 403);
  const tool = await call(server.url, 'GET', '/api/v1/lti/tool', { key: admin });
  t.is(tool.json.login_url, `${server.url}/lti/login`);
  t.is(tool.json.launch_url, `${server.url}/lti/launch`);
  t.is(tool.json.jwks_url, `${server.url}/lti/jwks`);
  const audit = await call(server.url, 'GET', '/api/v1/audit?limit=50', { key: admin });
  const actions = (audit.json.entries as { action: string }[]).map((e) => e.action);
  for (const action of ['lti.platform-create', 'lti.platform-update', 'lti.platform-delete']) t.true(actions.includes(action), `${action} is audited`);
});

test.serial('an instructor’s resource link launch signs them in as an editor; a learner’s as a viewer', async (t) => {
  lms.claimsFor = (hint) =>
    hint === 'teacher-1'
      ? launchClaims('resource', { sub: 'teacher-1', email: 'ada@school.example', name: 'Ada Teacher', roles: [ROLE.instructor] }, server.url)
      : launchClaims('resource', { sub: 'learner-1', email: 'bo@school.example', name: 'Bo Learner', roles: [ROLE.learner] }, server.url);
  const { page: teacher } = await freshPage();
  t.teardown(() => teacher.close());
  await launch(teacher, 'teacher-1', 'resource');
  await teacher.waitForSelector('#app-view', { visible: true });
  t.is(new URL(teacher.url()).pathname, '/library');
  t.deepEqual(await me(teacher).then((m) => [m.email, m.role]), ['ada@school.example', 'editor']);
  const auth = lms.authRequests.at(-1)!;
  t.is(auth.get('client_id'), CLIENT_ID);
  t.is(auth.get('redirect_uri'), `${server.url}/lti/launch`);
  t.is(auth.get('response_mode'), 'form_post');
  t.is(auth.get('lti_message_hint'), 'resource');
  t.truthy(auth.get('state'));
  t.truthy(auth.get('nonce'));

  const { page: learner } = await freshPage();
  t.teardown(() => learner.close());
  await launch(learner, 'learner-1', 'resource');
  await learner.waitForSelector('#app-view', { visible: true });
  t.deepEqual(await me(learner).then((m) => [m.email, m.role]), ['bo@school.example', 'viewer']);
});

test.serial('deep linking: the picker creates an animation, the platform receives a signed content item, and a learner’s launch opens it', async (t) => {
  let placedId = '';
  lms.claimsFor = (hint) =>
    hint === 'teacher-2'
      ? launchClaims('deep-link', { sub: 'teacher-2', email: 'cy@school.example', name: 'Cy Teacher', roles: [ROLE.instructor] }, server.url, {
          [LTI.deepLinkingSettings]: { deep_link_return_url: lms.returnUrl, accept_types: ['ltiResourceLink'], accept_presentation_document_targets: ['window'], data: 'opaque-platform-data' },
        })
      : launchClaims('resource', { sub: 'learner-2', email: 'di@school.example', roles: [ROLE.learner] }, server.url, { [LTI.custom]: { animation_id: placedId } });
  const { page, watch } = await freshPage();
  t.teardown(() => page.close());
  await launch(page, 'teacher-2', 'deep-link');
  await page.waitForSelector('#lti-picker', { visible: true });
  t.regex(await page.$eval('#lti-picker h2', (el) => el.textContent ?? ''), /Place an animation in Test Moodle/);
  t.truthy(await page.$('#lti-none'), 'a new teacher has no animations yet');
  await screen(t, page, 'lti-picker');
  await page.type('#lti-description', 'Demonstrate bubble sort on 5 3 8 1');
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#lti-create button[type=submit]')]);
  await page.waitForSelector('#placed');
  t.is(new URL(page.url()).origin, lms.url, 'the answer was posted to the platform’s return URL');
  t.deepEqual(watch.errors, []);

  t.is(lms.returned.length, 1);
  const jwt = lms.returned[0]!;
  const { payload } = await jwtVerify(jwt, createRemoteJWKSet(new URL(`${server.url}/lti/jwks`)), { issuer: CLIENT_ID, audience: lms.issuer, algorithms: ['RS256'] });
  t.is(payload[LTI.messageType], 'LtiDeepLinkingResponse');
  t.is(payload[LTI.version], '1.3.0');
  t.is(payload[LTI.deploymentId], DEPLOYMENT_ID);
  t.is(payload[LTI.deepLinkingData], 'opaque-platform-data');
  const items = payload[LTI.contentItems] as { type: string; url: string; title: string; custom: { animation_id: string } }[];
  t.is(items.length, 1);
  t.is(items[0]!.type, 'ltiResourceLink');
  t.is(items[0]!.url, `${server.url}/lti/launch`);
  const rows: { id: string; org_visible: boolean }[] = await server.platform.db.query(`SELECT a.id, a.org_visible FROM animations a JOIN users u ON u.id = a.owner_id WHERE u.email = 'cy@school.example'`);
  t.is(rows.length, 1);
  t.is(items[0]!.custom.animation_id, rows[0]!.id);
  t.true(rows[0]!.org_visible, 'a placed animation is viewable by the course’s learners');
  placedId = rows[0]!.id;

  // The picker again: the animation is listed; choosing it sends a second content item for it.
  await launch(page, 'teacher-2', 'deep-link');
  await page.waitForSelector(`#lti-animations button[data-animation="${placedId}"]`, { visible: true });
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(`#lti-animations button[data-animation="${placedId}"]`)]);
  await page.waitForSelector('#placed');
  t.is(lms.returned.length, 2);
  const second = await jwtVerify(lms.returned[1]!, createRemoteJWKSet(new URL(`${server.url}/lti/jwks`)), { issuer: CLIENT_ID, audience: lms.issuer });
  t.is((second.payload[LTI.contentItems] as { custom: { animation_id: string } }[])[0]!.custom.animation_id, placedId);

  // A learner follows the placed link: it opens that animation, which they may read.
  const { page: learner } = await freshPage();
  t.teardown(() => learner.close());
  await launch(learner, 'learner-2', 'resource');
  await learner.waitForSelector('#app-view', { visible: true });
  t.is(new URL(learner.url()).pathname, `/animations/${placedId}`);
  const cookie = (await learner.cookies(server.url)).find((c) => c.name === 'devforge_session')!.value;
  t.is((await call(server.url, 'GET', `/api/v1/animations/${placedId}`, { headers: { cookie: `devforge_session=${cookie}` } })).status, 200);
});

test.serial('key rotation: a new key signs, the previous one stays published', async (t) => {
  const before = await call(server.url, 'GET', '/lti/jwks');
  t.is(before.status, 200);
  t.is(before.json.keys.length, 1);
  const oldKid = before.json.keys[0].kid as string;
  t.is(before.json.keys[0].alg, 'RS256');
  t.falsy(before.json.keys[0].d, 'no private part is published');
  const stored: { private_key: string }[] = await server.platform.db.query('SELECT private_key FROM lti_tool_keys');
  t.true(stored.length > 0 && stored.every((k) => k.private_key.startsWith('sb1:')), 'the private key is stored sealed with the master key');
  const rotated = await call(server.url, 'POST', '/api/v1/lti/tool/keys/rotate', { key: admin });
  t.is(rotated.status, 200);
  t.deepEqual(rotated.json.retiring, [oldKid]);
  const after = await call(server.url, 'GET', '/lti/jwks');
  t.deepEqual((after.json.keys as { kid: string }[]).map((k) => k.kid).sort(), [oldKid, rotated.json.kid].sort());
  const tool = await call(server.url, 'GET', '/api/v1/lti/tool', { key: admin });
  t.is(tool.json.keys.find((k: { kid: string }) => k.kid === oldKid).retire_at !== null, true);

  // The next deep-linking answer is signed with the new key.
  lms.claimsFor = () =>
    launchClaims('deep-link', { sub: 'teacher-2', email: 'cy@school.example', roles: [ROLE.instructor] }, server.url, { [LTI.deepLinkingSettings]: { deep_link_return_url: lms.returnUrl, accept_types: ['ltiResourceLink'] } });
  const { page } = await freshPage();
  t.teardown(() => page.close());
  await launch(page, 'teacher-2', 'deep-link');
  await page.waitForSelector('#lti-animations button[data-animation]', { visible: true });
  const count = lms.returned.length;
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('#lti-animations button[data-animation]')]);
  await page.waitForSelector('#placed');
  t.is(lms.returned.length, count + 1);
  t.is(decodeProtectedHeader(lms.returned.at(-1)!).kid, rotated.json.kid);
  const audit = await call(server.url, 'GET', '/api/v1/audit?limit=50', { key: admin });
  t.true((audit.json.entries as { action: string }[]).some((e) => e.action === 'lti.key-rotate'));
});

test.serial('the admin console page /admin/lti shows the URLs for the LMS, adds and removes a platform, and rotates the key', async (t) => {
  const { page, watch } = await freshPage();
  t.teardown(() => page.close());
  await signIn(page, server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await open(page, server.url, '/admin/lti', '#lti-urls');
  const urls = await text(page, '#lti-urls');
  for (const path of ['/lti/login', '/lti/launch', '/lti/jwks']) t.true(urls.includes(`${server.url}${path}`), path);
  await page.waitForSelector(`#lti-platforms tr[data-platform="${lms.issuer}"]`);
  await setField(page, '#lti-name', 'Canvas');
  await setField(page, '#lti-issuer', 'https://canvas.instructure.com');
  await setField(page, '#lti-client_id', '10000000000123');
  await setField(page, '#lti-deployment_ids', '7:abc, 8:def');
  await setField(page, '#lti-auth_url', 'http://sso.canvaslms.com/api/lti/authorize_redirect');
  await setField(page, '#lti-jwks_url', 'https://sso.canvaslms.com/api/lti/security/jwks');
  await page.click('#lti-add');
  await page.waitForSelector('#lti-form-error');
  t.regex(await text(page, '#lti-form-error'), /auth_url: .* is not an https URL/);
  await setField(page, '#lti-auth_url', 'https://sso.canvaslms.com/api/lti/authorize_redirect');
  await page.click('#lti-add');
  await page.waitForSelector('#lti-platforms tr[data-platform="https://canvas.instructure.com"]');
  t.regex(await text(page, '#lti-message'), /Canvas is registered/);
  t.regex(await text(page, '#lti-platforms tr[data-platform="https://canvas.instructure.com"]'), /7:abc, 8:def/);
  await screen(t, page, 'admin-lti');
  await page.click('#lti-platforms tr[data-platform="https://canvas.instructure.com"] button.danger');
  await page.waitForFunction(() => !document.querySelector('#lti-platforms tr[data-platform="https://canvas.instructure.com"]'));
  t.regex(await text(page, '#lti-message'), /Canvas is removed/);
  const keysBefore = (await page.$$('#lti-keys li')).length;
  await page.click('#lti-rotate');
  await page.waitForFunction((n) => document.querySelectorAll('#lti-keys li').length > n, {}, keysBefore);
  t.regex(await text(page, '#lti-message'), /previous one stays published for 72 hours/);
  t.deepEqual(watch.errors, []);
});
