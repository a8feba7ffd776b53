// trig.unit_circle: a radius turning around the unit circle; its shadow on the x axis is cos θ and its
// height is sin θ, traced out beside it as the sine and cosine waves.
import { z } from 'zod';
import { defineTemplate, type Composition } from '../types.ts';
import { TimelineBuilder } from '../timeline-builder.ts';
import { axesObject, fmt, toWorld, type Chart } from './chart.ts';
import { findAngleDegrees, trigDegrees } from './angles.ts';
import { arcPoints, type P2 } from './shapes.ts';
import { ScenePrecision, numberTex } from '../format/index.ts';

type SceneObject = Composition['objects'][number];

export const MAX_ANGLE = 720;
/** When no angle is given the radius sweeps a full turn, and the facts are read at this angle. */
export const SWEEP_FACT_ANGLE = 45;

const params = z.object({
  angle_deg: z.number().finite().min(-MAX_ANGLE).max(MAX_ANGLE).nullable().default(null),
});
type UnitCircleParams = z.infer<typeof params>;

export function unitCircleFacts(angle: number | null) {
  const deg = angle ?? SWEEP_FACT_ANGLE;
  const { sin, cos, tan } = trigDegrees(deg);
  return { angle_deg: deg, angle_rad: (deg * Math.PI) / 180, sin, cos, tan };
}

function degText(d: number): string {
  return `${fmt(d)}°`;
}

export const trigUnitCircle = defineTemplate<UnitCircleParams>({
  id: 'trig.unit_circle',
  title: 'Unit circle: sine and cosine',
  category: 'mathematics',
  style: 'mathematical',
  example: 'unit circle showing sine and cosine',
  params,
  vocabulary: ['unit', 'circle', 'sine', 'cosine', 'trigonometry', 'trigonometric', 'radians'],
  triggers: [
    { pattern: /\bunit circle\b/, score: 0.95 },
    { pattern: /\btrig(?:onometry|onometric)?\b.*\b(?:circle|functions?|ratios?|angles?)\b/, score: 0.75 },
    { pattern: /\b(?:sin|cos|tan|sine|cosine|tangent)(?: of)? -?\d+(?:\.\d+)? ?(?:°|degrees?\b|deg\b)/, score: 0.8 },
    { pattern: /\b(?:sine|sin) and (?:cosine|cos)\b|\b(?:cosine|cos) and (?:sine|sin)\b/, score: 0.6 },
    { pattern: /\bwhat (?:is|are) (?:the )?(?:sine|cosine|sin|cos|tan|tangent)\b/, score: 0.6 },
  ],
  extract(text, warnings) {
    const out: Partial<UnitCircleParams> = {};
    const angle = findAngleDegrees(text.original);
    if (angle !== undefined) {
      if (Math.abs(angle) > MAX_ANGLE) {
        const reduced = ((angle % 360) + 360) % 360;
        warnings.push(`${fmt(angle)}° is more than two full turns; showing the same position, ${fmt(reduced)}°`);
        out.angle_deg = reduced;
      } else out.angle_deg = angle;
      text.used.add(String(angle));
    }
    for (const w of ['unit circle', 'sine', 'cosine']) if (text.normalized.includes(w)) text.used.add(w);
    return out;
  },
  facts({ angle_deg }) {
    return unitCircleFacts(angle_deg);
  },
  compose({ angle_deg }) {
    const facts = unitCircleFacts(angle_deg);
    const sweep = angle_deg === null;
    const target = sweep ? 360 + SWEEP_FACT_ANGLE : angle_deg;
    const R = 2.7;
    const circleChart: Chart = { id: 'circle_axes', x: -3.75, y: -0.4, width: 2 * 1.3 * R, height: 2 * 1.3 * R, xRange: [-1.3, 1.3], yRange: [-1.3, 1.3] };
    const C: P2 = [circleChart.x, circleChart.y];
    const at = (deg: number, r = 1): P2 => {
      const { sin, cos } = trigDegrees(deg);
      return [C[0] + R * r * cos, C[1] + R * r * sin];
    };
    // The wave chart covers a full turn, or the swept angles when they go further or backwards.
    const gx0 = Math.min(0, Math.floor(Math.min(0, target) / 90) * 90);
    const gx1 = Math.max(360, Math.ceil(Math.max(0, sweep ? 360 : target) / 90) * 90);
    const wave: Chart = { id: 'wave_axes', x: 4.35, y: -2.05, width: 6.3, height: 3.1, xRange: [gx0, gx1], yRange: [-1.25, 1.25] };
    const wavePoints = (fn: 'sin' | 'cos', to: number): P2[] => {
      const pts: P2[] = [];
      const steps = Math.max(2, Math.round(Math.abs(to) / 3));
      for (let i = 0; i <= steps; i++) {
        const d = (to * i) / steps;
        pts.push([d, trigDegrees(d)[fn]]);
      }
      return pts;
    };
    const traced = sweep ? 360 : target;
    // cos and sin run through [−1, 1]: one precision for both (two decimals), so the readouts keep their width.
    const ratios = new ScenePrecision().fix('ratio', [1]);
    const ratio = (v: number) => ratios.number(v, 'ratio');
    const objects: SceneObject[] = [
      { id: 'title', type: 'text', text: 'The unit circle: cosine and sine', x: 0, y: 4.0, size: 0.5, weight: 700, color: '$foreground' },
      axesObject(circleChart, { xLabel: 'x', yLabel: 'y', grid: false, labels: false, xStep: 0.5, yStep: 0.5 }),
      // Only ±1 matter here; placed just outside the circle, where tick labels would sit on it.
      { id: 'one_x', type: 'text', text: '1', x: C[0] + R + 0.18, y: C[1] - 0.3, size: 0.3, color: '$muted' },
      { id: 'minus_one_x', type: 'text', text: '−1', x: C[0] - R - 0.28, y: C[1] - 0.3, size: 0.3, color: '$muted' },
      { id: 'one_y', type: 'text', text: '1', x: C[0] - 0.25, y: C[1] + R + 0.25, size: 0.3, color: '$muted' },
      { id: 'minus_one_y', type: 'text', text: '−1', x: C[0] - 0.35, y: C[1] - R - 0.25, size: 0.3, color: '$muted' },
      { id: 'circle', type: 'circle', x: C[0], y: C[1], radius: R, stroke: '$muted', strokeWidth: 0.04 },
      { id: 'arc', type: 'line', points: arcPoints(C, 0.55, 0, 0.001, 32), color: '$highlight', width: 0.035 },
      { id: 'theta_label', type: 'text', text: 'θ', x: C[0] + 0.8, y: C[1] + 0.22, size: 0.32, color: '$highlight' },
      { id: 'cos_seg', type: 'line', points: [C, [C[0] + R, C[1]]], color: '$primary', width: 0.085 },
      {
        id: 'sin_seg',
        type: 'line',
        points: [
          [C[0] + R, C[1]],
          [C[0] + R, C[1] + 0.001],
        ],
        color: '$accent',
        width: 0.085,
      },
      { id: 'radius', type: 'line', points: [C, at(0)], color: '$foreground', width: 0.05 },
      { id: 'P', type: 'circle', x: at(0)[0], y: at(0)[1], radius: 0.11, fill: '$foreground', stroke: '$background', strokeWidth: 0.03 },
      { id: 'P_label', type: 'text', text: 'P = (cos θ, sin θ)', x: -3.75, y: -4.15, size: 0.3, color: '$muted' },
      { id: 'r_theta', type: 'text', text: 'θ = 0°', x: 4.35, y: 3.05, size: 0.4, weight: 600, color: '$highlight' },
      { id: 'r_cos', type: 'text', text: `cos θ = ${ratio(1)}`, x: 4.35, y: 2.35, size: 0.36, color: '$primary' },
      { id: 'r_sin', type: 'text', text: `sin θ = ${ratio(0)}`, x: 4.35, y: 1.75, size: 0.36, color: '$accent' },
      axesObject(wave, { xLabel: 'θ°', grid: true, xStep: 90, yStep: 1 }),
      { id: 'cos_wave', type: 'plot', axes: 'wave_axes', points: wavePoints('cos', traced), color: '$primary', width: 0.045, opacity: 0.7, progress: 0 },
      { id: 'sin_wave', type: 'plot', axes: 'wave_axes', points: wavePoints('sin', traced), color: '$accent', width: 0.05, progress: 0 },
      { id: 'wave_dot', type: 'circle', x: toWorld(wave, [0, 0])[0], y: toWorld(wave, [0, 0])[1], radius: 0.08, fill: '$accent' },
    ];
    const tl = new TimelineBuilder();
    tl.narrate('A circle of radius 1 around the origin. A point P on it is at angle θ from the positive x axis.', 2.4, ['circle', 'P']);
    tl.appear('title', 0.5).appear('circle_axes', 1, 'draw').appear('circle', 0.8, 'grow');
    for (const id of ['one_x', 'minus_one_x', 'one_y', 'minus_one_y']) tl.appear(id, 0.4, 'fade', tl.t + 0.5);
    for (const id of ['radius', 'P', 'P_label', 'arc', 'theta_label', 'cos_seg', 'sin_seg', 'r_theta', 'r_cos', 'r_sin']) tl.appear(id, 0.5, 'fade', tl.t + 0.6);
    tl.appear('wave_axes', 1, 'draw', tl.t + 0.6).appear('wave_dot', 0.4, 'fade', tl.t + 1.2);
    tl.wait(2.4);

    // Keyframes every few degrees, all linear, so the radius, its projections, the readouts and the
    // tip of the wave move together.
    const turn = (from: number, to: number, seconds: number, waveFrom: number, waveTo: number) => {
      const steps = Math.max(8, Math.min(144, Math.round(Math.abs(to - from) / 5)));
      const dt = seconds / steps;
      const start = tl.t;
      for (let k = 1; k <= steps; k++) {
        const d = from + ((to - from) * k) / steps;
        const wd = waveFrom + ((waveTo - waveFrom) * k) / steps;
        const t0 = start + (k - 1) * dt;
        const p = at(d);
        const { sin, cos } = trigDegrees(d);
        const foot: P2 = [p[0], C[1]];
        const shown = sweep && d > 360 ? d - 360 : d;
        tl.add({ type: 'morph', target: 'radius', start: t0, duration: dt, points: [C, p], easing: 'linear' });
        tl.add({ type: 'move', target: 'P', start: t0, duration: dt, to: { x: p[0], y: p[1] }, easing: 'linear' });
        tl.add({ type: 'morph', target: 'cos_seg', start: t0, duration: dt, points: [C, foot], easing: 'linear' });
        tl.add({ type: 'morph', target: 'sin_seg', start: t0, duration: dt, points: [foot, p], easing: 'linear' });
        const arcTo = Math.sign(shown) * Math.min(Math.abs(shown), 360);
        tl.add({ type: 'morph', target: 'arc', start: t0, duration: dt, points: arcPoints(C, 0.55, 0, (arcTo * Math.PI) / 180 || 0.001, 32), easing: 'linear' });
        const mid = at(arcTo / 2, 0.32);
        tl.add({ type: 'move', target: 'theta_label', start: t0, duration: dt, to: { x: mid[0], y: mid[1] }, easing: 'linear' });
        const w = toWorld(wave, [wd, trigDegrees(wd).sin]);
        tl.add({ type: 'move', target: 'wave_dot', start: t0, duration: dt, to: { x: w[0], y: w[1] }, easing: 'linear' });
        if (k % 2 === 0 || k === steps) {
          tl.setText('r_theta', `θ = ${degText(Math.round(shown * 10) / 10)}`, t0 + dt);
          tl.setText('r_cos', `cos θ = ${ratio(cos)}`, t0 + dt);
          tl.setText('r_sin', `sin θ = ${ratio(sin)}`, t0 + dt);
        }
      }
      tl.wait(seconds);
    };

    if (sweep) {
      tl.narrate('As θ turns, cos θ is P’s x coordinate (its shadow on the x axis) and sin θ is its height.', 4, ['cos_seg', 'sin_seg']);
      tl.add({ type: 'tween', target: 'sin_wave', property: 'progress', from: 0, to: 1, start: tl.t, duration: 8, easing: 'linear' });
      tl.add({ type: 'tween', target: 'cos_wave', property: 'progress', from: 0, to: 1, start: tl.t, duration: 8, easing: 'linear' });
      turn(0, 180, 4, 0, 180);
      tl.narrate('Unrolled over a full turn, the height traces the sine wave and the shadow the cosine wave.', 4, ['sin_wave', 'cos_wave']);
      turn(180, 360, 4, 180, 360);
      tl.narrate(`Now stop at θ = ${SWEEP_FACT_ANGLE}°.`, 2, ['P']);
      tl.add({ type: 'move', target: 'wave_dot', start: tl.t, duration: 0, to: { x: toWorld(wave, [0, 0])[0], y: toWorld(wave, [0, 0])[1] } });
      turn(360, 360 + SWEEP_FACT_ANGLE, 2, 0, SWEEP_FACT_ANGLE);
    } else {
      const seconds = Math.max(2.5, Math.min(8, Math.abs(target) / 45));
      tl.narrate(`Turn the radius to θ = ${degText(target)}: cos θ is P’s x coordinate, sin θ its height.`, seconds, ['radius', 'P']);
      tl.add({ type: 'tween', target: 'sin_wave', property: 'progress', from: 0, to: 1, start: tl.t, duration: seconds, easing: 'linear' });
      tl.add({ type: 'tween', target: 'cos_wave', property: 'progress', from: 0, to: 1, start: tl.t, duration: seconds, easing: 'linear' });
      turn(0, target, seconds, 0, target);
    }

    // The right triangle under the radius: hypotenuse 1, legs cos θ and sin θ.
    const { sin, cos, tan } = facts;
    const tanLine = tan === null ? 'tan θ = sin θ / cos θ: undefined (cos θ = 0)' : `tan θ = sin θ / cos θ = ${fmt(tan)}`;
    objects.push(
      { id: 'identity', type: 'math', latex: `\\cos^2\\theta + \\sin^2\\theta = ${numberTex(ratio(cos))}^2 + ${numberTex(ratio(sin))}^2 = 1`.replace(/(-[\d.]+)\^2/g, '($1)^2'), x: 4.35, y: 0.95, size: 0.36, color: '$foreground' },
      { id: 'r_tan', type: 'text', text: tanLine, x: 4.35, y: 0.25, size: 0.3, color: '$success' },
    );
    tl.narrate(`At θ = ${degText(facts.angle_deg)}: cos θ = ${ratio(cos)} and sin θ = ${ratio(sin)}, the legs of a right triangle whose hypotenuse is the radius, 1.`, 3, ['cos_seg', 'sin_seg']);
    tl.add({ type: 'highlight', target: 'cos_seg', at: tl.t, duration: 1.2, color: '$highlight' });
    tl.add({ type: 'highlight', target: 'sin_seg', at: tl.t + 0.6, duration: 1.2, color: '$highlight' });
    tl.appear('identity', 0.6, 'fade', tl.t + 1).wait(3);
    tl.narrate(tan === null ? 'tan θ = sin θ / cos θ is undefined here, because cos θ = 0.' : `tan θ = sin θ / cos θ = ${fmt(tan)}.`, 2.6, ['r_tan']);
    tl.appear('r_tan', 0.5).wait(2.8);
    tl.finish(tl.t);
    return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title: sweep ? 'The unit circle' : `The unit circle at ${degText(target)}` };
  },
});
