// business.kpi: a few of the user's headline figures as cards, each with the figure now, an arrow and the
// change computed from the two figures the user gave (per cent for amounts, points for percentages, the
// difference for scores), coloured by whether that direction is good for that figure, with a legend.
import { z } from 'zod';
import { defineTemplate, type Composition } from '../types.ts';
import { TimelineBuilder } from '../timeline-builder.ts';
import { formatNumber, MINUS } from '../format/index.ts';
import { roleColor, type LegendEntry } from '../emphasis/roles.ts';
import { kpiFigures } from './parse/kpi.ts';
import { ellipsize } from './parse/lists.ts';
import { displayLabel, titleFromHead } from './parse/title.ts';
import { findValues, formatValue } from './parse/values.ts';
import { fitTextSize, textWidth, titleObjects } from './slide.ts';

/** Six cards fit two rows of three at a size read from the back of a room. */
export const MAX_FIGURES = 6;
export const MAX_LABEL_CHARS = 40;

/** Figures where a fall is the good news. Anything else: up is good (the user can say otherwise per figure). */
const LOWER_IS_BETTER =
  /\b(?:churn|attrition|turnover|costs?|expenses?|spend(?:ing)?|cac|defects?|bugs?|incidents?|complaints?|errors?|error rate|downtime|outages?|latency|response times?|wait(?:ing)? times?|lead times?|cycle times?|resolution times?|handling times?|aht|returns?|refunds?|absences?|absenteeism|sick days|accidents?|injuries|debt|loss(?:es)?|burn(?: rate)?|bounce rate|abandon\w*|backlog|overdue|escalations?|support tickets|waste|emissions|unemployment|delays?)\b/i;
/** Scores and ratings: their change is the difference ("NPS 45 from 38": +7), a per cent of a score means little. */
const SCORE = /\b(?:nps|enps|csat|ces|score|rating|index|stars?|grade|level)\b/i;

/** In the normalised text, a figure and the one it is compared with: "1.2m up from 1.0m", "540k vs 500k", "210k was 190k", "from 100 to 120", "4.1 > 4.4". */
const FIGURE_AND_EARLIER = String.raw`\d\S*(?: [a-z]+)? (?:(?:up|down) )?(?:from|vs|versus|was|compared (?:with|to)) \S?\d|\bfrom \S?\d\S*(?: [a-z]+)? (?:to|>) \S?\d|\d\S* > \S?\d`;

const figure = z.object({
  label: z.string().trim().min(1).max(MAX_LABEL_CHARS).describe('What the figure measures, as the user wrote it (Revenue, Churn, NPS)'),
  value: z.number().finite().describe('The figure now'),
  previous: z.number().finite().describe('The figure it is compared with (last quarter, last year)'),
  unit: z
    .string()
    .regex(/^(?:%|\$|€|£|¥|)$/, 'a unit is "%", a currency sign or empty')
    .default('')
    .describe('"%" or a currency sign, as written'),
  suffix: z.string().trim().max(12).default('').describe('A unit word after the number (days, ms, people)'),
  higher_is_better: z.boolean().default(true).describe('Whether a rise is good news (false for churn, costs, defects)'),
});
type Figure = z.infer<typeof figure>;

const params = z.object({
  title: z.string().trim().min(1).max(80).default('Key figures'),
  figures: z
    .array(figure)
    .min(1)
    .max(MAX_FIGURES)
    .default([{ label: 'Revenue', value: 1.2e6, previous: 1e6, unit: '', suffix: '', higher_is_better: true }])
    .describe('The headline figures, each with the earlier figure it is compared with'),
});
type KpiParams = z.infer<typeof params>;

export type ChangeKind = 'percent' | 'points' | 'difference';

/** How a figure moved: per cent of the earlier figure for amounts, points for percentages, the difference for scores. */
export function kpiChange(f: Pick<Figure, 'label' | 'value' | 'previous' | 'unit'>): { kind: ChangeKind; change: number } {
  if (f.unit === '%') return { kind: 'points', change: f.value - f.previous };
  // From zero or across zero a per cent has no meaning: the difference is what changed.
  if (SCORE.test(f.label) || f.previous <= 0 || f.value < 0) return { kind: 'difference', change: f.value - f.previous };
  return { kind: 'percent', change: ((f.value - f.previous) / f.previous) * 100 };
}

/** The verdict on a change: better, worse, or unchanged. */
export function verdict(f: Figure, change: number): 'better' | 'worse' | 'same' {
  if (change === 0) return 'same';
  return change > 0 === f.higher_is_better ? 'better' : 'worse';
}

const round = (x: number) => Number(x.toPrecision(6));

function shown(f: Figure, v: number): string {
  return formatValue(v, f.unit) + (f.suffix ? ` ${f.suffix}` : '');
}

/** "+20%", "−1 point", "+7", "+$50k": a real minus, the unit kept. */
export function changeText(f: Figure, kind: ChangeKind, change: number): string {
  const sign = change > 0 ? '+' : change < 0 ? MINUS : '±';
  const abs = Math.abs(change);
  if (kind === 'percent') return `${sign}${formatNumber(abs)}%`;
  if (kind === 'points') return `${sign}${formatNumber(abs)} ${abs === 1 ? 'point' : 'points'}`;
  return `${sign}${shown(f, abs)}`;
}

/** The change in words for the caption: "up 20%", "down 1 point", "up 7". */
function changeWords(f: Figure, kind: ChangeKind, change: number): string {
  if (change === 0) return 'unchanged';
  return `${change > 0 ? 'up' : 'down'} ${changeText(f, kind, change).slice(1)}`;
}

export const businessKpi = defineTemplate<KpiParams>({
  id: 'business.kpi',
  title: 'Headline figures',
  category: 'corporate',
  style: 'corporate_training',
  example: 'Revenue 1.2M up from 1.0M, churn 3% down from 4%, NPS 45 from 38',
  // Each figure is compared with its earlier one ("sales 540k vs 500k"): a "vs" between figures is this template's.
  compares: /\d\S*( \S+)? (vs|versus|compared (with|to)) \S*\d/,
  content: { param: 'figures', ask: 'give each figure with the one it is compared with, e.g. "Revenue 1.2M up from 1.0M, churn 3% down from 4%, NPS 45 from 38"' },
  params,
  vocabulary: ['kpi', 'kpis', 'metrics', 'scorecard', 'dashboard', 'headline', 'churn', 'nps', 'csat'],
  triggers: [
    // Two figures each given with an earlier one ("1.2m up from 1.0m … 3% down from 4%"): headline figures whatever the words.
    { pattern: new RegExp(`(?:${FIGURE_AND_EARLIER})[\\s\\S]*(?:${FIGURE_AND_EARLIER})`), score: 0.9 },
    { pattern: /\b(kpis?|key (performance )?(indicators|metrics)|headline (figures|numbers|metrics)|scorecard|metrics dashboard)\b[\s\S]*\d[\s\S]*\b(from|vs|versus|was|to)\b[\s\S]*\d/, score: 0.88 },
    { pattern: /\b(kpis?|key performance indicators|headline (figures|numbers)|scorecard)\b/, score: 0.6 },
  ],
  extract(text, warnings) {
    const t = text.original.trim();
    // "Q3 results: revenue 1.2M up from 1.0M, …", "kpi slide - sales …", "Our KPIs. Headcount …": a title before
    // the first figure ends at a colon, a dash or a full stop; "Revenue: 1.2M up from 1.0M, …" starts with a label.
    const end = /:(?!\d)|\s[-–—]\s|[.!?]\s+/.exec(t);
    const cut = end && findValues(t.slice(0, end.index)).length === 0 && !/^\s*[-+−$€£¥]?\d/.test(t.slice(end.index + end[0].length)) ? end : null;
    const head = cut ? t.slice(0, cut.index) : '';
    const body = cut ? t.slice(cut.index + cut[0].length) : t;
    const { figures: found, skipped } = kpiFigures(body);
    const unpaired = skipped.filter((s) => s.problem.startsWith('has no earlier'));
    // Figures all without earlier ones get one warning, not one each.
    if (found.length === 0 && unpaired.length > 1 && unpaired.length === skipped.length)
      warnings.push(`none of the ${unpaired.length} figures has an earlier one to compare with (write e.g. "${ellipsize(unpaired[0]!.item, 30)} up from …")`);
    else for (const s of skipped) warnings.push(`"${ellipsize(s.item, 40)}" ${s.problem}; it is left out`);
    // "kpi" typed in lower case is still the abbreviation on the slide.
    const titled = (h: string, fallback: string) => titleFromHead(h, fallback, warnings).replace(/\bkpi(s?)\b/gi, 'KPI$1');
    if (found.length === 0) return { title: titled(cut ? head : t.replace(/\d[\s\S]*$/, ''), 'Key figures') };
    let figures = found;
    if (figures.length > MAX_FIGURES) {
      warnings.push(`${figures.length} figures given; showing the first ${MAX_FIGURES} (the most that stay readable on one slide)`);
      figures = figures.slice(0, MAX_FIGURES);
    }
    const out: Figure[] = figures.map((f) => {
      let label = f.label;
      if (label.length > MAX_LABEL_CHARS) {
        warnings.push(`the name "${ellipsize(label, 30)}" was longer than ${MAX_LABEL_CHARS} characters and was shortened`);
        label = ellipsize(label, MAX_LABEL_CHARS);
      }
      text.used.add(f.label);
      const higher_is_better = !LOWER_IS_BETTER.test(f.label);
      const moved = f.value > f.previous ? 'up' : f.value < f.previous ? 'down' : undefined;
      if (f.stated && moved && f.stated !== moved) warnings.push(`${f.label} is said to be ${f.stated} but the figures go ${moved} (${f.previous} to ${f.value}); the figures are shown`);
      return { label, value: f.value, previous: f.previous, unit: f.unit, suffix: f.suffix, higher_is_better };
    });
    const names = out.map((f, i) => (i === 0 ? displayLabel(f.label) : f.label));
    const listed = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0]!;
    return { title: titled(head, ellipsize(listed, 60)), figures: out };
  },
  facts: ({ figures }) => {
    const changes = figures.map((f) => kpiChange(f));
    const verdicts = figures.map((f, i) => verdict(f, changes[i]!.change));
    return {
      change: changes.map((c) => round(c.change)),
      change_kind: changes.map((c) => c.kind),
      better: verdicts.filter((v) => v === 'better').length,
      worse: verdicts.filter((v) => v === 'worse').length,
    };
  },
  compose({ title, figures }) {
    const n = figures.length;
    const changes = figures.map((f) => kpiChange(f));
    const verdicts = figures.map((f, i) => verdict(f, changes[i]!.change));
    const colourOf = (v: 'better' | 'worse' | 'same') => (v === 'same' ? '$muted' : roleColor(v));
    // One row up to three cards, two rows beyond; the cards leave the right edge for the legend.
    const rows = n <= 3 ? 1 : 2;
    const cols = Math.ceil(n / rows);
    const gap = 0.4;
    const cardW = Math.min(4.4, (13.2 - gap * (cols - 1)) / cols);
    const cardH = rows === 1 ? 3 : 2.75;
    const centreY = -0.75;
    const left = -((cols * cardW + gap * (cols - 1)) / 2) - 0.6;
    const labels = figures.map((f) => displayLabel(f.label));
    const values = figures.map((f) => shown(f, f.value));
    const deltas = figures.map((f, i) => changeText(f, changes[i]!.kind, changes[i]!.change));
    const froms = figures.map((f) => `from ${shown(f, f.previous)}`);
    const inner = cardW - 0.5;
    const labelSize = Math.min(0.38, ...labels.map((l) => fitTextSize(l, inner, 2, 0.38)));
    const valueSize = Math.min(0.85, ...values.map((v) => fitTextSize(v, inner, 1, 0.85, 700)));
    const deltaSize = Math.min(0.42, ...deltas.map((d) => fitTextSize(d, inner - 0.55, 1, 0.42, 700)));
    const fromSize = Math.min(0.32, ...froms.map((d) => fitTextSize(d, inner, 1, 0.32)));

    const objects: Composition['objects'] = [...titleObjects(title)];
    figures.forEach((_, i) => {
      const r = Math.floor(i / cols);
      const inRow = r === rows - 1 ? n - cols * (rows - 1) : cols;
      const c = i - r * cols;
      // A shorter last row is centred under the first.
      const rowLeft = left + ((cols - inRow) * (cardW + gap)) / 2;
      const x = rowLeft + cardW / 2 + c * (cardW + gap);
      const y = centreY + ((rows - 1) / 2 - r) * (cardH + gap);
      const colour = colourOf(verdicts[i]!);
      objects.push({ id: `card-${i}`, type: 'rect', x, y, width: cardW, height: cardH, cornerRadius: 0.16, fill: '$surface', stroke: '$grid', strokeWidth: 0.04 });
      objects.push({ id: `label-${i}`, type: 'text', text: labels[i]!, x, y: y + cardH / 2 - 0.5, size: labelSize, maxWidth: inner, color: '$muted' });
      objects.push({ id: `value-${i}`, type: 'text', text: values[i]!, x, y: y + 0.12, size: valueSize, weight: 700, maxWidth: inner, color: '$foreground' });
      // The arrow and the change sit together, centred under the figure.
      const deltaW = textWidth(deltas[i]!, deltaSize, 700);
      const rowW = 0.42 + 0.15 + deltaW;
      const ax = x - rowW / 2 + 0.21;
      const ay = y - cardH / 2 + 0.95;
      const change = changes[i]!.change;
      const arrow: [number, number][] =
        change > 0
          ? [
              [ax - 0.21, ay - 0.16],
              [ax + 0.21, ay - 0.16],
              [ax, ay + 0.2],
            ]
          : change < 0
            ? [
                [ax - 0.21, ay + 0.16],
                [ax + 0.21, ay + 0.16],
                [ax, ay - 0.2],
              ]
            : [
                [ax - 0.21, ay + 0.06],
                [ax + 0.21, ay + 0.06],
                [ax + 0.21, ay - 0.06],
                [ax - 0.21, ay - 0.06],
              ];
      objects.push({ id: `arrow-${i}`, type: 'polygon', points: arrow, fill: colour });
      objects.push({ id: `delta-${i}`, type: 'text', text: deltas[i]!, x: ax + 0.36, y: ay, size: deltaSize, weight: 700, align: 'left', color: colour });
      objects.push({ id: `from-${i}`, type: 'text', text: froms[i]!, x, y: y - cardH / 2 + 0.4, size: fromSize, maxWidth: inner, color: '$muted' });
    });

    const tl = new TimelineBuilder();
    tl.caption(`${title}.`, 1.3);
    tl.appear('title', 0.5).appear('title-rule', 0.5, 'grow');
    // Every card with its figure first, so the whole board is seen before any change is read.
    figures.forEach((_, i) => {
      tl.appear(`card-${i}`, 0.35, 'fade', tl.t + i * 0.12);
      tl.appear(`label-${i}`, 0.35, 'fade', tl.t + i * 0.12);
      tl.appear(`value-${i}`, 0.35, 'fade', tl.t + i * 0.12);
    });
    tl.wait(0.5 + n * 0.12);
    figures.forEach((f, i) => {
      const { kind, change } = changes[i]!;
      tl.narrate(`${labels[i]}: ${values[i]}, ${changeWords(f, kind, change)} from ${shown(f, f.previous)}.`, 2, [`card-${i}`]);
      tl.appear(`arrow-${i}`, 0.4, 'grow').appear(`delta-${i}`, 0.4).appear(`from-${i}`, 0.4);
      // The card's edge takes the verdict's colour: green for good news, red for bad, whichever way the figure moved.
      if (verdicts[i] !== 'same') tl.add({ type: 'tween', target: `card-${i}`, property: 'stroke', to: colourOf(verdicts[i]!), start: tl.t, duration: 0.4 });
      tl.wait(1.4);
    });
    const better = verdicts.filter((v) => v === 'better').length;
    const worse = verdicts.filter((v) => v === 'worse').length;
    const same = n - better - worse;
    const summary =
      better === n
        ? n === 1
          ? 'Better than before.'
          : `All ${n} better than before.`
        : worse === n
          ? n === 1
            ? 'Worse than before.'
            : `All ${n} worse than before.`
          : [`${better} better`, `${worse} worse`, ...(same ? [`${same} unchanged`] : [])].join(', ') + '.';
    tl.caption(summary, 2.2);
    tl.wait(2.2);
    tl.finish(tl.t);
    const legend: LegendEntry[] = [...(better ? [{ role: 'better' as const, label: 'better' }] : []), ...(worse ? [{ role: 'worse' as const, label: 'worse' }] : [])];
    return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title, ...(legend.length ? { legend } : {}) };
  },
});
