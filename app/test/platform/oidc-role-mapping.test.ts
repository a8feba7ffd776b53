// The role rule of single sign-on: claim paths, the role map, the strongest role, the default.
import test from 'ava';
import { claimValues, mapRole, parseRoleMap, roleRule } from '../../src/platform/auth/oidc/role-mapping.ts';

const rule = roleRule({ roleClaim: 'realm_access.roles', roleMap: 'devforge-admin=admin,devforge-editor=editor,devforge-viewer=viewer', defaultRole: 'viewer' });

test('values are read at a dotted path, as a list or a space-separated string', (t) => {
  t.deepEqual(claimValues({ realm_access: { roles: ['a', 'b', 3] } }, 'realm_access.roles'), ['a', 'b']);
  t.deepEqual(claimValues({ scope: 'openid devforge-editor' }, 'scope'), ['openid', 'devforge-editor']);
  t.deepEqual(claimValues({ realm_access: 'x' }, 'realm_access.roles'), []);
  t.deepEqual(claimValues({}, 'groups'), []);
});

test('the strongest mapped role wins; group paths match; nothing mapped gives the default or none', (t) => {
  t.is(mapRole(['devforge-viewer', 'devforge-admin', 'devforge-editor'], rule), 'admin');
  t.is(mapRole(['/devforge-editor'], rule), 'editor');
  t.is(mapRole(['staff'], rule), 'viewer');
  t.is(mapRole(['staff'], { ...rule, defaultRole: undefined }), undefined);
});

test('a bad role map names the entry and the expected form', (t) => {
  t.throws(() => parseRoleMap('devforge-admin=root'), { message: /"devforge-admin=root" is not <IdP role or group>=<admin\|editor\|viewer>/ });
  t.throws(() => parseRoleMap('=admin'), { message: /"=admin"/ });
});
