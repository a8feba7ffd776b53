// A render job that used up its retries without finishing (its worker was killed each time, or lost
// its heartbeat) arrives here: the animation is marked failed with the last error pg-boss recorded. For a
// segment of a split render, the render's temporary segment files are removed too.
import type { JobWithMetadata } from 'pg-boss';
import { markFailed, type FinishDeps } from '../../domain/commands/animations/finish.ts';
import type { Logger } from '../../log.ts';
import type { ObjectStorage } from '../../storage/storage.ts';
import type { JobPayloads } from '../names.ts';
import { segmentPrefix } from './render-split.ts';

export async function performRenderDead(deps: FinishDeps & { log: Logger; storage?: ObjectStorage }, job: JobWithMetadata<JobPayloads['render-dead']>): Promise<void> {
  const { animationId, generation, segment } = job.data;
  const last = job.sourceOutput as { message?: string } | null;
  const attempts = (job.sourceRetryCount ?? 0) + 1;
  const what = segment === undefined ? 'the render' : `segment ${segment} of the render`;
  const reason = `${what} did not finish after ${attempts} attempt${attempts > 1 ? 's' : ''}${last?.message ? `: ${last.message}` : ''}`;
  const failed = await markFailed(deps, animationId, generation, reason);
  if (failed) deps.log.warn(`render ${animationId}: ${reason}`);
  if (segment !== undefined) await deps.storage?.deletePrefix(segmentPrefix(animationId, generation));
}
