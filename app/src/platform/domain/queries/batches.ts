// Reading a batch: the batch, each of its items (summaries) and how many are in each status.
import type { DataSource } from 'typeorm';
import { BatchEntity, type Batch } from '../../db/entities/batch.ts';
import { DomainError } from '../errors.ts';
import type { AnimationSummary } from '../payloads.ts';
import { authorize, type Actor } from '../policy.ts';
import { batchItems } from './animations.ts';

export interface BatchView {
  batch: Batch;
  items: AnimationSummary[];
  counts: Record<string, number>;
}

export async function getBatch(db: DataSource, principal: Actor, id: string): Promise<BatchView> {
  const batch = await db.getRepository(BatchEntity).findOneBy({ id });
  if (!batch) throw new DomainError('not-found', 'no such batch');
  authorize(principal, 'batch.read', { kind: 'batch', ownerId: batch.ownerId });
  const items = await batchItems(db, batch.id);
  const counts: Record<string, number> = {};
  for (const a of items) counts[a.status] = (counts[a.status] ?? 0) + 1;
  return { batch, items, counts };
}
