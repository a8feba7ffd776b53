// The shipped Keycloak realm (compose/keycloak/devforge-realm.json) against DevForge's own defaults:
// the claims its mappers produce for a member of each group map to the expected DevForge role through
// the default auth.oidc.roleClaim and roleMap (and through `groups` with the role map its README gives),
// the service client's tokens carry the audience DevForge checks by default, the sign-in client is the
// confidential PKCE client DevForge's routes need, and the realm has the lifetimes and lockout the issue
// asks for, with no person and no literal secret in it. If either side changes, this fails.
import test from 'ava';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config/load.ts';
import { claimValues, mapRole, roleRule } from '../../src/platform/auth/oidc/role-mapping.ts';
import type { Role } from '../../src/platform/db/entities/user.ts';

const DIR = new URL('../../../compose/keycloak/', import.meta.url);

interface Mapper {
  name: string;
  protocolMapper: string;
  config: Record<string, string>;
}
interface Client {
  clientId: string;
  publicClient: boolean;
  secret?: string;
  standardFlowEnabled: boolean;
  implicitFlowEnabled: boolean;
  directAccessGrantsEnabled: boolean;
  serviceAccountsEnabled: boolean;
  redirectUris?: string[];
  attributes: Record<string, string>;
  protocolMappers: Mapper[];
  defaultClientScopes: string[];
}
interface Realm {
  realm: string;
  accessTokenLifespan: number;
  ssoSessionIdleTimeout: number;
  ssoSessionMaxLifespan: number;
  bruteForceProtected: boolean;
  permanentLockout: boolean;
  failureFactor: number;
  maxFailureWaitSeconds: number;
  roles: { realm: { name: string }[] };
  groups: { name: string; realmRoles: string[] }[];
  clients: Client[];
  users: { username: string; serviceAccountClientId?: string; realmRoles?: string[]; credentials?: unknown[] }[];
}

const realm = JSON.parse(readFileSync(new URL('devforge-realm.json', DIR), 'utf8')) as Realm;
const readme = readFileSync(fileURLToPath(new URL('README.md', DIR)), 'utf8');
const defaults = loadConfig({ env: {} }).auth.oidc;
const client = (id: string) => realm.clients.find((c) => c.clientId === id)!;
const mapper = (c: Client, type: string) => c.protocolMappers.find((m) => m.protocolMapper === type)!;

/** The claims Keycloak's mappers put in a token for a member of `group` (the mapper's dotted claim name nests). */
function claimsFor(c: Client, group: { name: string; realmRoles: string[] }, token: 'id.token.claim' | 'access.token.claim'): Record<string, unknown> {
  const claims: Record<string, unknown> = {};
  const put = (path: string, value: unknown) => {
    const keys = path.split('.');
    let node = claims;
    for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[keys.at(-1)!] = value;
  };
  for (const m of c.protocolMappers) {
    if (m.config[token] !== 'true') continue;
    if (m.protocolMapper === 'oidc-usermodel-realm-role-mapper') put(m.config['claim.name']!, group.realmRoles);
    if (m.protocolMapper === 'oidc-group-membership-mapper') put(m.config['claim.name']!, [m.config['full.path'] === 'true' ? `/${group.name}` : group.name]);
  }
  return claims;
}

const EXPECTED: Record<string, Role> = { 'devforge-admins': 'admin', 'devforge-editors': 'editor', 'devforge-viewers': 'viewer' };

test('a member of each group signs in with the expected role under the default roleClaim and roleMap', (t) => {
  t.is(realm.realm, 'devforge');
  t.is(defaults.roleClaim, 'realm_access.roles');
  const rule = roleRule(defaults);
  t.deepEqual(realm.roles.realm.map((r) => r.name).sort(), [...rule.map.keys()].sort(), 'the realm roles are the roleMap names');
  t.deepEqual(realm.groups.map((g) => g.name).sort(), Object.keys(EXPECTED).sort());
  for (const group of realm.groups) {
    // DevForge reads the role claim from the ID token merged with userinfo.
    const claims = claimsFor(client('devforge'), group, 'id.token.claim');
    t.is(mapRole(claimValues(claims, defaults.roleClaim), rule), EXPECTED[group.name], group.name);
  }
});

test('with roleClaim=groups and the role map the README gives, the groups claim maps the same way', (t) => {
  const map = /DEVFORGE_OIDC_ROLE_MAP=(\S+)/.exec(readme)?.[1];
  t.truthy(map, 'the README documents the role map for groups');
  t.regex(readme, /DEVFORGE_OIDC_ROLE_CLAIM=groups/);
  const rule = roleRule({ ...defaults, roleClaim: 'groups', roleMap: map! });
  const groups = mapper(client('devforge'), 'oidc-group-membership-mapper');
  t.is(groups.config['claim.name'], 'groups');
  t.is(groups.config['full.path'], 'false', 'plain group names, as the role map lists them');
  for (const group of realm.groups) t.is(mapRole(claimValues(claimsFor(client('devforge'), group, 'id.token.claim'), 'groups'), rule), EXPECTED[group.name], group.name);
});

test('the sign-in client: confidential, code flow with PKCE S256 only, redirects to the routes DevForge serves', (t) => {
  const c = client('devforge');
  t.false(c.publicClient);
  t.true(c.standardFlowEnabled);
  t.false(c.implicitFlowEnabled);
  t.false(c.directAccessGrantsEnabled);
  t.false(c.serviceAccountsEnabled);
  t.is(c.attributes['pkce.code.challenge.method'], 'S256');
  // GET /auth/oidc/callback (web/oidc-routes.ts) and the logout's return to <publicUrl>/ (api/routes/auth.ts).
  t.deepEqual(c.redirectUris, ['${DEVFORGE_PUBLIC_URL}/auth/oidc/callback']);
  t.is(c.attributes['post.logout.redirect.uris'], '${DEVFORGE_PUBLIC_URL}/');
  t.regex(readme, /DEVFORGE_OIDC_CLIENT_ID=devforge\b/);
});

test("the service client's access tokens carry the audience DevForge checks by default, and a mapped role", (t) => {
  const s = client('devforge-service');
  t.true(s.serviceAccountsEnabled);
  t.false(s.standardFlowEnabled);
  t.false(s.publicClient);
  // auth.oidc.audience empty means the client id: the sign-in client's.
  t.is(defaults.audience, '');
  const audience = mapper(s, 'oidc-audience-mapper');
  t.is(audience.config['included.client.audience'], defaults.audience || client('devforge').clientId);
  t.is(audience.config['access.token.claim'], 'true');
  t.true(s.defaultClientScopes.includes('basic'), 'the basic scope puts sub in the token, which DevForge requires');
  const account = realm.users.find((u) => u.serviceAccountClientId === 'devforge-service')!;
  const claims = claimsFor(s, { name: '', realmRoles: account.realmRoles! }, 'access.token.claim');
  t.is(mapRole(claimValues(claims, defaults.roleClaim), roleRule(defaults)), 'editor');
});

test('lifetimes, brute-force detection, and no person or literal secret in the realm', (t) => {
  t.is(realm.accessTokenLifespan, 300);
  t.is(realm.ssoSessionIdleTimeout, 1800);
  t.is(realm.ssoSessionMaxLifespan, 36000);
  t.true(realm.bruteForceProtected);
  t.false(realm.permanentLockout, 'a temporary lockout: an attacker cannot lock people out for good');
  t.true(realm.failureFactor >= 3 && realm.failureFactor <= 10);
  t.true(realm.maxFailureWaitSeconds >= 300);
  t.true(
    realm.users.every((u) => u.serviceAccountClientId && !u.credentials),
    'only service accounts, without passwords',
  );
  for (const c of realm.clients) t.regex(c.secret ?? '', /^\$\{DEVFORGE_[A-Z_]+_SECRET\}$/, `${c.clientId}: the secret comes from the environment`);
});
