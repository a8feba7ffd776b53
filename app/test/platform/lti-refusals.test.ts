// LTI launches DevForge must refuse, each with a page that says why (403, no one signed in): a forged
// signature, a replayed launch, a wrong audience, an unknown deployment, an unknown issuer (at login
// initiation and at launch), an expired token, a bad state, a nonce that is not the login's, a wrong LTI
// version or message type, no e-mail address; and bad login initiations (missing fields, a target on
// another host); in the picker, a learner, another teacher, no session and no CSRF token. The platform is
// the one the tests play (helpers/lti-platform.ts); the requests are sent as the browser would send them,
// without one: login initiation, then the form post of the ID token.
import test from 'ava';
import { generateKeyPair } from 'jose';
import { call, type Reply } from './helpers/http.ts';
import { CLIENT_ID, DEPLOYMENT_ID, launchClaims, LTI, ROLE, startTestPlatform, type TestPlatform } from './helpers/lti-platform.ts';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

let pg: TestPostgres;
let server: TestServer;
let lms: TestPlatform;

test.before(async () => {
  pg = await startTestPostgres();
  lms = await startTestPlatform();
  server = await startTestServer({ databaseUrl: pg.url, overrides: { server: { role: 'api' }, lti: { allowHttp: true } }, env: { DEVFORGE_RATE_LIMIT_SIGN_IN_PER_MINUTE: '100000' } });
  const registered = await call(server.url, 'POST', '/api/v1/lti/platforms', {
    key: await server.key('admin'),
    body: { issuer: lms.issuer, client_id: CLIENT_ID, deployment_ids: [DEPLOYMENT_ID], auth_url: lms.authUrl, jwks_url: lms.jwksUrl },
  });
  if (registered.status !== 201) throw new Error(`registering the platform: ${registered.status} ${registered.text}`);
});

test.after.always(async () => {
  await server?.stop();
  await lms?.close();
  await pg?.destroy();
});

/** A login initiation as the platform sends it; the tool's redirect to the platform's auth URL, parsed. */
async function initiate(extra: Record<string, string> = {}): Promise<{ state: string; nonce: string }> {
  const q = new URLSearchParams({ iss: lms.issuer, login_hint: 'someone', target_link_uri: `${server.url}/lti/launch`, client_id: CLIENT_ID, ...extra });
  const r = await call(server.url, 'GET', `/lti/login?${q}`);
  if (r.status !== 302) throw new Error(`login initiation: ${r.status} ${r.text}`);
  const to = new URL(r.headers.get('location')!);
  return { state: to.searchParams.get('state')!, nonce: to.searchParams.get('nonce')! };
}

function postLaunch(form: Record<string, string>): Promise<Reply> {
  return call(server.url, 'POST', '/lti/launch', { raw: new URLSearchParams(form).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
}

const teacher = () => launchClaims('resource', { sub: 'teacher-r', email: 'teacher-r@school.example', roles: [ROLE.instructor] }, server.url);

/** A whole launch with these claims (and signing options); the tool's answer. */
async function launchWith(claims: Record<string, unknown>, opts: Parameters<TestPlatform['sign']>[1] = {}): Promise<Reply> {
  const { state, nonce } = await initiate();
  return postLaunch({ id_token: await lms.sign({ ...claims, nonce }, opts), state });
}

/** A refusal: 403, a page saying why, no session cookie. */
function refused(t: { is: (a: unknown, b: unknown, m?: string) => void; regex: (s: string, r: RegExp, m?: string) => void; falsy: (v: unknown, m?: string) => void }, r: Reply, why: RegExp): void {
  t.is(r.status, 403, r.text);
  t.regex(r.headers.get('content-type') ?? '', /text\/html/);
  t.regex(r.text, /The LTI launch was refused/);
  t.regex(r.text.replace(/&#39;|’/g, "'"), why);
  t.falsy(r.headers.get('set-cookie')?.includes('devforge_session='), 'nobody is signed in');
}

test('a proper launch is accepted (the refusals below differ from it in one thing)', async (t) => {
  const r = await launchWith(teacher());
  t.is(r.status, 303, r.text);
  t.is(r.headers.get('location'), '/library');
  t.regex(r.headers.get('set-cookie') ?? '', /devforge_session=/);
});

test('first launches of one person at once all sign in, to one account (two tabs; the LMS opening the tool twice)', async (t) => {
  const person = launchClaims('resource', { sub: 'twice-r', email: 'twice-r@school.example', roles: [ROLE.instructor] }, server.url);
  // Both initiations first, then the launches together, so that they race in the account lookup.
  const logins = await Promise.all([1, 2, 3, 4].map(() => initiate()));
  const tokens = await Promise.all(logins.map((l) => lms.sign({ ...person, nonce: l.nonce })));
  const launched = await Promise.all(logins.map((l, i) => postLaunch({ id_token: tokens[i]!, state: l.state })));
  for (const r of launched) t.is(r.status, 303, r.text);
  const users = await call(server.url, 'GET', '/api/v1/users', { key: await server.key('admin') });
  t.is((users.json.users as { email: string }[]).filter((u) => u.email === 'twice-r@school.example').length, 1);
});

test('a forged signature is refused', async (t) => {
  const { privateKey } = await generateKeyPair('RS256');
  refused(t, await launchWith(teacher(), { key: privateKey }), /signature does not verify against the platform's key set/);
});

test('a replayed launch is refused', async (t) => {
  const { state, nonce } = await initiate();
  const form = { id_token: await lms.sign({ ...teacher(), nonce }), state };
  t.is((await postLaunch(form)).status, 303);
  refused(t, await postLaunch(form), /was used before \(its nonce has been seen\): a replayed launch is refused/);
  // The same token with a fresh state is still a replay.
  const fresh = await initiate();
  refused(t, await postLaunch({ id_token: form.id_token, state: fresh.state }), /a replayed launch is refused/);
});

test('a wrong audience is refused', async (t) => {
  refused(t, await launchWith({ ...teacher(), aud: 'another-tool' }), /audience \(another-tool\) is not the client id registered/);
});

test('several audiences need azp to name this tool', async (t) => {
  refused(t, await launchWith({ ...teacher(), aud: [CLIENT_ID, 'another-tool'] }), /azp must be this tool's client id devforge-tool; it is none/);
  const ok = await launchWith({ ...teacher(), aud: [CLIENT_ID, 'another-tool'], azp: CLIENT_ID });
  t.is(ok.status, 303, ok.text);
});

test('an unknown deployment is refused, at login initiation and at launch', async (t) => {
  const q = new URLSearchParams({ iss: lms.issuer, login_hint: 'x', target_link_uri: `${server.url}/lti/launch`, client_id: CLIENT_ID, lti_deployment_id: 'deployment-9' });
  refused(t, await call(server.url, 'GET', `/lti/login?${q}`), /the deployment deployment-9 of .* is not registered in DevForge/);
  refused(t, await launchWith({ ...teacher(), [LTI.deploymentId]: 'deployment-9' }), /the deployment deployment-9 of .* is not registered in DevForge/);
});

test('an unknown issuer is refused, at login initiation and at launch', async (t) => {
  const q = new URLSearchParams({ iss: 'https://lms.unknown.example', login_hint: 'x', target_link_uri: `${server.url}/lti/launch` });
  refused(t, await call(server.url, 'GET', `/lti/login?${q}`), /the platform https:\/\/lms\.unknown\.example is not registered in DevForge/);
  refused(t, await launchWith({ ...teacher(), iss: 'https://lms.unknown.example' }), /issuer https:\/\/lms\.unknown\.example is not a registered LTI platform/);
});

test('an expired token is refused', async (t) => {
  const now = Math.floor(Date.now() / 1000);
  refused(t, await launchWith({ ...teacher(), iat: now - 900, exp: now - 300 }), /the ID token has expired/);
});

test('a bad or missing state is refused', async (t) => {
  const { nonce } = await initiate();
  refused(t, await postLaunch({ id_token: await lms.sign({ ...teacher(), nonce }), state: 'not-a-state-this-tool-made' }), /the launch's state is unknown, expired or already used/);
  refused(t, await postLaunch({ id_token: await lms.sign({ ...teacher(), nonce: 'n' }) }), /the launch has no state/);
  refused(t, await postLaunch({ state: 'x' }), /the launch has no id_token/);
  refused(t, await postLaunch({ id_token: 'garbage', state: 'x' }), /id_token is not a JWT/);
});

test('a nonce that is not the login’s is refused', async (t) => {
  const { state } = await initiate();
  refused(t, await postLaunch({ id_token: await lms.sign({ ...teacher(), nonce: 'some-other-nonce' }), state }), /nonce is not the one this launch sent/);
});

test('a wrong LTI version, an unknown message type and a missing e-mail address are refused', async (t) => {
  refused(t, await launchWith({ ...teacher(), [LTI.version]: '1.1' }), /LTI version 1\.1; DevForge speaks LTI 1\.3\.0/);
  refused(t, await launchWith({ ...teacher(), [LTI.messageType]: 'LtiSubmissionReviewRequest' }), /message type LtiSubmissionReviewRequest is not one DevForge handles/);
  const { email: _, ...noEmail } = teacher();
  refused(t, await launchWith(noEmail), /did not send the person's e-mail address/);
});

test('login initiations with missing fields or a target elsewhere are refused in words', async (t) => {
  const noHint = await call(server.url, 'GET', `/lti/login?${new URLSearchParams({ iss: lms.issuer, target_link_uri: `${server.url}/lti/launch` })}`);
  t.is(noHint.status, 400);
  t.regex(noHint.text, /login_hint is missing/);
  const elsewhere = await call(server.url, 'GET', `/lti/login?${new URLSearchParams({ iss: lms.issuer, login_hint: 'x', target_link_uri: 'https://evil.example/lti/launch' })}`);
  t.is(elsewhere.status, 400);
  t.regex(elsewhere.text, /target_link_uri https:\/\/evil\.example\/lti\/launch is not on this DevForge/);
  const wrongType = await call(server.url, 'POST', '/lti/launch', { body: { id_token: 'x' } });
  t.is(wrongType.status, 415);
});

test.serial('every refused launch is in the audit log as a failed sign-in', async (t) => {
  const before: { n: number }[] = await server.platform.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.sign-in-failed' AND details->>'method' = 'lti'`);
  await launchWith({ ...teacher(), aud: 'another-tool' });
  const after: { n: number }[] = await server.platform.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.sign-in-failed' AND details->>'method' = 'lti'`);
  t.is(after[0]!.n, before[0]!.n + 1);
});

test('deep linking: a learner is told it needs a teacher; a choice without the picker’s CSRF token, or for another teacher’s request, is refused', async (t) => {
  const deepLink = (sub: string, roles: string[]) =>
    launchClaims('deep-link', { sub, email: `${sub}@school.example`, roles }, server.url, { [LTI.deepLinkingSettings]: { deep_link_return_url: lms.returnUrl, accept_types: ['ltiResourceLink'] } });
  const cookieOf = (r: Reply) => /devforge_session=([^;]+)/.exec(r.headers.get('set-cookie') ?? '')?.[1] ?? '';

  const learner = await launchWith(deepLink('learner-dl', [ROLE.learner]));
  t.is(learner.status, 303);
  const picker = await call(server.url, 'GET', learner.headers.get('location')!, { headers: { cookie: `devforge_session=${cookieOf(learner)}` } });
  t.is(picker.status, 403);
  t.regex(picker.text, /this needs the editor role; this request acts as viewer/);

  const teacherLaunch = await launchWith(deepLink('teacher-dl', [ROLE.instructor]));
  const path = teacherLaunch.headers.get('location')!;
  t.regex(path, /^\/lti\/deep-link\//);
  const cookie = `devforge_session=${cookieOf(teacherLaunch)}`;
  const form = { 'content-type': 'application/x-www-form-urlencoded', cookie };
  const noCsrf = await call(server.url, 'POST', `${path}/choose`, { raw: 'animation_id=00000000-0000-0000-0000-000000000000', headers: form });
  t.is(noCsrf.status, 403);
  t.regex(noCsrf.text, /did not come from the picker page/);
  const other = await launchWith(deepLink('teacher-dl2', [ROLE.instructor]));
  const stranger = await call(server.url, 'GET', path, { headers: { cookie: `devforge_session=${cookieOf(other)}` } });
  t.is(stranger.status, 404, 'another teacher cannot answer this request');
  t.regex(stranger.text, /this deep-linking request is unknown, already answered or older than 60 minutes/);
  const anonymous = await call(server.url, 'GET', path);
  t.is(anonymous.status, 401);
  t.regex(anonymous.text, /set the tool to open in a new window/);
});
