// The worker-thread pool (piscina) that analyses descriptions, composes scenes and typesets their
// formulas for the HTTP side: one per process, built with the platform services and closed on
// shutdown. Each task has a time budget (compose.timeBudgetMs) of running time: past it the task's
// thread is stopped and the caller gets ComposeTimeoutError. A task that waits a whole budget for a
// free thread gets ComposeBusyError.
import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { Analysis, AnalyzeOptions } from '../../analysis/analyze.ts';
import type { Scene } from '../../scene/schema.ts';
import { ComposeBusyError, ComposeTimeoutError, reviveError } from './compose-errors.ts';
import type { PoolJob, PoolOutcome, PoolResult, PoolTask, SceneSize } from './scene-worker.ts';

// A file URL: piscina loads it with import(), and Node's type stripping runs the .ts file.
const WORKER_URL = new URL('./scene-worker.ts', import.meta.url).href;
/** Threads stay up this long without work, keeping their caches (generated molecules) warm. */
const IDLE_TIMEOUT_MS = 60_000;

/** compose.threads, where 0 means one fewer than the CPU cores (the main thread needs one), 1 to 4. */
export function composeThreads(configured: number): number {
  return configured > 0 ? configured : Math.max(1, Math.min(4, availableParallelism() - 1));
}

export interface ScenePoolOptions {
  threads: number;
  timeBudgetMs: number;
}

export class ScenePool {
  readonly threads: number;
  readonly timeBudgetMs: number;
  private readonly pool: Piscina<PoolTask, PoolOutcome>;

  constructor(opts: ScenePoolOptions) {
    this.threads = opts.threads;
    this.timeBudgetMs = opts.timeBudgetMs;
    // No threads until the first task: test processes start many servers and most never compose.
    this.pool = new Piscina({ filename: WORKER_URL, minThreads: 0, maxThreads: opts.threads, idleTimeout: IDLE_TIMEOUT_MS });
  }

  /** analyze() (analysis/analyze.ts) on a worker thread; throws what it throws, with the same classes. */
  async analyze(description: string, options: AnalyzeOptions): Promise<Analysis> {
    return (await this.run({ kind: 'analyze', description, options })).analysis;
  }

  /** analyze() then sceneForAnalysis() (pipeline.ts) on a worker thread; with `math`, the formulas typeset too (render/math.ts). */
  async compose(description: string, options: AnalyzeOptions, size: SceneSize, math = false): Promise<{ analysis: Analysis; scene: Scene; math?: Record<string, string> }> {
    const result = await this.run({ kind: 'compose', description, options, size, math });
    return { analysis: result.analysis, scene: result.scene!, ...(result.math ? { math: result.math } : {}) };
  }

  private async run(job: PoolJob): Promise<PoolResult> {
    const abort = new AbortController();
    const { port1, port2 } = new MessageChannel();
    let started = false;
    let timer = setTimeout(() => abort.abort(), this.timeBudgetMs);
    port1.once('message', () => {
      started = true;
      clearTimeout(timer);
      timer = setTimeout(() => abort.abort(), this.timeBudgetMs);
    });
    try {
      const task: PoolTask = { ...job, started: port2 };
      const outcome = await this.pool.run(task, { signal: abort.signal, transferList: [port2] });
      if (!outcome.ok) throw reviveError(outcome.error);
      return outcome.result;
    } catch (err) {
      // Aborting a running task terminates its thread (piscina starts a fresh one when needed).
      if (abort.signal.aborted) throw started ? new ComposeTimeoutError(this.timeBudgetMs) : new ComposeBusyError(this.threads, this.timeBudgetMs);
      throw err;
    } finally {
      clearTimeout(timer);
      port1.close();
    }
  }

  /** Waits for running tasks, then stops the threads. */
  close(): Promise<void> {
    return this.pool.close();
  }
}
