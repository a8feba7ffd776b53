// The chat follow-up job: posts a finished animation's link (Slack) or card (Teams) back to where it was
// asked from. One attempt per run; a transient failure throws so pg-boss retries with backoff (the webhook
// queue's policy), a permanent one (the URL is not allowed any more, the chat service refused it: Slack
// answers 404 to an expired response_url) is recorded and not retried.
import type { JobWithMetadata } from 'pg-boss';
import type { DataSource } from 'typeorm';
import type { DevforgeConfig } from '../../../config/schema.ts';
import { sql } from '../../db/sql.ts';
import type { ChatProvider } from '../../domain/commands/chat/identities.ts';
import { ChatPostFailure, checkResponseUrl, postMessage } from '../../integrations/post-back.ts';
import { posterLinkPath } from '../../integrations/poster-link.ts';
import { slackFinished, type FinishedAnimation } from '../../integrations/slack-messages.ts';
import { teamsFinished } from '../../integrations/teams-cards.ts';
import type { Logger } from '../../log.ts';
import { animationPath } from '../../web/app-paths.ts';
import type { JobPayloads } from '../names.ts';

export interface ChatFollowUpDeps {
  db: DataSource;
  config: DevforgeConfig;
  publicUrl: string;
  log: Logger;
}

interface Row {
  id: string;
  provider: ChatProvider;
  url: string;
  channel: string;
  attempts: number;
  sent_at: Date | null;
  animation_id: string;
  status: FinishedAnimation['status'];
  title: string | null;
  description: string;
  error: string | null;
  generation: number;
}

export async function performChatFollowUp(deps: ChatFollowUpDeps, job: JobWithMetadata<JobPayloads['chat-follow-up']>): Promise<Record<string, unknown>> {
  const [row] = await sql<Row>(
    deps.db,
    `SELECT f.id, f.provider, f.url, f.channel, f.attempts, f.sent_at, a.id AS animation_id, a.status, a.title, a.description, a.error, a.generation
     FROM chat_follow_ups f JOIN animations a ON a.id = f.animation_id WHERE f.id = $1`,
    [job.data.followUpId],
  );
  if (!row || row.sent_at) return { skipped: true };
  const base = deps.publicUrl.replace(/\/$/, '');
  const api = `${base}/api/v1/animations/${row.animation_id}`;
  const token = deps.config.integrations.teams.securityToken;
  const finished: FinishedAnimation = {
    status: row.status,
    title: (row.title ?? row.description).slice(0, 120),
    error: row.error,
    pageUrl: base + animationPath(row.animation_id),
    videoUrl: `${api}/video`,
    posterUrl: row.provider === 'teams' && token ? base + posterLinkPath(token, row.animation_id, row.generation) : `${api}/poster`,
  };
  const attempt = row.attempts + 1;
  try {
    // The Slack URL came with the request: checked again, in case the allow-list changed since.
    if (row.provider === 'slack') checkResponseUrl(row.url, deps.config.integrations.slack.responseHosts);
    await postMessage(row.url, row.provider === 'slack' ? slackFinished(finished) : teamsFinished(finished), deps.config.webhooks.timeoutMs);
  } catch (err) {
    const failure = err instanceof ChatPostFailure ? err : new ChatPostFailure('connection-failed', (err as Error).message, { cause: err });
    await sql(deps.db, 'UPDATE chat_follow_ups SET attempts = $2, last_error = $3 WHERE id = $1', [row.id, attempt, failure.message]);
    const last = failure.permanent || job.retryCount >= job.retryLimit;
    deps.log.warn(`chat follow-up ${row.id} (${row.provider}${row.channel ? `, ${row.channel}` : ''}) attempt ${attempt}: ${failure.message}${failure.permanent ? '; permanent, not retried' : last ? '; giving up' : '; will retry'}`);
    if (last) return { failed: failure.message };
    throw failure;
  }
  await sql(deps.db, 'UPDATE chat_follow_ups SET attempts = $2, last_error = NULL, sent_at = now() WHERE id = $1', [row.id, attempt]);
  return { sent: true, attempt };
}
