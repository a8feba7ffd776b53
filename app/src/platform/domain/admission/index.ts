// Admission control: what is checked before an animation is accepted, in one place for generate, batch and
// re-render. Cheap checks come first (priority, the requested shape), the composed scene's real length next,
// and the per-user concurrency last, inside the transaction that stores the animation.
import type { EntityManager } from 'typeorm';
import type { DevforgeConfig } from '../../../config/schema.ts';
import type { ResolutionName } from '../../../render/presets.ts';
import type { Actor } from '../policy.ts';
import { admitConcurrentBatches, admitConcurrentRenders } from './concurrency.ts';
import { admitPriority, admitWebhook } from './priority.ts';
import { admitRenderCost } from './render-cost.ts';

export { estimateRender } from './render-cost.ts';

export interface RequestedRender {
  /** Absent: the license's default decides it later; the composed scene is checked then (admitScene). */
  quality?: ResolutionName | undefined;
  fps?: number;
  duration?: number;
  priority: string;
  webhook_url?: string | undefined;
}

/** Before composing: the priority, who may ask for a webhook, and the requested length when one was given (no scene is composed for a render that cannot run). */
export function admitRequest(config: DevforgeConfig, principal: Actor, input: RequestedRender, field = 'body'): void {
  admitPriority(principal, input.priority, `${field}.priority`);
  admitWebhook(principal, input.webhook_url, `${field}.webhook_url`);
  if (input.duration !== undefined && input.quality !== undefined) admitRenderCost(config, { quality: input.quality, fps: input.fps ?? config.render.defaultFps, durationS: input.duration }, field);
}

/** After composing (or for a stored animation): the scene's real length, which narration may have stretched. */
export function admitScene(config: DevforgeConfig, quality: ResolutionName, scene: { fps: number; duration: number }, field = 'body'): void {
  admitRenderCost(config, { quality, fps: scene.fps, durationS: scene.duration }, field);
}

/** In the storing transaction: the user's renders in the queue (a single animation) or batches processing. */
export async function admitIntoQueue(tx: EntityManager, config: DevforgeConfig, userId: string, kind: 'render' | 'batch'): Promise<void> {
  if (kind === 'batch') await admitConcurrentBatches(tx, config, userId);
  else await admitConcurrentRenders(tx, config, userId);
}
