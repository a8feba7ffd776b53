// What the policy needs to know about who may see an animation: its owner, its organisation-wide
// switch and the grants that name the caller (as a user or through an IdP group). Loaded here, decided
// in policy.ts (accessTo). Lists cannot ask the policy row by row, so `sharedWithCaller` is the same
// rule as SQL; the authorisation matrix test checks that both agree.
import type { Actor, Grant, Resource } from '../policy.ts';
import { sql, type Queryable } from '../../db/sql.ts';

/** An animation as the policy sees it. */
export interface AnimationAccessRow {
  id: string;
  ownerId: string;
  orgVisible: boolean;
}

interface GrantRow {
  grantee_user_id: string | null;
  grantee_group: string | null;
  access: 'read' | 'write';
}

/** The grants of one animation that name this caller: the only ones that can change its decision. */
export async function grantsFor(db: Queryable, principal: Actor, animationId: string): Promise<Grant[]> {
  const rows = await sql<GrantRow>(db, 'SELECT grantee_user_id, grantee_group, access FROM animation_grants WHERE animation_id = $1 AND (grantee_user_id = $2 OR grantee_group = ANY($3::text[]))', [
    animationId,
    principal.userId,
    [...(principal.groups ?? [])],
  ]);
  return rows.map((r) => (r.grantee_user_id ? { userId: r.grantee_user_id, access: r.access } : { group: r.grantee_group!, access: r.access }));
}

/** The resource the policy decides on. Owners and admins need no grants, so none are read for them. */
export async function animationResource(db: Queryable, principal: Actor, row: AnimationAccessRow): Promise<Resource> {
  const grants = principal.userId === row.ownerId ? [] : await grantsFor(db, principal, row.id);
  return { kind: 'animation', ownerId: row.ownerId, orgVisible: row.orgVisible, grants };
}

/**
 * SQL for "someone else's animation this caller may read" (alias `a`): open to everyone signed in, or
 * granted to the caller or one of their groups. The list form of accessTo's grant and orgVisible
 * branches; named parameters :sharedUser and :sharedGroups (see sharedParams).
 */
export const SHARED_WITH_CALLER = `(a.owner_id <> :sharedUser AND (a.org_visible OR EXISTS (
  SELECT 1 FROM animation_grants g WHERE g.animation_id = a.id AND (g.grantee_user_id = :sharedUser OR g.grantee_group = ANY(CAST(:sharedGroups AS text[])))
)))`;

export function sharedParams(principal: Actor): { sharedUser: string; sharedGroups: string[] } {
  return { sharedUser: principal.userId, sharedGroups: [...(principal.groups ?? [])] };
}
