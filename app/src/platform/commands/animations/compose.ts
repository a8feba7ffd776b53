// Request → analysis → scene spec, with analysis and composition failures turned into 422 problems.
// Composition happens at request time so a bad request fails now, not later on a worker. The analysis
// (well under a millisecond) runs here; the template compose + validate runs on the scene pool's
// worker threads, because some compositions (molecule structures) take seconds of CPU.
import { AnalysisError, analyze, type Analysis } from '../../../analysis/analyze.ts';
import type { DevforgeConfig } from '../../../config/schema.ts';
import { RESOLUTIONS } from '../../../render/presets.ts';
import type { Scene } from '../../../scene/schema.ts';
import { SceneValidationError } from '../../../scene/validate.ts';
import { Problem, type ProblemType } from '../../api/problems.ts';
import { ComposeBusyError, ComposeTimeoutError } from '../../compose/compose-errors.ts';
import type { ScenePool } from '../../compose/scene-pool.ts';

const ANALYSIS_PROBLEMS: Record<AnalysisError['code'], ProblemType> = {
  empty: 'description-empty',
  too_long: 'description-too-long',
  unknown_template: 'unknown-template',
  unknown_style: 'unknown-style',
  invalid_params: 'invalid-params',
};

export interface AnalysisRequest {
  description: string;
  style?: string;
  templates?: string[];
  template?: string;
  params?: Record<string, unknown>;
}

export function analyzeRequest(req: AnalysisRequest, config: DevforgeConfig): Analysis {
  try {
    return analyze(req.description, {
      ...(req.style ? { style: req.style } : {}),
      ...(req.templates ? { templates: req.templates } : {}),
      ...(req.template ? { template: req.template } : {}),
      ...(req.params ? { params: req.params } : {}),
      maxLength: config.analysis.maxDescriptionLength,
    });
  } catch (err) {
    if (err instanceof AnalysisError) throw new Problem(ANALYSIS_PROBLEMS[err.code], err.message);
    if (err instanceof ComposeTimeoutError) throw new Problem('compose-timeout', err.message, { budget_ms: err.budgetMs });
    if (err instanceof ComposeBusyError) throw new Problem('service-unavailable', err.message, {}, { 'retry-after': '5' });
    throw err;
  }
}

export interface SceneRequest extends AnalysisRequest {
  quality: keyof typeof RESOLUTIONS;
  fps?: number;
  duration?: number;
}

export async function composeRequest(req: SceneRequest, config: DevforgeConfig, scenes: ScenePool): Promise<{ analysis: Analysis; scene: Scene }> {
  if (req.duration !== undefined && req.duration > config.render.maxDurationS) {
    throw new Problem('validation-failed', `body.duration: at most ${config.render.maxDurationS} seconds (render.maxDurationS)`, {
      errors: [{ field: 'body.duration', message: `at most ${config.render.maxDurationS} seconds` }],
    });
  }
  const analysis = analyzeRequest(req, config);
  const size = RESOLUTIONS[req.quality];
  try {
    const scene = await scenes.compose(analysis, { ...size, fps: req.fps ?? config.render.defaultFps, duration: req.duration }, req.description);
    return { analysis, scene };
  } catch (err) {
    if (err instanceof SceneValidationError) throw new Problem('scene-invalid', err.problems.map((p) => `${p.path}: ${p.message}`).join('; ').slice(0, 2000));
    if (err instanceof AnalysisError) throw new Problem(ANALYSIS_PROBLEMS[err.code], err.message);
    if (err instanceof ComposeTimeoutError) throw new Problem('compose-timeout', err.message, { budget_ms: err.budgetMs });
    if (err instanceof ComposeBusyError) throw new Problem('service-unavailable', err.message, {}, { 'retry-after': '5' });
    throw err;
  }
}
