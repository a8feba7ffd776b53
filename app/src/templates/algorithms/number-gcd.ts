// number.gcd: Euclid's algorithm, a = q·b + r, then (b, r), until the remainder is 0; the last divisor is the
// greatest common divisor. Drawn twice: the divisions as a column of equations, and the a × b rectangle cut
// into the largest squares that fit, whose last, smallest square has the gcd for its side.
import { z } from 'zod';
import { numbers, type ParsedText } from '../../text/parse.ts';
import { roleColor } from '../emphasis/roles.ts';
import { count, GROUPED_SPEED, playInGroups } from '../step-groups.ts';
import { defineTemplate } from '../types.ts';
import { AlgoScene, formatNumber } from './algo-scene.ts';

export const MAX_GCD_VALUE = 1_000_000;

const whole = z
  .number()
  .int({ error: 'gcd takes whole numbers' })
  .min(1, { error: 'gcd takes whole numbers from 1 up' })
  .max(MAX_GCD_VALUE, { error: `gcd takes numbers up to ${MAX_GCD_VALUE}` });

export const gcdParams = z.object({ a: whole.default(48), b: whole.default(18) });
export type GcdParams = z.infer<typeof gcdParams>;

export interface Division {
  a: number;
  b: number;
  q: number;
  r: number;
}

/** Euclid by division: the larger first, then (b, a mod b) until the remainder is 0. */
export function euclid(x: number, y: number): { gcd: number; steps: Division[] } {
  let [a, b] = x >= y ? [x, y] : [y, x];
  const steps: Division[] = [];
  for (;;) {
    const q = Math.floor(a / b);
    const r = a - q * b;
    steps.push({ a, b, q, r });
    if (r === 0) return { gcd: b, steps };
    [a, b] = [b, r];
  }
}

/** "Year 8", "class 10", "grade 6": the audience, not a number to take the gcd of. */
const SCHOOL_YEAR = /\b(?:year|yr|grade|class|form|standard|std|ks|key stage|level)\s*\d{1,2}\b/gi;

function extractGcd(text: ParsedText, warnings: string[]): Partial<GcdParams> {
  const found = numbers(text.original.replace(SCHOOL_YEAR, ' '));
  const usable = found.filter((v) => Number.isInteger(v) && v >= 1 && v <= MAX_GCD_VALUE);
  if (usable.length !== found.length) warnings.push(`left out ${found.length - usable.length} number(s): the gcd is drawn for whole numbers from 1 to ${formatNumber(MAX_GCD_VALUE)}`);
  if (usable.length > 2) warnings.push(`${usable.length} numbers given; Euclid's algorithm is shown for the first two, ${usable[0]} and ${usable[1]}`);
  for (const w of ['gcd', 'hcf', 'euclid', 'euclidean']) if (text.normalized.includes(w)) text.used.add(w);
  if (usable.length < 2) return {};
  for (const v of usable.slice(0, 2)) text.used.add(String(v));
  return { a: usable[0]!, b: usable[1]! };
}

const BOX = { cx: -3.7, cy: -0.45, w: 6.2, h: 5.2 };
/** Squares narrower than this (world units) are too small to see: their step is told but not drawn. */
const MIN_SQUARE = 0.07;
/** More squares than this in one step are drawn as one band. */
const MAX_SQUARES = 12;

export const numberGcd = defineTemplate<GcdParams>({
  id: 'number.gcd',
  title: "Euclid's algorithm (gcd)",
  category: 'algorithms',
  style: 'algorithmic',
  example: 'Euclidean algorithm for the gcd of 1071 and 462',
  params: gcdParams,
  vocabulary: ['gcd', 'hcf', 'euclidean', 'euclid', 'divisor'],
  // The extended algorithm (Bézout coefficients, modular inverses) is more than this template draws.
  triggers: [
    { pattern: /^(?!.*\b(?:extended euclid|modular inverse|bezout))(?:.*)\b(gcd|hcf|gcf)\b/, score: 0.95 },
    { pattern: /^(?!.*\b(?:extended euclid|modular inverse|bezout))(?:.*)\b(greatest|highest) common (divisor|factor|denominator)\b/, score: 0.95 },
    { pattern: /^(?!.*\b(?:extended euclid|modular inverse|bezout))(?:.*)(\beuclid(ean| s)? (algorithm|method)\b|\beuclid s division\b)/, score: 0.9 },
  ],
  extract: extractGcd,
  facts({ a, b }) {
    const { gcd, steps } = euclid(a, b);
    return { gcd, lcm: (a / gcd) * b, steps };
  },
  compose({ a, b }, facts) {
    const { gcd, steps } = euclid(a, b);
    const [big, small] = a >= b ? [a, b] : [b, a];
    const scene = new AlgoScene(`Euclid's algorithm: gcd(${formatNumber(a)}, ${formatNumber(b)})`, `divisions 0`);
    const tl = scene.tl;
    // The rectangle: the larger number across, scaled into the box.
    const s = Math.min(BOX.w / big, BOX.h / small);
    const W = big * s;
    const H = small * s;
    scene.add({ id: 'rect', type: 'rect', x: BOX.cx, y: BOX.cy, width: W, height: H, fill: '$surface', stroke: '$primary', strokeWidth: 0.05 });
    // Its size above it (a label beside a tall side would leave the frame for wide numbers).
    scene.add({ id: 'rectW', type: 'text', text: `${formatNumber(big)} × ${formatNumber(small)}`, x: BOX.cx, y: BOX.cy + H / 2 + 0.3, size: 0.32, font: 'mono', color: '$muted' });
    // The equations, one line per division; long runs show the first and last lines around a "⋮".
    const shownLines = steps.length <= 11 ? steps.map((_, i) => i) : [...[0, 1, 2, 3, 4], -1, ...[5, 4, 3, 2, 1].map((k) => steps.length - k)];
    const gap = shownLines.length <= 8 ? 0.62 : 0.5;
    const lineY = (row: number) => 2.2 - row * gap;
    const lineId = new Map<number, string>();
    shownLines.forEach((i, row) => {
      const id = i < 0 ? 'eqGap' : `eq${i}`;
      if (i >= 0) lineId.set(i, id);
      const d = i >= 0 ? steps[i]! : undefined;
      scene.add({ id, type: 'text', text: d ? `${formatNumber(d.a)} = ${formatNumber(d.q)} × ${formatNumber(d.b)} + ${formatNumber(d.r)}` : '⋮', x: 1.0, y: lineY(row), size: 0.36, font: 'mono', align: 'left', color: '$foreground' });
    });
    // Squares: each division cuts q squares of side b off the rectangle left over; what remains is b × r.
    let region = { x0: BOX.cx - W / 2, y0: BOX.cy + H / 2, w: W, h: H }; // top-left corner, width, height
    const squareIds: string[][] = [];
    steps.forEach((d, i) => {
      const side = d.b * s;
      const across = region.w >= region.h - 1e-9;
      const ids: string[] = [];
      if (side >= MIN_SQUARE) {
        const place = (k: number) => (across ? { x: region.x0 + side * (k + 0.5), y: region.y0 - side / 2 } : { x: region.x0 + side / 2, y: region.y0 - side * (k + 0.5) });
        if (d.q <= MAX_SQUARES) {
          for (let k = 0; k < d.q; k++) {
            const id = `sq${i}_${k}`;
            scene.add({ id, type: 'rect', ...place(k), width: side, height: side, fill: roleColor('current'), stroke: '$background', strokeWidth: 0.03 });
            ids.push(id);
          }
        } else {
          const id = `sq${i}_band`;
          const len = side * d.q;
          const at = across ? { x: region.x0 + len / 2, y: region.y0 - side / 2, width: len, height: side } : { x: region.x0 + side / 2, y: region.y0 - len / 2, width: side, height: len };
          scene.add({ id, type: 'rect', ...at, fill: roleColor('current'), stroke: '$background', strokeWidth: 0.03 });
          ids.push(id);
        }
      }
      const cut = side * d.q;
      // One invisible box round the step's squares: what its sentence is about, outlined once however many squares.
      if (ids.length) {
        const box = across ? { x: region.x0 + cut / 2, y: region.y0 - side / 2, width: cut, height: side } : { x: region.x0 + side / 2, y: region.y0 - cut / 2, width: side, height: cut };
        scene.add({ id: `cut${i}`, type: 'rect', ...box });
        ids.unshift(`cut${i}`);
      }
      squareIds.push(ids);
      region = across ? { x0: region.x0 + cut, y0: region.y0, w: region.w - cut, h: region.h } : { x0: region.x0, y0: region.y0 - cut, w: region.w, h: region.h - cut };
    });
    scene.legend = [
      { role: 'current', label: 'squares cut now' },
      { role: 'found', label: 'side = gcd' },
    ];

    let divisions = 0;
    let pace = 1;
    const play = (i: number) => {
      const d = steps[i]!;
      divisions++;
      const last = d.r === 0;
      const line = lineId.get(i);
      const refs = [...squareIds[i]!.slice(0, 1), ...(line ? [line] : [])];
      const squares = `${d.q === 1 ? 'one square' : `${formatNumber(d.q)} squares`} of side ${formatNumber(d.b)}`;
      const text = last
        ? `${formatNumber(d.a)} = ${formatNumber(d.q)} × ${formatNumber(d.b)} + 0: no remainder, so the gcd is ${formatNumber(d.b)}.`
        : `${formatNumber(d.a)} = ${formatNumber(d.q)} × ${formatNumber(d.b)} + ${formatNumber(d.r)}: ${squares}, ${formatNumber(d.r)} left over.`;
      scene.counter(`divisions ${divisions}`).step(text, 1.4 * pace, refs.length ? refs : line ? [line] : []);
      if (line) tl.appear(line, 0.3 * pace);
      if (line && shownLines.includes(-1) && i === shownLines[5]) tl.appear('eqGap', 0.3 * pace);
      squareIds[i]!.slice(1).forEach((id, k) => tl.appear(id, 0.25 * pace, 'grow', tl.t + Math.min(0.08 * k, 0.6) * pace));
      tl.wait(1.4 * pace);
      // The squares of a finished step step back, so the next step's stand out.
      if (!last) for (const id of squareIds[i]!.slice(1)) tl.add({ type: 'tween', target: id, property: 'fill', to: '$muted', start: tl.t, duration: 0.3 * pace });
      else for (const id of squareIds[i]!.slice(1)) tl.add({ type: 'tween', target: id, property: 'fill', to: roleColor('found'), start: tl.t, duration: 0.3 });
    };

    scene.intro('Euclid: divide, then divide the divisor by the remainder, until the remainder is 0.', 1.6);
    tl.appear('rect', 0.5).appear('rectW', 0.4);
    tl.wait(0.6);
    scene.step(`A ${formatNumber(big)} × ${formatNumber(small)} rectangle: cut off the largest squares that fit, again and again.`, 1.4, ['rect']);
    tl.wait(1.4);
    playInGroups(tl, [steps.map((_, i) => i)], {
      narrated: () => true,
      detail: 5,
      play,
      speed: (grouped) => {
        pace = grouped ? GROUPED_SPEED : 1;
      },
      summary: (rest) => `${count(rest.length, 'more divisions')} the same way, down to remainder 0: the gcd is ${formatNumber(gcd)}.`,
      refs: (rest) => rest.flatMap((i) => lineId.get(i) ?? []),
    });
    tl.wait(0.4);
    const lcm = facts.lcm as number;
    return scene.finish(
      `gcd(${formatNumber(a)}, ${formatNumber(b)}) = ${formatNumber(gcd)} · lcm = ${formatNumber(lcm)}`,
      `gcd(${formatNumber(a)}, ${formatNumber(b)}) = ${formatNumber(gcd)}: the smallest square tiles the whole rectangle. The lcm is ${formatNumber(a)} × ${formatNumber(b)} ÷ ${formatNumber(gcd)} = ${formatNumber(lcm)}.`,
    );
  },
});
