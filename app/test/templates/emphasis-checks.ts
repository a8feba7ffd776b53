// Checks of a composed scene against the emphasis rules (docs/emphasis.md), shared by the catalogue-wide
// test and any template's own: every narrated step with refs has exactly one highlight, inside its window,
// drawn on those refs; every scene that colours things by more than one role names each in a legend.
import type { Scene } from '../../src/scene/schema.ts';
import { CompiledTimeline } from '../../src/scene/timeline.ts';
import { SceneBounds, type Box } from '../../src/templates/emphasis/bounds.ts';
import { DIM_TO } from '../../src/templates/emphasis/tools.ts';

/** Colours that carry no role: text, lines and the resting state of shapes. */
export const NEUTRAL = new Set(['$foreground', '$muted', '$grid', '$surface', '$background', '$primary']);

const contains = (outer: Box, x: number, y: number) => x >= outer.x0 - 1e-6 && x <= outer.x1 + 1e-6 && y >= outer.y0 - 1e-6 && y <= outer.y1 + 1e-6;

export function emphasisProblems(scene: Scene): string[] {
  const problems: string[] = [];
  const ids = new Set(scene.objects.map((o) => o.id));
  const timeline = new CompiledTimeline(scene);
  const bounds = new SceneBounds(scene, timeline);
  const flat = scene.camera.type === 'orthographic';
  // What shows of a helper: its opacity, and for a line (a pointer) how much of it is drawn.
  const shown = (id: string, t: number) => {
    const progress = timeline.valueAt(id, 'progress', t);
    return bounds.opacity(id, t) * (typeof progress === 'number' ? progress : 1);
  };
  const opacity = (id: string, t: number) => timeline.valueAt(id, 'opacity', t) as number;
  scene.narration.steps.forEach((step, i) => {
    const at = `step ${i} "${step.text}"`;
    for (const ref of step.refs) if (!ids.has(ref)) problems.push(`${at}: ref ${ref} names no object`);
    if (!step.refs.length || !flat) return;
    const e = step.emphasis;
    if (!e || e.start === undefined || e.duration === undefined) return void problems.push(`${at}: has refs but no highlight`);
    const window = { start: e.start, duration: e.duration };
    const end = step.start + step.duration;
    if (e.start < step.start - 1e-6 || e.start + e.duration > end + 1e-6) problems.push(`${at}: highlight ${e.start}+${e.duration} outside the step ${step.start}+${step.duration}`);
    const helpers = scene.objects.filter((o) => o.id === `emph.${i}` || o.id.startsWith(`emph.${i}.`));
    const mid = e.start + Math.min(e.duration / 2, e.kind === 'flash' ? 0.1 : Infinity);
    if (e.kind === 'dim-rest') {
      if (helpers.length) problems.push(`${at}: a dim-the-rest draws no helper, found ${helpers.length}`);
      const dimmed = scene.objects.filter((o) => opacity(o.id, window.start) > 0.05 && opacity(o.id, mid) <= opacity(o.id, window.start) * DIM_TO + 1e-6);
      if (!dimmed.length) problems.push(`${at}: dim-the-rest dims nothing`);
      for (const ref of step.refs) if (dimmed.some((d) => d.id === ref)) problems.push(`${at}: ref ${ref} is dimmed`);
      // Restored at the step's end.
      for (const o of dimmed) if (Math.abs(opacity(o.id, end) - opacity(o.id, window.start)) > 1e-6) problems.push(`${at}: ${o.id} is not restored`);
      return;
    }
    if (!helpers.length) return void problems.push(`${at}: a ${e.kind} draws a helper, found none`);
    if (e.kind !== 'surround' && helpers.length > 1) problems.push(`${at}: one ${e.kind}, found ${helpers.length} helpers`);
    for (const h of helpers) {
      if (shown(h.id, e.kind === 'pointer' ? e.start + e.duration / 2 : mid) < 0.5) problems.push(`${at}: ${h.id} is not visible during its step`);
      if (step.start > 0.01 && shown(h.id, step.start - 0.01) > 1e-6) problems.push(`${at}: ${h.id} shows before its step`);
      if (shown(h.id, end + 0.01) > 1e-6) problems.push(`${at}: ${h.id} shows after its step`);
    }
    // Drawn on the refs: a surround or flash contains each ref's centre (at the window's start), a pointer ends at their box.
    for (const ref of step.refs) {
      const b = bounds.box(ref, e.start);
      if (!b) continue;
      const [cx, cy] = [(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2];
      if (e.kind === 'pointer') {
        const line = helpers[0]!;
        const tip = line.type === 'line' ? line.points[line.points.length - 1]! : [NaN, NaN];
        if (Math.abs(tip[0]! - cx) > (b.x1 - b.x0) / 2 + 0.3 || tip[1]! > b.y1 + 0.3) problems.push(`${at}: the pointer does not end at ${ref}`);
      } else if (!helpers.some((h) => contains(bounds.box(h.id, window.start)!, cx, cy))) problems.push(`${at}: the ${e.kind} is not around ${ref}`);
    }
  });
  const steps = new Set(scene.narration.steps.flatMap((s, i) => (s.emphasis ? [i] : [])));
  for (const o of scene.objects) {
    const m = /^emph\.(\d+)/.exec(o.id);
    if (m && !steps.has(Number(m[1]))) problems.push(`${o.id} belongs to no emphasised step`);
  }
  return problems;
}

/** Role colours the scene's timeline gives shapes (highlights, recolourings), not counting text or the neutrals. */
export function roleColoursUsed(scene: Scene): Set<string> {
  const type = new Map(scene.objects.map((o) => [o.id, o.type]));
  const used = new Set<string>();
  for (const e of scene.timeline) {
    if (e.target.startsWith('emph.') || e.target.startsWith('legend.') || type.get(e.target) === 'text' || type.get(e.target) === 'math') continue;
    let c: unknown;
    if (e.type === 'highlight') c = e.color;
    else if ((e.type === 'tween' || e.type === 'set') && ['fill', 'stroke', 'color', 'labelColor'].includes(e.property)) c = e.type === 'tween' ? e.to : e.value;
    if (typeof c === 'string' && !NEUTRAL.has(c)) used.add(c);
  }
  return used;
}

export function legendProblems(scene: Scene): string[] {
  const problems: string[] = [];
  const swatches = scene.objects.filter((o) => o.id.startsWith('legend.') && o.id.endsWith('.swatch'));
  const colours = swatches.map((o) => ('fill' in o && o.fill) || ('color' in o && o.color) || '');
  const used = roleColoursUsed(scene);
  if (used.size > 1) for (const c of used) if (!colours.includes(c)) problems.push(`colour ${c} carries meaning but the legend does not name it`);
  const twice = colours.filter((c, i) => colours.indexOf(c) !== i);
  if (twice.length) problems.push(`one colour, two roles in the legend: ${twice.join(', ')}`);
  for (const s of swatches) {
    const label = scene.objects.find((o) => o.id === s.id.replace(/\.swatch$/, '.label'));
    if (label?.type !== 'text' || !label.text.trim()) problems.push(`${s.id} has no label`);
  }
  return problems;
}
