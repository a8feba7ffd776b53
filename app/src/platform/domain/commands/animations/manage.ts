// Cancel, re-render, rename and delete: what an owner (or an admin) may do to an existing animation.
import { randomUUID } from 'node:crypto';
import type { ResolutionName } from '../../../../render/presets.ts';
import type { Quality } from '../../../../licensing/entitlements.ts';
import { AnimationEntity, FINISHED_STATUSES, type Animation } from '../../../db/entities/animation.ts';
import { sql } from '../../../db/sql.ts';
import { publishAnimationEvent } from '../../../events/animation-events.ts';
import type { ObjectStorage } from '../../../storage/storage.ts';
import { outputKeys } from '../../../storage/create.ts';
import { admitIntoQueue, admitScene } from '../../admission/index.ts';
import { recordAudit, type Origin } from '../../audit/record.ts';
import { DomainError } from '../../errors.ts';
import { licenseEntitlements } from '../../license/admission.ts';
import { getAnimation } from '../../queries/animations.ts';
import type { AnimationDeps } from './deps.ts';
import { queuedAheadSeconds, renderSecondsFor } from './estimate.ts';
import { afterFinish, markCancelled } from './finish.ts';
import { cancelSegmentJobs, openSegmentJobs } from './segment-jobs.ts';
import { authorizeWithinLicense, type Actor } from '../../policy.ts';

/** Cancels a queued or running render. The worker notices at its next progress save and stops. */
export async function cancelAnimation(deps: AnimationDeps, principal: Actor, id: string, origin?: Origin): Promise<Animation> {
  const animation = await getAnimation(deps.db, principal, id, 'animation.cancel');
  if (FINISHED_STATUSES.includes(animation.status)) throw new DomainError('conflict', `the animation is already ${animation.status}; there is nothing to cancel`);
  const cancelled = await markCancelled(deps, id, animation.generation);
  if (!cancelled) throw new DomainError('conflict', 'the animation finished before it could be cancelled');
  await recordAudit(deps.db, { actor: principal, action: 'animation.cancel', target: { type: 'animation', id }, origin, details: { owner_id: animation.ownerId, was: animation.status } });
  if (animation.renderJobId) await deps.queue.cancel('render', animation.renderJobId).catch(() => {});
  await cancelSegmentJobs(deps.queue, await openSegmentJobs(deps.db, id, animation.generation));
  return cancelled;
}

/** Renders a finished animation again from its stored scene spec, as a new generation (new usage). */
export async function rerenderAnimation(deps: AnimationDeps, principal: Actor, id: string, origin?: Origin): Promise<Animation> {
  const animation = await getAnimation(deps.db, principal, id, 'animation.rerender');
  if (!FINISHED_STATUSES.includes(animation.status)) throw new DomainError('conflict', `the animation is ${animation.status}; cancel it first or wait for it to finish`);
  // The limits may have been lowered since it was first rendered.
  admitScene(deps.config, animation.quality as ResolutionName, { fps: animation.fps, duration: animation.durationS });
  // A re-render is a render at the stored quality: within the license in force now (not a new animation, so not counted).
  authorizeWithinLicense(await licenseEntitlements(deps), { entitlement: 'max_quality', wants: animation.quality as Quality });
  const aheadS = await queuedAheadSeconds(deps.db);
  const jobId = randomUUID();
  const updated = await deps.db.transaction(async (tx) => {
    await admitIntoQueue(tx, deps.config, principal.userId, 'render');
    const rows = await sql<{ generation: number }>(
      tx,
      `UPDATE animations SET status = 'queued', generation = generation + 1, progress = 0, error = NULL, attempts = 0,
              started_at = NULL, completed_at = NULL, render_job_id = $3, estimated_completion = $4, updated_at = now()
        WHERE id = $1 AND generation = $2 AND status IN ('completed', 'failed', 'cancelled') RETURNING generation`,
      [id, animation.generation, jobId, new Date(Date.now() + (aheadS + renderSecondsFor(animation.quality, animation.durationS)) * 1000)],
    );
    if (!rows[0]) throw new DomainError('conflict', 'the animation changed meanwhile; try again');
    await deps.queue.send('render', { animationId: id, generation: rows[0].generation }, { id: jobId, priority: animation.priority, singletonKey: id }, tx);
    await recordAudit(tx, { actor: principal, action: 'animation.rerender', target: { type: 'animation', id }, origin, details: { owner_id: animation.ownerId, generation: rows[0].generation } });
    return (await tx.getRepository(AnimationEntity).findOneBy({ id }))!;
  });
  await publishAnimationEvent(deps.db, { id, status: updated.status, progress: 0 });
  return updated;
}

/** Names the animation in the library (null: untitled again). Its description and files stay as they are. */
export async function renameAnimation(deps: Pick<AnimationDeps, 'db'>, principal: Actor, id: string, title: string | null, origin?: Origin): Promise<void> {
  const animation = await getAnimation(deps.db, principal, id, 'animation.rename');
  await deps.db.transaction(async (tx) => {
    await sql(tx, 'UPDATE animations SET title = $2, updated_at = now() WHERE id = $1', [id, title]);
    await recordAudit(tx, { actor: principal, action: 'animation.rename', target: { type: 'animation', id }, origin, details: { owner_id: animation.ownerId, from: animation.title, to: title } });
  });
}

/** Deletes the animation, its files and its queued job. Usage records stay (they are accounting). */
export async function deleteAnimation(deps: AnimationDeps & { storage: ObjectStorage }, principal: Actor, id: string, origin?: Origin): Promise<void> {
  const animation = await getAnimation(deps.db, principal, id, 'animation.delete');
  // Read before the delete, which takes the segment rows with it.
  const segments = FINISHED_STATUSES.includes(animation.status) ? [] : await openSegmentJobs(deps.db, id, animation.generation);
  await deps.db.transaction(async (tx) => {
    await sql(tx, 'DELETE FROM animations WHERE id = $1', [id]);
    await recordAudit(tx, { actor: principal, action: 'animation.delete', target: { type: 'animation', id }, origin, details: { owner_id: animation.ownerId, template: animation.template, status: animation.status } });
    // A batch waiting only on this item is now complete.
    if (animation.batchId && !FINISHED_STATUSES.includes(animation.status)) await afterFinish(tx, deps, { ...animation, status: 'cancelled', webhookUrl: null });
  });
  if (animation.renderJobId && !FINISHED_STATUSES.includes(animation.status)) await deps.queue.cancel('render', animation.renderJobId).catch(() => {});
  await cancelSegmentJobs(deps.queue, segments);
  await deps.storage.deletePrefix(outputKeys(id).prefix);
  await publishAnimationEvent(deps.db, { id, status: 'deleted', progress: animation.progress });
}
