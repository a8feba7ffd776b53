// chart.bar: labelled values as bars that grow in one by one on a value axis with nice ticks; the
// largest is highlighted and the total and maximum are written on the slide.
import { z } from 'zod';
import { defineTemplate, type Composition } from '../types.ts';
import { TimelineBuilder } from '../timeline-builder.ts';
import { categoryLabelObjects, niceScale, tickLabelWidth, valueAxisObjects, yOf, type PlotArea } from './chart-axes.ts';
import { datumSchema, extractChartData, titleSchema, unitSchema } from './chart-data.ts';
import { labelledFiguresPattern } from './parse/pairs.ts';
import { valueFormatter } from './parse/values.ts';
import { displayLabel } from './parse/title.ts';
import { titleObjects } from './slide.ts';

/** More bars than this crowd their labels at 720p. */
export const MAX_BARS = 12;
/** Bars further apart than this (NPS 42 beside revenue 1.2m) are different measures, not one to compare. */
const MAX_SCALE_RATIO = 1000;

const params = z.object({
  title: titleSchema('Bar chart'),
  data: z
    .array(datumSchema)
    .min(1)
    .max(MAX_BARS)
    .default([
      { label: 'Q1', value: 120 },
      { label: 'Q2', value: 150 },
      { label: 'Q3', value: 90 },
      { label: 'Q4', value: 200 },
    ]),
  unit: unitSchema,
});
type BarParams = z.infer<typeof params>;

export function barFacts(data: { value: number }[]): { total: number; max: number } {
  return { total: data.reduce((s, d) => s + d.value, 0), max: Math.max(...data.map((d) => d.value)) };
}

export const chartBar = defineTemplate<BarParams>({
  id: 'chart.bar',
  title: 'Bar chart',
  category: 'charts',
  style: 'corporate_training',
  example: 'Quarterly revenue bar chart: Q1 120, Q2 150, Q3 90, Q4 200',
  content: { param: 'data', ask: 'give the figures as labels and values after a colon, e.g. "Quarterly sales bar chart: Q1 120, Q2 150, Q3 90, Q4 200"' },
  params,
  vocabulary: ['chart', 'histogram', 'column', 'revenue', 'quarterly'],
  triggers: [
    { pattern: /\b(bar|column) (chart|graph|plot|diagram)s?\b/, score: 0.95 },
    { pattern: /\bbar ?chart|barchart|bargraph\b/, score: 0.95 },
    { pattern: /\bhistogram\b/, score: 0.7 },
    // "Quarterly revenue: Q1 120, Q2 150, Q3 90": a value for each quarter is a bar per quarter.
    { pattern: /\bq1 -?\$?[\d.]+\b.*\bq2 -?\$?[\d.]+/, score: 0.7 },
    { pattern: /\b(compare|comparison of|comparing)\b.*\d.*\d/, score: 0.4 },
    // Labelled figures after a colon are figures to chart, whether or not the words "bar chart" are there.
    { pattern: labelledFiguresPattern(), score: 0.52, on: 'original' },
    { pattern: /\b(chart|graph)\b.*\d/, score: 0.42 },
  ],
  extract(text, warnings) {
    const { title, data, unit } = extractChartData(text, warnings, { fallbackTitle: 'Bar chart', max: MAX_BARS, noun: 'bars' });
    return { title, ...(data ? { data } : {}), ...(data ? { unit } : {}) };
  },
  misfit({ data }) {
    const sizes = data.map((d) => Math.abs(d.value)).filter((v) => v > 0);
    const [least, most] = [Math.min(...sizes), Math.max(...sizes)];
    if (sizes.length < 2 || most / least <= MAX_SCALE_RATIO) return undefined;
    return { message: `the figures run from ${least} to ${most}: they look like different measures (a score, a rate, an amount), and on one axis all but the largest would be flat. Chart figures of one kind, or give them on one scale` };
  },
  facts: ({ data }) => barFacts(data),
  compose({ title, data, unit }, facts) {
    const n = data.length;
    const values = data.map((d) => d.value);
    const scale = niceScale(values);
    const area: PlotArea = { left: -7.35 + tickLabelWidth(scale, unit) + 0.25, right: 7.2, bottom: -3.0, top: 1.75 };
    const pitch = (area.right - area.left) / n;
    const barWidth = Math.min(1.5, pitch * 0.62);
    // Narrow bars get compact values ("1.2k") so neighbouring labels stay apart.
    const fmt = valueFormatter(values, unit, pitch < 1.4 ? 1e3 : 1e5);
    const xs = data.map((_, i) => area.left + pitch * (i + 0.5));
    const zeroY = yOf(area, scale, 0);
    const maxIndex = values.indexOf(facts.max as number);
    const tl = new TimelineBuilder();

    const labels = data.map((d) => displayLabel(d.label));
    const summary = `Total ${fmt(facts.total as number)}   ·   Highest ${fmt(facts.max as number)} (${labels[maxIndex]})`;
    const objects: Composition['objects'] = [
      ...titleObjects(title),
      { id: 'summary', type: 'text', text: summary, x: 0, y: 2.7, size: 0.36, color: '$muted', maxWidth: 14 },
      ...valueAxisObjects(area, scale, unit),
      ...categoryLabelObjects(labels, xs, pitch, area.bottom - 0.2),
    ];
    // Bars below zero hang from the zero line: their base sits at the bottom and they grow downwards.
    data.forEach((d, i) => {
      const h = Math.abs(yOf(area, scale, d.value) - zeroY);
      const negative = d.value < 0;
      objects.push({ id: `bar-${i}`, type: 'bar', x: xs[i]!, y: negative ? zeroY - h : zeroY, width: barWidth, height: h, fill: '$primary', label: negative ? '' : fmt(d.value) });
      if (negative) objects.push({ id: `neg-${i}`, type: 'text', text: fmt(d.value), x: xs[i]!, y: zeroY - h - 0.3, size: Math.min(0.32, Math.max(0.28, barWidth * 0.45)), font: 'mono', weight: 600, color: '$foreground' });
    });

    tl.caption(`${title}: ${n} value${n === 1 ? '' : 's'} on one scale.`, 1.6);
    tl.appear('title', 0.5).appear('title-rule', 0.5, 'grow');
    for (const o of objects) if (/^(axis|grid|tick)-/.test(o.id)) tl.appear(o.id, 0.6, o.type === 'line' ? 'draw' : 'fade');
    tl.wait(0.8);
    for (let i = 0; i < n; i++) tl.appear(`cat-${i}`, 0.3);
    tl.wait(0.4);
    data.forEach((d, i) => {
      const h = Math.abs(yOf(area, scale, d.value) - zeroY);
      tl.narrate(`${labels[i]}: ${fmt(d.value)}.`, 0.9, [`bar-${i}`]);
      tl.add({ type: 'tween', target: `bar-${i}`, property: 'height', from: 0, to: h, start: tl.t, duration: 0.6, easing: 'easeOutCubic' });
      if (d.value < 0) {
        tl.add({ type: 'tween', target: `bar-${i}`, property: 'y', from: zeroY, to: zeroY - h, start: tl.t, duration: 0.6, easing: 'easeOutCubic' });
        tl.appear(`neg-${i}`, 0.3, 'fade', tl.t + 0.5);
      }
      tl.wait(Math.max(0.45, 0.9 - n * 0.03));
    });
    tl.wait(0.4);
    tl.narrate(`The highest is ${labels[maxIndex]} at ${fmt(facts.max as number)}; together they total ${fmt(facts.total as number)}.`, 3, [`bar-${maxIndex}`]);
    tl.add({ type: 'tween', target: `bar-${maxIndex}`, property: 'fill', to: '$accent', start: tl.t, duration: 0.4 });
    tl.appear('summary', 0.6);
    tl.wait(3);
    tl.finish(tl.t);
    return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title };
  },
});
