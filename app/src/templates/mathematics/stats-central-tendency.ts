// stats.central_tendency: the mean, median and mode of the user's own numbers, on a dot plot over a number
// line. The mean is the total shared out, the median is found by sorting the list and taking the middle, the
// mode is the tallest stack of dots (several stacks as tall: several modes; every value as often as the
// others: no mode). A description with no numbers asks for them: the numbers are the user's data.
import { z } from 'zod';
import { defineTemplate, type Composition } from '../types.ts';
import { TimelineBuilder } from '../timeline-builder.ts';
import { withUnit } from '../format/index.ts';
import { numberList } from '../../text/parse.ts';
import { fmt } from './chart.ts';
import { markUsed } from './progression.ts';
import { niceStep } from './sampling.ts';

type SceneObject = Composition['objects'][number];

/** Fifteen values still read one by one in a row across the view; more become a blur of digits. */
export const MAX_VALUES = 15;
const value = z.number().finite().min(-1e6).max(1e6);

const params = z.object({
  values: z.array(value).min(2).max(MAX_VALUES).default([3, 7, 7, 2, 9]).describe(`the numbers, as the user wrote them (2 to ${MAX_VALUES})`),
  unit: z.string().trim().max(12).default('').describe('the unit the numbers are in (cm, kg, marks), empty when none'),
});
type CentralParams = z.infer<typeof params>;

export interface CentralFacts {
  count: number;
  sum: number;
  mean: number;
  sorted: number[];
  median: number;
  /** The values seen most often; empty when every value is seen as often as every other (no mode). */
  modes: number[];
  /** How often each mode is seen. */
  mode_count: number;
  range: number;
}

/** Float dust from adding decimals (0.1 + 0.2) is not shown as a digit. */
function clean(v: number): number {
  return Number(v.toPrecision(12));
}

export function centralFacts(values: readonly number[]): CentralFacts {
  const n = values.length;
  const sum = clean(values.reduce((s, v) => s + v, 0));
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(n / 2);
  const median = n % 2 === 1 ? sorted[mid]! : clean((sorted[mid - 1]! + sorted[mid]!) / 2);
  const counts = new Map<number, number>();
  for (const v of sorted) counts.set(v, (counts.get(v) ?? 0) + 1);
  const most = Math.max(...counts.values());
  const tied = [...counts].filter(([, c]) => c === most).map(([v]) => v);
  // When every distinct value is seen equally often (each once, or each twice) none stands out: no mode.
  const modes = tied.length === counts.size ? [] : tied;
  return { count: n, sum, mean: clean(sum / n), sorted, median, modes, mode_count: most, range: clean(sorted[n - 1]! - sorted[0]!) };
}

/** "heights in cm", "(kg)", "marks out of 20": the unit named beside the numbers, when one is. */
const UNIT_RE = /\b(?:in|of|measured in)\s+(cm|mm|m|km|kg|g|mg|s|min|minutes|hours|seconds|°c|°f|ml|l|litres|liters|£|\$|€|marks|points|goals|years|days)\b|\((cm|mm|m|km|kg|g|s|ml|l|°c|marks|points)\)/i;

export const statsCentralTendency = defineTemplate<CentralParams>({
  id: 'stats.central_tendency',
  title: 'Mean, median and mode',
  category: 'mathematics',
  style: 'mathematical',
  example: 'Mean, median and mode of 3, 7, 7, 2, 9',
  content: { param: 'values', ask: 'give the numbers, separated by commas, e.g. "Mean, median and mode of 3, 7, 7, 2, 9"' },
  params,
  vocabulary: ['mean', 'median', 'mode', 'modes', 'average', 'averages', 'central', 'tendency', 'bimodal'],
  triggers: [
    { pattern: /\b(?:mean|median|mode)s?(?: ?,| and| or| &)* (?:the )?(?:mean|median|mode|range)s?\b/, score: 0.95 },
    { pattern: /\b(?:measures? of )?(?:central tendency|averages? \(mean|three averages|the averages)\b/, score: 0.9 },
    // A single average with numbers after it ("median of 4, 9, 2"); not "geometric mean", "mean free path", "root mean square".
    { pattern: /(?<!geometric |harmonic |root |weighted |moving |quadratic )\b(?:arithmetic mean|mean|median|mode|modal value|average)s? (?:of|for) (?:the |these |this |my |our )?(?:\w+ ){0,3}-?\d/, score: 0.85 },
    { pattern: /\b(?:find|work out|calculate|compute|show) the (?:mean|median|mode|average)\b(?! (?:free|value theorem|squared?|time|reversion|field|absolute))/, score: 0.8 },
    { pattern: /\bdot ?plot\b/, score: 0.6 },
  ],
  extract(text, warnings) {
    const out: Partial<CentralParams> = {};
    const src = text.original.replace(/[−–]/g, '-');
    const list = numberList(src);
    if (list.length > MAX_VALUES) {
      warnings.push(`${list.length} numbers given; showing the first ${MAX_VALUES} (each value needs its own place in the row)`);
      out.values = list.slice(0, MAX_VALUES);
    } else if (list.length >= 2) out.values = list;
    if (out.values?.some((v) => Math.abs(v) > 1e6)) {
      warnings.push('numbers larger than 1,000,000 in size cannot be drawn on the number line; give smaller ones');
      delete out.values;
    }
    const unit = UNIT_RE.exec(src);
    const u = unit?.[1] ?? unit?.[2];
    if (u) out.unit = u.toLowerCase() === 'l' ? 'L' : u;
    markUsed(text, ['mean', 'median', 'mode', 'average']);
    return out;
  },
  facts: ({ values }) => ({ ...centralFacts(values) }),
  compose({ values, unit }) {
    const f = centralFacts(values);
    const n = f.count;
    const v = (x: number) => fmt(x, 4);
    const q = (x: number) => withUnit(v(x), unit);

    // The number line: a round range round the data, ticks at a round step.
    const span = Math.max(f.range, Math.abs(f.mean) * 0.2, 1);
    // Whole numbers get whole-number ticks: "2.2" between counts that are never fractions only distracts.
    const whole = values.every(Number.isInteger);
    const step = whole ? Math.max(1, niceStep(span, 8)) : niceStep(span, 8);
    const lo = Math.floor((f.sorted[0]! - step * 0.5) / step) * step;
    const hi = Math.ceil((f.sorted[n - 1]! + step * 0.5) / step) * step;
    const left = -6.6;
    const right = 6.6;
    const X = (x: number) => left + ((x - lo) / (hi - lo)) * (right - left);
    const axisY = -1.5;
    const counts = new Map<number, number>();
    for (const x of f.sorted) counts.set(x, (counts.get(x) ?? 0) + 1);
    const r = Math.min(0.26, 2.9 / (2.2 * f.mode_count));

    const objects: SceneObject[] = [{ id: 'title', type: 'text', text: `Mean, median and mode of ${values.map(v).join(', ')}${unit ? ` (${unit})` : ''}`, x: 0, y: 3.85, size: 0.44, weight: 700, color: '$foreground', maxWidth: 14 }];
    // The numbers as written, one cell each, so sorting can move them into order.
    const pitch = Math.min(0.95, 13.6 / n);
    const cellX = (i: number) => (i - (n - 1) / 2) * pitch;
    const valueSize = Math.max(0.3, Math.min(0.42, pitch / (0.55 * Math.max(...values.map((x) => v(x).length)) + 0.3)));
    values.forEach((x, i) => objects.push({ id: `value-${i}`, type: 'text', text: v(x), x: cellX(i), y: 2.85, size: valueSize, color: '$foreground' }));
    objects.push({ id: 'working', type: 'text', text: '', x: 0, y: 2.0, size: 0.36, color: '$foreground', maxWidth: 14 });
    objects.push({
      id: 'axis',
      type: 'line',
      points: [
        [left - 0.2, axisY],
        [right + 0.2, axisY],
      ],
      color: '$muted',
      width: 0.04,
    });
    const ticks: number[] = [];
    for (let t = lo; t <= hi + step * 1e-9; t += step) ticks.push(clean(t));
    ticks.forEach((t, i) => {
      objects.push({
        id: `tick-${i}`,
        type: 'line',
        points: [
          [X(t), axisY],
          [X(t), axisY - 0.12],
        ],
        color: '$muted',
        width: 0.03,
      });
      objects.push({ id: `tick-label-${i}`, type: 'text', text: v(t), x: X(t), y: axisY - 0.38, size: 0.28, color: '$muted' });
    });
    if (unit) objects.push({ id: 'axis-unit', type: 'text', text: unit, x: right + 0.45, y: axisY - 0.38, size: 0.28, color: '$muted' });
    // One dot per value (in the order written), stacked where a value repeats.
    const seen = new Map<number, number>();
    const dotOf = values.map((x, i) => {
      const k = seen.get(x) ?? 0;
      seen.set(x, k + 1);
      objects.push({ id: `dot-${i}`, type: 'circle', x: X(x), y: axisY + r * 1.15 + k * r * 2.2, radius: r, fill: '$foreground' });
      return `dot-${i}`;
    });
    const top = axisY + r * 2.2 * f.mode_count + 0.15;
    const marker = (id: string, x: number, color: string, label: string | undefined, labelY: number, labelAt = x) => {
      objects.push({
        id,
        type: 'line',
        points: [
          [X(x), axisY],
          [X(x), Math.max(top, axisY + 1.2)],
        ],
        color,
        width: 0.05,
        dash: [0.14, 0.09],
      });
      if (label !== undefined) objects.push({ id: `${id}-label`, type: 'text', text: label, x: Math.max(left + 1.2, Math.min(right - 1.2, X(labelAt))), y: labelY, size: 0.32, color, weight: 600 });
    };
    marker('mean', f.mean, '$primary', `mean = ${q(f.mean)}`, -2.45);
    marker('median', f.median, '$secondary', `median = ${q(f.median)}`, -2.95);
    // Several modes share one label, centred under them, naming them all.
    f.modes.forEach((m, i) => marker(`mode-${i}`, m, '$accent', i === 0 ? `${f.modes.length > 1 ? 'modes' : 'mode'} = ${f.modes.map(q).join(' and ')}` : undefined, -3.45, (f.modes[0]! + f.modes[f.modes.length - 1]!) / 2));
    if (!f.modes.length) objects.push({ id: 'mode-none', type: 'text', text: 'no mode', x: 0, y: -3.45, size: 0.32, color: '$accent', weight: 600 });

    const tl = new TimelineBuilder();
    const valueIds = values.map((_, i) => `value-${i}`);
    tl.narrate(`${n} numbers${unit ? ` in ${unit}` : ''}: three ways to say what is typical.`, 2, valueIds);
    tl.appear('title', 0.5);
    valueIds.forEach((id, i) => tl.appear(id, 0.3, 'fade', tl.t + i * 0.08));
    tl.wait(0.4 + n * 0.08);
    tl.narrate('Each number is a dot on the number line; equal numbers stack up.', 2, dotOf);
    tl.appear('axis', 0.5, 'draw');
    ticks.forEach((_, i) => tl.appear(`tick-${i}`, 0.2, 'fade', tl.t + 0.2).appear(`tick-label-${i}`, 0.2, 'fade', tl.t + 0.2));
    if (unit) tl.appear('axis-unit', 0.2, 'fade', tl.t + 0.2);
    dotOf.forEach((id, i) => tl.appear(id, 0.3, 'grow', tl.t + 0.5 + i * 0.1));
    tl.wait(1 + n * 0.1);

    // Mean: the total shared out equally.
    tl.narrate(`The mean: add them up, ${q(f.sum)}, and share by the count, ${n}.`, 2.2, ['working']);
    const added = values.map((x, i) => (i === 0 ? v(x) : x < 0 ? `− ${v(-x)}` : `+ ${v(x)}`)).join(' ');
    tl.setText('working', `${added} = ${v(f.sum)}`);
    tl.appear('working', 0.3).wait(2.2);
    tl.narrate(`${v(f.sum)} ÷ ${n} = ${v(f.mean)}: the mean is ${q(f.mean)}.`, 2, ['mean', 'mean-label']);
    tl.setText('working', `mean = ${v(f.sum)} ÷ ${n} = ${v(f.mean)}`);
    tl.appear('mean', 0.5, 'draw').appear('mean-label', 0.3).wait(2);

    // Median: sort, then take the middle.
    tl.narrate('The median: first put the numbers in order, smallest to largest.', 2, valueIds);
    tl.setText('working', '');
    const order = values.map((x, i) => ({ x, i })).sort((a, b) => a.x - b.x || a.i - b.i);
    order.forEach(({ i }, place) => tl.add({ type: 'move', target: `value-${i}`, start: tl.t, duration: 0.8, to: { x: cellX(place) }, arc: 0.35 }));
    tl.wait(1.8);
    const mid = Math.floor(n / 2);
    const middle = n % 2 === 1 ? [order[mid]!.i] : [order[mid - 1]!.i, order[mid]!.i];
    const middleText = n % 2 === 1 ? `The middle one of the ${n} is ${v(f.median)}: the median is ${q(f.median)}.` : `Two in the middle, ${v(f.sorted[mid - 1]!)} and ${v(f.sorted[mid]!)}: halfway between is the median, ${q(f.median)}.`;
    tl.narrate(
      middleText,
      2.4,
      middle.map((i) => `value-${i}`),
    );
    middle.forEach((i) => tl.add({ type: 'tween', target: `value-${i}`, property: 'color', to: '$secondary', start: tl.t, duration: 0.3 }));
    tl.wait(1);
    tl.appear('median', 0.5, 'draw').appear('median-label', 0.3).wait(1.6);

    // Mode: the tallest stack.
    if (f.modes.length) {
      const modeDots = values.flatMap((x, i) => (f.modes.includes(x) ? [`dot-${i}`] : []));
      const said =
        f.modes.length === 1 ? `The mode is the most common number: ${q(f.modes[0]!)}, seen ${f.mode_count} times.` : `${f.modes.length} numbers are seen ${f.mode_count} times each: the modes are ${f.modes.map(q).join(' and ')}.`;
      tl.narrate(said, 2.4, modeDots);
      modeDots.forEach((id) => tl.add({ type: 'tween', target: id, property: 'fill', to: '$accent', start: tl.t, duration: 0.3 }));
      tl.wait(0.8);
      f.modes.forEach((_, i) => tl.appear(`mode-${i}`, 0.5, 'draw'));
      tl.appear('mode-0-label', 0.3).wait(1.8);
    } else {
      tl.narrate(f.mode_count === 1 ? 'Every number appears once: there is no mode.' : `Every number appears ${f.mode_count} times: no one value is the mode.`, 2.2, ['mode-none']);
      tl.appear('mode-none', 0.3).wait(2);
    }
    const labels = ['mean-label', 'median-label', f.modes.length ? 'mode-0-label' : 'mode-none'];
    const sameMM = f.mean === f.median;
    tl.narrate(sameMM ? `Here the mean and the median agree: ${q(f.mean)}.` : `Mean ${q(f.mean)}, median ${q(f.median)}: the mean feels every value, the median only the middle.`, 2.6, labels);
    tl.wait(2.4);
    tl.finish(tl.t);
    return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title: `Mean, median and mode of ${values.map(v).join(', ')}` };
  },
});
