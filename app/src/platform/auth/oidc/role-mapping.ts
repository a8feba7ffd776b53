// IdP roles or groups → a DevForge role. The one home of the auth.oidc.roleClaim / roleMap /
// defaultRole rule, shared by browser sign-in (ID token + userinfo claims) and service bearer tokens.
import { ROLES, type Role } from '../../db/entities/user.ts';
import { roleAllows } from '../roles.ts';

export interface RoleRule {
  /** Dotted path into the claims: realm_access.roles, groups, resource_access.devforge.roles. */
  claim: string;
  map: ReadonlyMap<string, Role>;
  /** undefined: refuse people whose claims map to no role. */
  defaultRole: Role | undefined;
}

/** Parses `devforge-admin=admin,devforge-editor=editor`; throws a message naming the bad entry. */
export function parseRoleMap(text: string): Map<string, Role> {
  const map = new Map<string, Role>();
  for (const entry of text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const at = entry.lastIndexOf('=');
    const name = entry.slice(0, at).trim();
    const role = entry.slice(at + 1).trim() as Role;
    if (at <= 0 || !ROLES.includes(role)) throw new Error(`auth.oidc.roleMap: "${entry}" is not <IdP role or group>=<${ROLES.join('|')}>`);
    map.set(name, role);
  }
  return map;
}

export function roleRule(oidc: { roleClaim: string; roleMap: string; defaultRole: string }): RoleRule {
  return { claim: oidc.roleClaim, map: parseRoleMap(oidc.roleMap), defaultRole: oidc.defaultRole === 'none' ? undefined : (oidc.defaultRole as Role) };
}

/** The strings found at a dotted path: an array of strings, or one string (space-separated, like scope). */
export function claimValues(claims: Record<string, unknown>, path: string): string[] {
  let value: unknown = claims;
  for (const part of path.split('.')) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
    value = (value as Record<string, unknown>)[part];
  }
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** The strongest role the names map to (a Keycloak group path /devforge-admin matches devforge-admin), else the default. */
export function mapRole(names: readonly string[], rule: RoleRule): Role | undefined {
  let best: Role | undefined;
  for (const name of names) {
    const role = rule.map.get(name) ?? rule.map.get(name.replace(/^\//, ''));
    if (role && (!best || roleAllows(role, best))) best = role;
  }
  return best ?? rule.defaultRole;
}

/** IdP group names as sharing stores and matches them: trimmed, without the leading / of a Keycloak group path, no duplicates. */
export function groupNames(names: readonly string[]): string[] {
  return [...new Set(names.map(normaliseGroup).filter(Boolean))];
}

export function normaliseGroup(name: string): string {
  return name.trim().replace(/^\//, '');
}
