// The emphasis pass of composing: one highlight for every narrated step that has refs (the kind the template
// chose, a surround by default), and a legend whenever the template colours things by role. It runs on the
// finished scene (after a requested duration has rescaled it), so the highlight spans the step as shown and
// the legend goes where the content leaves room. Everything it adds is ordinary objects and entries.
import { sceneSchema, type EmphasisKind, type Scene, type SceneInput, type Term } from '../../scene/schema.ts';
import { CompiledTimeline } from '../../scene/timeline.ts';
import { SceneBounds } from './bounds.ts';
import { freeCorner, legendObjects, legendSize } from './legend.ts';
import { ROLES, type LegendEntry } from './roles.ts';
import { SUBJECT_GROUP } from '../layout/subject-group.ts';
import { dimRest, flash, pointer, surround, type Emphasised, type Window } from './tools.ts';

type Entry = NonNullable<SceneInput['timeline']>[number];

export const DEFAULT_EMPHASIS: EmphasisKind = 'surround';

/** The frame's chrome (title, counter, legend, other steps' highlights): what a dim-the-rest leaves lit. */
export function isChrome(scene: Pick<Scene, 'objects'>, id: string): boolean {
  if (id.startsWith('legend.') || id.startsWith('emph.')) return true;
  const obj = scene.objects.find((o) => o.id === id);
  // Laid out, the subject is in the layout pass's group and the chrome is what stayed outside it (the pass may have
  // moved the title band down a little).
  if (obj && obj.id !== SUBJECT_GROUP && !obj.parent && scene.objects.some((o) => o.id === SUBJECT_GROUP)) return obj.type === 'text';
  // Titles and counters sit in the top band of every template (y ≥ 3.1: algo-scene.ts, slide.ts).
  return obj?.type === 'text' && obj.y >= 3.05;
}

/** Colour values a timeline entry gives (highlights, tweens and sets of colour properties). */
function entryColor(entry: Entry): string | undefined {
  if (entry.type === 'highlight') return entry.color ?? '$highlight';
  if ((entry.type === 'tween' || entry.type === 'set') && ['fill', 'stroke', 'color', 'labelColor'].includes(entry.property)) {
    const v = entry.type === 'tween' ? entry.to : entry.value;
    return typeof v === 'string' ? v : undefined;
  }
  return undefined;
}

/** Labels short enough to be a term: a value, a node's name ("5", "C", "Dublin"); not a sentence. */
const TERM = /^[^\s]{1,12}$/u;

/** The words of `text` that name one of `refs` by its label (a bar's value, a node's name), as terms. */
export function labelTerms(scene: Pick<Scene, 'objects'>, text: string, refs: readonly string[]): Term[] {
  const terms: Term[] = [];
  for (const ref of refs) {
    const obj = scene.objects.find((o) => o.id === ref);
    const label = obj && (obj.type === 'bar' || obj.type === 'node' ? obj.label : obj.type === 'text' ? obj.text : undefined);
    if (!label || !TERM.test(label)) continue;
    const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text)) terms.push({ text: label, ref });
  }
  return terms;
}

/** The legend's entries whose colour the scene shows (or that draw their own swatch): the rest are left out. */
export function shownLegend(objects: readonly SceneInput['objects'][number][], entries: readonly Entry[], legend: readonly LegendEntry[]): LegendEntry[] {
  const declared = objects.flatMap((o) => [('fill' in o && o.fill) || '', ('stroke' in o && o.stroke) || '', ('color' in o && o.color) || '']);
  const used = new Set([...declared.filter(Boolean), ...entries.map(entryColor).filter((c): c is string => !!c)]);
  return legend.filter((e) => used.has(ROLES[e.role].color) || (typeof e.swatch === 'object' && e.swatch !== null));
}

export function composeEmphasis(input: SceneInput, legend: readonly LegendEntry[] = []): SceneInput {
  const parsed = sceneSchema.safeParse(input);
  // An invalid scene is the validator's to report, every problem named (pipeline.ts): leave it as it is.
  if (!parsed.success) return input;
  const scene = parsed.data;
  const timeline = new CompiledTimeline(scene);
  const bounds = new SceneBounds(scene, timeline);
  const ids = new Set(scene.objects.map((o) => o.id));
  const flat = scene.camera.type === 'orthographic' && scene.camera.zoom === 1 && scene.camera.x === 0 && scene.camera.y === 0;
  const objects = [...input.objects];
  const entries = [...(input.timeline ?? [])];
  const steps = (input.narration?.steps ?? []).map((step, i) => {
    const refs = (step.refs ?? []).filter((r) => ids.has(r));
    if (!refs.length || !flat) return step;
    const w: Window = { step: i, start: step.start, duration: step.duration, refs };
    const wanted = step.emphasis?.kind ?? DEFAULT_EMPHASIS;
    let kind = wanted;
    let made: Emphasised | undefined;
    if (wanted === 'dim-rest') made = dimRest(scene, timeline, bounds, w, (id) => isChrome(scene, id));
    else if (wanted === 'flash') made = flash(bounds, w);
    else if (wanted === 'pointer') made = pointer(bounds, w);
    if (!made) {
      // Nothing to dim, or too low for a pointer: the step still gets its one highlight.
      kind = 'surround';
      made = surround(bounds, w);
    }
    if (!made) return step;
    objects.push(...made.objects);
    entries.push(...made.entries);
    const span = kind === 'flash' ? Math.min(0.8, step.duration) : step.duration;
    // Words that name a ref by its label are drawn in its colour in the caption band, unless the template said which.
    const terms = step.terms ?? labelTerms(scene, step.text, refs);
    return { ...step, emphasis: { kind, start: step.start, duration: span }, ...(terms.length ? { terms } : {}) };
  });
  if (legend.length) {
    const shown = shownLegend(scene.objects, entries, legend);
    if (shown.length) {
      const size = legendSize(shown);
      const times = Array.from({ length: 9 }, (_, i) => (scene.duration * i) / 8);
      const content = scene.objects.map((o) => o.id);
      const box = freeCorner(bounds, content, times, scene.width / scene.height, size);
      const made = legendObjects(shown, box);
      objects.push(...made);
      for (const o of made) entries.push({ type: 'appear', target: o.id, at: Math.min(0.5, scene.duration / 4), duration: 0.4, effect: 'fade' });
    }
  }
  return { ...input, objects, timeline: entries, narration: { ...input.narration, steps } };
}
