// The policy as a table: principal × action × resource → allowed, and the reason when not. Pure
// functions, no database: every rule of domain/policy.ts is one row here.
import test from 'ava';
import { DomainError } from '../../src/platform/domain/errors.ts';
import { ACTIONS, authorize, authorizeOrigin, authorizeRoleGrant, can, decide, leastRole, listScope, WIDGET_ACTIONS, type Action, type Resource } from '../../src/platform/domain/policy.ts';
import type { Principal } from '../../src/platform/auth/principal.ts';

type Who = Pick<Principal, 'userId' | 'role' | 'via'> & Partial<Pick<Principal, 'groups' | 'scopes'>>;

const ADMIN: Who = { userId: 'admin', role: 'admin', via: 'session' };
const ADMIN_KEY: Who = { userId: 'admin', role: 'admin', via: 'api-key' };
const ALICE: Who = { userId: 'alice', role: 'editor', via: 'session' };
const ALICE_KEY: Who = { userId: 'alice', role: 'editor', via: 'api-key' };
const ALICE_READ_KEY: Who = { userId: 'alice', role: 'editor', via: 'api-key', scopes: ['animations:read'] };
const ADMIN_READ_KEY: Who = { userId: 'admin', role: 'admin', via: 'api-key', scopes: ['animations:read', 'animations:write'] };
const BOB: Who = { userId: 'bob', role: 'editor', via: 'session' };
const VERA: Who = { userId: 'vera', role: 'viewer', via: 'session' };

const alices: Resource = { kind: 'animation', ownerId: 'alice' };
const sharedWithBobToRead: Resource = { kind: 'animation', ownerId: 'alice', grants: [{ userId: 'bob', access: 'read' }] };
const sharedWithBobToWrite: Resource = { kind: 'animation', ownerId: 'alice', grants: [{ userId: 'bob', access: 'write' }] };
const alicesKey: Resource = { kind: 'api-key', ownerId: 'alice' };
const sharedWithSalesToWrite: Resource = { kind: 'animation', ownerId: 'alice', grants: [{ group: 'sales', access: 'write' }] };
const openToAll: Resource = { kind: 'animation', ownerId: 'alice', orgVisible: true };
const sharedWithVeraToWrite: Resource = { kind: 'animation', ownerId: 'alice', grants: [{ userId: 'vera', access: 'write' }] };
const BOB_IN_SALES: Who = { ...BOB, groups: ['sales'] };

const TABLE: [string, Who, Action, Resource | undefined, boolean | string][] = [
  // Roles: viewer < editor < admin.
  ['a viewer reads animations', VERA, 'animation.list', undefined, true],
  ['a viewer runs analysis', VERA, 'analysis.run', undefined, true],
  ['a viewer may not create', VERA, 'animation.create', undefined, 'role'],
  ['an editor creates', ALICE, 'animation.create', undefined, true],
  ['an editor creates batches', ALICE, 'batch.create', undefined, true],
  ['an editor may not manage accounts', ALICE, 'user.create', undefined, 'role'],
  ['an editor may not list accounts', ALICE, 'user.list', undefined, 'role'],
  ['an admin manages accounts', ADMIN, 'user.update', undefined, true],
  ['an admin reads the audit log', ADMIN, 'audit.read', undefined, true],
  ['an admin key exports the audit log', ADMIN_KEY, 'audit.export', undefined, true],
  ['an editor may not read the audit log', ALICE, 'audit.read', undefined, 'role'],
  ['a viewer may not export the audit log', VERA, 'audit.export', undefined, 'role'],
  // Data rights: everyone takes their own data, signed in; only admins take someone else's or erase them.
  ['a signed-in viewer exports her own data', VERA, 'account.export', undefined, true],
  ['an editor key may not export the whole account', ALICE_KEY, 'account.export', undefined, 'scope'],
  ['an admin key exports its own account', ADMIN_KEY, 'account.export', undefined, true],
  ["an editor may not export someone else's data", ALICE, 'user.export', undefined, 'role'],
  ["an admin exports someone's data", ADMIN, 'user.export', undefined, true],
  ['an editor may not delete accounts', ALICE, 'user.delete', undefined, 'role'],
  ['an admin deletes accounts', ADMIN_KEY, 'user.delete', undefined, true],
  // Ownership, and admins see everything.
  ['the owner reads hers', ALICE, 'animation.read', alices, true],
  ['the owner cancels hers', ALICE, 'animation.cancel', alices, true],
  ['another editor does not see it', BOB, 'animation.read', alices, 'not-visible'],
  ['another editor may not delete it', BOB, 'animation.delete', alices, 'not-visible'],
  ["an admin reads anyone's", ADMIN, 'animation.read', alices, true],
  ["an admin deletes anyone's", ADMIN, 'animation.delete', alices, true],
  ["a viewer does not see someone else's", VERA, 'animation.read', alices, 'not-visible'],
  ['the role gate comes before ownership', VERA, 'animation.delete', alices, 'role'],
  ['owner=all is for admins', ALICE, 'animation.list-all', undefined, 'role'],
  ["an admin lists everyone's", ADMIN, 'animation.list-all', undefined, true],
  // Sharing (grants).
  ['a read grant lets him read', BOB, 'animation.read', sharedWithBobToRead, true],
  ['a read grant does not let him re-render', BOB, 'animation.rerender', sharedWithBobToRead, 'read-only'],
  ['a write grant lets him re-render', BOB, 'animation.rerender', sharedWithBobToWrite, true],
  ['a grant to someone else changes nothing', VERA, 'animation.read', sharedWithBobToRead, 'not-visible'],
  ['a write grant does not let him delete: that is the owner’s', BOB, 'animation.delete', sharedWithBobToWrite, 'not-owner'],
  ['a write grant does not let him share it on', BOB, 'animation.share', sharedWithBobToWrite, 'not-owner'],
  ['the owner shares hers', ALICE, 'animation.share', alices, true],
  ['an admin shares anyone’s', ADMIN, 'animation.share', alices, true],
  ['a stranger does not learn it exists by trying to share it', BOB, 'animation.share', alices, 'not-visible'],
  ['a group grant applies to a member', BOB_IN_SALES, 'animation.rerender', sharedWithSalesToWrite, true],
  ['a group grant means nothing to a non-member', BOB, 'animation.read', sharedWithSalesToWrite, 'not-visible'],
  ['open to everyone signed in: a viewer reads it', VERA, 'animation.read', openToAll, true],
  ['open to everyone signed in is read-only', BOB, 'animation.cancel', openToAll, 'read-only'],
  ['a write grant gives a viewer nothing more: the role gate comes first', VERA, 'animation.cancel', sharedWithVeraToWrite, 'role'],
  ['a viewer with a write grant still reads it', VERA, 'animation.read', sharedWithVeraToWrite, true],
  // API-key principals.
  ['an editor key may not mint keys', ALICE_KEY, 'api-key.create', undefined, 'scope'],
  ['a signed-in editor mints keys', ALICE, 'api-key.create', undefined, true],
  ['an admin key mints keys', ADMIN_KEY, 'api-key.create', undefined, true],
  ['an editor key renders', ALICE_KEY, 'animation.create', undefined, true],
  ['the owner revokes her key', ALICE, 'api-key.revoke', alicesKey, true],
  ['nobody else revokes it', BOB, 'api-key.revoke', alicesKey, 'not-visible'],
  ['an admin revokes it', ADMIN, 'api-key.revoke', alicesKey, true],
  // API-key scopes: a key acts only within them, whatever its role.
  ['a read-only key lists', ALICE_READ_KEY, 'animation.list', undefined, true],
  ['a read-only key reads hers', ALICE_READ_KEY, 'animation.read', alices, true],
  ['a read-only key may not create', ALICE_READ_KEY, 'animation.create', undefined, 'scope'],
  ['a read-only key may not delete', ALICE_READ_KEY, 'animation.delete', alices, 'scope'],
  ['a read-only key may not read the signing secret', ALICE_READ_KEY, 'webhook.secret.read', undefined, 'scope'],
  ['any key asks who it is', ALICE_READ_KEY, 'account.read', undefined, true],
  ['an admin key without the admin scope may not manage accounts', ADMIN_READ_KEY, 'user.update', undefined, 'scope'],
  ['an admin key without the admin scope may not read the audit log', ADMIN_READ_KEY, 'audit.read', undefined, 'scope'],
  ['an admin key without the admin scope still renders', ADMIN_READ_KEY, 'animation.create', undefined, true],
  ['scopes do not apply to sessions', ALICE, 'animation.delete', alices, true],
  // The webhook signing secret is for those who set webhooks: editors and up.
  ['a viewer may not read the signing secret', VERA, 'webhook.secret.read', undefined, 'role'],
  ['a viewer may not rotate it', VERA, 'webhook.secret.rotate', undefined, 'role'],
  ['an editor reads it', ALICE, 'webhook.secret.read', undefined, true],
  ['an editor key rotates it', ALICE_KEY, 'webhook.secret.rotate', undefined, true],
  // Sessions.
  ['a viewer lists her sessions', VERA, 'session.list', undefined, true],
  ['an editor may not end all sessions of someone', ALICE, 'user.sessions.end', undefined, 'role'],
  ['an admin ends all sessions of someone', ADMIN, 'user.sessions.end', undefined, true],
  ['a viewer revokes her own key', { userId: 'alice', role: 'viewer', via: 'session' }, 'api-key.revoke', alicesKey, true],
];

for (const [name, principal, action, resource, expected] of TABLE) {
  test(`policy: ${name}`, (t) => {
    const decision = decide(principal, action, resource);
    if (expected === true) t.deepEqual(decision, { allowed: true });
    else t.like(decision, { allowed: false, reason: expected });
    t.is(can(principal, action, resource), expected === true);
  });
}

test('entitlements: a licence without a feature switches the action off; no licence restricts nothing', (t) => {
  t.true(can(ALICE, 'batch.create'));
  t.true(can(ALICE, 'batch.create', undefined, { features: ['batches'] }));
  const denied = decide(ALICE, 'batch.create', undefined, { features: [] });
  t.like(denied, { allowed: false, reason: 'not-licensed' });
  t.regex((denied as { message: string }).message, /licence .* batches/);
  t.true(can(ALICE, 'animation.create', undefined, { features: [] }), 'actions without a feature are not licensed separately');
});

test('authorize: what may not be seen is not-found, never forbidden; a weak role is forbidden with the role named', (t) => {
  const hidden = t.throws(() => authorize(BOB, 'animation.read', alices), { instanceOf: DomainError });
  t.is(hidden.code, 'not-found');
  t.is(hidden.message, 'no such animation');
  const weak = t.throws(() => authorize(VERA, 'animation.create'), { instanceOf: DomainError });
  t.is(weak.code, 'forbidden');
  t.regex(weak.message, /needs the editor role; this request acts as viewer/);
  const readOnly = t.throws(() => authorize(BOB, 'animation.rerender', sharedWithBobToRead), { instanceOf: DomainError });
  t.is(readOnly.code, 'forbidden');
  t.regex(readOnly.message, /shared with you read-only/);
  const notOwner = t.throws(() => authorize(BOB, 'animation.delete', sharedWithBobToWrite), { instanceOf: DomainError });
  t.is(notOwner.code, 'forbidden');
  t.regex(notOwner.message, /only the owner of this animation or an administrator/);
  t.notThrows(() => authorize(ADMIN, 'animation.delete', alices));
});

test("listScope: own things by default, everyone's only when asked for and allowed", (t) => {
  t.deepEqual(listScope(ALICE, 'animation.list-all', 'me'), { ownerId: 'alice' });
  t.is(listScope(ADMIN, 'animation.list-all', 'all'), 'all');
  t.deepEqual(listScope(ADMIN, 'animation.list-all', 'me'), { ownerId: 'admin' });
  t.throws(() => listScope(ALICE, 'animation.list-all', 'all'), { instanceOf: DomainError, message: /admin role/ });
  t.is(listScope(ADMIN, 'webhook.list-all', 'visible'), 'all');
  t.deepEqual(listScope(ALICE, 'webhook.list-all', 'visible'), { ownerId: 'alice' });
});

test('leastRole names the role the API reference shows', (t) => {
  t.is(leastRole('animation.read'), 'viewer');
  t.is(leastRole('animation.create'), 'editor');
  t.is(leastRole('user.update'), 'admin');
});

test('a missing scope is forbidden, naming the scope and what the key has', (t) => {
  const denied = t.throws(() => authorize(ALICE_READ_KEY, 'animation.create'), { instanceOf: DomainError });
  t.is(denied.code, 'forbidden');
  t.regex(denied.message, /lacks the animations:write scope \(it has animations:read\)/);
});

test('keys get at most the scopes their creator may hand out', (t) => {
  t.notThrows(() => authorizeRoleGrant(ALICE, 'editor', ['animations:read', 'animations:write']));
  t.throws(() => authorizeRoleGrant(VERA, 'viewer', ['animations:write']), { instanceOf: DomainError, message: /viewer cannot create a key with the animations:write scope \(it needs the editor role\)/ });
  t.throws(() => authorizeRoleGrant(ALICE, 'editor', ['admin']), { instanceOf: DomainError, message: /admin scope/ });
  t.notThrows(() => authorizeRoleGrant(ADMIN, 'admin', ['admin']));
  t.throws(() => authorizeRoleGrant({ userId: 'admin', role: 'admin', via: 'api-key', scopes: ['admin'] }, 'admin', ['animations:write']), { message: /cannot hand out the animations:write scope/ });
});

test('a key never gets a stronger role than its creator', (t) => {
  t.notThrows(() => authorizeRoleGrant(ALICE, 'editor'));
  t.notThrows(() => authorizeRoleGrant(ALICE, 'viewer'));
  t.throws(() => authorizeRoleGrant(ALICE, 'admin'), { instanceOf: DomainError, message: /editor cannot create a key with the admin role/ });
  t.notThrows(() => authorizeRoleGrant(ADMIN, 'admin'));
});

// Publishable keys (the widget's): only WIDGET_ACTIONS, and only from their allowed origins.
const WIDGET_KEY = { userId: 'alice', role: 'admin', via: 'api-key', scopes: ['animations:read', 'animations:write'], publishable: { allowedOrigins: ['https://intranet.example.com'] }, apiKeyId: 'k1' } as const;

test('a publishable key may do what the widget does and nothing else, whatever its role', (t) => {
  for (const action of ACTIONS) {
    const d = decide(WIDGET_KEY, action, action === 'animation.read' ? alices : undefined);
    if (WIDGET_ACTIONS.includes(action)) t.true(d.allowed, action);
    else t.like(d, { allowed: false, reason: 'publishable' }, action);
  }
  t.deepEqual([...WIDGET_ACTIONS].sort(), ['analysis.run', 'animation.create', 'animation.read']);
  t.false(can(WIDGET_KEY, 'animation.priority-high'), 'not even an admin-owned one jumps the queue');
});

test('a publishable key works only from its allowed origins; other principals are not held to one', (t) => {
  t.notThrows(() => authorizeOrigin(WIDGET_KEY, 'https://intranet.example.com'));
  const foreign = t.throws(() => authorizeOrigin(WIDGET_KEY, 'https://elsewhere.example.com'), { instanceOf: DomainError })!;
  t.is((foreign as DomainError).code, 'origin-not-allowed');
  t.regex(foreign.message, /may not be used from https:\/\/elsewhere\.example\.com: add it to the key's allowed origins \(PUT \/api\/v1\/api-keys\/k1\/allowed-origins/);
  t.regex(t.throws(() => authorizeOrigin(WIDGET_KEY, undefined))!.message, /no Origin header/);
  t.notThrows(() => authorizeOrigin(ALICE_KEY, 'https://elsewhere.example.com'));
  t.notThrows(() => authorizeOrigin(ALICE, undefined));
});
