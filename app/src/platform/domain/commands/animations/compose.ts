// Request → analysis → scene spec, with analysis and composition failures turned into domain errors
// (the HTTP layer answers them with 422, or 503 when the pool is saturated). Composition happens at
// request time so a bad request fails now, not later on a render worker. Both the analysis and the
// composition (and the preview's typeset formulas) run on the scene pool's worker threads: parsing SMILES
// can take hundreds of milliseconds, building a molecule not in the bundled table seconds, starting MathJax
// a quarter of a second, and none may hold up the thread that answers HTTP.
import { AnalysisError, type Analysis, type AnalyzeOptions } from '../../../../analysis/analyze.ts';
import type { DevforgeConfig } from '../../../../config/schema.ts';
import { frameSize, type Aspect, type RESOLUTIONS } from '../../../../render/presets.ts';
import type { CaptionMode, Scene } from '../../../../scene/schema.ts';
import { SceneValidationError } from '../../../../scene/validate.ts';
import { ComposeBusyError, ComposeTimeoutError } from '../../../compose/compose-errors.ts';
import type { ScenePool } from '../../../compose/scene-pool.ts';
import { DomainError, invalidField, type DomainErrorCode } from '../../errors.ts';
import { voiceCatalogue } from '../../queries/voices.ts';

const ANALYSIS_ERRORS: Record<AnalysisError['code'], DomainErrorCode> = {
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
  /** "title_card": a description not understood becomes a title card of its words instead of a 422. */
  fallback?: 'title_card';
}

function analyzeOptions(req: AnalysisRequest, config: DevforgeConfig): AnalyzeOptions {
  return {
    ...(req.style ? { style: req.style } : {}),
    ...(req.templates ? { templates: req.templates } : {}),
    ...(req.template ? { template: req.template } : {}),
    ...(req.params ? { params: req.params } : {}),
    ...(req.fallback ? { fallback: req.fallback } : {}),
    maxLength: config.analysis.maxDescriptionLength,
  };
}

/** The domain error an analysis, composition or pool error is for the caller; other errors are left as they are. */
function asDomainError(err: unknown): unknown {
  if (err instanceof AnalysisError) return new DomainError(ANALYSIS_ERRORS[err.code], err.message, { data: err.details });
  if (err instanceof SceneValidationError)
    return new DomainError(
      'scene-invalid',
      err.problems
        .map((p) => `${p.path}: ${p.message}`)
        .join('; ')
        .slice(0, 2000),
    );
  if (err instanceof ComposeTimeoutError) return new DomainError('compose-timeout', err.message, { data: { budget_ms: err.budgetMs } });
  if (err instanceof ComposeBusyError) return new DomainError('compose-busy', err.message, { data: { retry_after_s: 5 } });
  return err;
}

export async function analyzeRequest(req: AnalysisRequest, config: DevforgeConfig, scenes: ScenePool): Promise<Analysis> {
  try {
    return await scenes.analyze(req.description, analyzeOptions(req, config));
  } catch (err) {
    throw asDomainError(err);
  }
}

export interface SceneRequest extends AnalysisRequest {
  quality: keyof typeof RESOLUTIONS;
  /** The frame's shape; default 16:9. */
  aspect?: Aspect;
  fps?: number;
  duration?: number;
  captions?: CaptionMode;
  /** A voice name, or "off"/undefined for none. */
  voice?: string;
}

/**
 * The voice asked for, checked against the voices espeak-ng has on this machine; undefined for none. Checked at
 * request time, like the rest of the request, so a typo is a 422 now and not a failed render later (a worker needs
 * the same espeak-ng voices: install the same package everywhere).
 */
export async function checkVoice(voice: string | undefined, config: DevforgeConfig): Promise<string | undefined> {
  if (voice === undefined || voice === 'off') return undefined;
  const { voices, unavailable } = await voiceCatalogue(config);
  if (unavailable) throw new DomainError('unknown-voice', `voice-over is not available on this server (${unavailable}); use voice "off"`, { data: { available: [] } });
  const available = voices.map((v) => v.name);
  if (!available.includes(voice)) throw new DomainError('unknown-voice', `unknown voice ${JSON.stringify(voice)}: use "off" or one of ${available.join(', ')}`, { data: { available } });
  return voice;
}

/** `math`: also the scene's formulas typeset as SVG, for the live preview. */
export async function composeRequest(req: SceneRequest, config: DevforgeConfig, scenes: ScenePool, opts: { math?: boolean } = {}): Promise<{ analysis: Analysis; scene: Scene; math?: Record<string, string> }> {
  if (req.duration !== undefined && req.duration > config.render.maxDurationS) {
    throw invalidField('body.duration', `at most ${config.render.maxDurationS} seconds (render.maxDurationS)`);
  }
  const size = frameSize(req.quality, req.aspect);
  const voice = await checkVoice(req.voice, config);
  try {
    return await scenes.compose(req.description, analyzeOptions(req, config), { ...size, fps: req.fps ?? config.render.defaultFps, duration: req.duration, captions: req.captions, ...(voice ? { voice } : {}) }, opts.math ?? false);
  } catch (err) {
    throw asDomainError(err);
  }
}
