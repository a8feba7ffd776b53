// What was rendered, for accounting: one row per animation and generation, whatever the retries.
import { EntitySchema } from 'typeorm';
import { createdAt, text, uuidPrimary } from './columns.ts';

export interface UsageEvent {
  id: string;
  animationId: string;
  ownerId: string;
  generation: number;
  kind: string;
  quality: string;
  frames: number;
  durationS: number;
  renderS: number;
  createdAt: Date;
}

export const UsageEventEntity = new EntitySchema<UsageEvent>({
  name: 'UsageEvent',
  tableName: 'usage_events',
  columns: {
    id: uuidPrimary,
    animationId: { type: 'uuid', name: 'animation_id' },
    ownerId: { type: 'uuid', name: 'owner_id' },
    generation: { type: 'int', name: 'generation' },
    kind: text('kind'),
    quality: text('quality'),
    frames: { type: 'int', name: 'frames' },
    durationS: { type: 'real', name: 'duration_s' },
    renderS: { type: 'real', name: 'render_s' },
    createdAt,
  },
});
