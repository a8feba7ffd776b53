// Request → analysis → scene spec, with analysis and composition failures turned into 422 problems.
// Composition happens at request time so a bad request fails now, not later on a worker.
import { AnalysisError, analyze, type Analysis } from '../../../analysis/analyze.ts';
import type { DevforgeConfig } from '../../../config/schema.ts';
import { sceneForAnalysis } from '../../../pipeline.ts';
import { RESOLUTIONS } from '../../../render/presets.ts';
import type { Scene } from '../../../scene/schema.ts';
import { SceneValidationError } from '../../../scene/validate.ts';
import { Problem, type ProblemType } from '../../api/problems.ts';

const ANALYSIS_PROBLEMS: Record<AnalysisError['code'], ProblemType> = {
  empty: 'description-empty',
  too_long: 'description-too-long',
  unknown_template: 'unknown-template',
  unknown_style: 'unknown-style',
  invalid_params: 'invalid-params',
  not_understood: 'not-understood',
  needs_data: 'description-needs-data',
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
    if (err instanceof AnalysisError) throw new Problem(ANALYSIS_PROBLEMS[err.code], err.message, err.details);
    throw err;
  }
}

export interface SceneRequest extends AnalysisRequest {
  quality: keyof typeof RESOLUTIONS;
  fps?: number;
  duration?: number;
}

export function composeRequest(req: SceneRequest, config: DevforgeConfig): { analysis: Analysis; scene: Scene } {
  if (req.duration !== undefined && req.duration > config.render.maxDurationS) {
    throw new Problem('validation-failed', `body.duration: at most ${config.render.maxDurationS} seconds (render.maxDurationS)`, {
      errors: [{ field: 'body.duration', message: `at most ${config.render.maxDurationS} seconds` }],
    });
  }
  const analysis = analyzeRequest(req, config);
  const size = RESOLUTIONS[req.quality];
  try {
    const scene = sceneForAnalysis(analysis, { ...size, fps: req.fps ?? config.render.defaultFps, duration: req.duration }, req.description);
    return { analysis, scene };
  } catch (err) {
    if (err instanceof SceneValidationError) throw new Problem('scene-invalid', err.problems.map((p) => `${p.path}: ${p.message}`).join('; ').slice(0, 2000));
    if (err instanceof AnalysisError) throw new Problem(ANALYSIS_PROBLEMS[err.code], err.message, err.details);
    throw err;
  }
}
