// api_calls_per_month against real API servers on one real Postgres, with licenses issued by the vendor's real
// tool: calls with API keys count and the one past the limit is refused with license-limit (entitlement, limit,
// current use, what lifts it); the web app's session calls and sandbox keys' calls never count nor are refused;
// GET /api/v1/license stays answerable and shows the use against the limit; two API processes on one database
// share one count. The meters' flush and the quota's refresh run on a timer; the tests call them by hand
// (flush, then refresh: what each timer tick does), so nothing waits on a clock.
import test from 'ava';
import { call, type Reply } from '../platform/helpers/http.ts';
import { issueLicense, putLicense } from '../platform/helpers/license.ts';
import { startTestPostgres, type TestPostgres } from '../platform/helpers/postgres.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestServer, type TestServer } from '../platform/helpers/server.ts';

let pg: TestPostgres;
let server: TestServer;
let admin: string;

test.before(async () => {
  pg = await startTestPostgres();
  // A long flush interval: only the tests' own flushes write, so each count below is exact.
  const env = { DEVFORGE_USAGE_FLUSH_INTERVAL_MS: '60000' };
  server = await startTestServer({ databaseUrl: pg.url, overrides: { server: { role: 'api' }, license: { acceptTestLicenses: true } }, env });
  admin = await server.key('admin');
});

test.after.always(async () => {
  await server?.stop();
  await pg?.destroy();
});

const problem = (r: Reply) => String(r.json?.type ?? '').replace('urn:devforge:problem:', '');

/** What one tick of a server's meter timer does: write the counts, then refresh the quota from the database. */
async function tick(s: TestServer): Promise<void> {
  await s.platform.services.apiCalls!.flush();
  await s.platform.services.apiQuota!.refresh();
}

async function sandboxKey(): Promise<string> {
  const made = await call(server.url, 'POST', '/api/v1/api-keys', { key: admin, body: { name: 'try-out', role: 'editor', sandbox: true } });
  if (made.status !== 201) throw new Error(`sandbox key: ${made.status} ${made.text}`);
  return made.json.key;
}

async function sessionCookie(): Promise<string> {
  const login = await call(server.url, 'POST', '/api/v1/auth/login', { body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
  return login.headers
    .getSetCookie()
    .find((c) => c.startsWith('devforge_session='))!
    .split(';')[0]!;
}

const useOf = (status: Reply) => status.json.usage.find((u: { entitlement: string }) => u.entitlement === 'api_calls_per_month');

test.serial('api_calls_per_month=5: the sixth call with an API key is refused with license-limit; session and sandbox calls are not counted; GET /api/v1/license still answers', async (t) => {
  t.is((await putLicense(server.url, admin, await issueLicense({ tier: 'enterprise', sequence: 1, set: ['api_calls_per_month=5'] }))).status, 200);
  await tick(server);
  const editor = await server.key('editor');
  const sandbox = await sandboxKey();
  const cookie = await sessionCookie();
  await tick(server);
  const before = useOf(await call(server.url, 'GET', '/api/v1/license', { key: editor }));
  t.deepEqual(before, { entitlement: 'api_calls_per_month', limit: 5, used: 1 }, 'the key creation above was one counted call');

  for (let i = 0; i < 4; i++) t.is((await call(server.url, 'GET', '/api/v1/me', { key: editor })).status, 200);
  const refused = await call(server.url, 'GET', '/api/v1/me', { key: editor });
  t.is(refused.status, 403);
  t.is(refused.headers.get('content-type'), 'application/problem+json');
  t.is(problem(refused), 'license-limit');
  t.is(refused.json.entitlement, 'api_calls_per_month');
  t.is(refused.json.limit, 5);
  t.is(refused.json.current_use, 5);
  t.regex(refused.json.lift, /install a license with api_calls_per_month higher/);
  t.regex(refused.json.detail, /allows 5 API calls a month \(calendar month, UTC; .*\) and 5 were made this month: wait for next month, or install/);
  // Another key of the same install shares the install's quota.
  t.is(problem(await call(server.url, 'GET', '/api/v1/animations', { key: admin })), 'license-limit');

  // The web app's own calls and a sandbox key's are neither counted nor refused.
  for (let i = 0; i < 3; i++) t.is((await call(server.url, 'GET', '/api/v1/me', { headers: { cookie } })).status, 200);
  for (let i = 0; i < 3; i++) t.is((await call(server.url, 'GET', '/api/v1/me', { key: sandbox })).status, 200);
  // The license is always readable with a key over its quota (and installable: the way to lift it).
  await tick(server);
  const status = await call(server.url, 'GET', '/api/v1/license', { key: editor });
  t.is(status.status, 200);
  t.deepEqual(useOf(status), { entitlement: 'api_calls_per_month', limit: 5, used: 5 }, 'refused calls and license reads are not counted');
  const usage = await call(server.url, 'GET', '/api/v1/usage', { headers: { cookie } });
  t.is(usage.json.totals.api_calls, 5);
  t.is(usage.json.totals.sandbox_calls, 3);
  t.true(usage.json.totals.session_calls >= 3);

  // A new license with a higher limit lifts it at the next refresh, with no restart.
  t.is((await putLicense(server.url, admin, await issueLicense({ tier: 'enterprise', sequence: 2, set: ['api_calls_per_month=7'] }))).status, 200);
  await tick(server);
  t.is((await call(server.url, 'GET', '/api/v1/me', { key: editor })).status, 200);
});

test.serial('two API processes on one database share one count: each sees the calls the other flushed', async (t) => {
  t.is((await putLicense(server.url, admin, await issueLicense({ tier: 'professional', sequence: 3, set: ['api_calls_per_month=4'] }))).status, 200);
  const other = await startTestServer({ databaseUrl: pg.url, overrides: { server: { role: 'api' }, license: { acceptTestLicenses: true } }, env: { DEVFORGE_USAGE_FLUSH_INTERVAL_MS: '60000' } });
  try {
    const key = await server.key('editor');
    await tick(server);
    await tick(other);
    // This month already holds the first test's calls: the Professional license with 4 is over its limit.
    const used = useOf(await call(other.url, 'GET', '/api/v1/license', { key })).used as number;
    t.true(used >= 4);
    t.is(problem(await call(other.url, 'GET', '/api/v1/me', { key })), 'license-limit');
    t.is(problem(await call(server.url, 'GET', '/api/v1/me', { key })), 'license-limit');

    // Room for 3 more: 2 through one process, then the other may make only 1.
    t.is((await putLicense(server.url, admin, await issueLicense({ tier: 'professional', sequence: 4, set: [`api_calls_per_month=${used + 3}`] }))).status, 200);
    await tick(server);
    await tick(other);
    for (let i = 0; i < 2; i++) t.is((await call(server.url, 'GET', '/api/v1/me', { key })).status, 200);
    await tick(server);
    await tick(other);
    t.is((await call(other.url, 'GET', '/api/v1/me', { key })).status, 200);
    const refused = await call(other.url, 'GET', '/api/v1/me', { key });
    t.is(problem(refused), 'license-limit');
    t.is(refused.json.current_use, used + 3);
    await tick(other);
    await tick(server);
    t.is(problem(await call(server.url, 'GET', '/api/v1/me', { key })), 'license-limit', 'and the first process agrees once it has refreshed');
  } finally {
    await other.stop();
  }
});
