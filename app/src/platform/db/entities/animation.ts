// One requested animation: what was asked, what the analysis made of it, the scene spec that renders
// it identically later, and where its render stands.
import { EntitySchema } from 'typeorm';
import { createdAt, json, text, timestamp, updatedAt, uuidPrimary } from './columns.ts';

export const ANIMATION_STATUSES = ['queued', 'processing', 'completed', 'failed', 'cancelled'] as const;
export type AnimationStatus = (typeof ANIMATION_STATUSES)[number];
export const FINISHED_STATUSES: readonly AnimationStatus[] = ['completed', 'failed', 'cancelled'];

export interface AnimationOutputs {
  video: { key: string; bytes: number };
  poster: { key: string; bytes: number };
  captions: { key: string; bytes: number };
  frames: number;
  duration_s: number;
  width: number;
  height: number;
  fps: number;
  encoder: string;
  render_s: number;
}

export interface Branding {
  logo?: string;
  colors?: { primary?: string; text?: string };
  watermark?: string;
  product_name?: string;
}

export interface Animation {
  id: string;
  ownerId: string;
  batchId: string | null;
  /** The caller's own id for a batch item. */
  clientRef: string | null;
  description: string;
  /** The owner's name for it in the library; null: untitled (the description is shown). */
  title: string | null;
  style: string;
  quality: string;
  fps: number;
  durationS: number;
  template: string;
  params: Record<string, unknown>;
  facts: Record<string, unknown>;
  /** confidence, alternatives, warnings of the analysis. */
  analysis: Record<string, unknown>;
  scene: Record<string, unknown>;
  branding: Branding | null;
  webhookUrl: string | null;
  status: AnimationStatus;
  /** 0..1 */
  progress: number;
  error: string | null;
  outputs: AnimationOutputs | null;
  /** Bumped by each re-render: usage is recorded once per generation. */
  generation: number;
  attempts: number;
  priority: number;
  /** The pg-boss job of the current generation (to cancel it). */
  renderJobId: string | null;
  /** Anyone signed in may view it (sharing's organisation-wide switch). */
  orgVisible: boolean;
  /** Submitted with a sandbox key: the renderer draws "SANDBOX" on it, and it counts against no quota. */
  sandbox: boolean;
  createdAt: Date;
  updatedAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
  estimatedCompletion: Date | null;
}

export const AnimationEntity = new EntitySchema<Animation>({
  name: 'Animation',
  tableName: 'animations',
  columns: {
    id: uuidPrimary,
    ownerId: { type: 'uuid', name: 'owner_id' },
    batchId: { type: 'uuid', name: 'batch_id', nullable: true },
    clientRef: text('client_ref', true),
    description: text('description'),
    title: text('title', true),
    style: text('style'),
    quality: text('quality'),
    fps: { type: 'int', name: 'fps' },
    durationS: { type: 'real', name: 'duration_s' },
    template: text('template'),
    params: json('params'),
    facts: json('facts'),
    analysis: json('analysis'),
    scene: json('scene'),
    branding: json('branding', true),
    webhookUrl: text('webhook_url', true),
    status: text('status'),
    progress: { type: 'real', name: 'progress', default: 0 },
    error: text('error', true),
    outputs: json('outputs', true),
    generation: { type: 'int', name: 'generation', default: 1 },
    attempts: { type: 'int', name: 'attempts', default: 0 },
    priority: { type: 'int', name: 'priority', default: 0 },
    renderJobId: { type: 'uuid', name: 'render_job_id', nullable: true },
    orgVisible: { type: 'boolean', name: 'org_visible', default: false },
    sandbox: { type: 'boolean', name: 'sandbox', default: false },
    createdAt,
    updatedAt,
    startedAt: timestamp('started_at', true),
    completedAt: timestamp('completed_at', true),
    estimatedCompletion: timestamp('estimated_completion', true),
  },
});
