// stats.normal_distribution: a Galton board. Balls fall through rows of pegs, going left or right at each with even
// chance (seeded, so the same board always falls the same way); the bins fill into a histogram that grows towards the
// binomial B(n, ½), and the normal curve with μ = n/2 and σ = √n/2 is laid over it: the central limit theorem, shown
// as the sum of many small independent choices. Rows and balls are the user's, or a neutral 10 rows and 200 balls.
import { z } from 'zod';
import { defineTemplate, type Composition } from '../types.ts';
import { TimelineBuilder } from '../timeline-builder.ts';
import { superscript } from '../format/index.ts';
import { roleColor } from '../emphasis/roles.ts';
import { fmt } from './chart.ts';
import { markUsed } from './progression.ts';
import { dropBalls, galtonFacts, GALTON_SEED, normalDensity } from './galton.ts';

type SceneObject = Composition['objects'][number];

export const MAX_ROWS = 12;
export const MAX_BALLS = 1000;
/** Balls drawn falling one by one before the rest are counted in batches. */
const SHOWN = 5;

const params = z.object({
  rows: z.number().int().min(2).max(MAX_ROWS).default(10).describe(`rows of pegs n (2 to ${MAX_ROWS}): each ball makes n left-or-right choices`),
  balls: z.number().int().min(1).max(MAX_BALLS).default(200).describe(`balls dropped (1 to ${MAX_BALLS})`),
});
type GaltonParams = z.infer<typeof params>;

const BAR_COLOUR = roleColor('observed');
const EXPECTED_COLOUR = roleColor('expected');
const NORMAL_COLOUR = roleColor('fitted');

/** "12 rows", "n = 8 rows of pegs", "500 balls", "300 beads". */
function countBefore(src: string, words: string): number | undefined {
  const m = new RegExp(String.raw`(\d[\d,]*)\s*(?:${words})\b`, 'i').exec(src);
  return m ? Number(m[1]!.replace(/,/g, '')) : undefined;
}

export const statsNormalDistribution = defineTemplate<GaltonParams>({
  id: 'stats.normal_distribution',
  title: 'Normal distribution (Galton board)',
  category: 'mathematics',
  style: 'mathematical',
  example: 'Galton board with 10 rows of pegs and 200 balls: the normal distribution',
  params,
  vocabulary: ['galton', 'quincunx', 'pegs', 'normal', 'gaussian', 'bell', 'distribution'],
  triggers: [
    { pattern: /\bgalton(?: ?'? ?s)? board\b|\bgalton\b|\bquincunx\b|\bbean machine\b|\bplinko\b/, score: 0.95 },
    { pattern: /\bcentral limit theorem\b/, score: 0.9 },
    // The board shows the shape, not a table of areas: the empirical rule, z-scores and tables are not drawn.
    { pattern: /^(?!.*\b(?:empirical rule|68|z ?-? ?scores?|z ?-? ?tables?|standard normal table|probability that|p ?\()).*\b(?:normal distribution|normal curve|bell curve|bell shaped curve|gaussian distribution)\b/, score: 0.85 },
  ],
  extract(text, warnings) {
    const out: Partial<GaltonParams> = {};
    const src = text.original;
    const rows = countBefore(src, 'rows|levels|layers|rows of pegs') ?? (/\bn\s*=\s*(\d+)/i.exec(src) ? Number(/\bn\s*=\s*(\d+)/i.exec(src)![1]) : undefined);
    if (rows !== undefined) {
      if (rows < 2) warnings.push(`${rows} row${rows === 1 ? '' : 's'} of pegs make no distribution to see; using 2`);
      else if (rows > MAX_ROWS) warnings.push(`${rows} rows of pegs are too many to draw apart; showing ${MAX_ROWS}`);
      out.rows = Math.max(2, Math.min(MAX_ROWS, rows));
    }
    const balls = countBefore(src, 'balls|beads|marbles|pellets|drops');
    if (balls !== undefined) {
      if (balls < 1) warnings.push('no balls dropped; using 1');
      else if (balls > MAX_BALLS) warnings.push(`${balls} balls are more than are counted here; dropping ${MAX_BALLS}`);
      out.balls = Math.max(1, Math.min(MAX_BALLS, balls));
    }
    markUsed(text, ['galton', 'normal', 'distribution', 'central limit theorem', 'pegs', 'balls']);
    return out;
  },
  facts: ({ rows, balls }) => galtonFacts(rows, balls),
  compose({ rows: n, balls }) {
    const f = galtonFacts(n, balls);
    const { paths } = dropBalls(n, balls);
    const dx = Math.min(1.0, 12 / (n + 1));
    const dy = Math.min(0.42, 2.6 / n);
    const top = 3.0;
    const base = -3.2;
    const barMax = 2.5;
    const peak = Math.max(...f.bins, ...f.expected, balls * normalDensity(f.mu, f.mu, f.sigma));
    const k = barMax / peak;
    const binX = (b: number) => (b - n / 2) * dx;
    const pegY = (r: number) => top - (r + 1) * dy;

    const objects: SceneObject[] = [{ id: 'title', type: 'text', text: `Galton board: ${balls} ball${balls === 1 ? '' : 's'} through ${n} rows of pegs`, x: 0, y: 3.85, size: 0.44, weight: 700, color: '$foreground', maxWidth: 14.4 }];
    const pegIds: string[] = [];
    for (let r = 0; r < n; r++)
      for (let i = 0; i <= r; i++) {
        pegIds.push(`peg-${r}-${i}`);
        objects.push({ id: `peg-${r}-${i}`, type: 'circle', x: (i - r / 2) * dx, y: pegY(r), radius: 0.07, fill: '$muted' });
      }
    objects.push({
      id: 'base',
      type: 'line',
      points: [
        [binX(0) - dx / 2, base],
        [binX(n) + dx / 2, base],
      ],
      color: '$muted',
      width: 0.03,
    });
    const barIds = f.bins.map((_, b) => `bin-${b}`);
    f.bins.forEach((_, b) => {
      objects.push({ id: `bin-${b}`, type: 'bar', x: binX(b), y: base, width: dx * 0.78, height: 0, fill: BAR_COLOUR, cornerRadius: 0.03 });
      objects.push({ id: `bin-label-${b}`, type: 'text', text: String(b), x: binX(b), y: base - 0.3, size: 0.28, color: '$muted' });
      objects.push({
        id: `expected-${b}`,
        type: 'line',
        points: [
          [binX(b) - dx * 0.42, base + f.expected[b]! * k],
          [binX(b) + dx * 0.42, base + f.expected[b]! * k],
        ],
        color: EXPECTED_COLOUR,
        width: 0.05,
      });
    });
    const curve: [number, number][] = [];
    for (let i = 0; i <= 120; i++) {
      const x = -0.5 + ((n + 1) * i) / 120;
      curve.push([binX(x), base + balls * normalDensity(x, f.mu, f.sigma) * k]);
    }
    objects.push({ id: 'normal', type: 'line', points: curve, color: NORMAL_COLOUR, width: 0.06 });
    objects.push({ id: 'dropped', type: 'text', text: 'balls dropped: 0', x: -7.0, y: 2.9, size: 0.3, color: '$foreground', align: 'left' });
    objects.push({ id: 'sample', type: 'text', text: `balls' mean ${fmt(f.sample_mean)}, spread ${fmt(f.sample_sd)}`, x: -7.0, y: 2.45, size: 0.3, color: '$foreground', align: 'left', maxWidth: 4.4 });
    const shown = Math.min(SHOWN, balls);
    for (let i = 0; i < shown; i++) objects.push({ id: `ball-${i}`, type: 'circle', x: 0, y: top + 0.15, radius: 0.11, fill: '$foreground', opacity: 0 });

    const tl = new TimelineBuilder();
    tl.narrate(`${n} rows of pegs. At each peg a ball goes left or right, each with chance ½.`, 2.4, pegIds, { emphasis: 'dim-rest' });
    tl.appear('title', 0.5).appear('base', 0.5, 'draw');
    pegIds.forEach((id, i) => tl.appear(id, 0.2, 'fade', tl.t + Math.min(1.2, i * 0.015)));
    f.bins.forEach((_, b) => tl.appear(`bin-label-${b}`, 0.2, 'fade', tl.t + 0.6));
    tl.appear('dropped', 0.3, 'fade', tl.t + 0.6).wait(1.8);
    const heights = new Array<number>(n + 1).fill(0);
    /** One ball's fall, peg by peg, into its bin, whose bar then grows by one ball. */
    const fall = (i: number, at: number, step: number) => {
      const path = paths[i]!;
      let rights = 0;
      tl.add({ type: 'set', target: `ball-${i}`, at, property: 'opacity', value: 1 });
      path.forEach((right, r) => {
        tl.add({ type: 'move', target: `ball-${i}`, start: at + r * step, duration: step, to: { x: (rights - r / 2) * dx, y: pegY(r) + 0.17 } });
        if (right) rights++;
      });
      const end = at + n * step;
      tl.add({ type: 'move', target: `ball-${i}`, start: end, duration: step * 1.5, to: { x: binX(rights), y: base + (heights[rights]! + 1) * k } });
      tl.add({ type: 'set', target: `ball-${i}`, at: end + step * 1.5, property: 'opacity', value: 0 });
      heights[rights]! += 1;
      tl.add({ type: 'tween', target: `bin-${rights}`, property: 'height', to: heights[rights]! * k, start: end + step * 1.5, duration: 0.2 });
      return { rights, end: end + step * 1.5 + 0.2 };
    };
    const first = paths[0]!.filter(Boolean).length;
    tl.narrate(`The first ball turns right ${first} time${first === 1 ? '' : 's'} and left ${n - first}: it lands in bin ${first}.`, 0.3 * n + 0.8, ['ball-0']);
    let end = fall(0, tl.t, 0.3).end;
    tl.setText('dropped', 'balls dropped: 1', end);
    tl.wait(end - tl.t + 0.4);
    if (shown > 1) {
      tl.narrate(
        `${shown - 1} more balls, each its own way: the bin is the number of right turns.`,
        2.4,
        Array.from({ length: shown - 1 }, (_, i) => `ball-${i + 1}`),
      );
      const start = tl.t;
      for (let i = 1; i < shown; i++) end = fall(i, start + (i - 1) * 0.5, 0.18).end;
      tl.setText('dropped', `balls dropped: ${shown}`, end);
      tl.wait(end - tl.t + 0.4);
    }
    // The rest, counted in batches: the bars grow to the counts after each.
    const counts = new Array<number>(n + 1).fill(0);
    const checkpoints = [...new Set([20, 50, balls].filter((c) => c > shown && c <= balls))];
    let done = 0;
    checkpoints.forEach((c, ci) => {
      for (; done < c; done++) counts[paths[done]!.filter(Boolean).length]! += 1;
      const sentence = ci === checkpoints.length - 1 ? `All ${balls} balls: most land near the middle, few at the edges.` : `After ${c} balls the middle bins are filling fastest.`;
      tl.narrate(sentence, 2.2, barIds, { emphasis: 'dim-rest' });
      counts.forEach((cnt, b) => tl.add({ type: 'tween', target: `bin-${b}`, property: 'height', to: cnt * k, start: tl.t, duration: 1.2 }));
      tl.setText('dropped', `balls dropped: ${c}`, tl.t + 1.2);
      tl.wait(2);
    });
    tl.narrate(
      `B(${n}, ½) expects ${balls} × C(${n}, k) / 2${superscript(String(n))} balls in bin k: the short lines.`,
      2.4,
      f.bins.map((_, b) => `expected-${b}`),
      { emphasis: 'dim-rest' },
    );
    f.bins.forEach((_, b) => tl.appear(`expected-${b}`, 0.3, 'fade', tl.t + b * 0.05));
    tl.wait(2.2);
    tl.narrate(`The normal curve with μ = n/2 = ${fmt(f.mu)} and σ = √n/2 ≈ ${fmt(f.sigma)} follows the same shape.`, 2.6, ['normal']);
    tl.appear('normal', 1.2, 'draw').wait(2.4);
    tl.narrate(`Here the balls average ${fmt(f.sample_mean)} with spread ${fmt(f.sample_sd)}, near μ = ${fmt(f.mu)} and σ ≈ ${fmt(f.sigma)}.`, 2.6, ['sample']);
    tl.appear('sample', 0.3).wait(2.4);
    tl.narrate('The central limit theorem: a sum of many small independent choices is close to normal, and closer the more rows.', 3, ['normal'], { emphasis: 'dim-rest' });
    tl.wait(3);
    tl.finish(tl.t);
    return {
      objects,
      timeline: tl.entries,
      narration: tl.steps,
      duration: tl.t,
      title: `Galton board: ${balls} balls through ${n} rows (seed ${GALTON_SEED})`,
      legend: [
        { role: 'observed', label: 'balls in each bin' },
        { role: 'expected', label: `expected, B(${n}, ½)`, swatch: 'line' },
        { role: 'fitted', label: `normal, μ = ${fmt(f.mu)}, σ ≈ ${fmt(f.sigma)}`, swatch: 'line' },
      ],
    };
  },
});
