// The authorisation matrix: every route the API mounts × every kind of caller → the status it gets,
// against one real server (api role: nothing renders) and real Postgres. The routes are read from the
// same table the app mounts (apiRoutes), so a route added without a row here fails the first test.
//
// Callers are signed in with browser sessions (CSRF token included), as people are:
//   admin        an administrator (not the owner)
//   owner        the editor who owns the animations, batch, key and delivery the routes act on
//   stranger     an editor nothing is shared with
//   viewer       a viewer nothing is shared with
//   read         an editor each animation is shared with read-only
//   write        an editor each animation is shared with to write
//   viewerWrite  a viewer each animation is shared with to write (the role gate still holds: read-only)
//   group        an editor in the IdP group each animation is shared with to write
//   anon         no credentials
//
// Each cell gets fresh fixtures (animations inserted directly, with tiny files in storage), so a
// delete or cancel in one cell never changes what the next one sees.
import test from 'ava';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiRoutes } from '../../src/platform/api/routes/index.ts';
import { insertUser } from '../../src/platform/domain/commands/users.ts';
import { createApiKey } from '../../src/platform/domain/commands/api-keys.ts';
import { signInWithIdentity } from '../../src/platform/domain/commands/oidc-sign-in.ts';
import { hashPassword } from '../../src/platform/auth/password.ts';
import { outputKeys } from '../../src/platform/storage/create.ts';
import { call, type Reply } from './helpers/http.ts';
import { ACCEPT_TEST_LICENSES, issueLicense, putLicense } from './helpers/license.ts';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.ts';
import { ADMIN_EMAIL, startTestServer, type TestServer } from './helpers/server.ts';

const WHO = ['admin', 'owner', 'stranger', 'viewer', 'read', 'write', 'viewerWrite', 'group', 'anon'] as const;
type Who = (typeof WHO)[number];
type Person = Exclude<Who, 'anon'>;
type Row = Record<Who, number>;

/** A row in WHO order. */
function row(...statuses: number[]): Row {
  if (statuses.length !== WHO.length) throw new Error(`a row needs ${WHO.length} statuses`);
  return Object.fromEntries(WHO.map((w, i) => [w, statuses[i]!])) as Row;
}

/** Same status for everyone signed in; 401 without credentials. */
const signedIn = (status: number) => row(status, status, status, status, status, status, status, status, 401);
/** Admins only. */
const adminOnly = (status: number) => row(status, 403, 403, 403, 403, 403, 403, 403, 401);
/** Editors and admins (viewers are refused by role, however it is shared with them). */
const editors = (status: number) => row(status, status, status, 403, status, status, 403, status, 401);

// prettier-ignore
const MATRIX: Record<string, Row> = {
  //                                              admin owner strngr viewer read write vWrite group anon
  'POST /auth/login':                           row(200,  200,  200,   200,  200, 200,  200,   200,  200),
  'POST /auth/logout':                          signedIn(204),
  'GET /me':                                    signedIn(200),
  'POST /me/password':                          signedIn(204),
  'POST /api-keys':                             signedIn(201),
  'GET /api-keys':                              signedIn(200),
  'DELETE /api-keys/:id':                       row(204,  204,  404,   404,  404, 404,  404,   404,  401),
  'PUT /api-keys/:id/allowed-origins':          row(200,  200,  404,   404,  404, 404,  404,   404,  401),
  'POST /users':                                adminOnly(201),
  'GET /users':                                 adminOnly(200),
  'PATCH /users/:id':                           adminOnly(200),
  'POST /analyze':                              signedIn(200),
  'GET /templates':                             signedIn(200),
  'GET /voices':                                signedIn(200),
  'POST /scenes/preview':                       signedIn(200),
  'POST /scenes/preview/narration':             signedIn(200),
  'POST /animations/batch':                     editors(202),
  'GET /batches/:id':                           row(200,  200,  404,   404,  404, 404,  404,   404,  401),
  'POST /animations/generate':                  editors(202),
  'POST /enterprise/animations/generate':       editors(202),
  'GET /animations':                            signedIn(200),
  'GET /animations/:id':                        row(200,  200,  404,   404,  200, 200,  200,   200,  401),
  'DELETE /animations/:id':                     row(204,  204,  404,   403,  403, 403,  403,   403,  401),
  'POST /animations/:id/cancel':                row(200,  200,  404,   403,  403, 200,  403,   200,  401),
  'POST /animations/:id/rerender':              row(202,  202,  404,   403,  403, 202,  403,   202,  401),
  'PUT /animations/:id/title':                  row(200,  200,  404,   403,  403, 200,  403,   200,  401),
  'GET /animations/:id/shares':                 row(200,  200,  404,   404,  403, 403,  403,   403,  401),
  'PUT /animations/:id/shares':                 row(200,  200,  404,   404,  403, 403,  403,   403,  401),
  'DELETE /animations/:id/shares':              row(204,  204,  404,   404,  403, 403,  403,   403,  401),
  'PATCH /animations/:id':                      row(200,  200,  404,   404,  403, 403,  403,   403,  401),
  'GET /animations/:id/events':                 row(200,  200,  404,   404,  200, 200,  200,   200,  401),
  'GET /animations/:id/video':                  row(200,  200,  404,   404,  200, 200,  200,   200,  401),
  'GET /animations/:id/poster':                 row(200,  200,  404,   404,  200, 200,  200,   200,  401),
  'GET /animations/:id/captions.vtt':           row(200,  200,  404,   404,  200, 200,  200,   200,  401),
  'GET /animations/:id/scene':                  row(200,  200,  404,   404,  200, 200,  200,   200,  401),
  'GET /webhooks/deliveries':                   signedIn(200),
  'GET /webhooks/deliveries/:id':               row(200,  200,  404,   404,  404, 404,  404,   404,  401),
  'GET /webhooks/signing-secret':               editors(200),
  'POST /webhooks/signing-secret/rotate':       editors(200),
  'GET /me/sessions':                           signedIn(200),
  'DELETE /me/sessions/:id':                    signedIn(204),
  'DELETE /users/:id/sessions':                 adminOnly(200),
  'GET /me/export':                             signedIn(200),
  'GET /users/:id/export':                      adminOnly(200),
  'DELETE /users/:id':                          adminOnly(200),
  'GET /license':                               signedIn(200),
  'PUT /license':                               adminOnly(200),
  'GET /audit':                                 adminOnly(200),
  'GET /audit/export':                          adminOnly(200),
  'GET /usage':                                 signedIn(200),
  'GET /usage.csv':                             signedIn(200),
  'GET /branding':                              signedIn(200),
  'POST /webhooks/deliveries/:id/redeliver':    row(202,  202,  404,   403,  404, 404,  403,   404,  401),
  'POST /license/renewal-request':              adminOnly(200),
  'GET /system':                                adminOnly(200),
  'GET /sso':                                   adminOnly(200),
  'POST /sso/test':                             adminOnly(409),
  'GET /branding/public':                       row(200,  200,  200,   200,  200, 200,  200,   200,  200),
  'PUT /branding':                              adminOnly(200),
  'GET /lti/platforms':                         adminOnly(200),
  'POST /lti/platforms':                        adminOnly(201),
  'GET /lti/platforms/:id':                     adminOnly(200),
  'PUT /lti/platforms/:id':                     adminOnly(200),
  'DELETE /lti/platforms/:id':                  adminOnly(204),
  'GET /lti/tool':                              adminOnly(200),
  'POST /lti/tool/keys/rotate':                 adminOnly(200),
};

// Outside /api/v1 (mounted by server/app.ts, not the route table, so listed by hand): the ones a caller
// could expect to be guarded. Web pages and assets are public by design; SSO's pages are in oidc.test.ts.
// prettier-ignore
const OUTSIDE_API: Record<string, Row> = {
  //                                              admin owner strngr viewer read write vWrite group anon
  'GET /metrics':                               signedIn(200),
  'GET /healthz':                               row(200,  200,  200,   200,  200, 200,  200,   200,  200),
  'GET /readyz':                                row(200,  200,  200,   200,  200, 200,  200,   200,  200),
  'GET /api/v1/openapi.json':                   row(200,  200,  200,   200,  200, 200,  200,   200,  200),
  // The LTI tool's public keys: every platform fetches them without credentials (lti.test.ts has the launch).
  'GET /lti/jwks':                              row(200,  200,  200,   200,  200, 200,  200,   200,  200),
};

const PASSWORD = 'plum orbit cactus 42';
const GROUP = 'devforge-sharers';
const GENERATE = { description: 'Demonstrate bubble sort on 5 3 8 1', quality: '720p', duration: 2 };

let pg: TestPostgres;
let server: TestServer;
let files: string;
const users = {} as Record<Person | 'extra', { id: string; email: string }>;
let template: string;
let batchId: string;
let license: string;

interface Session {
  cookie: string;
  csrf: string;
}
const sessions = new Map<Person, Session>();

/** A new session; remembered for later cells unless it is for one cell only. */
async function signIn(who: Person, remember = true): Promise<Session> {
  const r = await call(server.url, 'POST', '/api/v1/auth/login', { body: { email: users[who].email, password: PASSWORD } });
  if (r.status !== 200) throw new Error(`sign-in of ${who}: ${r.status} ${r.text}`);
  const cookie = r.headers
    .getSetCookie()
    .find((c) => c.startsWith('devforge_session='))!
    .split(';')[0]!;
  const session = { cookie, csrf: r.json.csrf_token as string };
  if (remember) sessions.set(who, session);
  return session;
}

async function q<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return server.platform.db.query(text, params) as Promise<T[]>;
}

/** A copy of the template animation owned by the owner, in this state, shared as the columns say, its files in storage. */
async function animation(status: 'completed' | 'queued', description = GENERATE.description): Promise<string> {
  const id = randomUUID();
  const keys = outputKeys(id);
  const outputs =
    status === 'completed'
      ? { video: { key: keys.video, bytes: 4 }, poster: { key: keys.poster, bytes: 4 }, captions: { key: keys.captions, bytes: 7 }, frames: 48, duration_s: 2, width: 1280, height: 720, fps: 24, encoder: 'libx264', render_s: 1 }
      : null;
  const changes = { id, description, status, outputs, render_job_id: null, batch_id: null, progress: status === 'completed' ? 1 : 0, completed_at: status === 'completed' ? new Date().toISOString() : null };
  await q(`INSERT INTO animations SELECT (jsonb_populate_record(NULL::animations, to_jsonb(a) || $2::jsonb)).* FROM animations a WHERE a.id = $1`, [template, JSON.stringify(changes)]);
  const grants: [string, 'user' | 'group', string, 'read' | 'write'][] = [
    [id, 'user', users.read.id, 'read'],
    [id, 'user', users.write.id, 'write'],
    [id, 'user', users.viewerWrite.id, 'write'],
    [id, 'user', users.extra.id, 'read'],
    [id, 'group', GROUP, 'write'],
  ];
  for (const [animationId, kind, grantee, access] of grants) {
    await q(`INSERT INTO animation_grants (animation_id, grantee_kind, grantee_user_id, grantee_group, access, granted_by) VALUES ($1, $2, $3, $4, $5, $6)`, [
      animationId,
      kind,
      kind === 'user' ? grantee : null,
      kind === 'group' ? grantee : null,
      access,
      users.owner.id,
    ]);
  }
  if (status === 'completed') {
    for (const [key, file] of [
      [keys.video, 'video.mp4'],
      [keys.poster, 'poster.png'],
      [keys.captions, 'captions.vtt'],
    ] as const) {
      await server.platform.services.storage.putFile(key, join(files, file), 'application/octet-stream');
    }
  }
  return id;
}

/** The id of a new session of this person's, besides the one the matrix calls with. */
async function ownOtherSession(who: Person): Promise<string> {
  const other = await signIn(who, false);
  const r = await call(server.url, 'GET', '/api/v1/me/sessions', { headers: { cookie: other.cookie } });
  const current = (r.json.sessions as { id: string; current: boolean }[]).find((x) => x.current);
  if (!current) throw new Error(`no current session for ${who}: ${r.status} ${r.text}`);
  return current.id;
}

/** What one request needs: path parameters filled in, a body, a query. */
interface Cell {
  path: string;
  body?: unknown;
  /** A text/plain body (a license file). */
  text?: string;
  /** Sign in anew for this cell (the call ends the session). */
  fresh?: boolean;
}

/** A platform registration no other cell has (issuer and client id are unique together). */
function ltiPlatform() {
  return { issuer: 'https://moodle.example.edu', client_id: randomUUID(), deployment_ids: ['1'], auth_url: 'https://moodle.example.edu/mod/lti/auth.php', jwks_url: 'https://moodle.example.edu/mod/lti/certs.php' };
}

/** How to call each route so that a caller who is allowed gets a success. */
async function cell(route: string, who: Who): Promise<Cell> {
  const [, path] = route.split(' ') as [string, string];
  const withId = (id: string) => path.replace(':id', id);
  switch (route) {
    case 'POST /auth/login':
      return { path, body: { email: users.extra.email, password: PASSWORD } };
    case 'POST /auth/logout':
      return { path, fresh: true };
    case 'POST /me/password':
      // Changing the password ends the caller's other sessions: this one is signed in for the cell alone.
      return { path, body: { current_password: PASSWORD, new_password: PASSWORD }, fresh: true };
    case 'POST /api-keys':
      return { path, body: { name: 'matrix', role: 'viewer' } };
    case 'DELETE /api-keys/:id': {
      const { apiKey } = await createApiKey(server.platform.db, { userId: users.owner.id, role: 'editor', via: 'console' }, { name: 'matrix' });
      return { path: withId(apiKey.id) };
    }
    case 'PUT /api-keys/:id/allowed-origins': {
      const { apiKey } = await createApiKey(server.platform.db, { userId: users.owner.id, role: 'editor', via: 'console' }, { name: 'matrix widget', kind: 'publishable', allowedOrigins: ['https://intranet.example.com'] });
      return { path: withId(apiKey.id), body: { allowed_origins: ['https://portal.example.com'] } };
    }
    case 'POST /users':
      return { path, body: { email: `u-${randomUUID()}@example.com`, role: 'viewer', password: PASSWORD } };
    case 'PATCH /users/:id':
    case 'DELETE /users/:id/sessions':
      return { path: withId(users.extra.id), ...(route.startsWith('PATCH') ? { body: { name: 'Extra' } } : {}) };
    case 'GET /users/:id/export':
      return { path: withId(users.extra.id) };
    case 'DELETE /users/:id': {
      // A new account per cell: the one an allowed caller erases is gone for the next.
      const doomed = await insertUser(server.platform.db, { email: `doomed-${randomUUID()}@example.com`, role: 'editor', password: PASSWORD });
      return { path: `${withId(doomed.id)}?animations=delete` };
    }
    case 'PUT /license':
      // The same Enterprise test license each time: installing the license in force again is a 200.
      return { path, text: license };
    case 'DELETE /me/sessions/:id':
      // Another session of the caller's own (one a stranger's id would be 404): a second sign-in.
      return { path: withId(who === 'anon' ? randomUUID() : await ownOtherSession(who)) };
    case 'POST /analyze':
      return { path, body: { description: GENERATE.description } };
    case 'POST /scenes/preview':
      return { path, body: { description: GENERATE.description } };
    case 'POST /scenes/preview/narration':
      return { path, body: { description: GENERATE.description, voice: 'en-us' } };
    case 'POST /animations/batch':
      return { path, body: { animations: [GENERATE] } };
    case 'GET /batches/:id':
      return { path: withId(batchId) };
    case 'POST /animations/generate':
    case 'POST /enterprise/animations/generate':
      return { path, body: GENERATE };
    case 'POST /animations/:id/cancel':
      return { path: withId(await animation('queued')) };
    case 'PUT /animations/:id/shares':
      return { path: withId(await animation('completed')), body: { user: users.extra.email, access: 'write' } };
    case 'DELETE /animations/:id/shares':
      return { path: `${withId(await animation('completed'))}?user=${encodeURIComponent(users.extra.email)}` };
    case 'PATCH /animations/:id':
      return { path: withId(await animation('completed')), body: { org_visible: true } };
    case 'PUT /animations/:id/title':
      return { path: withId(await animation('completed')), body: { title: 'Week 3: sorting' } };
    case 'PUT /branding':
      return { path, body: { name: 'Acme University' } };
    case 'POST /lti/platforms':
      return { path, body: ltiPlatform() };
    case 'GET /lti/platforms/:id':
    case 'PUT /lti/platforms/:id':
    case 'DELETE /lti/platforms/:id': {
      // A registration per cell: the one an allowed caller removes is gone for the next.
      const body = ltiPlatform();
      const rows = await q<{ id: string }>('INSERT INTO lti_platforms (issuer, client_id, deployment_ids, auth_url, jwks_url) VALUES ($1, $2, $3::text[], $4, $5) RETURNING id', [
        body.issuer,
        body.client_id,
        body.deployment_ids,
        body.auth_url,
        body.jwks_url,
      ]);
      return { path: withId(rows[0]!.id), ...(route.startsWith('PUT') ? { body: { ...body, name: 'Renamed' } } : {}) };
    }
    case 'POST /webhooks/deliveries/:id/redeliver': {
      const rows = await q<{ id: string }>(`INSERT INTO webhook_deliveries (owner_id, event, url, payload, dedupe_key, status) VALUES ($1, 'animation.completed', 'https://hooks.example.com/x', '{}', $2, 'failed') RETURNING id`, [
        users.owner.id,
        randomUUID(),
      ]);
      return { path: withId(rows[0]!.id) };
    }
    case 'GET /webhooks/deliveries/:id': {
      const rows = await q<{ id: string }>(`INSERT INTO webhook_deliveries (owner_id, event, url, payload, dedupe_key) VALUES ($1, 'animation.completed', 'https://hooks.example.com/x', '{}', $2) RETURNING id`, [
        users.owner.id,
        randomUUID(),
      ]);
      return { path: withId(rows[0]!.id) };
    }
    default:
      return { path: path.includes(':id') ? withId(await animation('completed')) : path };
  }
}

async function request(route: string, who: Who, outside = false): Promise<Reply> {
  const [method, path] = route.split(' ') as [string, string];
  const c = outside ? { path } : await cell(route, who);
  const headers: Record<string, string> = {};
  if (who !== 'anon') {
    const session = c.fresh ? await signIn(who, false) : (sessions.get(who) ?? (await signIn(who)));
    headers.cookie = session.cookie;
    headers['x-csrf-token'] = session.csrf;
    // Signing out or changing the password may end the caller's other sessions too.
    if (c.fresh) sessions.delete(who);
  }
  if (c.text !== undefined) headers['content-type'] = 'text/plain';
  const body = c.text !== undefined ? { raw: c.text } : c.body !== undefined ? { body: c.body } : {};
  return call(server.url, method, `${outside ? '' : '/api/v1'}${c.path}`, { headers, ...body });
}

test.before(async () => {
  pg = await startTestPostgres();
  // Sign-in budgets a person never reaches: the matrix signs in many times from one address.
  // An Enterprise test license, so no entitlement stands between a caller and the route under test.
  license = await issueLicense({ tier: 'enterprise' });
  server = await startTestServer({ databaseUrl: pg.url, overrides: { server: { role: 'api' }, ...ACCEPT_TEST_LICENSES }, env: { DEVFORGE_RATE_LIMIT_SIGN_IN_PER_MINUTE: '100000', DEVFORGE_RATE_LIMIT_LOCKOUT_FAILURES: '100000' } });
  files = await mkdtemp(join(tmpdir(), 'devforge-matrix-'));
  await writeFile(join(files, 'video.mp4'), 'mp4!');
  await writeFile(join(files, 'poster.png'), 'png!');
  await writeFile(join(files, 'captions.vtt'), 'WEBVTT\n');
  const admin = await q<{ id: string; email: string }>('SELECT id, email FROM users WHERE email = $1', [ADMIN_EMAIL]);
  users.admin = admin[0]!;
  const installed = await putLicense(server.url, await server.key('admin'), license);
  if (installed.status !== 200) throw new Error(`license: ${installed.status} ${installed.text}`);
  await q('UPDATE users SET password_hash = $2 WHERE id = $1', [users.admin.id, await hashPassword(PASSWORD)]);
  const roles: Record<Exclude<Person, 'admin'> | 'extra', 'editor' | 'viewer'> = { owner: 'editor', stranger: 'editor', viewer: 'viewer', read: 'editor', write: 'editor', viewerWrite: 'viewer', group: 'editor', extra: 'editor' };
  for (const [who, role] of Object.entries(roles)) {
    const user = await insertUser(server.platform.db, { email: `${who.toLowerCase()}@example.com`, role, password: PASSWORD });
    users[who as Person] = { id: user.id, email: user.email };
  }
  // What a single sign-on stores for a member of the group (the OIDC test below signs in for real).
  await q('UPDATE users SET idp_groups = $2 WHERE id = $1', [users.group.id, [GROUP]]);
  const owner = await signIn('owner');
  const headers = { cookie: owner.cookie, 'x-csrf-token': owner.csrf };
  const generated = await call(server.url, 'POST', '/api/v1/animations/generate', { headers, body: GENERATE });
  if (generated.status !== 202) throw new Error(`generate: ${generated.status} ${generated.text}`);
  template = generated.json.id as string;
  const batch = await call(server.url, 'POST', '/api/v1/animations/batch', { headers, body: { animations: [GENERATE] } });
  if (batch.status !== 202) throw new Error(`batch: ${batch.status} ${batch.text}`);
  batchId = batch.json.batch_id as string;
});

test.after.always(async () => {
  await server?.stop();
  await pg?.destroy();
  if (files) await rm(files, { recursive: true, force: true });
});

test.serial('every mounted route has a row in the matrix, and no row names a route that is gone', (t) => {
  const mounted = apiRoutes(server.platform.services).map((r) => `${r.method.toUpperCase()} ${r.path}`);
  t.deepEqual(
    mounted.filter((r) => !(r in MATRIX)),
    [],
    'routes without a matrix row: add one to MATRIX',
  );
  t.deepEqual(
    Object.keys(MATRIX).filter((r) => !mounted.includes(r)),
    [],
    'matrix rows for routes that are not mounted',
  );
});

test.serial('every route × every caller → the expected status', async (t) => {
  const actual: Record<string, Row> = {};
  const surprises: string[] = [];
  for (const route of Object.keys(MATRIX)) {
    const statuses = {} as Row;
    for (const who of WHO) {
      const r = await request(route, who);
      statuses[who] = r.status;
      if (r.status !== MATRIX[route]![who]) surprises.push(`${route} as ${who}: ${r.status} ${r.text.slice(0, 300)}`);
    }
    actual[route] = statuses;
  }
  t.deepEqual(actual, MATRIX, surprises.join('\n'));
});

test.serial('outside /api/v1: metrics for those signed in, health and the API description for anyone', async (t) => {
  const actual: Record<string, Row> = {};
  for (const route of Object.keys(OUTSIDE_API)) {
    const statuses = {} as Row;
    for (const who of WHO) statuses[who] = (await request(route, who, true)).status;
    actual[route] = statuses;
  }
  t.deepEqual(actual, OUTSIDE_API);
});

test.serial('the list shows exactly what the caller may read: own, shared with them or their group, open to everyone', async (t) => {
  const tag = `list-check ${randomUUID().slice(0, 8)}`;
  const shared = await animation('completed', `${tag} shared`);
  const open = await animation('completed', `${tag} open`);
  await q(`DELETE FROM animation_grants WHERE animation_id = $1`, [open]);
  await q(`UPDATE animations SET org_visible = true WHERE id = $1`, [open]);
  const hidden = await animation('completed', `${tag} hidden`);
  await q(`DELETE FROM animation_grants WHERE animation_id = $1`, [hidden]);
  const mine = { shared, open, hidden };
  for (const who of WHO.filter((w): w is Person => w !== 'anon')) {
    const session = sessions.get(who) ?? (await signIn(who));
    const headers = { cookie: session.cookie };
    const listed = async (owner: string) => {
      const r = await call(server.url, 'GET', `/api/v1/animations?owner=${owner}&limit=100&q=${encodeURIComponent(tag)}`, { headers });
      t.is(r.status, 200, r.text);
      return (r.json.animations as { id: string }[]).map((a) => a.id).sort();
    };
    const readable: string[] = [];
    for (const id of Object.values(mine)) if ((await call(server.url, 'GET', `/api/v1/animations/${id}`, { headers })).status === 200) readable.push(id);
    readable.sort();
    const defaultList = await listed('me-or-shared');
    if (who === 'admin') {
      // Admins read everything, but their default list is theirs and what is shared with them; owner=all is everyone's.
      t.deepEqual(await listed('all'), readable, who);
      t.deepEqual(defaultList, [open], who);
    } else {
      t.deepEqual(defaultList, readable, `${who}: the list and GET /animations/:id agree`);
    }
    t.deepEqual(await listed('me'), who === 'owner' ? readable : [], `${who}: owner=me is only one's own`);
    t.deepEqual(await listed('shared'), who === 'owner' ? [] : defaultList, `${who}: owner=shared is everything but one's own`);
  }
});

test.serial('the organisation-wide switch: anyone signed in can view, nobody new can change; every change is audited', async (t) => {
  const id = await animation('completed');
  await q(`DELETE FROM animation_grants WHERE animation_id = $1`, [id]);
  const as = async (who: Person) => {
    const s = sessions.get(who) ?? (await signIn(who));
    return { cookie: s.cookie, 'x-csrf-token': s.csrf };
  };
  t.is((await call(server.url, 'GET', `/api/v1/animations/${id}`, { headers: await as('viewer') })).status, 404);
  const opened = await call(server.url, 'PATCH', `/api/v1/animations/${id}`, { headers: await as('owner'), body: { org_visible: true } });
  t.is(opened.status, 200, opened.text);
  t.true(opened.json.org_visible);
  t.is((await call(server.url, 'GET', `/api/v1/animations/${id}`, { headers: await as('viewer') })).status, 200);
  t.is((await call(server.url, 'GET', `/api/v1/animations/${id}/video`, { headers: await as('stranger') })).status, 200);
  const rerender = await call(server.url, 'POST', `/api/v1/animations/${id}/rerender`, { headers: await as('stranger') });
  t.is(rerender.status, 403);
  t.regex(rerender.json.detail as string, /shared with you read-only/);
  const share = await call(server.url, 'PUT', `/api/v1/animations/${id}/shares`, { headers: await as('stranger'), body: { user: users.extra.email, access: 'read' } });
  t.is(share.status, 403);
  t.regex(share.json.detail as string, /only the owner .* or an administrator/);

  // The owner shares with a user and a group, then takes one back.
  const owner = await as('owner');
  const put = await call(server.url, 'PUT', `/api/v1/animations/${id}/shares`, { headers: owner, body: { user: users.stranger.email, access: 'write' } });
  t.is(put.status, 200, put.text);
  const group = await call(server.url, 'PUT', `/api/v1/animations/${id}/shares`, { headers: owner, body: { group: `/${GROUP}`, access: 'read' } });
  t.is(group.status, 200, group.text);
  t.like(group.json, { animation_id: id, org_visible: true });
  t.deepEqual(
    (group.json.shares as { kind: string; access: string; user?: { email: string }; group?: string }[]).map((s) => [s.kind, s.user?.email ?? s.group, s.access]),
    [
      ['user', users.stranger.email, 'write'],
      ['group', GROUP, 'read'],
    ],
    'a Keycloak group path (/name) is stored as the name',
  );
  t.is((await call(server.url, 'POST', `/api/v1/animations/${id}/rerender`, { headers: await as('stranger') })).status, 202);
  t.is((await call(server.url, 'DELETE', `/api/v1/animations/${id}/shares?group=${GROUP}`, { headers: owner })).status, 204);
  const again = await call(server.url, 'DELETE', `/api/v1/animations/${id}/shares?group=${GROUP}`, { headers: owner });
  t.is(again.status, 404);
  t.regex(again.json.detail as string, /not shared with the group devforge-sharers/);
  const closed = await call(server.url, 'PATCH', `/api/v1/animations/${id}`, { headers: owner, body: { org_visible: false } });
  t.false(closed.json.org_visible);
  t.is((await call(server.url, 'GET', `/api/v1/animations/${id}`, { headers: await as('viewer') })).status, 404);

  const admin = await as('admin');
  const audit = await call(server.url, 'GET', `/api/v1/audit?limit=500`, { headers: admin });
  t.is(audit.status, 200, audit.text);
  const mine = (audit.json.entries as { action: string; target: { id: string } | null; details: Record<string, unknown> }[]).filter((e) => e.target?.id === id && e.action !== 'animation.download' && e.action !== 'animation.rerender');
  t.deepEqual(mine.map((e) => [e.action, e.details.org_visible ?? e.details.grantee_group ?? e.details.grantee_user_id]).reverse(), [
    ['animation.visibility', true],
    ['animation.share', users.stranger.id],
    ['animation.share', GROUP],
    ['animation.unshare', GROUP],
    ['animation.visibility', false],
  ]);
});

test.serial('bad share requests are told what to fix', async (t) => {
  const id = await animation('completed');
  const s = sessions.get('owner') ?? (await signIn('owner'));
  const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf };
  const unknown = await call(server.url, 'PUT', `/api/v1/animations/${id}/shares`, { headers, body: { user: 'nobody@example.com', access: 'read' } });
  t.is(unknown.status, 422);
  t.regex(unknown.text, /body\.user/);
  t.regex(unknown.text, /no DevForge account has the e-mail address nobody@example.com/);
  const both = await call(server.url, 'PUT', `/api/v1/animations/${id}/shares`, { headers, body: { user: users.extra.email, group: GROUP, access: 'read' } });
  t.is(both.status, 422);
  t.regex(both.text, /exactly one of user or group/);
  const neither = await call(server.url, 'PUT', `/api/v1/animations/${id}/shares`, { headers, body: { access: 'read' } });
  t.is(neither.status, 422);
  const badAccess = await call(server.url, 'PUT', `/api/v1/animations/${id}/shares`, { headers, body: { user: users.extra.email, access: 'admin' } });
  t.is(badAccess.status, 422);
  t.regex(badAccess.text, /access/);
  const self = await call(server.url, 'PUT', `/api/v1/animations/${id}/shares`, { headers, body: { user: users.owner.email, access: 'read' } });
  t.is(self.status, 422);
  t.regex(self.text, /owns this animation/);
  const unshareNobody = await call(server.url, 'DELETE', `/api/v1/animations/${id}/shares`, { headers });
  t.is(unshareNobody.status, 422);
});

test.serial('a group grant follows the groups of the last single sign-on', async (t) => {
  const id = await animation('completed');
  const identity = { issuer: 'https://idp.example.com/realms/devforge', subject: randomUUID(), email: 'sso-member@example.com', name: 'Member', emailVerified: true, role: 'editor' as const, idToken: 'unused' };
  const member = await signInWithIdentity(server.platform.db, { ...identity, groups: [GROUP, 'other'] }, 1);
  t.is((await call(server.url, 'GET', `/api/v1/animations/${id}`, { headers: { cookie: `devforge_session=${member.token}` } })).status, 200);
  const left = await signInWithIdentity(server.platform.db, { ...identity, groups: ['other'] }, 1);
  t.is((await call(server.url, 'GET', `/api/v1/animations/${id}`, { headers: { cookie: `devforge_session=${left.token}` } })).status, 404, 'out of the group at the next sign-in: out of the share');
  t.is((await call(server.url, 'GET', `/api/v1/animations/${id}`, { headers: { cookie: `devforge_session=${member.token}` } })).status, 404, "the groups are the user's, so older sessions follow too");
});
