// business.funnel: stages stacked from the widest to the narrowest, each band as wide as its value
// allows, with the stage-to-stage conversion rate on an arrow beside each step down.
import { z } from 'zod';
import { defineTemplate, type Composition } from '../types.ts';
import { TimelineBuilder } from '../timeline-builder.ts';
import { extractChartData, labelSchema, MAX_ABS_VALUE, titleSchema, unitSchema } from './chart-data.ts';
import { displayLabel } from './parse/title.ts';
import { formatPercent, formatValue, valueFormatter } from './parse/values.ts';
import { fitTextSize, lineCount, textHeight, titleObjects } from './slide.ts';

/** More stages than this make bands too thin to label. */
export const MAX_STAGES = 7;

const stageSchema = z.strictObject({ label: labelSchema, value: z.number().finite().positive().lt(MAX_ABS_VALUE) });

const params = z.object({
  title: titleSchema('Sales funnel'),
  stages: z
    .array(stageSchema)
    .min(2)
    .max(MAX_STAGES)
    .default([
      { label: 'Visitors', value: 1000 },
      { label: 'Leads', value: 300 },
      { label: 'Customers', value: 50 },
    ]),
  unit: unitSchema,
});
type FunnelParams = z.infer<typeof params>;

/** Stage-to-stage conversion: how many of one stage reach the next (ratios, 0.3 = 30%). */
export function conversionRates(values: number[]): number[] {
  return values.slice(1).map((v, i) => v / values[i]!);
}

const CX = -0.9;
const MAX_WIDTH = 7.4;
const MIN_WIDTH = 1.9;
const TOP = 2.35;
const BOTTOM = -3.15;
const GAP = 0.1;

export const businessFunnel = defineTemplate<FunnelParams>({
  id: 'business.funnel',
  title: 'Funnel',
  category: 'corporate',
  style: 'corporate_training',
  example: 'Sales funnel: 1000 visitors, 300 leads, 50 customers',
  content: { param: 'stages', ask: 'give each stage with its count, widest first, e.g. "B2B sales funnel: 5000 visitors, 800 leads, 200 qualified, 12 customers"' },
  params,
  vocabulary: ['funnel', 'conversion', 'visitors', 'prospects', 'customers', 'signups'],
  triggers: [
    { pattern: /\bfunnel\b/, score: 0.95 },
    { pattern: /\bconversion (rate|rates|funnel|path)s?\b/, score: 0.7 },
    { pattern: /\b(sales|marketing|hiring|recruiting) pipeline\b/, score: 0.7 },
    { pattern: /\b(visitors|visits|impressions|clicks|prospects|leads|applicants)\b.*\b(leads|customers|sales|deals|buyers|signups|sign ups|purchases|hires|orders)\b/, score: 0.5 },
  ],
  extract(text, warnings) {
    const found = extractChartData(text, warnings, { fallbackTitle: 'Funnel', max: MAX_STAGES, noun: 'stages' });
    if (!found.data) return { title: found.title };
    const stages = found.data.filter((d) => d.value > 0);
    if (stages.length < found.data.length) warnings.push(`left out ${found.data.length - stages.length} stage(s) with a zero or negative count: a funnel stage counts who reached it`);
    if (stages.length < 2) {
      warnings.push('a funnel needs at least two stages with counts');
      return { title: found.title };
    }
    stages.forEach((s, i) => {
      if (i > 0 && s.value > stages[i - 1]!.value) {
        warnings.push(`"${s.label}" (${formatValue(s.value)}) is larger than the stage before it (${formatValue(stages[i - 1]!.value)}): a funnel usually narrows, so its conversion is over 100%`);
      }
    });
    return { title: found.title, stages, unit: found.unit === '%' ? '%' : found.unit };
  },
  facts: ({ stages }) => ({ conversion: conversionRates(stages.map((s) => s.value)) }),
  compose({ title, stages, unit }, facts) {
    const conversion = facts.conversion as number[];
    const n = stages.length;
    const labels = stages.map((s) => displayLabel(s.label));
    const vmax = Math.max(...stages.map((s) => s.value));
    const widths = stages.map((s) => MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * (s.value / vmax));
    const bandH = Math.min(1.15, (TOP - BOTTOM - GAP * (n - 1)) / n);
    const totalH = bandH * n + GAP * (n - 1);
    const top = (TOP + BOTTOM) / 2 + totalH / 2;
    const tl = new TimelineBuilder();
    const objects: Composition['objects'] = [...titleObjects(title)];
    // Names and rates hug the funnel's slanted sides, measured at each band's middle.
    const bottomWidth = (i: number) => (i + 1 < n ? widths[i + 1]! : widths[i]! * 0.82);
    const midHalf = (i: number) => (widths[i]! + bottomWidth(i)) / 4;
    const nameRight = (i: number) => CX - midHalf(i) - 0.35;
    const nameWidth = Math.min(3.4, ...stages.map((_, i) => nameRight(i) + 7.5));
    const nameSize = Math.min(...labels.map((l) => fitTextSize(l, nameWidth, 2, 0.4, 600)));
    const valueSize = Math.min(0.42, bandH * 0.42);
    const centres: number[] = [];
    const fmt = valueFormatter(
      stages.map((s) => s.value),
      unit,
    );

    stages.forEach((s, i) => {
      const yTop = top - i * (bandH + GAP);
      const y = yTop - bandH / 2;
      centres.push(y);
      const wTop = widths[i]!;
      const wBottom = bottomWidth(i);
      // Points around the band's centre so "grow" scales it in place.
      const points: [number, number][] = [
        [-wTop / 2, bandH / 2],
        [wTop / 2, bandH / 2],
        [wBottom / 2, -bandH / 2],
        [-wBottom / 2, -bandH / 2],
      ];
      objects.push({ id: `band-${i}`, type: 'polygon', x: CX, y, points, fill: i % 2 === 0 ? '$primary' : '$secondary' });
      objects.push({ id: `value-${i}`, type: 'text', text: fmt(s.value), x: CX, y, size: valueSize, weight: 700, font: 'mono', color: '$background' });
      objects.push({ id: `name-${i}`, type: 'text', text: labels[i]!, x: nameRight(i), y, size: nameSize, weight: 600, align: 'right', maxWidth: nameWidth, color: '$foreground' });
    });
    // Conversion arrows down the right side, between band centres, clear of the upper band's edge.
    conversion.forEach((c, i) => {
      const arrowX = CX + midHalf(i) + 0.45;
      const y0 = centres[i]! - 0.12;
      const y1 = centres[i + 1]! + 0.12;
      objects.push({
        id: `conv-arrow-${i}`,
        type: 'line',
        points: [
          [arrowX, y0],
          [arrowX, y1],
        ],
        color: '$success',
        width: 0.05,
        arrow: 'end',
      });
      objects.push({ id: `conv-${i}`, type: 'text', text: `${formatPercent(c * 100)} convert`, x: arrowX + 0.3, y: (y0 + y1) / 2, size: Math.min(0.36, bandH * 0.4), weight: 600, align: 'left', color: '$success' });
    });
    const overall = stages[n - 1]!.value / stages[0]!.value;
    const summaryText = `Overall: ${formatPercent(overall * 100)} of ${labels[0]} reach ${labels[n - 1]}`;
    const summaryLines = lineCount(summaryText, 0.38, 14);
    objects.push({ id: 'summary', type: 'text', text: summaryText, x: 0, y: BOTTOM - 0.3 - textHeight(summaryLines, 0.38) / 2, size: 0.38, color: '$muted', maxWidth: 14 });

    tl.caption(`${title}: ${n} stages, from ${fmt(stages[0]!.value)} ${labels[0]} to ${fmt(stages[n - 1]!.value)} ${labels[n - 1]}.`, 1.5);
    tl.appear('title', 0.5).appear('title-rule', 0.5, 'grow');
    tl.wait(0.8);
    stages.forEach((s, i) => {
      if (i > 0) {
        const c = conversion[i - 1]!;
        tl.narrate(`${fmt(s.value)} of ${fmt(stages[i - 1]!.value)} ${labels[i - 1]} become ${labels[i]}: ${formatPercent(c * 100)}.`, 1.6, [`band-${i}`]);
        tl.appear(`conv-arrow-${i - 1}`, 0.5, 'draw');
        tl.appear(`conv-${i - 1}`, 0.4, 'fade', tl.t + 0.3);
      } else tl.narrate(`${labels[0]}: ${fmt(s.value)} enter the funnel.`, 1.2, ['band-0']);
      tl.appear(`band-${i}`, 0.5, 'grow');
      tl.appear(`name-${i}`, 0.4);
      tl.appear(`value-${i}`, 0.4, 'fade', tl.t + 0.25);
      tl.wait(i > 0 ? 1.4 : 1.1);
    });
    tl.caption(`${summaryText}.`, 3);
    tl.appear('summary', 0.6);
    tl.wait(3);
    tl.finish(tl.t);
    return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title };
  },
});
