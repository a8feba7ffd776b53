// Request → analysis → scene spec, with analysis and composition failures turned into domain errors
// (the HTTP layer answers them with 422). Composition happens at request time so a bad request fails
// now, not later on a worker.
import { AnalysisError, analyze, type Analysis } from '../../../../analysis/analyze.ts';
import type { DevforgeConfig } from '../../../../config/schema.ts';
import { sceneForAnalysis } from '../../../../pipeline.ts';
import { RESOLUTIONS } from '../../../../render/presets.ts';
import type { CaptionMode, Scene } from '../../../../scene/schema.ts';
import { SceneValidationError } from '../../../../scene/validate.ts';
import { DomainError, invalidField, type DomainErrorCode } from '../../errors.ts';

const ANALYSIS_ERRORS: Record<AnalysisError['code'], DomainErrorCode> = {
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
    if (err instanceof AnalysisError) throw new DomainError(ANALYSIS_ERRORS[err.code], err.message);
    throw err;
  }
}

export interface SceneRequest extends AnalysisRequest {
  quality: keyof typeof RESOLUTIONS;
  fps?: number;
  duration?: number;
  captions?: CaptionMode;
}

/** Async: composition may run off the event loop (a worker pool); callers await it. */
export async function composeRequest(req: SceneRequest, config: DevforgeConfig): Promise<{ analysis: Analysis; scene: Scene }> {
  if (req.duration !== undefined && req.duration > config.render.maxDurationS) {
    throw invalidField('body.duration', `at most ${config.render.maxDurationS} seconds (render.maxDurationS)`);
  }
  const analysis = analyzeRequest(req, config);
  const size = RESOLUTIONS[req.quality];
  try {
    const scene = sceneForAnalysis(analysis, { ...size, fps: req.fps ?? config.render.defaultFps, duration: req.duration, captions: req.captions }, req.description);
    return { analysis, scene };
  } catch (err) {
    if (err instanceof SceneValidationError) throw new DomainError('scene-invalid', err.problems.map((p) => `${p.path}: ${p.message}`).join('; ').slice(0, 2000));
    if (err instanceof AnalysisError) throw new DomainError(ANALYSIS_ERRORS[err.code], err.message);
    throw err;
  }
}
