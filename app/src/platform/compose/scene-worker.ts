// The entry file of the scene pool's worker threads (loaded by piscina): composes and validates one
// scene per task, off the main thread, so slow compositions (openchemlib conformers for molecules
// not in the bundled table take seconds) never stall HTTP, SSE or render progress. Each thread keeps
// its own caches (generated molecule structures) between tasks.
import type { MessagePort } from 'node:worker_threads';
import type { Analysis } from '../../analysis/analyze.ts';
import { sceneForAnalysis, type SceneRequest } from '../../pipeline.ts';
import type { Scene } from '../../scene/schema.ts';
import { serialiseError, type SerialisedError } from './compose-errors.ts';

export interface ComposeTask {
  analysis: Analysis;
  size: Pick<SceneRequest, 'width' | 'height' | 'fps' | 'duration'>;
  description?: string;
  /** Told 'started' as the task begins, so the pool's time budget counts running time, not queueing. */
  started: MessagePort;
}

/** Errors come back as values: a thrown error would lose its class on the way (see compose-errors.ts). */
export type ComposeOutcome = { ok: true; scene: Scene } | { ok: false; error: SerialisedError };

export default function composeScene(task: ComposeTask): ComposeOutcome {
  task.started.postMessage('started');
  task.started.close();
  try {
    return { ok: true, scene: sceneForAnalysis(task.analysis, task.size, task.description) };
  } catch (err) {
    return { ok: false, error: serialiseError(err) };
  }
}
