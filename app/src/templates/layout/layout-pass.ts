// The layout pass every composed scene goes through (compose.ts), before the emphasis pass: keep the title band inside
// the title-safe area (chrome.ts), fill the content area with the subject (fill.ts), keep its labels apart (labels.ts, nudges.ts) and back the labels that sit over grids
// and curves (backing.ts). Only flat 2D scenes are laid out: a 3D scene is framed by its camera, and a scene whose
// template moves or zooms the camera has placed things for that camera.
import { sceneSchema, type Scene, type SceneInput, type SceneObject } from '../../scene/schema.ts';
import { CompiledTimeline } from '../../scene/timeline.ts';
import { SceneBounds, type Box } from '../emphasis/bounds.ts';
import { addBackings } from './backing.ts';
import { fitChrome } from './chrome.ts';
import { contentArea, safeBox } from './content-area.ts';
import { applyFill, fillFor, isIdentity, SUBJECT_GROUP } from './fill.ts';
import { ancestors } from './frames.ts';
import { collectLabels, separate } from './labels.ts';
import { applyNudges } from './nudges.ts';
import { sampleTimes } from './sample-times.ts';
import { extentOfAll, extentOver, splitSubject } from './subject.ts';

function measured(input: SceneInput): { scene: Scene; bounds: SceneBounds; times: number[] } | undefined {
  const parsed = sceneSchema.safeParse(input);
  if (!parsed.success) return undefined;
  const scene = parsed.data;
  return { scene, bounds: new SceneBounds(scene, new CompiledTimeline(scene)), times: sampleTimes(scene) };
}

/** Whether the scene is drawn by the fixed 2D camera the layout is measured against. */
export function isFlat(scene: Scene): boolean {
  const c = scene.camera;
  return c.type === 'orthographic' && c.zoom === 1 && c.x === 0 && c.y === 0 && !scene.timeline.some((e) => e.target === 'camera');
}

export interface LayoutOptions {
  /** The size of the legend the emphasis pass will add (emphasis/legend.ts legendSize): room is kept for it. */
  legend?: { width: number; height: number };
}

export function layoutPass(input: SceneInput, opts: LayoutOptions = {}): SceneInput {
  const first = measured(input);
  // An invalid scene is the validator's to report, every problem named (pipeline.ts): leave it as it is.
  if (!first || !isFlat(first.scene)) return input;
  const { subject, chrome } = splitSubject(first.scene);
  const safe = safeBox(first.scene.width / first.scene.height);
  let out = fitChrome(input, first.scene, first.bounds, first.times, chrome, safe);
  const before = out === input ? first : measured(out);
  if (!before) return out;
  const extent = extentOfAll(before.bounds, subject, before.times);
  if (extent) {
    const chromeBoxes = chrome.map((id) => extentOver(before.bounds, id, before.times)).filter((b): b is Box => !!b);
    const fill = fillFor(before.scene, subject, extent, contentArea(before.scene, chromeBoxes, opts.legend?.width), safe);
    if (!isIdentity(fill)) out = applyFill(out, subject, fill);
  }
  const members = new Set([...subject, SUBJECT_GROUP]);
  const inSubject = (scene: Scene) => (o: SceneObject) => members.has(o.id) || ancestors(scene, o).some((a) => members.has(a.id));

  const filled = measured(out);
  if (!filled) return out;
  const labels = collectLabels(filled.scene, filled.bounds, filled.times, inSubject(filled.scene));
  separate(labels, safe);
  out = applyNudges(out, filled.scene, labels);

  const nudged = measured(out);
  if (!nudged) return out;
  return addBackings(out, nudged.scene, nudged.bounds, nudged.times, inSubject(nudged.scene));
}
