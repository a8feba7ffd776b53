// A group of animations submitted together; its callback fires once, when every item has finished.
import { EntitySchema } from 'typeorm';
import { createdAt, text, timestamp, uuidPrimary } from './columns.ts';

export const BATCH_STATUSES = ['processing', 'completed'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export interface Batch {
  id: string;
  ownerId: string;
  callbackUrl: string | null;
  status: BatchStatus;
  createdAt: Date;
  completedAt: Date | null;
}

export const BatchEntity = new EntitySchema<Batch>({
  name: 'Batch',
  tableName: 'batches',
  columns: {
    id: uuidPrimary,
    ownerId: { type: 'uuid', name: 'owner_id' },
    callbackUrl: text('callback_url', true),
    status: text('status'),
    createdAt,
    completedAt: timestamp('completed_at', true),
  },
});
