// Who is acting, however they proved it (session cookie, API key, later OIDC). The domain and its
// policy see only this; the authenticators in ../auth/ make it.
import type { Role } from '../db/entities/user.ts';

export type { Role };

export interface Principal {
  userId: string;
  email: string;
  name: string;
  /** The role this request acts with (an API key's role is capped by its owner's). */
  role: Role;
  /** console: an operator at the appliance itself (the devforge CLI), acting as the account it names. */
  via: 'session' | 'api-key' | 'oidc' | 'console';
  /** Set for cookie sessions: writes must echo this in X-CSRF-Token. */
  csrfToken?: string;
  sessionId?: string;
  apiKeyId?: string;
}

const RANK: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };

/** Roles are ordered: viewer < editor < admin. */
export function roleAllows(have: Role, need: Role): boolean {
  return RANK[have] >= RANK[need];
}

/** The weaker of two roles (an API key never acts above its owner). */
export function weakerRole(a: Role, b: Role): Role {
  return RANK[a] <= RANK[b] ? a : b;
}
