// The data path's first half: description → analysis → composed, validated scene spec.
import { analyze, AnalysisError, type Analysis, type AnalyzeOptions } from './analysis/analyze.ts';
import type { CaptionMode, Scene } from './scene/schema.ts';
import { parseScene } from './scene/validate.ts';
import { sceneFromComposition } from './templates/compose.ts';
import { getTemplate } from './templates/registry.ts';
import { requireUnderstood } from './analysis/understanding.ts';
import { composingWith, STANDARD_DELIVERY } from './templates/delivery.ts';

export interface SceneRequest extends AnalyzeOptions {
  width: number;
  height: number;
  fps: number;
  duration?: number;
  /** Where the narration shows (burned in, .vtt only, or both); the spec's default (burn_in) when undefined. */
  captions?: CaptionMode;
  /** The voice that speaks the narration (a name from `devforge voices`); none when undefined. Checked by the caller, who knows the machine. */
  voice?: string;
}

/** Composes the scene for an analysis (already made, or edited by a user). */
export function sceneForAnalysis(analysis: Analysis, req: Pick<SceneRequest, 'width' | 'height' | 'fps' | 'duration' | 'captions' | 'voice'>, description?: string): Scene {
  const template = getTemplate(analysis.template);
  if (!template) throw new AnalysisError('unknown_template', `unknown template "${analysis.template}"`);
  // An analysis not understood (or missing the user's content) is refused, never drawn.
  requireUnderstood(analysis, description);
  // An analysis made before delivery was read (a stored or edited one) is told as standard.
  const delivery = analysis.delivery ?? STANDARD_DELIVERY;
  const composition = composingWith(delivery, () => template.compose(analysis.params, analysis.facts, { style: analysis.style, aspect: req.width / req.height }));
  const input = sceneFromComposition(
    composition,
    { template: analysis.template, params: analysis.params, facts: analysis.facts, ...(description ? { description } : {}) },
    { width: req.width, height: req.height, fps: req.fps, duration: req.duration, style: analysis.style, captions: req.captions, pace: delivery.pace },
  );
  // The voice is the request's, not the template's: set here, beside what the template composed.
  const scene = parseScene(req.voice ? { ...input, voice: { name: req.voice } } : input, `template ${analysis.template}`);
  // What composing had to change (a duration too short to read) reaches the user with the analysis' warnings.
  for (const warning of scene.meta.warnings ?? []) if (!analysis.warnings.includes(warning)) analysis.warnings.push(warning);
  return scene;
}

export function sceneFromDescription(description: string, req: SceneRequest): { analysis: Analysis; scene: Scene } {
  const analysis = analyze(description, req);
  return { analysis, scene: sceneForAnalysis(analysis, req, description) };
}
