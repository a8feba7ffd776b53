// Test stand-in for Keycloak (compose/test-stand-ins.yaml): oidc-provider, a certified OpenID Provider, in the
// stand-ins image, because Keycloak's image cannot be built or pulled on machines without a registry. It sits
// where Keycloak does (https://<host>/auth/realms/devforge through the proxy, the realm compose/keycloak/devforge-realm.json
// imports), knows the same client (devforge, its secret from the same secret file) and issues claims shaped
// like Keycloak's: realm_access.roles, groups (paths), preferred_username, email.
// Sign-in uses oidc-provider's development login page (any name, no password): a test stand-in, never shipped.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

// Keycloak is served under /auth (KC_HTTP_RELATIVE_PATH) behind the proxy; the realm under /auth/realms/<name>.
const PREFIX = '/auth/realms/devforge';
const issuer = `${process.env.OIDC_PUBLIC_URL ?? 'https://localhost/auth'}/realms/devforge`;
const clientSecret = readFileSync(process.env.OIDC_CLIENT_SECRET_FILE ?? '', 'utf8').trim();
const redirectUris = (process.env.OIDC_REDIRECT_URIS ?? 'https://localhost/api/v1/auth/oidc/callback').split(',');

// Names sign in as themselves; one that starts with "admin" is in the admins' group, "viewer" the viewers', any
// other the editors' (the realm's groups and roles).
function claimsOf(sub) {
  const kind = sub.startsWith('admin') ? 'admin' : sub.startsWith('viewer') ? 'viewer' : 'editor';
  return {
    sub,
    email: sub.includes('@') ? sub : `${sub}@devforge.test`,
    email_verified: true,
    preferred_username: sub,
    name: sub,
    groups: [`/devforge-${kind}s`],
    realm_access: { roles: [`devforge-${kind}`, 'default-roles-devforge'] },
  };
}

const provider = new Provider(issuer, {
  clients: [{ client_id: 'devforge', client_secret: clientSecret, redirect_uris: redirectUris, post_logout_redirect_uris: redirectUris.map((u) => new URL('/', u).href) }],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username'], roles: ['realm_access', 'groups'] },
  scopes: ['openid', 'email', 'profile', 'roles', 'offline_access'],
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => claimsOf(sub) }),
});
provider.proxy = true;

// The provider is mounted at the realm's path, as Keycloak serves it.
const handle = provider.callback();
const server = createServer((req, res) => {
  if (req.url === '/health/ready') return res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  if (!req.url?.startsWith(PREFIX)) return res.writeHead(404).end();
  req.url = req.url.slice(PREFIX.length) || '/';
  return handle(req, res);
});
server.listen(8080, '0.0.0.0', () => console.log(`oidc stand-in (oidc-provider) for ${issuer}`));
for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => server.close(() => process.exit(0)));
