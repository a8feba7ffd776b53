// Errors that cross the worker-thread boundary of the scene pool. Structured clone keeps an Error's
// message but not its class or fields, so the worker sends a plain description and the main thread
// rebuilds the same class: callers keep using `instanceof SceneValidationError` / `AnalysisError`.
import { AnalysisError } from '../../analysis/analyze.ts';
import { SceneValidationError, type SceneProblem } from '../../scene/validate.ts';

export type SerialisedError =
  | { kind: 'scene-invalid'; message: string; problems: SceneProblem[] }
  | { kind: 'analysis'; message: string; code: AnalysisError['code']; details: Record<string, unknown> }
  | { kind: 'other'; message: string; name: string; stack?: string };

export function serialiseError(err: unknown): SerialisedError {
  if (err instanceof SceneValidationError) return { kind: 'scene-invalid', message: err.message, problems: err.problems };
  if (err instanceof AnalysisError) return { kind: 'analysis', message: err.message, code: err.code, details: err.details };
  const e = err instanceof Error ? err : new Error(String(err));
  return { kind: 'other', message: e.message, name: e.name, ...(e.stack ? { stack: e.stack } : {}) };
}

export function reviveError(s: SerialisedError): Error {
  switch (s.kind) {
    case 'scene-invalid': {
      const err = new SceneValidationError(s.problems);
      err.message = s.message;
      return err;
    }
    case 'analysis':
      return new AnalysisError(s.code, s.message, s.details);
    case 'other': {
      const err = new Error(s.message);
      err.name = s.name;
      if (s.stack) err.stack = s.stack;
      return err;
    }
  }
}

/** The composition ran longer than compose.timeBudgetMs; its worker thread was stopped. */
export class ComposeTimeoutError extends Error {
  override name = 'ComposeTimeoutError';
  readonly budgetMs: number;
  constructor(budgetMs: number) {
    super(`composing this scene took longer than ${seconds(budgetMs)} (compose.timeBudgetMs); try a smaller molecule or raise the budget`);
    this.budgetMs = budgetMs;
  }
}

/** Every compose thread stayed busy with other scenes for a whole time budget: this one never started. */
export class ComposeBusyError extends Error {
  override name = 'ComposeBusyError';
  constructor(threads: number, budgetMs: number) {
    super(`all ${threads} compose thread${threads === 1 ? '' : 's'} (compose.threads) stayed busy with other scenes for ${seconds(budgetMs)}; try again shortly`);
  }
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}
