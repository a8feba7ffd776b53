// The colours of a narration step's key terms (its `terms`: words that name an object) for the caption band:
// each term takes the colour its object shows a moment into the step (after a state change has faded in),
// lightened when needed to stay readable on the band's dark backing. Pure, like the timeline, so preview
// and export colour the same words the same way.
import { luminance, mixColors } from './color.ts';
import type { Scene, SceneObjectType } from './schema.ts';
import type { CompiledTimeline } from './timeline.ts';

/** How far into a step the object's colour is read: past a highlight's fade-in (timeline.ts). */
const LOOK_AFTER_S = 0.25;
/** WCAG AA contrast for text. */
const MIN_CONTRAST = 4.5;

/** The property that shows an object's colour most, per type (a node's state is its fill, unless it is plain). */
const COLOR_PROPERTY: Record<SceneObjectType, string | undefined> = {
  rect: 'fill',
  circle: 'fill',
  polygon: 'fill',
  bar: 'fill',
  node: 'fill',
  line: 'color',
  text: 'color',
  math: 'color',
  axes: 'color',
  plot: 'color',
  edge: 'color',
  mesh: 'color',
  group: undefined,
};

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `color` lightened toward white until it reads on `backing`. */
export function readableOn(color: string, backing: string): string {
  let c = color.slice(0, 7);
  for (let k = 1; k <= 10 && contrast(c, backing) < MIN_CONTRAST; k++) c = mixColors(color.slice(0, 7), '#ffffff', k / 10);
  return c;
}

/** For each step, the colour of each of its terms (undefined where the object shows no colour). */
export function termColors(scene: Scene, timeline: CompiledTimeline, backing: string): (string | undefined)[][] {
  const byId = new Map(scene.objects.map((o) => [o.id, o]));
  return scene.narration.steps.map((step) =>
    (step.terms ?? []).map((term) => {
      const obj = byId.get(term.ref);
      if (!obj) return undefined;
      let prop = COLOR_PROPERTY[obj.type];
      const at = step.start + Math.min(LOOK_AFTER_S, step.duration / 2);
      // A plain node (surface fill) is known by its outline.
      if (obj.type === 'node' && timeline.valueAt(obj.id, 'fill', at) === timeline.palette.surface) prop = 'stroke';
      const v = prop ? timeline.valueAt(obj.id, prop, at) : undefined;
      return typeof v === 'string' && v.startsWith('#') ? readableOn(v, backing) : undefined;
    }),
  );
}
