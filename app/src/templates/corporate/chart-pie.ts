// chart.pie: parts of a whole as slices that sweep in clockwise from twelve o'clock, each with its
// percentage, and a legend with the label, share and value of every slice.
import { z } from 'zod';
import { defineTemplate, type Composition } from '../types.ts';
import { TimelineBuilder } from '../timeline-builder.ts';
import { extractChartData, labelSchema, MAX_ABS_VALUE, titleSchema, unitSchema } from './chart-data.ts';
import type { LabelledValue } from './parse/pairs.ts';
import { displayLabel } from './parse/title.ts';
import { formatPercent, valueFormatter } from './parse/values.ts';
import { fitTextSize, lineCount, seriesColor, textHeight, titleObjects } from './slide.ts';

/** More slices than this are too thin to read; the smallest are merged into "Other". */
export const MAX_SLICES = 8;
/** Slices smaller than this get no label on the pie (the legend still lists them). */
const MIN_LABELLED_PCT = 4;

const sliceSchema = z.strictObject({ label: labelSchema, value: z.number().finite().positive().lt(MAX_ABS_VALUE) });

const params = z.object({
  title: titleSchema('Pie chart'),
  data: z
    .array(sliceSchema)
    .min(1)
    .max(MAX_SLICES)
    .default([
      { label: 'Product', value: 45 },
      { label: 'Services', value: 30 },
      { label: 'Licensing', value: 25 },
    ]),
  unit: unitSchema,
});
type PieParams = z.infer<typeof params>;

/** Each value's share of the total, in percent (they add up to 100). */
export function percentages(values: number[]): number[] {
  const total = values.reduce((s, v) => s + v, 0);
  return values.map((v) => (total > 0 ? (v / total) * 100 : 0));
}

/** Keeps the largest MAX_SLICES − 1 slices in their order and merges the rest into "Other". */
function mergeSmallest(pairs: LabelledValue[], warnings: string[]): LabelledValue[] {
  const keep = new Set([...pairs].sort((a, b) => b.value - a.value).slice(0, MAX_SLICES - 1));
  const rest = pairs.filter((p) => !keep.has(p));
  warnings.push(`${pairs.length} slices given; the ${rest.length} smallest were merged into "Other" so every slice stays readable (at most ${MAX_SLICES})`);
  return [...pairs.filter((p) => keep.has(p)), { label: 'Other', value: rest.reduce((s, p) => s + p.value, 0), unit: pairs[0]!.unit }];
}

const START_DEG = 90;

/** The slice outline around its centre: the centre, then the arc from a0 to a1 (degrees, clockwise). */
function sliceOutline(a0: number, a1: number, r: number, sweep = 1): [number, number][] {
  const steps = Math.max(2, Math.ceil(Math.abs(a1 - a0) / 3));
  const pts: [number, number][] = [[0, 0]];
  for (let i = 0; i <= steps; i++) {
    const a = ((a0 + ((a1 - a0) * i * sweep) / steps) * Math.PI) / 180;
    pts.push([Number((Math.cos(a) * r).toFixed(4)), Number((Math.sin(a) * r).toFixed(4))]);
  }
  return pts;
}

/** Shares written as percentages may add up to a little over 100 from rounding; far over, they are not shares. */
const MAX_PERCENT_SUM = 105;

export const chartPie = defineTemplate<PieParams>({
  id: 'chart.pie',
  title: 'Pie chart',
  category: 'charts',
  style: 'corporate_training',
  example: 'Market share pie chart: Acme 45%, Globex 30%, Initech 25%',
  content: { param: 'data', ask: 'give the slices as labels and values after a colon, e.g. "Survey answers pie chart: Yes 60%, No 30%, Unsure 10%"' },
  params,
  vocabulary: ['pie', 'donut', 'doughnut', 'breakdown', 'percentage', 'proportion'],
  triggers: [
    { pattern: /\b(pie|donut|doughnut) ?(chart|graph|diagram)?s?\b/, score: 0.95 },
    { pattern: /\b(market share|share of|breakdown|proportions?|composition|split|distribution) (of|by|between|across)\b.*\d/, score: 0.55 },
    { pattern: /\bbreakdown\b.*\d/, score: 0.55 },
    // Answers to one question are parts of a whole: "Survey results: 60% yes, 30% no, 10% unsure".
    { pattern: /\b(survey|poll|vote|votes|responses|answers|split|mix)\b.*\d ?%.*\d ?%/, score: 0.6 },
    { pattern: /\d ?% .*\d ?% .*\d ?%/, score: 0.4 },
  ],
  extract(text, warnings) {
    const found = extractChartData(text, warnings, { fallbackTitle: 'Pie chart', max: MAX_SLICES, noun: 'slices', overflow: mergeSmallest });
    if (!found.data) return { title: found.title };
    let data = found.data.filter((d) => d.value > 0);
    if (data.length < found.data.length) {
      warnings.push(`left out ${found.data.length - data.length} slice(s) with a zero or negative value: a pie shows parts of a positive whole`);
    }
    if (data.length === 0) return { title: found.title };
    // Shares written as percentages should make 100%: the rest becomes "Other", an excess is scaled.
    const sum = data.reduce((s, d) => s + d.value, 0);
    if (found.unit === '%' && sum < 99.5 && data.length < MAX_SLICES) {
      warnings.push(`the percentages add up to ${formatPercent(sum)}; the remaining ${formatPercent(100 - sum)} is shown as "Other"`);
      data = [...data, { label: 'Other', value: Number((100 - sum).toPrecision(12)) }];
    } else if (found.unit === '%' && sum > 100.5 && sum <= MAX_PERCENT_SUM) {
      warnings.push(`the percentages add up to ${formatPercent(sum)}, not 100%; each slice is shown as its share of that total`);
    }
    return { title: found.title, data, unit: found.unit };
  },
  misfit({ data, unit }) {
    const sum = data.reduce((s, d) => s + d.value, 0);
    if (unit !== '%' || sum <= MAX_PERCENT_SUM) return undefined;
    return {
      message: `the percentages add up to ${formatPercent(sum)}: they are rates or scores, not shares of one whole, and a pie would misstate them. Ask for a bar chart of the same figures instead (e.g. "bar chart of pass rates: …")`,
      instead: 'chart.bar',
    };
  },
  facts: ({ data }) => ({ percentages: percentages(data.map((d) => d.value)) }),
  compose({ title, data, unit }, facts) {
    const pct = facts.percentages as number[];
    const n = data.length;
    const total = data.reduce((s, d) => s + d.value, 0);
    const [cx, cy, r] = [-3.3, -0.7, 2.65];
    const labels = data.map((d) => displayLabel(d.label));
    const tl = new TimelineBuilder();
    const objects: Composition['objects'] = [...titleObjects(title)];

    // Legend rows on the right: the share column is measured first, labels wrap in the room left.
    const fmt = valueFormatter(
      data.map((d) => d.value),
      unit,
    );
    const shares = data.map((d, i) => (unit === '%' && Math.abs(d.value - pct[i]!) < 0.05 ? formatPercent(pct[i]!) : `${formatPercent(pct[i]!)} · ${fmt(d.value)}`));
    const shareSize = 0.32;
    const shareWidth = Math.max(...shares.map((t) => t.length * 0.6 * shareSize)) + 0.1;
    const legendLeft = 0.9;
    const labelWidth = Math.min(4.2, 7.4 - shareWidth - 0.3 - (legendLeft + 0.55));
    const labelSize = Math.min(...labels.map((l) => fitTextSize(l, labelWidth, 2, 0.38)));
    const rowHeights = labels.map((l) => Math.max(0.62, textHeight(lineCount(l, labelSize, labelWidth), labelSize) + 0.18));
    const legendHeight = rowHeights.reduce((s, h) => s + h, 0);
    let rowY = cy + legendHeight / 2;

    let angle = START_DEG;
    data.forEach((d, i) => {
      const sweep = (pct[i]! / 100) * 360;
      const a0 = angle;
      const a1 = angle - sweep;
      angle = a1;
      objects.push({ id: `slice-${i}`, type: 'polygon', x: cx, y: cy, points: sliceOutline(a0, a1, r), fill: seriesColor(i), stroke: '$background', strokeWidth: n > 1 ? 0.04 : 0 });
      const mid = (((a0 + a1) / 2) * Math.PI) / 180;
      if (pct[i]! >= MIN_LABELLED_PCT) {
        objects.push({ id: `pct-${i}`, type: 'text', text: formatPercent(pct[i]!), x: cx + Math.cos(mid) * (r + 0.5), y: cy + Math.sin(mid) * (r + 0.38), size: 0.34, weight: 600, color: '$foreground' });
      }
      const h = rowHeights[i]!;
      const y = rowY - h / 2;
      rowY -= h;
      objects.push({ id: `swatch-${i}`, type: 'rect', x: legendLeft + 0.18, y, width: 0.34, height: 0.34, cornerRadius: 0.06, fill: seriesColor(i) });
      objects.push({ id: `legend-${i}`, type: 'text', text: labels[i]!, x: legendLeft + 0.55, y, size: labelSize, align: 'left', maxWidth: labelWidth, color: '$foreground' });
      objects.push({ id: `share-${i}`, type: 'text', text: shares[i]!, x: 7.4, y, size: shareSize, align: 'right', font: 'mono', color: '$muted' });
    });

    tl.caption(`${title}: how ${n === 1 ? 'one part makes' : `${n} parts make`} up the whole (${fmt(total)}).`, 1.4);
    tl.appear('title', 0.5).appear('title-rule', 0.5, 'grow');
    tl.wait(0.9);
    data.forEach((d, i) => {
      const sweep = (pct[i]! / 100) * 360;
      const duration = Math.max(0.45, Math.min(1.1, (sweep / 360) * 2.4));
      const start = objects.find((o) => o.id === `slice-${i}`) as { points: [number, number][] };
      const collapsed = start.points.map((p, k) => (k === 0 ? p : start.points[1]!));
      tl.narrate(`${labels[i]}: ${fmt(d.value)} of ${fmt(total)}, or ${formatPercent(pct[i]!)}.`, duration + 0.5, [`slice-${i}`]);
      tl.appear(`slice-${i}`, 0.1);
      tl.add({ type: 'tween', target: `slice-${i}`, property: 'points', from: collapsed, to: start.points, start: tl.t, duration, easing: 'easeInOutSine' });
      for (const id of [`swatch-${i}`, `legend-${i}`, `share-${i}`]) tl.appear(id, 0.35);
      if (pct[i]! >= MIN_LABELLED_PCT) tl.appear(`pct-${i}`, 0.3, 'fade', tl.t + duration * 0.7);
      tl.wait(duration + 0.45);
    });
    const largest = pct.indexOf(Math.max(...pct));
    tl.narrate(`The largest share is ${labels[largest]} at ${formatPercent(pct[largest]!)}; together the slices make 100%.`, 3, [`slice-${largest}`]);
    tl.add({ type: 'tween', target: `slice-${largest}`, property: 'scale', to: 1.06, start: tl.t, duration: 0.35 });
    tl.add({ type: 'tween', target: `slice-${largest}`, property: 'scale', to: 1, start: tl.t + 0.8, duration: 0.35 });
    tl.add({ type: 'highlight', target: `legend-${largest}`, at: tl.t, duration: 1.4, color: '$primary' });
    tl.wait(3);
    tl.finish(tl.t);
    return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title };
  },
});
