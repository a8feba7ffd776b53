// Roles: admin (everything), editor (create and manage own animations), viewer (read).
import type { Role } from '../db/entities/user.ts';

const RANK: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };

export function roleAllows(have: Role, need: Role): boolean {
  return RANK[have] >= RANK[need];
}

/** The weaker of two roles (an API key never acts above its owner). */
export function weakerRole(a: Role, b: Role): Role {
  return RANK[a] <= RANK[b] ? a : b;
}
