// Service bearer tokens from the identity provider: a client-credentials access token (JWT) from the
// configured issuer reaches the API with the role its scope maps to; a token from another issuer,
// for another audience, or expired gets 401 problem+json saying which. API keys keep working.
import test from 'ava';
import { generateKeyPair, SignJWT } from 'jose';
import { call } from './helpers/http.ts';
import { startTestIdp, type TestIdp } from './helpers/oidc-provider.ts';
import { startTestPostgres, type TestPostgres } from './helpers/postgres.ts';
import { startTestServer, type TestServer } from './helpers/server.ts';

let pg: TestPostgres;
let idp: TestIdp;
let server: TestServer;

test.before(async () => {
  pg = await startTestPostgres();
  idp = await startTestIdp({ accountClaims: {}, redirectUri: 'http://127.0.0.1:1/auth/oidc/callback', postLogoutRedirectUri: 'http://127.0.0.1:1/' });
  server = await startTestServer({
    databaseUrl: pg.url,
    overrides: { auth: { oidc: { issuer: idp.issuer, clientId: 'devforge', clientSecret: 'devforge-secret', audience: 'devforge', allowHttp: true } } },
  });
  await server.platform.services.oidc!.ready();
});

test.after.always(async () => {
  await server?.stop();
  await idp?.stop();
  await pg?.destroy();
});

async function clientToken(clientId: string, scope: string, resource?: string): Promise<string> {
  const body = new URLSearchParams({ grant_type: 'client_credentials', scope, ...(resource ? { resource } : {}) });
  const res = await fetch(`${idp.issuer}/token`, { method: 'POST', body, headers: { authorization: `Basic ${Buffer.from(`${clientId}:bot-secret`).toString('base64')}` } });
  const json = (await res.json()) as { access_token?: string; error_description?: string };
  if (!json.access_token) throw new Error(`no token: ${JSON.stringify(json)}`);
  return json.access_token;
}

test('a client-credentials token reaches the API as a service with the role its scope maps to', async (t) => {
  const token = await clientToken('render-bot', 'devforge-editor');
  const me = await call(server.url, 'GET', '/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
  t.is(me.status, 200, me.text);
  t.is(me.json.role, 'editor');
  t.is(me.json.via, 'oidc');
  t.is(me.json.user.email, 'service:render-bot');
  // The scope grows: the role follows at the next call.
  const admin = await call(server.url, 'GET', '/api/v1/me', { headers: { authorization: `Bearer ${await clientToken('render-bot', 'devforge-admin')}` } });
  t.is(admin.json.role, 'admin');
  t.is(admin.json.user.id, me.json.user.id);
});

test('a token for another audience gets 401 naming the audience', async (t) => {
  const token = await clientToken('render-bot', 'devforge-editor', 'urn:other');
  const res = await call(server.url, 'GET', '/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
  t.is(res.status, 401);
  t.regex(res.json.detail, /audience/);
});

test('an expired token gets 401 saying it expired', async (t) => {
  const token = await clientToken('short-lived-bot', 'devforge-editor');
  await new Promise((r) => setTimeout(r, 2100));
  const res = await call(server.url, 'GET', '/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
  t.is(res.status, 401);
  t.regex(res.json.detail, /expired/);
});

test('a token from another issuer, or signed with a foreign key, gets 401', async (t) => {
  const { privateKey } = await generateKeyPair('RS256');
  const sign = (iss: string) =>
    new SignJWT({ scope: 'devforge-admin' }).setProtectedHeader({ alg: 'RS256', kid: 'foreign' }).setIssuer(iss).setAudience('devforge').setSubject('intruder').setIssuedAt().setExpirationTime('5m').sign(privateKey);
  const foreignIssuer = await call(server.url, 'GET', '/api/v1/me', { headers: { authorization: `Bearer ${await sign('http://127.0.0.1:9/other')}` } });
  t.is(foreignIssuer.status, 401);
  t.is(foreignIssuer.json.type.endsWith('unauthorized'), true);
  const foreignKey = await call(server.url, 'GET', '/api/v1/me', { headers: { authorization: `Bearer ${await sign(idp.issuer)}` } });
  t.is(foreignKey.status, 401);
  t.regex(foreignKey.json.detail, /signature|key/);
});

test('API keys keep working beside bearer JWTs', async (t) => {
  const res = await call(server.url, 'GET', '/api/v1/me', { headers: { authorization: `Bearer ${await server.key('viewer')}` } });
  t.is(res.status, 200);
  t.is(res.json.via, 'api-key');
});
