// Sharing an animation: grant a user or an IdP group read or write access, take it away, and switch
// "anyone signed in can view" on or off. Only its owner and admins may (the policy's animation.share);
// every change is one audit entry, written in the same transaction as the change.
import type { DataSource } from 'typeorm';
import { sql } from '../../db/sql.ts';
import { normaliseGroup } from '../../auth/oidc/role-mapping.ts';
import { recordAudit, type Origin } from '../audit/record.ts';
import { DomainError, invalidField } from '../errors.ts';
import type { Access, Actor } from '../policy.ts';
import { getAnimation } from '../queries/animations.ts';
import { sharesOf, type Shares } from '../queries/shares.ts';

/** Who to share with: a user (an e-mail address or a user id) or an IdP group name. */
export type Grantee = { user: string } | { group: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Resolved = { kind: 'user'; userId: string; label: string } | { kind: 'group'; group: string; label: string };

/** The grantee as stored; an unknown user is invalid input that names what to fix. */
async function resolve(db: DataSource, grantee: Grantee, field: string): Promise<Resolved> {
  if ('group' in grantee) {
    const group = normaliseGroup(grantee.group);
    if (!group) throw invalidField(`${field}.group`, 'an IdP group name, as the identity provider sends it in the groups claim');
    return { kind: 'group', group, label: group };
  }
  const ref = grantee.user.trim();
  const rows = await sql<{ id: string; email: string }>(db, UUID.test(ref) ? 'SELECT id, email FROM users WHERE id = $1' : 'SELECT id, email FROM users WHERE lower(email) = lower($1)', [ref]);
  if (!rows[0])
    throw invalidField(`${field}.user`, `no DevForge account ${UUID.test(ref) ? 'has the id' : 'has the e-mail address'} ${ref}; check the spelling, or ask them to sign in once (single sign-on accounts are made at the first sign-in)`);
  return { kind: 'user', userId: rows[0].id, label: rows[0].email };
}

function granteeDetails(g: Resolved): Record<string, string> {
  return g.kind === 'user' ? { grantee_kind: 'user', grantee_user_id: g.userId } : { grantee_kind: 'group', grantee_group: g.group };
}

/** Shares the animation with a user or group (or changes their access); answers all its shares. */
export async function shareAnimation(db: DataSource, principal: Actor, animationId: string, grantee: Grantee, access: Access, origin?: Origin): Promise<Shares> {
  const animation = await getAnimation(db, principal, animationId, 'animation.share');
  const target = await resolve(db, grantee, 'body');
  if (target.kind === 'user' && target.userId === animation.ownerId) throw invalidField('body.user', `${target.label} owns this animation and has every access already; share it with someone else`);
  return db.transaction(async (tx) => {
    // The animation may be deleted meanwhile: inserting from its row makes that "not found", not a foreign-key error.
    const conflict = target.kind === 'user' ? '(animation_id, grantee_user_id) WHERE grantee_user_id IS NOT NULL' : '(animation_id, grantee_group) WHERE grantee_group IS NOT NULL';
    const rows = await sql<{ previous: Access | null }>(
      tx,
      `WITH before AS (SELECT access FROM animation_grants WHERE animation_id = $1 AND (grantee_user_id = $3 OR grantee_group = $4))
       INSERT INTO animation_grants (animation_id, grantee_kind, grantee_user_id, grantee_group, access, granted_by)
       SELECT a.id, $2, $3, $4, $5, $6 FROM animations a WHERE a.id = $1
       ON CONFLICT ${conflict} DO UPDATE SET access = EXCLUDED.access, granted_by = EXCLUDED.granted_by, granted_at = now()
       RETURNING (SELECT access FROM before) AS previous`,
      [animationId, target.kind, target.kind === 'user' ? target.userId : null, target.kind === 'group' ? target.group : null, access, principal.userId],
    );
    if (!rows[0]) throw new DomainError('not-found', 'no such animation');
    await recordAudit(tx, { actor: principal, action: 'animation.share', target: { type: 'animation', id: animationId }, origin, details: { owner_id: animation.ownerId, ...granteeDetails(target), access, previous: rows[0].previous } });
    return sharesOf(tx, animationId, animation.orgVisible);
  });
}

/** Takes a user's or group's access away; not-found when they had none. */
export async function unshareAnimation(db: DataSource, principal: Actor, animationId: string, grantee: Grantee, origin?: Origin): Promise<void> {
  const animation = await getAnimation(db, principal, animationId, 'animation.share');
  const target = await resolve(db, grantee, 'query');
  await db.transaction(async (tx) => {
    const rows = await sql<{ access: Access }>(
      tx,
      target.kind === 'user' ? 'DELETE FROM animation_grants WHERE animation_id = $1 AND grantee_user_id = $2 RETURNING access' : 'DELETE FROM animation_grants WHERE animation_id = $1 AND grantee_group = $2 RETURNING access',
      [animationId, target.kind === 'user' ? target.userId : target.group],
    );
    if (!rows[0]) throw new DomainError('not-found', `this animation is not shared with ${target.kind === 'user' ? target.label : `the group ${target.label}`}; GET its shares to see who it is shared with`);
    await recordAudit(tx, { actor: principal, action: 'animation.unshare', target: { type: 'animation', id: animationId }, origin, details: { owner_id: animation.ownerId, ...granteeDetails(target), access: rows[0].access } });
  });
}

/** Opens the animation to everyone signed in (read-only), or closes it again. */
export async function setOrgVisible(db: DataSource, principal: Actor, animationId: string, orgVisible: boolean, origin?: Origin): Promise<void> {
  const animation = await getAnimation(db, principal, animationId, 'animation.share');
  if (animation.orgVisible === orgVisible) return;
  await db.transaction(async (tx) => {
    const rows = await sql(tx, 'UPDATE animations SET org_visible = $2, updated_at = now() WHERE id = $1 RETURNING id', [animationId, orgVisible]);
    if (!rows[0]) throw new DomainError('not-found', 'no such animation');
    await recordAudit(tx, { actor: principal, action: 'animation.visibility', target: { type: 'animation', id: animationId }, origin, details: { owner_id: animation.ownerId, org_visible: orgVisible } });
  });
}
