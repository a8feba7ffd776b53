// Ending an animation: completed, failed or cancelled. Each end, in one transaction, also queues its
// webhook (once per generation and outcome, whatever the retries) and, when it was the last open item
// of a batch, completes the batch and queues the batch callback (once).
import type { DataSource, EntityManager } from 'typeorm';
import { AnimationEntity, type Animation, type AnimationOutputs } from '../../../db/entities/animation.ts';
import { sql } from '../../../db/sql.ts';
import { publishAnimationEvent } from '../../../events/animation-events.ts';
import { animationPayload, batchItemPayload } from '../../payloads.ts';
import type { JobSender } from '../../ports.ts';
import { batchItems } from '../../queries/animations.ts';
import { queueFinishedFollowUps } from '../chat/follow-ups.ts';

export interface FinishDeps {
  db: DataSource;
  queue: JobSender;
  publicUrl: string;
}

export interface UsageRecord {
  quality: string;
  frames: number;
  durationS: number;
  renderS: number;
  /** The worker that rendered it (worker.name, else host:pid). */
  worker: string;
  /** The GPU that encoded it, or cpu. */
  gpu: string;
}

interface NewDelivery {
  ownerId: string;
  animationId?: string;
  batchId?: string;
  event: string;
  url: string;
  payload: Record<string, unknown>;
  dedupeKey: string;
}

async function queueDelivery(tx: EntityManager, deps: FinishDeps, d: NewDelivery): Promise<void> {
  const rows = await sql<{ id: string }>(
    tx,
    `INSERT INTO webhook_deliveries (owner_id, animation_id, batch_id, event, url, payload, dedupe_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [d.ownerId, d.animationId ?? null, d.batchId ?? null, d.event, d.url, JSON.stringify(d.payload), d.dedupeKey],
  );
  if (rows[0]) await deps.queue.send('webhook', { deliveryId: rows[0].id }, {}, tx);
}

/** Completes the batch when none of its items is open any more. The row lock serialises the last two items. */
async function settleBatch(tx: EntityManager, deps: FinishDeps, batchId: string): Promise<void> {
  const [batch] = await sql<{ owner_id: string; callback_url: string | null; status: string }>(tx, 'SELECT owner_id, callback_url, status FROM batches WHERE id = $1 FOR UPDATE', [batchId]);
  if (!batch || batch.status !== 'processing') return;
  const [open] = await sql<{ n: number }>(tx, `SELECT count(*)::int AS n FROM animations WHERE batch_id = $1 AND status IN ('queued', 'processing')`, [batchId]);
  if (open!.n > 0) return;
  await sql(tx, `UPDATE batches SET status = 'completed', completed_at = now() WHERE id = $1`, [batchId]);
  if (!batch.callback_url) return;
  const animations = (await batchItems(tx, batchId)).map((a) => batchItemPayload(a, deps.publicUrl));
  await queueDelivery(tx, deps, {
    ownerId: batch.owner_id,
    batchId,
    event: 'batch.completed',
    url: batch.callback_url,
    payload: { event: 'batch.completed', batch_id: batchId, status: 'completed', animations },
    dedupeKey: `batch:${batchId}:completed`,
  });
}

/** Side effects of reaching a finished status; runs inside the transaction that set it. */
export async function afterFinish(tx: EntityManager, deps: FinishDeps, animation: Animation): Promise<void> {
  if (animation.webhookUrl) {
    const event = `animation.${animation.status}`;
    await queueDelivery(tx, deps, {
      ownerId: animation.ownerId,
      animationId: animation.id,
      event,
      url: animation.webhookUrl,
      payload: { event, animation: animationPayload(animation, deps.publicUrl) },
      dedupeKey: `animation:${animation.id}:${animation.generation}:${animation.status}`,
    });
  }
  if (animation.batchId) await settleBatch(tx, deps, animation.batchId);
  // Asked for from Slack or Teams: the link goes back there.
  await queueFinishedFollowUps(tx, deps.queue, animation.id);
}

async function finish(deps: FinishDeps, id: string, generation: number, set: string, params: unknown[], extra?: (tx: EntityManager) => Promise<void>): Promise<Animation | undefined> {
  const animation = await deps.db.transaction(async (tx) => {
    const rows = await sql<{ id: string }>(tx, `UPDATE animations SET ${set}, updated_at = now(), completed_at = now() WHERE id = $1 AND generation = $2 AND status IN ('queued', 'processing') RETURNING id`, [id, generation, ...params]);
    if (!rows.length) return undefined;
    await extra?.(tx);
    const saved = (await tx.getRepository(AnimationEntity).findOneBy({ id }))!;
    await afterFinish(tx, deps, saved);
    return saved;
  });
  if (animation) await publishAnimationEvent(deps.db, { id, status: animation.status, progress: animation.progress, error: animation.error });
  return animation;
}

/**
 * Marks a render done and records its usage. Idempotent: a second call for the same generation (a
 * retried job whose first attempt got this far) changes nothing and records nothing.
 */
export function markCompleted(deps: FinishDeps, animation: Pick<Animation, 'id' | 'ownerId' | 'generation'>, outputs: AnimationOutputs, usage: UsageRecord): Promise<Animation | undefined> {
  return finish(deps, animation.id, animation.generation, `status = 'completed', progress = 1, error = NULL, outputs = $3`, [JSON.stringify(outputs)], async (tx) => {
    await sql(
      tx,
      `INSERT INTO usage_events (animation_id, owner_id, generation, kind, quality, frames, duration_s, render_s, worker, gpu)
       VALUES ($1, $2, $3, 'render', $4, $5, $6, $7, $8, $9) ON CONFLICT (animation_id, generation, kind) DO NOTHING`,
      [animation.id, animation.ownerId, animation.generation, usage.quality, usage.frames, usage.durationS, usage.renderS, usage.worker, usage.gpu],
    );
  });
}

export function markFailed(deps: FinishDeps, id: string, generation: number, error: string): Promise<Animation | undefined> {
  return finish(deps, id, generation, `status = 'failed', error = $3`, [error.slice(0, 2000)]);
}

export function markCancelled(deps: FinishDeps, id: string, generation: number): Promise<Animation | undefined> {
  return finish(deps, id, generation, `status = 'cancelled', error = NULL`, []);
}
