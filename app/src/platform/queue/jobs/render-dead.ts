// A render job that used up its retries without finishing (its worker was killed each time, or lost
// its heartbeat) arrives here: the animation is marked failed with the last error pg-boss recorded.
import type { JobWithMetadata } from 'pg-boss';
import { markFailed, type FinishDeps } from '../../domain/commands/animations/finish.ts';
import type { Logger } from '../../log.ts';
import type { JobPayloads } from '../names.ts';

export async function performRenderDead(deps: FinishDeps & { log: Logger }, job: JobWithMetadata<JobPayloads['render-dead']>): Promise<void> {
  const { animationId, generation } = job.data;
  const last = job.sourceOutput as { message?: string } | null;
  const attempts = (job.sourceRetryCount ?? 0) + 1;
  const reason = `the render did not finish after ${attempts} attempt${attempts > 1 ? 's' : ''}${last?.message ? `: ${last.message}` : ''}`;
  const failed = await markFailed(deps, animationId, generation, reason);
  if (failed) deps.log.warn(`render ${animationId}: ${reason}`);
}
