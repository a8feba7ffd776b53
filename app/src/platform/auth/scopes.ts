// API-key scopes: what a key may be used for, chosen when it is made. A key acts with its role (capped
// by its owner's) AND only within its scopes; domain/policy.ts names the scope each action needs. A
// scope is never more than the role it needs: a viewer's key can only read.
import type { Role } from '../db/entities/user.ts';
import { roleAllows } from './roles.ts';

export const SCOPES = ['animations:read', 'animations:write', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

/** The least role a key must have to carry each scope. */
const SCOPE_ROLE: Record<Scope, Role> = { 'animations:read': 'viewer', 'animations:write': 'editor', admin: 'admin' };

export function scopeRole(scope: Scope): Role {
  return SCOPE_ROLE[scope];
}

/** Every scope a role may hold: a key's default, and what keys made before scopes existed were given. */
export function scopesForRole(role: Role): Scope[] {
  return SCOPES.filter((s) => roleAllows(role, SCOPE_ROLE[s]));
}
