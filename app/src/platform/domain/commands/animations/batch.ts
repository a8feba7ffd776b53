// Creating a batch: every item is checked first (one bad item refuses the whole batch, naming it),
// then all are stored and queued in one transaction.
import type { Animation } from '../../../db/entities/animation.ts';
import { BatchEntity, type Batch } from '../../../db/entities/batch.ts';
import { admitIntoQueue, admitRequest } from '../../admission/index.ts';
import { recordAudit, type Origin } from '../../audit/record.ts';
import { DomainError } from '../../errors.ts';
import { holdMonthlyLimit, licenseEntitlements } from '../../license/admission.ts';
import { authorize, type Actor } from '../../policy.ts';
import { checkWebhookUrl, insertAnimation, prepareAnimation, type NewAnimation, type PreparedAnimation, type Submitter } from './create.ts';
import type { AnimationDeps } from './deps.ts';
import { queuedAheadSeconds, renderSecondsFor } from './estimate.ts';

export interface NewBatch {
  /** Each item may carry the caller's own id, echoed back as client_id. */
  animations: (NewAnimation & { id?: string })[];
  /** Receives one signed POST when every item has finished. */
  callback_url?: string;
}

export async function createBatch(deps: AnimationDeps, principal: Actor & Submitter, body: NewBatch, origin?: Origin): Promise<{ batch: Batch; animations: Animation[] }> {
  authorize(principal, 'batch.create');
  await checkWebhookUrl(deps.webhooks, body.callback_url, 'body.callback_url');
  const entitlements = await licenseEntitlements(deps);
  const prepared: (PreparedAnimation & { clientRef?: string })[] = [];
  for (const [i, item] of body.animations.entries()) {
    const { id, ...input } = item;
    try {
      admitRequest(deps.config, principal, input, `body.animations[${i}]`);
      prepared.push({ ...(await prepareAnimation(deps, input, entitlements, `body.animations[${i}]`, principal.sandbox === true)), ...(id ? { clientRef: id } : {}) });
    } catch (err) {
      if (err instanceof DomainError) throw err.forItem(i, `animations[${i}]${id ? ` (id ${id})` : ''}`);
      throw err;
    }
  }
  let aheadS = await queuedAheadSeconds(deps.db);
  return deps.db.transaction(async (tx) => {
    await admitIntoQueue(tx, deps.config, principal.userId, 'batch');
    const repo = tx.getRepository(BatchEntity);
    const batch = await repo.save(repo.create({ ownerId: principal.userId, callbackUrl: body.callback_url ?? null, status: 'processing', completedAt: null }));
    const animations: Animation[] = [];
    for (const item of prepared) {
      animations.push(await insertAnimation(tx, deps, principal, item, { batchId: batch.id, clientRef: item.clientRef, aheadS }));
      aheadS += renderSecondsFor(item.input.quality, item.scene.duration);
    }
    // A sandbox key's animations count against no quota.
    await holdMonthlyLimit(tx, entitlements, principal.sandbox ? 0 : animations.length);
    await recordAudit(tx, { actor: principal, action: 'animation.batch', target: { type: 'batch', id: batch.id }, origin, details: { count: animations.length, animation_ids: animations.map((a) => a.id) } });
    return { batch, animations };
  });
}
