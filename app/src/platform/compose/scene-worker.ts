// The entry file of the scene pool's worker threads (loaded by piscina): analyses a description and,
// for a scene, composes and validates it, off the main thread. Both can take long: openchemlib parses
// SMILES in the analysis (up to hundreds of ms) and builds 3D conformers for molecules not in the
// bundled table (seconds). Each thread keeps its own caches (generated structures) between tasks.
import type { MessagePort } from 'node:worker_threads';
import { analyze, type Analysis, type AnalyzeOptions } from '../../analysis/analyze.ts';
import { sceneForAnalysis, type SceneRequest } from '../../pipeline.ts';
import type { Scene } from '../../scene/schema.ts';
import { serialiseError, type SerialisedError } from './compose-errors.ts';

export type SceneSize = Pick<SceneRequest, 'width' | 'height' | 'fps' | 'duration'>;

export interface PoolTask {
  description: string;
  options: AnalyzeOptions;
  /** With a size: analysis and scene; without: the analysis only. */
  size?: SceneSize;
  /** Told 'started' as the task begins, so the pool's time budget counts running time, not queueing. */
  started: MessagePort;
}

/** Errors come back as values: a thrown error would lose its class on the way (see compose-errors.ts). */
export type PoolOutcome = { ok: true; analysis: Analysis; scene?: Scene } | { ok: false; error: SerialisedError };

export default function runTask(task: PoolTask): PoolOutcome {
  task.started.postMessage('started');
  task.started.close();
  try {
    const analysis = analyze(task.description, task.options);
    if (!task.size) return { ok: true, analysis };
    return { ok: true, analysis, scene: sceneForAnalysis(analysis, task.size, task.description) };
  } catch (err) {
    return { ok: false, error: serialiseError(err) };
  }
}
