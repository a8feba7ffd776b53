// Rate limits and sign-in throttling on real servers: two API processes on one Postgres (a server in this
// process and `devforge serve --role api` as a process of its own) share every budget, because the counts
// live in its rate_limits table. Password checks are counted with the devforge_password_checks_total metric, so
// "how many passwords were tried" is read from the server, never guessed from timings.
import test from 'ava';
import { call, type Reply } from './helpers/http.ts';
import { spawnApi, type ApiProcess } from './helpers/api-process.ts';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

let pg: TestPostgres;
let a: TestServer;
let b: ApiProcess;
let admin: string;

const LIST = '/api/v1/animations';
const LOGIN = '/api/v1/auth/login';
const POLICY = /^"api";q=30;w=60$/;

test.before(async () => {
  pg = await startTestPostgres();
  // DEVFORGE_RATE_LIMIT_API_PER_MINUTE as an operator would set it; a trusted proxy in front of a, so a
  // test can speak from many client addresses with X-Forwarded-For.
  // Two API processes, each with its own data directory, share one master key file, as they must (the
  // test helpers give every process on a test database the same one).
  const env = { DEVFORGE_RATE_LIMIT_API_PER_MINUTE: '30', DEVFORGE_RATE_LIMIT_GENERATE_PER_MINUTE: '5' };
  a = await startTestServer({ databaseUrl: pg.url, env, overrides: { server: { role: 'api', trustProxy: true, trustProxyHops: 1 } } });
  b = await spawnApi(pg.url, env);
  admin = await a.key('admin');
});

test.after.always(async () => {
  await a?.stop();
  await b?.stop();
  await pg?.destroy();
});

/** The RateLimit field's remaining quota and window end for one policy. */
function service(reply: Reply, policy: string): { r: number; t: number } {
  const item = (reply.headers.get('ratelimit') ?? '').split(/,\s*/).find((i) => i.startsWith(`"${policy}";`));
  const m = /;r=(\d+);t=(\d+)$/.exec(item ?? '');
  if (!m) throw new Error(`no RateLimit item for ${policy} in ${reply.headers.get('ratelimit')}`);
  return { r: Number(m[1]), t: Number(m[2]) };
}

/** One series of server a's /metrics, e.g. devforge_rate_limited_total{budget="lockout"}. */
async function metric(series: string): Promise<number> {
  const text = (await call(a.url, 'GET', '/metrics', { key: admin })).text;
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  if (!line) throw new Error(`no ${series} in /metrics`);
  return Number(line.slice(series.length + 1));
}

const passwordChecks = () => metric('devforge_password_checks_total');

/** A new editor account; its id. */
async function makeUser(email: string, password: string): Promise<string> {
  const made = await call(a.url, 'POST', '/api/v1/users', { key: admin, body: { email, role: 'editor', password } });
  if (made.status !== 201) throw new Error(`creating ${email}: ${made.status} ${made.text}`);
  return made.json.id as string;
}

function signIn(email: string, password: string, from: string) {
  return call(a.url, 'POST', LOGIN, { body: { email, password }, headers: { 'x-forwarded-for': from } });
}

test.serial('with DEVFORGE_RATE_LIMIT_API_PER_MINUTE=30 the 31st request of a key within a minute is refused, counted across two API processes', async (t) => {
  const key = await a.key('viewer');
  const remaining: number[] = [];
  for (let i = 0; i < 30; i++) {
    const r = await call(i % 2 ? b.url : a.url, 'GET', LIST, { key });
    t.is(r.status, 200, r.text);
    t.regex(r.headers.get('ratelimit-policy') ?? '', POLICY);
    remaining.push(service(r, 'api').r);
  }
  t.deepEqual(
    remaining,
    Array.from({ length: 30 }, (_, i) => 29 - i),
    'each server sees the requests the other counted',
  );

  const refused = await call(b.url, 'GET', LIST, { key });
  t.is(refused.status, 429);
  t.is(refused.headers.get('content-type'), 'application/problem+json');
  t.is(refused.json.type, 'urn:devforge:problem:too-many-requests');
  t.regex(refused.json.detail, /this API key may make 30 requests a minute \(rateLimit\.apiPerMinute\); try again in \d+ s/);
  const wait = Number(refused.headers.get('retry-after'));
  t.true(Number.isInteger(wait) && wait >= 1 && wait <= 60, `Retry-After: ${refused.headers.get('retry-after')}`);
  t.regex(refused.headers.get('ratelimit-policy') ?? '', POLICY);
  t.deepEqual(service(refused, 'api'), { r: 0, t: wait });
  t.is((await call(a.url, 'GET', LIST, { key })).status, 429, 'the other server refuses it too');

  const other = await call(a.url, 'GET', LIST, { key: await a.key('viewer') });
  t.is(other.status, 200, 'another key has its own budget');
});

test.serial("generate counts against the api budget and the lower generate budget (the 6th of 5 is refused), says so in both headers, and the API reference names each route's budget", async (t) => {
  const key = await a.key('editor');
  const body = { description: 'Demonstrate bubble sort on 5 3 8 1', quality: '720p', duration: 2 };
  const r = await call(a.url, 'POST', '/api/v1/animations/generate', { key, body });
  t.is(r.status, 202, r.text);
  t.is(r.headers.get('ratelimit-policy'), '"api";q=30;w=60, "generate";q=5;w=60');
  t.is(service(r, 'api').r, 29);
  t.is(service(r, 'generate').r, 4);
  for (let i = 0; i < 4; i++) t.is((await call(b.url, 'POST', '/api/v1/animations/generate', { key, body })).status, 202);
  const sixth = await call(b.url, 'POST', '/api/v1/animations/generate', { key, body });
  t.is(sixth.status, 429);
  t.regex(sixth.json.detail, /this API key may make 5 animations a minute \(rateLimit\.generatePerMinute\)/);
  t.is(sixth.json.policy, 'generate');
  t.truthy(sixth.headers.get('retry-after'));
  t.is((await call(b.url, 'GET', LIST, { key })).status, 200, 'other calls still go through');

  const { paths } = (await call(a.url, 'GET', '/api/v1/openapi.json')).json;
  t.is(paths['/api/v1/animations/generate'].post['x-devforge-rate-limit'], 'generate');
  t.is(paths['/api/v1/auth/login'].post['x-devforge-rate-limit'], 'sign-in');
  t.is(paths['/api/v1/animations'].get['x-devforge-rate-limit'], 'api');
  t.truthy(paths['/api/v1/animations'].get.responses['429'], 'the reference documents the 429');
});

test.serial('requests without valid credentials count against the client address; health, metrics and the page are not counted', async (t) => {
  for (let i = 0; i < 30; i++) t.is((await call(b.url, 'GET', LIST, { key: 'dfk_not-a-real-key' })).status, 401);
  const refused = await call(b.url, 'GET', LIST);
  t.is(refused.status, 429);
  t.regex(refused.json.detail, /this address may make 30 requests a minute/);
  t.is((await call(b.url, 'GET', LIST, { key: admin })).status, 200, 'a valid key has its own budget');

  for (let i = 0; i < 35; i++) {
    for (const [path, key] of [['/healthz'], ['/readyz'], ['/metrics', admin], ['/']] as const) {
      const r = await call(b.url, 'GET', path, key ? { key } : {});
      t.is(r.status, 200, path);
      t.is(r.headers.get('ratelimit'), null, `${path} carries no rate limit`);
    }
  }
});

test.serial('300 parallel wrong passwords for one account, from 300 addresses: the lockout lets 10 be checked, refuses the right one too, until an administrator sets a new one', async (t) => {
  const email = 'target@example.com';
  const password = 'purple elephants juggle quietly';
  const id = await makeUser(email, password);
  const before = await passwordChecks();
  const replies = await Promise.all(Array.from({ length: 300 }, (_, i) => signIn(email, `wrong guess ${i}`, `10.1.${i >> 8}.${i & 255}`)));
  const checked = (await passwordChecks()) - before;
  t.is(checked, 10, 'rateLimit.lockoutFailures passwords were checked, no more');
  t.is(replies.filter((r) => r.status === 401).length, 10);
  const locked = replies.filter((r) => r.status === 429);
  t.is(locked.length, 290);
  t.regex(locked[0]!.json.detail, /this account is locked for \d+ s after 10 wrong passwords within 15 minutes/);
  t.truthy(locked[0]!.headers.get('retry-after'));

  const right = await signIn(email, password, '10.9.9.9');
  t.is(right.status, 429, 'a locked account stays locked for the right password too');
  const wait = Number(right.headers.get('retry-after'));
  t.true(wait > 60 && wait <= 15 * 60, `Retry-After ${wait} s: the rest of the 15-minute window`);
  t.is((await passwordChecks()) - before, 10, 'and its password was not even checked');
  t.is(await metric('devforge_rate_limited_total{budget="lockout"}'), 291, 'every refusal is counted');

  const reset = await call(b.url, 'PATCH', `/api/v1/users/${id}`, { key: admin, body: { password: 'a fresh start by the sea' } });
  t.is(reset.status, 200, reset.text);
  t.is((await signIn(email, 'a fresh start by the sea', '10.9.9.10')).status, 200, "an administrator's reset lifts the lockout");
});

test.serial('300 parallel sign-ins from one address: at most rateLimit.signInPerMinute passwords are checked', async (t) => {
  const before = await passwordChecks();
  const replies = await Promise.all(Array.from({ length: 300 }, (_, i) => signIn(`spray-${i}@example.com`, 'Summer2026!', '203.0.113.77')));
  t.is((await passwordChecks()) - before, 10);
  t.is(replies.filter((r) => r.status === 401).length, 10);
  const refused = replies.filter((r) => r.status === 429);
  t.is(refused.length, 290);
  t.regex(refused[0]!.json.detail, /this address may make 10 password attempts a minute \(rateLimit\.signInPerMinute\)/);
  t.regex(refused[0]!.headers.get('ratelimit-policy') ?? '', /^"sign-in";q=10;w=60$/);
  t.is(service(refused[0]!, 'sign-in').r, 0);
  t.is(await metric('devforge_rate_limited_total{budget="sign-in"}'), 290);
  t.is((await signIn('spray-x@example.com', 'whatever', '203.0.113.78')).status, 401, 'the next address is not affected');
});

test.serial("a right password resets the account's count, and does not use up the address's attempts", async (t) => {
  const email = 'forgetful@example.com';
  const password = 'seven tired otters on a raft';
  await makeUser(email, password);
  const from = '198.51.100.40';
  for (let i = 0; i < 5; i++) t.is((await signIn(email, 'not it', `198.51.100.${50 + i}`)).status, 401);
  for (let i = 0; i < 12; i++) t.is((await signIn(email, password, from)).status, 200, `sign-in ${i + 1} from one address: successes are given back`);
  for (let i = 0; i < 9; i++) t.is((await signIn(email, 'still not it', `198.51.100.${60 + i}`)).status, 401, 'the five earlier failures were forgotten');
});

test.serial('POST /me/password is throttled the same way: wrong current passwords lock the account', async (t) => {
  const email = 'changer@example.com';
  const password = 'lanterns over the harbour';
  await makeUser(email, password);
  const login = await signIn(email, password, '192.0.2.10');
  t.is(login.status, 200);
  const cookie = login.headers
    .getSetCookie()
    .find((c) => c.startsWith('devforge_session='))!
    .split(';')[0]!;
  const headers = { cookie, 'x-csrf-token': login.json.csrf_token as string };
  const change = (current: string, from: string, next = 'a brand new harbour light') =>
    call(a.url, 'POST', '/api/v1/me/password', { headers: { ...headers, 'x-forwarded-for': from }, body: { current_password: current, new_password: next } });

  const weak = await change(password, '192.0.2.11', '1234567890');
  t.is(weak.status, 422, 'a weak new password is refused before the current one is checked');
  t.regex(weak.json.errors[0].message, /the password must have at least 12 characters/);

  for (let i = 0; i < 10; i++) t.is((await change('wrong current', `192.0.2.${20 + i}`)).status, 401);
  const locked = await change(password, '192.0.2.40');
  t.is(locked.status, 429);
  t.regex(locked.json.detail, /this account is locked/);
  t.truthy(locked.headers.get('retry-after'));

  for (let i = 0; i < 10; i++) await change('wrong current', '192.0.2.50');
  const fromOne = await change('wrong current', '192.0.2.50');
  t.is(fromOne.status, 429);
  t.regex(fromOne.json.detail, /this address may make 10 password attempts a minute/);
});

test.serial('the password policy is applied when an account is made: ten spaces and 1234567890 are refused with the reason', async (t) => {
  const cases: [string, RegExp][] = [
    [' '.repeat(10), /at least 12 characters/],
    ['1234567890', /at least 12 characters/],
    [' '.repeat(12), /only spaces/],
    ['123456789012', /run of keys or letters/],
    ['zzzzzzzzzzzz', /one character repeated/],
    ['Password2026!', /most common passwords/],
    ['mallory-the-great', /e-mail name \(mallory\)/],
  ];
  for (const [password, reason] of cases) {
    const r = await call(a.url, 'POST', '/api/v1/users', { key: admin, body: { email: 'mallory@example.com', role: 'viewer', password } });
    t.is(r.status, 422, JSON.stringify(password));
    t.is(r.json.errors[0].field, 'body.password');
    t.regex(r.json.errors[0].message, reason, JSON.stringify(password));
  }
  t.is((await call(a.url, 'POST', '/api/v1/users', { key: admin, body: { email: 'mallory@example.com', role: 'viewer', password: 'quiet rivers carve deep' } })).status, 201);
});
