// Who an animation is shared with: its grants (users and IdP groups) and the organisation-wide
// switch, for its owner and admins (the policy's animation.share).
import type { DataSource, EntityManager } from 'typeorm';
import { sql } from '../../db/sql.ts';
import type { Access, Actor } from '../policy.ts';
import { getAnimation } from './animations.ts';

export type Share =
  { kind: 'user'; user: { id: string; email: string; name: string }; access: Access; grantedBy: string | null; grantedAt: Date } | { kind: 'group'; group: string; access: Access; grantedBy: string | null; grantedAt: Date };

export interface Shares {
  animationId: string;
  orgVisible: boolean;
  shares: Share[];
}

interface ShareRow {
  grantee_kind: 'user' | 'group';
  user_id: string | null;
  email: string | null;
  name: string | null;
  grantee_group: string | null;
  access: Access;
  granted_by: string | null;
  granted_at: Date;
}

/** The grants of one animation, users first (by e-mail address), then groups (by name). */
export async function sharesOf(db: DataSource | EntityManager, animationId: string, orgVisible: boolean): Promise<Shares> {
  const rows = await sql<ShareRow>(
    db,
    `SELECT g.grantee_kind, u.id AS user_id, u.email, u.name, g.grantee_group, g.access, g.granted_by, g.granted_at
       FROM animation_grants g LEFT JOIN users u ON u.id = g.grantee_user_id
      WHERE g.animation_id = $1
      ORDER BY g.grantee_kind DESC, u.email, g.grantee_group`,
    [animationId],
  );
  const shares = rows.map((r): Share => {
    const common = { access: r.access, grantedBy: r.granted_by, grantedAt: r.granted_at };
    return r.grantee_kind === 'user' ? { kind: 'user', user: { id: r.user_id!, email: r.email!, name: r.name! }, ...common } : { kind: 'group', group: r.grantee_group!, ...common };
  });
  return { animationId, orgVisible, shares };
}

/** The shares of an animation the caller may manage (owner or admin; others get not-found or forbidden). */
export async function listShares(db: DataSource, principal: Actor, animationId: string): Promise<Shares> {
  const animation = await getAnimation(db, principal, animationId, 'animation.share');
  return sharesOf(db, animation.id, animation.orgVisible);
}
