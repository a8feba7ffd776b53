// geometry.circle_area: why A = πr²: cut the circle into slices and lay them top-to-tail; they form
// (nearly) a rectangle of width πr (half the circumference) and height r.
import { z } from 'zod';
import { namedValue, quantity } from '../../text/parse.ts';
import { defineTemplate, type Composition } from '../types.ts';
import { TimelineBuilder } from '../timeline-builder.ts';
import { fmt } from './chart.ts';
import { arcPoints, type P2 } from './shapes.ts';
import { findLengthUnit, lengthUnit, unitSuffix } from './units.ts';

type SceneObject = Composition['objects'][number];

const params = z.object({
  radius: z.number().finite().positive().min(1e-6).max(1e6).default(1),
  unit: lengthUnit,
});
type CircleParams = z.infer<typeof params>;

export function circleFacts(radius: number): { area: number; circumference: number; diameter: number } {
  return { area: Math.PI * radius * radius, circumference: 2 * Math.PI * radius, diameter: 2 * radius };
}

const SLICES = 12;

export const geometryCircleArea = defineTemplate<CircleParams>({
  id: 'geometry.circle_area',
  title: 'Area of a circle',
  category: 'mathematics',
  style: 'mathematical',
  example: 'Why is the area of a circle pi r squared? Use radius 5 cm',
  params,
  vocabulary: ['circle', 'area', 'radius', 'diameter', 'circumference'],
  triggers: [
    { pattern: /\barea of (?:a |the |this )?circle\b|\bcircle(?:'s)? area\b/, score: 0.95 },
    { pattern: /\bcircumference\b/, score: 0.88 },
    { pattern: /\bπ ?r ?\^? ?2\b|\bpi r (?:squared|\^ ?2|2)\b|\bπr\b/, score: 0.9 },
    { pattern: /\bcircle\b.*\b(?:radius|diameter)\b|\b(?:radius|diameter)\b.*\bcircle\b/, score: 0.75 },
    { pattern: /\barea\b.*\bcircle\b/, score: 0.8 },
  ],
  extract(text, warnings) {
    const out: Partial<CircleParams> = {};
    const src = text.original.replace(/\^\s*2|²/g, ' ');
    const radius = namedValue(src, ['radius of', 'radius', 'r =', 'r:']);
    const diameter = namedValue(src, ['diameter of', 'diameter', 'd =']);
    const circumference = namedValue(src, ['circumference of', 'circumference', 'c =']);
    const value =
      radius ??
      (diameter !== undefined ? diameter / 2 : circumference !== undefined ? circumference / (2 * Math.PI) : quantity(src, ['cm', 'mm', 'm', 'km', 'inches', 'inch', 'ft', 'feet', 'meters', 'metres', 'centimeters', 'centimetres']));
    if (value !== undefined) {
      if (!(value > 0) || value > 1e6 || value < 1e-6) warnings.push(`a radius of ${fmt(value)} cannot be drawn (it must be between 0.000001 and 1,000,000); using 1`);
      else {
        out.radius = Number(value.toPrecision(12));
        text.used.add(String(value));
      }
    }
    const unit = findLengthUnit(text.original);
    if (unit) out.unit = unit;
    for (const w of ['circle', 'area', 'radius']) if (text.normalized.includes(w)) text.used.add(w);
    return out;
  },
  facts({ radius }) {
    return circleFacts(radius);
  },
  compose({ radius, unit }) {
    const { area, circumference } = circleFacts(radius);
    const u = unitSuffix(unit);
    const u2 = unitSuffix(unit, 2);
    const R = 2.0;
    const centre: P2 = [-4.7, 0.55];
    const d = (2 * Math.PI) / SLICES;
    const objects: SceneObject[] = [
      { id: 'title', type: 'text', text: 'Why the area of a circle is πr²', x: 0, y: 4.0, size: 0.5, weight: 700, color: '$foreground' },
      { id: 'outline', type: 'circle', x: centre[0], y: centre[1], radius: R, stroke: '$muted', strokeWidth: 0.04 },
    ];
    // Slices: tip at the centre; the points are relative to the tip so moving the tip moves the slice.
    for (let i = 0; i < SLICES; i++) {
      objects.push({
        id: `slice${i}`,
        type: 'polygon',
        x: centre[0],
        y: centre[1],
        points: [[0, 0], ...arcPoints([0, 0], R, i * d, (i + 1) * d, 10)],
        fill: i % 2 ? '$accent' : '$primary',
        stroke: '$background',
        strokeWidth: 0.02,
        opacity: 0.85,
      });
    }
    objects.push(
      { id: 'radius_line', type: 'line', points: [centre, [centre[0], centre[1] + R]], color: '$foreground', width: 0.04 },
      { id: 'radius_label', type: 'text', text: `r = ${fmt(radius)}${u}`, x: centre[0] - 0.2, y: centre[1] + R / 2, size: 0.32, color: '$foreground', align: 'right', background: '$background' },
    );
    // The rearranged strip: even slices point up (arc at the bottom), odd ones down, side by side.
    const chord = R * d;
    const base = -1.0;
    const x0 = 0.1 + chord / 2;
    const placed = Array.from({ length: SLICES }, (_, i) => {
      const j = Math.floor(i / 2);
      const up = i % 2 === 0;
      const x = x0 + j * chord + (up ? 0 : chord / 2);
      const tip: P2 = up ? [x, base + R] : [x, base];
      // Rotate the slice so its middle points straight down (tip up) or straight up (tip down).
      const bisector = ((i + 0.5) * d * 180) / Math.PI;
      let turn = (up ? -90 : 90) - bisector;
      turn = (((turn % 360) + 540) % 360) - 180;
      return { tip, turn };
    });
    const left = x0 - chord / 2;
    const right = x0 + (SLICES / 2 - 1) * chord + chord;
    objects.push(
      {
        id: 'width_line',
        type: 'line',
        points: [
          [left, base - 0.35],
          [right, base - 0.35],
        ],
        color: '$warning',
        width: 0.04,
        arrow: 'both',
      },
      { id: 'width_label', type: 'text', text: `≈ half the circumference = πr = ${fmt(Math.PI * radius)}${u}`, x: (left + right) / 2, y: base - 0.75, size: 0.3, color: '$warning' },
      {
        id: 'height_line',
        type: 'line',
        points: [
          [right + 0.3, base],
          [right + 0.3, base + R],
        ],
        color: '$success',
        width: 0.04,
        arrow: 'both',
      },
      { id: 'height_label', type: 'text', text: `r`, x: right + 0.55, y: base + R / 2, size: 0.36, weight: 700, color: '$success', align: 'left' },
      { id: 'formula', type: 'math', latex: 'A \\approx \\pi r \\cdot r = \\pi r^2', x: (left + right) / 2, y: -2.55, size: 0.46, color: '$foreground' },
      { id: 'area', type: 'text', text: `A = π × ${fmt(radius)}² = ${fmt(area)}${u2}`, x: -4.7, y: -2.55, size: 0.4, weight: 700, color: '$success' },
      { id: 'circ', type: 'text', text: `C = 2π × ${fmt(radius)} = ${fmt(circumference)}${u}`, x: -4.7, y: -3.3, size: 0.34, color: '$warning' },
    );

    const tl = new TimelineBuilder();
    tl.narrate(`A circle of radius r = ${fmt(radius)}${u}.`, 1.8, ['outline']);
    tl.appear('title', 0.5).appear('outline', 1, 'grow');
    for (let i = 0; i < SLICES; i++) tl.appear(`slice${i}`, 0.5, 'fade', tl.t + 0.6);
    tl.appear('radius_line', 0.5, 'draw', tl.t + 1)
      .appear('radius_label', 0.4, 'fade', tl.t + 1.3)
      .wait(1.8);
    tl.narrate(`Cut it into ${SLICES} equal slices, like a pizza.`, 1.6, ['outline']);
    for (let i = 0; i < SLICES; i++) tl.add({ type: 'highlight', target: `slice${i}`, at: tl.t + i * 0.08, duration: 0.4, color: '$highlight' });
    tl.wait(1.6);
    tl.narrate(
      'Lay the slices side by side, alternately pointing up and down.',
      3.6,
      Array.from({ length: SLICES }, (_, i) => `slice${i}`),
    );
    tl.add({ type: 'disappear', target: 'radius_line', at: tl.t, duration: 0.3 }).add({ type: 'disappear', target: 'radius_label', at: tl.t, duration: 0.3 });
    placed.forEach((p, i) => {
      const start = tl.t + i * 0.22;
      tl.add({ type: 'move', target: `slice${i}`, start, duration: 1.1, to: { x: p.tip[0], y: p.tip[1] }, arc: 0.5 });
      tl.add({ type: 'tween', target: `slice${i}`, property: 'rotation', to: p.turn, start, duration: 1.1 });
    });
    tl.wait(SLICES * 0.22 + 1.2);
    tl.narrate('The arcs make the long sides: half the circumference, πr, on top and on the bottom. The short side is r.', 3.2, ['width_line', 'height_line']);
    tl.appear('width_line', 0.6, 'draw').appear('width_label', 0.5).wait(0.8).appear('height_line', 0.6, 'draw').appear('height_label', 0.5).wait(2.4);
    tl.narrate('With thinner and thinner slices the shape becomes a rectangle: area = πr × r = πr².', 2.8, ['formula']).appear('formula', 0.6).wait(2.8);
    tl.narrate(`For r = ${fmt(radius)}${u}: area ${fmt(area)}${u2}, circumference ${fmt(circumference)}${u}.`, 3, ['area', 'circ'])
      .appear('area', 0.5)
      .appear('circ', 0.5, 'fade', tl.t + 0.4)
      .wait(3);
    tl.finish(tl.t);
    return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title: 'Area of a circle' };
  },
});
