// The entry file of the scene pool's worker threads (loaded by piscina): analyses descriptions,
// composes and validates scenes, and typesets their formulas, off the main thread. Each can take long:
// openchemlib parses SMILES in the analysis (up to hundreds of ms) and builds 3D conformers for
// molecules not in the bundled table (seconds); MathJax takes a quarter of a second to start. Each
// thread keeps its own caches (generated structures, MathJax) between tasks.
import type { MessagePort } from 'node:worker_threads';
import { analyze, type Analysis, type AnalyzeOptions } from '../../analysis/analyze.ts';
import { sceneForAnalysis, type SceneRequest } from '../../pipeline.ts';
import { mathAssets } from '../../render/math.ts';
import type { Scene } from '../../scene/schema.ts';
import { serialiseError, type SerialisedError } from './compose-errors.ts';

export type SceneSize = Pick<SceneRequest, 'width' | 'height' | 'fps' | 'duration' | 'captions' | 'voice'>;

export type PoolJob =
  | { kind: 'analyze'; description: string; options: AnalyzeOptions }
  /** `math`: also typeset the scene's formulas (the live preview shows them). */
  | { kind: 'compose'; description: string; options: AnalyzeOptions; size: SceneSize; math: boolean };

export type PoolResult = { analysis: Analysis; scene?: Scene; math?: Record<string, string> };

export type PoolTask = PoolJob & {
  /** Told 'started' as the task begins, so the pool's time budget counts running time, not queueing. */
  started: MessagePort;
};

/** Errors come back as values: a thrown error would lose its class on the way (see compose-errors.ts). */
export type PoolOutcome = { ok: true; result: PoolResult } | { ok: false; error: SerialisedError };

function perform(job: PoolJob): PoolResult {
  switch (job.kind) {
    case 'analyze':
      return { analysis: analyze(job.description, job.options) };
    case 'compose': {
      const analysis = analyze(job.description, job.options);
      const scene = sceneForAnalysis(analysis, job.size, job.description);
      return { analysis, scene, ...(job.math ? { math: mathAssets(scene) } : {}) };
    }
  }
}

export default function runTask(task: PoolTask): PoolOutcome {
  task.started.postMessage('started');
  task.started.close();
  try {
    return { ok: true, result: perform(task) };
  } catch (err) {
    return { ok: false, error: serialiseError(err) };
  }
}
