// Follow-ups: when an animation asked for from a chat finishes, its link is posted back there (the Slack
// command's response_url, the Teams channel's incoming webhook) by a chat-follow-up job, retried on failure.
// The job is queued once, by whichever comes last of "the follow-up is stored" and "the animation has
// finished": both take the animation's row lock, so neither can miss the other (queued_at is set once).
import type { DataSource, EntityManager } from 'typeorm';
import { sql } from '../../../db/sql.ts';
import type { JobSender } from '../../ports.ts';
import type { ChatProvider } from './identities.ts';

export interface NewFollowUp {
  animationId: string;
  provider: ChatProvider;
  /** Where the finished message is posted (checked against the allow-list before it gets here). */
  url: string;
  /** The channel it was asked from, for the log. */
  channel: string;
}

/** Queues the follow-ups of an animation that has finished and are not queued yet; inside the caller's transaction. */
export async function queueFinishedFollowUps(tx: EntityManager, queue: JobSender, animationId: string): Promise<void> {
  const rows = await sql<{ id: string }>(
    tx,
    `UPDATE chat_follow_ups f SET queued_at = now() FROM animations a
     WHERE f.animation_id = a.id AND a.id = $1 AND a.status IN ('completed', 'failed', 'cancelled') AND f.queued_at IS NULL RETURNING f.id`,
    [animationId],
  );
  for (const row of rows) await queue.send('chat-follow-up', { followUpId: row.id }, {}, tx);
}

/** Stores a follow-up, queued at once if the animation has already finished. */
export async function addFollowUp(db: DataSource, queue: JobSender, f: NewFollowUp): Promise<void> {
  await db.transaction(async (tx) => {
    // The row lock: a render finishing now waits for this transaction, or this waits for it to commit.
    await sql(tx, 'SELECT id FROM animations WHERE id = $1 FOR UPDATE', [f.animationId]);
    await sql(tx, 'INSERT INTO chat_follow_ups (animation_id, provider, url, channel) VALUES ($1, $2, $3, $4)', [f.animationId, f.provider, f.url, f.channel.slice(0, 200)]);
    await queueFinishedFollowUps(tx, queue, f.animationId);
  });
}
