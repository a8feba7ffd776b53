// physics.free_fall: an object dropped from rest at height h falls as y = h − ½gt² (no air resistance);
// it lands after t = √(2h/g) at v = √(2gh). Strobe images at equal time steps show the gaps growing.
import { z } from 'zod';
import type { ParsedText } from '../../../text/parse.ts';
import { defineTemplate, type Composition } from '../../types.ts';
import { TimelineBuilder } from '../../timeline-builder.ts';
import { gParam, gravityIn } from './common-params.ts';
import { readouts, texUnit, withUnit } from './format.ts';
import { limited, put, type Limit } from './limits.ts';
import { LENGTH_UNITS, allQuantities, namedQuantity } from './quantities.ts';
import { Plane, choosePlayback, niceStep, keyframeTweens, times, type SceneObjectInput } from './stage.ts';

const HEIGHT: Limit = { name: 'drop height', unit: 'm', min: 0, max: 100000, why: 'above 100 km g is no longer constant and the air is not negligible on the way down', exclusiveMin: true };

const params = z.object({
  height_m: z.number().gt(0).max(HEIGHT.max).default(20),
  g_mps2: gParam,
});
export type FreeFallParams = z.infer<typeof params>;

export function freeFall({ height_m: h, g_mps2: g }: FreeFallParams): { time: number; impactSpeed: number; height(t: number): number; speed(t: number): number } {
  return {
    time: Math.sqrt((2 * h) / g),
    impactSpeed: Math.sqrt(2 * g * h),
    height: (t) => h - 0.5 * g * t * t,
    speed: (t) => g * t,
  };
}

function extract(text: ParsedText, warnings: string[]): Partial<FreeFallParams> {
  const o = text.original;
  const out: Partial<FreeFallParams> = {};
  const height = namedQuantity(o, ['height', 'h', 'altitude'], LENGTH_UNITS) ?? allQuantities(o, LENGTH_UNITS)[0]?.value;
  put(out, 'height_m', limited(height, HEIGHT, warnings));
  put(out, 'g_mps2', gravityIn(text, warnings));
  for (const w of ['dropped', 'falls', 'falling', 'free fall']) if (text.normalized.includes(w)) text.used.add(w);
  return out;
}

export const freeFallTemplate = defineTemplate<FreeFallParams>({
  id: 'physics.free_fall',
  title: 'Free fall',
  category: 'physics',
  style: 'scientific',
  example: 'A ball dropped from 20 meters',
  params,
  vocabulary: ['freefall', 'galileo'],
  triggers: [
    { pattern: /\bfree ?fall(ing|s)?\b/, score: 0.95 },
    // A height with its unit: "drop duplicates from 1 2 2 3" is not a fall.
    { pattern: /\b(dropped|drop|drops|falls|falling|fell|released|let go)\b.*\bfrom\b.*\d ?(m|meters?|metres?|km|cm|ft|feet)\b/, score: 0.9 },
    { pattern: /\b(dropped|drop|drops|falls|falling|fell|released|let go)\b.*\bfrom (a|the) (height|top|roof|tower|cliff|building|bridge|balcony)\b/, score: 0.9 },
    { pattern: /\b(dropped|falling|falls|fell|fall)\b.*\b\d+(\.\d+)? ?(m|meters?|metres?|km|ft|feet)\b/, score: 0.85 },
    { pattern: /\b(ball|stone|rock|object|apple|egg|coin|body|mass) (is )?(dropped|falls|falling|fell)\b/, score: 0.8 },
    { pattern: /\bgalileo\b.*\b(tower|drop|fall)/, score: 0.8 },
    { pattern: /\bacceleration due to gravity\b/, score: 0.5 },
  ],
  extract,
  facts(p) {
    const f = freeFall(p);
    return { time_s: f.time, impact_speed_mps: f.impactSpeed };
  },
  compose(p) {
    return composeFreeFall(p);
  },
});

function composeFreeFall(p: FreeFallParams): Composition {
  const { height_m: h, g_mps2: g } = p;
  const f = freeFall(p);
  const playback = choosePlayback(f.time, 2, 5);
  const tl = new TimelineBuilder();
  // Left: the drop along a metre scale. Right: height against time, drawn as the ball falls.
  const drop = new Plane({ left: -6.4, right: -4.2, bottom: -3.4, top: 2.5 }, [0, 1], [0, h * 1.08], { independent: true });
  const graph = new Plane({ left: -1.6, right: 7.0, bottom: -0.5, top: 2.3 }, [0, f.time * 1.08], [0, h * 1.1], { independent: true });
  const bx = drop.x(0.55);
  const strobes = times(0, f.time, 8);
  const curve = times(0, f.time, 120).map((t) => [t, Math.max(0, f.height(t))] as [number, number]);
  // One precision for the clock's readings, fixed by the largest, so the figures hold still as they run.
  const clock = readouts({ time: f.time, speed: f.impactSpeed });
  const clockText = (t: number) => `t = ${clock.format(t, { unit: 's', kind: 'time' })}    v = ${clock.format(f.speed(t), { unit: 'm/s', kind: 'speed' })}`;
  const objects: SceneObjectInput[] = [
    { id: 'title', type: 'text', text: 'Free fall', x: 0, y: 3.95, size: 0.55, weight: 700, color: '$foreground' },
    { id: 'givens', type: 'text', text: `dropped from rest · h = ${withUnit(h, 'm')} · g = ${withUnit(g, 'm/s²')}`, x: 0, y: 3.3, size: 0.32, color: '$muted' },
    { id: 'ledge', type: 'rect', x: bx - 0.6, y: drop.y(h) - 0.2, width: 0.8, height: 0.16, fill: '$surface', stroke: '$muted', strokeWidth: 0.02 },
    // One x tick step wider than the range: the drop column has a height scale only.
    drop.axes('scale', { yLabel: 'h (m)', grid: false, xStep: 10, yStep: niceStep(h * 1.08, 8) }),
    ...strobes.slice(1, -1).map((t, i) => ({ id: `ghost${i}`, type: 'circle' as const, x: bx, y: drop.y(f.height(t)), radius: 0.12, fill: '$secondary', opacity: 0.35 })),
    { id: 'ball', type: 'circle', x: bx, y: drop.y(h), radius: 0.16, fill: '$accent', stroke: '$foreground', strokeWidth: 0.02 },
    graph.axes('graph', { xLabel: 't (s)', yLabel: 'height (m)', yStep: niceStep(h * 1.1, 4), xStep: niceStep(f.time * 1.08, 6) }),
    { id: 'curve', type: 'plot', axes: 'graph', points: curve, color: '$secondary', width: 0.05, progress: 0 },
    { id: 'clock', type: 'text', text: clockText(0), x: 2.7, y: -1.5, size: 0.36, color: '$foreground' },
    { id: 'f-t', type: 'math', latex: `t = \\sqrt{\\frac{2h}{g}} = ${texUnit(f.time, 's')}`, x: 0.6, y: -2.5, size: 0.36, color: '$highlight' },
    { id: 'f-v', type: 'math', latex: `v = \\sqrt{2gh} = ${texUnit(f.impactSpeed, 'm/s')}`, x: 5.0, y: -2.5, size: 0.36, color: '$accent' },
    { id: 'playback', type: 'text', text: `no air resistance · ${playback.label} · faint dots every ${withUnit(f.time / 8, 's')}`, x: 2.7, y: -3.55, size: 0.28, color: '$muted', maxWidth: 9 },
  ];

  tl.narrate(`A ball is released from rest ${withUnit(h, 'm')} above the ground; only gravity (${withUnit(g, 'm/s²')}) acts on it.`, 2, ['ball']);
  tl.appear('title', 0.5).appear('givens', 0.5).appear('scale', 0.8, 'draw').appear('graph', 0.8, 'draw').appear('ledge', 0.5);
  tl.appear('ball', 0.4, 'grow', tl.t + 0.5)
    .appear('clock', 0.4, 'fade', tl.t + 0.5)
    .appear('playback', 0.4, 'fade', tl.t + 0.5);
  tl.wait(1.6);
  // The motion starts once the caption before it has been read (the builder's hold).
  const start = tl.hold().t;
  const fallDisplay = f.time * playback.factor;
  tl.narrate('Falling: the speed grows by g every second, so each equal time step covers more distance than the last.', fallDisplay, ['ball']);
  const samples = times(0, f.time, 64);
  tl.entries.push(
    ...keyframeTweens(
      'ball',
      samples.map((t) => ({ at: start + t * playback.factor, values: { y: drop.y(Math.max(0, f.height(t))) } })),
    ),
  );
  samples.forEach((t, i) => {
    if (i % 2 === 0 || i === samples.length - 1) tl.setText('clock', clockText(t), start + t * playback.factor);
  });
  strobes.slice(1, -1).forEach((t, i) => tl.appear(`ghost${i}`, 0.15, 'fade', start + t * playback.factor));
  tl.add({ type: 'tween', target: 'curve', property: 'progress', from: 0, to: 1, start, duration: fallDisplay, easing: 'linear' });
  tl.wait(fallDisplay);
  tl.narrate(`Impact after ${withUnit(f.time, 's')} at ${withUnit(f.impactSpeed, 'm/s')}.`, 2.4, ['ball', 'clock']);
  tl.add({ type: 'highlight', target: 'ball', at: tl.t, duration: 0.6, color: '$highlight' });
  tl.appear('f-t', 0.5).wait(0.7).appear('f-v', 0.5).wait(1.7);
  tl.narrate(`From h = ½gt²: t = √(2h/g) = ${withUnit(f.time, 's')}; from v² = 2gh: v = ${withUnit(f.impactSpeed, 'm/s')}.`, 3, ['f-t', 'f-v']);
  tl.add({ type: 'highlight', target: 'f-t', at: tl.t, duration: 0.8 }).add({ type: 'highlight', target: 'f-v', at: tl.t + 0.8, duration: 0.8 });
  tl.wait(2.6);
  tl.finish(tl.t);
  return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title: `Free fall from ${withUnit(h, 'm')}` };
}
