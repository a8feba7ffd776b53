// Every queue and the payload its jobs carry: the name → payload map that keeps send() and work() honest.
export interface JobPayloads {
  /** Render one generation of an animation. */
  /**
   * Render one generation of an animation; with `segment`, only that segment of a render split across workers
   * (a child job: its row in render_segments says which frames).
   */
  render: { animationId: string; generation: number; segment?: number };
  /** A render that used up its retries (pg-boss dead-letter copy of the render job). */
  'render-dead': { animationId: string; generation: number; segment?: number };
  /** Deliver one webhook (the delivery row holds URL, payload and attempt log). */
  webhook: { deliveryId: string };
  /** Nightly clean-up of old animations, sessions and delivery logs. */
  retention: Record<string, never>;
  /** Daily purge of audit log entries older than audit.retentionDays. */
  'audit-purge': Record<string, never>;
  /** Post a finished animation's link back to the Slack or Teams conversation it was asked from. */
  'chat-follow-up': { followUpId: string };
}

export type QueueName = keyof JobPayloads;
export const QUEUE_NAMES: QueueName[] = ['render', 'render-dead', 'webhook', 'retention', 'audit-purge', 'chat-follow-up'];
