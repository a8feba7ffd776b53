// chart.line: one or several series drawn left to right over shared categories, each point marked
// as the line reaches it, on a value axis with nice ticks; the change from first to last is told.
import { z } from 'zod';
import { defineTemplate, type Composition } from '../types.ts';
import { TimelineBuilder } from '../timeline-builder.ts';
import { categoryLabelObjects, niceScale, tickLabelWidth, valueAxisObjects, yOf, type PlotArea } from './chart-axes.ts';
import { datumSchema, defaultLabels, extractChartData, MAX_ABS_VALUE, titleSchema, unitSchema } from './chart-data.ts';
import { capItems, ellipsize } from './parse/lists.ts';
import { labelledFiguresPattern } from './parse/pairs.ts';
import { namedSeries } from './parse/series.ts';
import { displayLabel, titleFromHead } from './parse/title.ts';
import { formatPercent, formatValue, valueFormatter } from './parse/values.ts';
import { seriesColor, textWidth, titleObjects } from './slide.ts';

export const MAX_LINE_POINTS = 24;
export const MAX_SERIES = 4;
/** Values are written next to the points only while they stay apart. */
const MAX_LABELLED_POINTS = 12;
const MAX_SERIES_NAME = 24;

const value = z.number().finite().gt(-MAX_ABS_VALUE).lt(MAX_ABS_VALUE);

const params = z.object({
  title: titleSchema('Line chart'),
  /** Name of the first series (shown in the legend when there are several). */
  name: z.string().trim().max(MAX_SERIES_NAME).default(''),
  /** The categories along the x axis and the first series' values. */
  data: z
    .array(datumSchema)
    .min(2)
    .max(MAX_LINE_POINTS)
    .default([
      { label: 'Jan', value: 42 },
      { label: 'Feb', value: 48 },
      { label: 'Mar', value: 45 },
      { label: 'Apr', value: 57 },
      { label: 'May', value: 63 },
      { label: 'Jun', value: 71 },
    ]),
  /** More series over the same categories (values in the order of `data`'s labels). */
  series: z
    .array(z.strictObject({ name: z.string().trim().min(1).max(MAX_SERIES_NAME), values: z.array(value).min(1).max(MAX_LINE_POINTS) }))
    .max(MAX_SERIES - 1)
    .default([]),
  unit: unitSchema,
});
type LineParams = z.infer<typeof params>;

interface Line {
  name: string;
  values: number[];
}

function linesOf(p: LineParams): Line[] {
  return [{ name: p.name, values: p.data.map((d) => d.value) }, ...p.series.map((s) => ({ name: s.name, values: s.values.slice(0, p.data.length) }))];
}

/** "rose 200% from 10 to 30" / "fell …" / "stayed at …", for captions. */
export function describeChange(first: number, last: number, fmt: (v: number) => string = (v) => formatValue(v)): string {
  if (last === first) return `stayed at ${fmt(first)}`;
  const verb = last > first ? 'rose' : 'fell';
  // A percentage of a negative or zero start means nothing to a reader: only the values are told.
  const pct = first > 0 ? ` ${formatPercent(Math.abs((last - first) / first) * 100)}` : '';
  return `${verb}${pct} from ${fmt(first)} to ${fmt(last)}`;
}

export const chartLine = defineTemplate<LineParams>({
  id: 'chart.line',
  title: 'Line chart',
  category: 'charts',
  style: 'corporate_training',
  example: 'Monthly active users line chart: Jan 42, Feb 48, Mar 45, Apr 57, May 63, Jun 71',
  content: { param: 'data', ask: 'give at least two points as labels and values after a colon, e.g. "Monthly signups line chart: Jan 120, Feb 135, Mar 160"' },
  params,
  vocabulary: ['trend', 'growth'],
  triggers: [
    { pattern: /\bline (chart|graph|plot|diagram)s?\b/, score: 0.95 },
    { pattern: /\b(trend line|time series|sparkline)\b/, score: 0.8 },
    // Figures month by month are a series over time: "Monthly sales: Jan 40, Feb 55, Mar 70".
    { pattern: labelledFiguresPattern({ months: true }), score: 0.7, on: 'original' },
    // Trend words only with the numbers to draw: "population over time" alone has no data.
    { pattern: /\b(trend|trends|over time|over the (year|years|months|quarters|weeks))\b.*\d.*\d/, score: 0.55 },
  ],
  extract(text, warnings) {
    const several = namedSeries(text.original);
    if (several.length >= 2) {
      const lines = capItems(several, MAX_SERIES, 'series', warnings);
      const title = titleFromHead(text.original.slice(0, lines[0]!.start).replace(/[:\s]+$/, ''), 'Line chart', warnings, { dropChartWords: true });
      const n = Math.min(MAX_LINE_POINTS, Math.max(...lines.map((l) => l.values.length)));
      if (lines.some((l) => l.values.length > MAX_LINE_POINTS)) warnings.push(`a series has more than ${MAX_LINE_POINTS} points; showing the first ${MAX_LINE_POINTS} (the most that stay readable)`);
      if (lines.some((l) => l.values.length !== lines[0]!.values.length)) warnings.push('the series have different lengths; each is drawn over the categories it has values for');
      const labels = defaultLabels(n, text.original, (i) => String(i + 1)).map((l) => ellipsize(l, 40));
      const first = lines[0]!;
      // Categories beyond the first series get no value in it: the first series must span them all.
      const data = labels.map((label, i) => ({ label, value: first.values[i] ?? first.values[first.values.length - 1]! }));
      if (first.values.length < n) warnings.push(`"${first.name}" is shorter than the other series; its last value is repeated to span the chart`);
      return {
        title,
        name: ellipsize(first.name, MAX_SERIES_NAME),
        data,
        series: lines.slice(1).map((l) => ({ name: ellipsize(l.name, MAX_SERIES_NAME), values: l.values.slice(0, n) })),
        unit: first.unit,
      };
    }
    const found = extractChartData(text, warnings, { fallbackTitle: 'Line chart', max: MAX_LINE_POINTS, noun: 'points', fallbackLabel: (i) => String(i + 1) });
    if (found.data && found.data.length < 2) {
      warnings.push('a line needs at least two points');
      return { title: found.title };
    }
    return { title: found.title, ...(found.data ? { data: found.data, unit: found.unit } : {}) };
  },
  facts: () => ({}),
  compose(p) {
    const { title, data, unit } = p;
    const lines = linesOf(p);
    const several = lines.length > 1;
    const n = data.length;
    const labels = data.map((d) => displayLabel(d.label));
    const scale = niceScale(
      lines.flatMap((l) => l.values),
      5,
      true,
    );
    const area: PlotArea = { left: -7.35 + tickLabelWidth(scale, unit) + 0.25, right: 7.0, bottom: -2.95, top: several ? 1.7 : 2.0 };
    const pitch = (area.right - area.left) / n;
    const xs = labels.map((_, i) => area.left + pitch * (i + 0.5));
    const fmt = valueFormatter(
      lines.flatMap((l) => l.values),
      unit,
      pitch < 1.4 ? 1e3 : 1e5,
    );
    const tl = new TimelineBuilder();
    const catObjects = categoryLabelObjects(labels, xs, pitch, area.bottom - 0.2, 'points');
    const objects: Composition['objects'] = [...titleObjects(title), ...valueAxisObjects(area, scale, unit), ...catObjects];
    if (several) {
      // Legend in one centred row under the title.
      const names = lines.map((l, i) => displayLabel(l.name || `Series ${i + 1}`));
      const widths = names.map((nm) => 0.45 + textWidth(nm, 0.32) + 0.5);
      let x = -widths.reduce((s, w) => s + w, 0) / 2;
      names.forEach((nm, i) => {
        objects.push({
          id: `key-${i}`,
          type: 'line',
          points: [
            [x, 2.5],
            [x + 0.35, 2.5],
          ],
          color: seriesColor(i),
          width: 0.09,
        });
        objects.push({ id: `key-name-${i}`, type: 'text', text: nm, x: x + 0.45, y: 2.5, size: 0.32, align: 'left', color: '$foreground' });
        x += widths[i]!;
      });
    }
    const labelled = !several && n <= MAX_LABELLED_POINTS;
    lines.forEach((line, s) => {
      const pts = line.values.map((v, i) => [xs[i]!, yOf(area, scale, v)] as [number, number]);
      objects.push({ id: `line-${s}`, type: 'line', points: pts.length >= 2 ? pts : [pts[0]!, pts[0]!], color: seriesColor(s), width: 0.07, progress: 0 });
      pts.forEach(([px, py], i) => {
        objects.push({ id: `pt-${s}-${i}`, type: 'circle', x: px, y: py, radius: 0.1, fill: seriesColor(s), stroke: '$background', strokeWidth: 0.035 });
        if (labelled) objects.push({ id: `val-${s}-${i}`, type: 'text', text: fmt(line.values[i]!), x: px, y: py + 0.34, size: 0.28, weight: 600, font: 'mono', color: '$foreground' });
      });
    });

    tl.caption(`${title}: ${several ? `${lines.length} series` : 'values'} across ${n} points.`, 1.6);
    tl.appear('title', 0.5).appear('title-rule', 0.5, 'grow');
    for (const o of objects) if (/^(axis|grid|tick|cat|key)-/.test(o.id)) tl.appear(o.id, 0.6, o.type === 'line' && !o.id.startsWith('key') ? 'draw' : 'fade');
    tl.wait(1.1);
    const perPoint = Math.max(0.18, Math.min(0.5, 3.2 / n)) / (several ? 1.4 : 1);
    lines.forEach((line, s) => {
      const count = line.values.length;
      const name = line.name || title;
      tl.narrate(`${displayLabel(name)} ${describeChange(line.values[0]!, line.values[count - 1]!, fmt)}.`, perPoint * count + 0.8, [`line-${s}`]);
      const drawTime = perPoint * (count - 1);
      tl.add({ type: 'tween', target: `line-${s}`, property: 'progress', from: 0, to: 1, start: tl.t, duration: Math.max(0.01, drawTime), easing: 'linear' });
      // Equal x steps: the line reaches point i at i / (count − 1) of its draw only if segments are equal
      // in length; they are not, so each marker waits for the line's length fraction.
      const pts = line.values.map((v, i) => [xs[i]!, yOf(area, scale, v)]);
      const seg = pts.slice(1).map((q, i) => Math.hypot(q[0]! - pts[i]![0]!, q[1]! - pts[i]![1]!));
      const total = seg.reduce((a, b) => a + b, 0) || 1;
      let along = 0;
      for (let i = 0; i < count; i++) {
        if (i > 0) along += seg[i - 1]!;
        const at = tl.t + (along / total) * drawTime;
        tl.appear(`pt-${s}-${i}`, 0.25, 'grow', at);
        if (labelled) tl.appear(`val-${s}-${i}`, 0.25, 'fade', at + 0.05);
      }
      tl.wait(drawTime + 0.8);
    });
    // The highest point overall gets a closing highlight.
    let best = { s: 0, i: 0 };
    lines.forEach((l, s) => l.values.forEach((v, i) => v > lines[best.s]!.values[best.i]! && (best = { s, i })));
    const bestValue = lines[best.s]!.values[best.i]!;
    tl.caption(`The highest point is ${fmt(bestValue)}${several ? ` (${lines[best.s]!.name || `series ${best.s + 1}`})` : ''} at ${labels[best.i]}.`, 3);
    tl.add({ type: 'tween', target: `pt-${best.s}-${best.i}`, property: 'radius', to: 0.18, start: tl.t, duration: 0.35 });
    tl.add({ type: 'highlight', target: `pt-${best.s}-${best.i}`, at: tl.t, duration: 2, color: '$accent' });
    tl.wait(3);
    tl.finish(tl.t);
    return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title };
  },
});
