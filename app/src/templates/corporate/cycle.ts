// business.cycle: steps placed around an ellipse, clockwise from the top, joined by curved arrows
// that follow the ellipse; the last arrow returns to the first step, then the loop runs once more.
import { z } from 'zod';
import { defineTemplate, type Composition } from '../types.ts';
import { TimelineBuilder } from '../timeline-builder.ts';
import { cycleWithSteps, DEFAULT_CYCLE, knownCycle } from './known-cycles.ts';
import { displayLabel } from './parse/title.ts';
import { extractSteps, stepSchema } from './steps.ts';
import { fitTextSize, titleObjects } from './slide.ts';

export const MAX_CYCLE_STEPS = 8;
export const MAX_CYCLE_CHARS = 32;

const params = z.object({
  title: z.string().trim().min(1).max(80).default(DEFAULT_CYCLE.title),
  steps: z.array(stepSchema(MAX_CYCLE_CHARS)).min(2).max(MAX_CYCLE_STEPS).default(DEFAULT_CYCLE.steps),
});
type CycleParams = z.infer<typeof params>;

const CENTRE: [number, number] = [0, -0.6];
const RX = 4.7;
const RY = 2.3;

/** Angle (degrees) of step i of n: the first at the top, then clockwise. */
function stepAngle(i: number, n: number): number {
  return 90 - (360 * i) / n;
}

function onEllipse(deg: number): [number, number] {
  const a = (deg * Math.PI) / 180;
  return [CENTRE[0] + RX * Math.cos(a), CENTRE[1] + RY * Math.sin(a)];
}

function insideBox(p: [number, number], c: [number, number], w: number, h: number, margin: number): boolean {
  return Math.abs(p[0] - c[0]) < w / 2 + margin && Math.abs(p[1] - c[1]) < h / 2 + margin;
}

/** The ellipse arc from step i to step i + 1 with the parts under either box cut away. */
export function arcBetween(i: number, n: number, w: number, h: number): [number, number][] {
  const a0 = stepAngle(i, n);
  const a1 = stepAngle(i + 1, n);
  const c0 = onEllipse(a0);
  const c1 = onEllipse(a1);
  const pts: [number, number][] = [];
  const samples = 90;
  for (let k = 0; k <= samples; k++) {
    const p = onEllipse(a0 + ((a1 - a0) * k) / samples);
    if (!insideBox(p, c0, w, h, 0.12) && !insideBox(p, c1, w, h, 0.12)) pts.push([Number(p[0].toFixed(4)), Number(p[1].toFixed(4))]);
  }
  return pts;
}

export const businessCycle = defineTemplate<CycleParams>({
  id: 'business.cycle',
  title: 'Cycle',
  category: 'corporate',
  style: 'corporate_training',
  example: 'Explain the PDCA cycle',
  content: { param: 'steps', ask: 'list the steps after a colon, in order, e.g. "Sales cycle: prospect, qualify, propose, close"' },
  params,
  vocabulary: ['cycle', 'pdca', 'pdsa', 'ooda', 'dmaic', 'deming', 'loop', 'lifecycle'],
  triggers: [
    { pattern: /\b(pdca|pdsa|ooda|dmaic|deming (cycle|wheel)|shewhart cycle|plan do check act|plan do study act)\b/, score: 0.95 },
    { pattern: /\b(continuous improvement|feedback|improvement|learning|ooda) (cycle|loop)\b/, score: 0.85 },
    { pattern: /\b(design thinking|water cycle|hydrologic(al)? cycle)\b/, score: 0.9 },
    // A bare "cycle" (the Krebs cycle, the life cycle of a star) is this template only when steps follow it
    // (the normalised text has no commas left, so "followed by two or more words" stands for a list).
    // Not the verb: "cycle to work scheme" in a list of staff benefits is a bicycle.
    { pattern: /\b(life ?cycle|cycle|circular process)\b(?! of\b| to\b)( \S+){2,}/, score: 0.55 },
    { pattern: /\b(cycle|loop)\b.* > .* > /, score: 0.6 },
  ],
  extract(text, warnings) {
    const known = knownCycle(text.normalized);
    const found = extractSteps(text, warnings, { fallbackTitle: known?.title ?? 'Cycle', max: MAX_CYCLE_STEPS, maxChars: MAX_CYCLE_CHARS, noun: 'steps' });
    if (found.steps) return { title: found.title, steps: found.steps };
    if (known) return { title: known.title, steps: known.steps };
    return {};
  },
  facts: () => ({}),
  compose({ title, steps }) {
    const n = steps.length;
    const labels = steps.map(displayLabel);
    const boxW = n <= 6 ? 2.7 : 2.35;
    const boxH = 1.0;
    const size = Math.min(...labels.map((l) => fitTextSize(l, boxW - 0.3, 2, 0.42, 600)));
    // A named cycle gets its short name in the middle; any other keeps the middle clear.
    const known = cycleWithSteps(steps);
    const tl = new TimelineBuilder();
    const objects: Composition['objects'] = [...titleObjects(title)];
    if (known) objects.push({ id: 'centre', type: 'text', text: known.centre, x: CENTRE[0], y: CENTRE[1], size: 0.48, weight: 700, maxWidth: 2 * RX - boxW - 0.8, color: '$muted' });
    for (let i = 0; i < n; i++) {
      objects.push({ id: `arc-${i}`, type: 'line', points: arcBetween(i, n, boxW, boxH), color: '$muted', width: 0.055, arrow: 'end' });
    }
    labels.forEach((l, i) => {
      const [x, y] = onEllipse(stepAngle(i, n));
      objects.push({ id: `box-${i}`, type: 'rect', x, y, width: boxW, height: boxH, cornerRadius: 0.5, fill: '$surface', stroke: '$primary', strokeWidth: 0.06 });
      objects.push({ id: `label-${i}`, type: 'text', text: l, x, y, size, weight: 600, maxWidth: boxW - 0.3, color: '$foreground' });
    });

    tl.caption(`${title}: ${n} steps that repeat.`, 1.3);
    tl.appear('title', 0.5).appear('title-rule', 0.5, 'grow');
    if (known) tl.appear('centre', 0.6, 'fade', tl.t + 0.3);
    tl.wait(1);
    labels.forEach((l, i) => {
      const note = known?.notes[i];
      // The step being told is surrounded (emphasis/) while its sentence is read.
      tl.narrate(note ? `${l}: ${note}.` : `Step ${i + 1}: ${l}.`, 1.6, [`box-${i}`]);
      tl.appear(`box-${i}`, 0.45, 'grow').appear(`label-${i}`, 0.35, 'fade', tl.t + 0.15);
      tl.wait(1.0);
      tl.appear(`arc-${i}`, 0.6, 'draw');
      tl.wait(0.6);
    });
    tl.narrate(`After ${labels[n - 1]}, the cycle starts again with ${labels[0]}.`, 2.6, [`arc-${n - 1}`, 'box-0']);
    // One quick lap: each step, then the arrow out of it, lights up in turn, in one colour (it is one motion).
    for (let i = 0; i <= n; i++) {
      const k = i % n;
      tl.add({ type: 'highlight', target: `box-${k}`, at: tl.t, duration: 0.5, color: '$highlight' });
      tl.add({ type: 'highlight', target: `arc-${k}`, at: tl.t + 0.2, duration: 0.45, color: '$highlight' });
      tl.wait(0.32);
    }
    tl.wait(2.2);
    tl.finish(tl.t);
    return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title };
  },
});
