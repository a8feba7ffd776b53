// Behind a reverse proxy: with server.trustProxy the X-Forwarded-* headers a proxy sets decide the
// session cookie's Secure flag, the links in answers and the address sign-in attempts are counted against; with
// it off (the default) they are ignored, since any client can send them. Real servers, real Postgres;
// the test plays the proxy by sending the headers a proxy would add.
import test from 'ava';
import { call } from './helpers/http.ts';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestServer, type TestServer } from './helpers/server.ts';

let pg: TestPostgres;
let trusting: TestServer;
let ignoring: TestServer;

test.before(async () => {
  pg = await startTestPostgres();
  // The api role: no worker, so no Chromium; the two servers share the database, and so the rate limits.
  trusting = await startTestServer({ databaseUrl: pg.url, overrides: { server: { role: 'api', trustProxy: true, trustProxyHops: 1, allowedHosts: 'devforge.example.com' } } });
  ignoring = await startTestServer({ databaseUrl: pg.url, overrides: { server: { role: 'api' } } });
});

test.after.always(async () => {
  await trusting?.stop();
  await ignoring?.stop();
  await pg?.destroy();
});

function signIn(server: TestServer, headers: Record<string, string>, password = ADMIN_PASSWORD, email = ADMIN_EMAIL) {
  return call(server.url, 'POST', '/api/v1/auth/login', { body: { email, password }, headers });
}

function sessionCookie(headers: Headers): string {
  const cookie = headers.getSetCookie().find((c) => c.startsWith('devforge_session='));
  if (!cookie) throw new Error(`no session cookie in ${JSON.stringify(headers.getSetCookie())}`);
  return cookie;
}

test.serial('the session cookie is Secure only when a trusted proxy says the client used https', async (t) => {
  const https = await signIn(trusting, { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.10' });
  t.is(https.status, 200);
  t.regex(sessionCookie(https.headers), /;\s*secure/i);

  const plain = await signIn(trusting, { 'x-forwarded-proto': 'http', 'x-forwarded-for': '203.0.113.10' });
  t.is(plain.status, 200);
  t.notRegex(sessionCookie(plain.headers), /;\s*secure/i);

  const untrusted = await signIn(ignoring, { 'x-forwarded-proto': 'https' });
  t.is(untrusted.status, 200);
  t.notRegex(sessionCookie(untrusted.headers), /;\s*secure/i, 'without trustProxy a client cannot claim https');
});

test.serial('links use the forwarded protocol and host behind a trusted proxy, and the real address otherwise', async (t) => {
  const body = { description: 'Demonstrate bubble sort on 5 3 8 1', quality: '720p', duration: 2 };
  const headers = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'devforge.example.com', 'x-forwarded-for': '203.0.113.11' };
  const behind = await call(trusting.url, 'POST', '/api/v1/animations/generate', { key: await trusting.key('editor'), body, headers });
  t.is(behind.status, 202, behind.text);
  t.is(behind.json.links.self, `https://devforge.example.com/api/v1/animations/${behind.json.id}`);
  t.true(Object.values(behind.json.links as Record<string, string>).every((link) => link.startsWith('https://devforge.example.com/')));

  const direct = await call(ignoring.url, 'POST', '/api/v1/animations/generate', { key: await ignoring.key('editor'), body, headers });
  t.is(direct.status, 202, direct.text);
  t.is(direct.json.links.self, `${ignoring.url}/api/v1/animations/${direct.json.id}`, 'forwarded headers are ignored without trustProxy');
});

/**
 * Fails sign-in until the address is throttled (429); returns how many failures that took. Each try names
 * another account, so it is the address's budget that runs out, not an account's lockout.
 */
async function failUntilThrottled(server: TestServer, headers: Record<string, string>, who: string): Promise<number> {
  for (let i = 1; i <= 20; i++) {
    const r = await signIn(server, headers, 'wrong password', `${who}-${i}@example.com`);
    if (r.status === 429) return i - 1;
    if (r.status !== 401) throw new Error(`sign-in answered ${r.status}: ${r.text}`);
  }
  throw new Error('never throttled');
}

test.serial('behind a trusted proxy each client has its own throttle, and a spoofed X-Forwarded-For entry does not evade it', async (t) => {
  t.is(await failUntilThrottled(trusting, { 'x-forwarded-for': '198.51.100.1' }, 'trusting'), 10);
  // The proxy appends the address it saw; whatever the client put before it is not believed (hops = 1).
  const spoofed = await signIn(trusting, { 'x-forwarded-for': '192.0.2.99, 198.51.100.1' });
  t.is(spoofed.status, 429, 'a made-up first entry is not a new client');
  t.regex(spoofed.json.detail, /too many requests: this address may make 10 password attempts a minute/);

  const other = await signIn(trusting, { 'x-forwarded-for': '198.51.100.2' });
  t.is(other.status, 200, 'another client behind the same proxy can still sign in');
});

test.serial("without trustProxy every client behind the proxy shares one throttle (the proxy's address)", async (t) => {
  t.is(await failUntilThrottled(ignoring, { 'x-forwarded-for': '198.51.100.1' }, 'ignoring'), 10);
  const other = await signIn(ignoring, { 'x-forwarded-for': '198.51.100.2' });
  t.is(other.status, 429, 'X-Forwarded-For is ignored, so the second client is throttled too');
});
