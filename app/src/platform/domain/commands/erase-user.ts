// GDPR erasure: an administrator deletes an account. Its animations are deleted (files too, queued
// renders cancelled) or handed over to another user, as the administrator chooses; its API keys,
// sessions, batches and webhook deliveries go with the account; its audit entries are anonymised
// (audit/anonymise.ts), so the chain still verifies but no longer names the person. One transaction
// does the database part, so a failure leaves the account as it was; object storage, which no
// transaction covers, is cleaned after the commit. See docs/data-rights.md.
import type { DataSource } from 'typeorm';
import { AUTH_CHANNEL } from '../../auth/api-key-authenticator.ts';
import { FINISHED_STATUSES, type AnimationStatus } from '../../db/entities/animation.ts';
import type { Role } from '../../db/entities/user.ts';
import { sql, type Queryable } from '../../db/sql.ts';
import { publishAnimationEvent } from '../../events/animation-events.ts';
import { outputKeys } from '../../storage/create.ts';
import type { ObjectStorage } from '../../storage/storage.ts';
import { anonymiseAuditActor } from '../audit/anonymise.ts';
import { recordAudit, type Origin } from '../audit/record.ts';
import { DomainError, invalidField } from '../errors.ts';
import { authorize, can, type Actor } from '../policy.ts';
import type { JobSender } from '../ports.ts';

export interface EraseDeps {
  db: DataSource;
  queue: JobSender;
  storage: ObjectStorage;
}

/** What happens to the animations of the account: deleted with it, or given to another user. */
export type AnimationDisposal = { animations: 'delete' } | { animations: 'handover'; to: string };

export interface ErasureResult {
  userId: string;
  animationsDeleted: number;
  animationsHandedOver: number;
  /** To whom, when handed over. */
  handedOverTo: string | null;
  auditEntriesAnonymised: number;
  /** Storage prefixes that could not be removed (the rows are gone; the files must be removed by hand). */
  filesNotRemoved: string[];
}

interface UserRow {
  id: string;
  role: Role;
  disabled: boolean;
}

interface DeletedAnimation {
  id: string;
  status: AnimationStatus;
  render_job_id: string | null;
  progress: number;
}

/** Locks the account (and every administrator, so two erasures cannot remove the last two admins at once). */
async function lockAccounts(tx: Queryable, id: string): Promise<{ user: UserRow; otherAdmins: number }> {
  const rows = await sql<UserRow>(tx, `SELECT id, role, disabled FROM users WHERE id = $1 OR role = 'admin' ORDER BY id FOR UPDATE`, [id]);
  const user = rows.find((r) => r.id === id);
  if (!user) throw new DomainError('not-found', 'no such user');
  return { user, otherAdmins: rows.filter((r) => r.id !== id && r.role === 'admin' && !r.disabled).length };
}

/** The heir must exist, be someone else, be enabled and be allowed to own animations (editor or admin). */
async function checkHeir(tx: Queryable, id: string, to: string): Promise<void> {
  if (to === id) throw invalidField('query.to', 'is the account being deleted; name another user to hand the animations over to');
  const [heir] = await sql<UserRow>(tx, 'SELECT id, role, disabled FROM users WHERE id = $1 FOR UPDATE', [to]);
  if (!heir) throw invalidField('query.to', 'no user has this id; pass the id of an existing editor or administrator');
  if (heir.disabled) throw invalidField('query.to', 'this user is disabled; enable them first or choose another user');
  if (!can({ userId: heir.id, role: heir.role, via: 'session' }, 'animation.create')) {
    throw invalidField('query.to', `this user is a ${heir.role} and cannot own animations; choose an editor or an administrator, or change their role first`);
  }
}

export async function eraseUser(deps: EraseDeps, principal: Actor, id: string, disposal: AnimationDisposal, origin?: Origin): Promise<ErasureResult> {
  authorize(principal, 'user.delete');
  if (id === principal.userId) throw new DomainError('conflict', 'you cannot delete your own account; ask another administrator to do it');
  const done = await deps.db.transaction(async (tx) => {
    const { user, otherAdmins } = await lockAccounts(tx, id);
    if (user.role === 'admin' && !user.disabled && otherAdmins === 0) throw new DomainError('conflict', 'this is the last enabled administrator; make another user an administrator first');
    let deleted: DeletedAnimation[] = [];
    let handedOver = 0;
    if (disposal.animations === 'handover') {
      await checkHeir(tx, id, disposal.to);
      // The webhook URL was the departed person's receiver, signed with their secret: the heir sets their own.
      handedOver = (await sql(tx, 'UPDATE animations SET owner_id = $2, webhook_url = NULL, updated_at = now() WHERE owner_id = $1 RETURNING id', [id, disposal.to])).length;
      await sql(tx, 'UPDATE batches SET owner_id = $2, callback_url = NULL WHERE owner_id = $1', [id, disposal.to]);
      // Grants the heir held on what is now theirs mean nothing any more.
      await sql(tx, 'DELETE FROM animation_grants g USING animations a WHERE g.animation_id = a.id AND a.owner_id = $1 AND g.grantee_user_id = $1', [disposal.to]);
    } else {
      deleted = await sql<DeletedAnimation>(tx, 'DELETE FROM animations WHERE owner_id = $1 RETURNING id, status, render_job_id, progress', [id]);
    }
    // API keys, sessions, the grants they held, batches (when not handed over) and webhook deliveries go with
    // the row (ON DELETE CASCADE); grants they made stay, with granted_by emptied.
    await sql(tx, 'DELETE FROM users WHERE id = $1', [id]);
    const { entries } = await anonymiseAuditActor(tx, id);
    // Who deleted whom: the target is the account's id, which no longer leads to a name or an address.
    await recordAudit(tx, {
      actor: principal,
      action: 'user.delete',
      target: { type: 'user', id },
      origin,
      details: { role: user.role, animations: disposal.animations, ...(disposal.animations === 'handover' ? { to: disposal.to, handed_over: handedOver } : { deleted: deleted.length }), audit_entries_anonymised: entries },
    });
    return { deleted, handedOver, entries };
  });
  // Every process drops the account's cached key checks.
  await deps.db.query('SELECT pg_notify($1, $2)', [AUTH_CHANNEL, JSON.stringify({ userId: id })]);
  const filesNotRemoved: string[] = [];
  for (const animation of done.deleted) {
    if (animation.render_job_id && !FINISHED_STATUSES.includes(animation.status)) await deps.queue.cancel('render', animation.render_job_id).catch(() => {});
    const prefix = outputKeys(animation.id).prefix;
    await deps.storage.deletePrefix(prefix).catch(() => filesNotRemoved.push(prefix));
    await publishAnimationEvent(deps.db, { id: animation.id, status: 'deleted', progress: animation.progress });
  }
  return {
    userId: id,
    animationsDeleted: done.deleted.length,
    animationsHandedOver: done.handedOver,
    handedOverTo: disposal.animations === 'handover' ? disposal.to : null,
    auditEntriesAnonymised: done.entries,
    filesNotRemoved,
  };
}
