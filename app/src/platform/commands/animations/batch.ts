// POST /animations/batch: every item is checked first (one bad item refuses the whole batch, naming
// it), then all are stored and queued in one transaction.
import { z } from 'zod';
import { Problem } from '../../api/problems.ts';
import type { batchBody } from '../../api/schemas/animations.ts';
import type { Principal } from '../../auth/principal.ts';
import { BatchEntity, type Batch } from '../../db/entities/batch.ts';
import type { Animation } from '../../db/entities/animation.ts';
import { checkWebhookUrl, insertAnimation, prepareAnimation, type PreparedAnimation } from './create.ts';
import type { AnimationDeps } from './deps.ts';
import { queuedAheadSeconds, renderSecondsFor } from './estimate.ts';

export async function createBatch(deps: AnimationDeps, principal: Pick<Principal, 'userId'>, body: z.infer<typeof batchBody>): Promise<{ batch: Batch; animations: Animation[] }> {
  await checkWebhookUrl(deps.webhooks, body.callback_url, 'body.callback_url');
  const prepared: (PreparedAnimation & { clientRef?: string })[] = [];
  for (const [i, item] of body.animations.entries()) {
    const { id, ...input } = item;
    try {
      prepared.push({ ...(await prepareAnimation(deps, input, `body.animations[${i}]`)), ...(id ? { clientRef: id } : {}) });
    } catch (err) {
      if (err instanceof Problem) throw new Problem(err.type, `animations[${i}]${id ? ` (id ${id})` : ''}: ${err.detail ?? err.message}`, { ...err.extra, item: i }, err.headers);
      throw err;
    }
  }
  let aheadS = await queuedAheadSeconds(deps.db);
  return deps.db.transaction(async (tx) => {
    const repo = tx.getRepository(BatchEntity);
    const batch = await repo.save(repo.create({ ownerId: principal.userId, callbackUrl: body.callback_url ?? null, status: 'processing', completedAt: null }));
    const animations: Animation[] = [];
    for (const item of prepared) {
      animations.push(await insertAnimation(tx, deps, principal, item, { batchId: batch.id, clientRef: item.clientRef, aheadS }));
      aheadS += renderSecondsFor(item.input.quality, item.scene.duration);
    }
    return { batch, animations };
  });
}
