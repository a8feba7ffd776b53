// What the animation commands need, and nothing more.
import type { DataSource } from 'typeorm';
import type { DevforgeConfig } from '../../../../config/schema.ts';
import type { ScenePool } from '../../../compose/scene-pool.ts';
import type { JobSender, WebhookUrlCheck } from '../../ports.ts';

export interface AnimationDeps {
  db: DataSource;
  queue: JobSender;
  config: DevforgeConfig;
  webhooks: WebhookUrlCheck;
  /** Where scenes are composed (worker threads). */
  scenes: ScenePool;
  /** Absolute base URL for links in webhook payloads. */
  publicUrl: string;
}

export const PRIORITIES = { low: 0, normal: 10, high: 20 } as const;
