// business.timeline: events on a horizontal time axis, placed in proportion to the time between
// them when their dates can be compared (evenly otherwise), labels alternating above and below.
import { z } from 'zod';
import { defineTemplate, type Composition } from '../types.ts';
import { TimelineBuilder } from '../timeline-builder.ts';
import { findDate, findDates, type FoundDate } from './parse/dates.ts';
import { capItems, cleanItem, dropTrailingKind, ellipsize, splitHeadBody, splitItems } from './parse/lists.ts';
import { displayLabel, titleFromHead } from './parse/title.ts';
import { fitTextSize, lineCount, textHeight, titleObjects } from './slide.ts';

export const MAX_EVENTS = 10;
export const MAX_EVENT_CHARS = 40;
export const MAX_DATE_CHARS = 24;

const eventSchema = z.strictObject({ date: z.string().trim().max(MAX_DATE_CHARS).default(''), label: z.string().trim().max(MAX_EVENT_CHARS).default('') }).refine((e) => e.date !== '' || e.label !== '', 'an event needs a date or a label');

const params = z.object({
  title: z.string().trim().min(1).max(80).default('Timeline'),
  events: z
    .array(eventSchema)
    .min(1)
    .max(MAX_EVENTS)
    .default([
      { date: '2010', label: 'Founded' },
      { date: '2015', label: 'Series A' },
      { date: '2020', label: 'IPO' },
    ]),
});
type TimelineParams = z.infer<typeof params>;
type TimelineEvent = TimelineParams['events'][number];

function tidyEventLabel(s: string): string {
  return cleanItem(
    s
      .replace(/[()[\]]/g, ' ')
      .replace(/^\s*(?:[:\-–—,]|in|on|at|by|during|since)\s+|\s+(?:in|on|at|by|during|since|[:\-–—])\s*$/gi, ' ')
      .replace(/^\s*[:\-–—]\s*/, ''),
  );
}

function eventFromItem(item: string): { date: FoundDate | undefined; label: string } {
  const date = findDate(item);
  if (!date) return { date, label: tidyEventLabel(item) };
  return { date, label: tidyEventLabel(item.slice(0, date.start) + ' ' + item.slice(date.end)) };
}

/** Items with one date each; an item holding several dates ("2010 founded 2015 Series A") is cut at each. */
function eventsFromBody(body: string): { date: FoundDate | undefined; label: string }[] {
  const items = dropTrailingKind(splitItems(body));
  const dates = findDates(body);
  if (items.length >= dates.length || dates.length < 2) return items.map(eventFromItem);
  const dateFirst = body.slice(0, dates[0]!.start).trim() === '';
  return dates.map((d, i) => {
    const label = dateFirst ? body.slice(d.end, i + 1 < dates.length ? dates[i + 1]!.start : body.length) : body.slice(i > 0 ? dates[i - 1]!.end : 0, d.start);
    return { date: d, label: tidyEventLabel(label) };
  });
}

/** Numeric times of the events when all have one on the same kind of scale, else undefined. */
export function comparableTimes(events: TimelineEvent[]): number[] | undefined {
  const found = events.map((e) => findDate(e.date));
  const kind = found[0]?.kind;
  if (!kind || found.some((d) => !d || d.time === undefined || d.kind !== kind)) return undefined;
  return found.map((d) => d!.time!);
}

/**
 * x of each event between `left` and `right`: in proportion to time when times are known and differ,
 * with at least `minGap` between neighbours so labels never collide; evenly spaced otherwise.
 */
export function eventPositions(times: number[] | undefined, n: number, left: number, right: number, minGap: number): number[] {
  const even = Array.from({ length: n }, (_, i) => (n === 1 ? (left + right) / 2 : left + ((right - left) * i) / (n - 1)));
  if (!times || n < 2) return even;
  const t0 = times[0]!;
  const span = times[n - 1]! - t0;
  if (!(span > 0)) return even;
  const xs = times.map((t) => left + ((t - t0) / span) * (right - left));
  const gap = Math.min(minGap, (right - left) / (n - 1));
  for (let i = 1; i < n; i++) xs[i] = Math.max(xs[i]!, xs[i - 1]! + gap);
  xs[n - 1] = Math.min(xs[n - 1]!, right);
  for (let i = n - 2; i >= 0; i--) xs[i] = Math.min(xs[i]!, xs[i + 1]! - gap);
  return xs;
}

function yearSpan(times: number[] | undefined, events: TimelineEvent[]): string | undefined {
  if (!times || events.length < 2 || findDate(events[0]!.date)?.kind !== 'year') return undefined;
  const years = Math.round(times[times.length - 1]! - times[0]!);
  return years >= 1 ? `${years} year${years === 1 ? '' : 's'}` : undefined;
}

const AXIS_Y = -0.35;

export const businessTimeline = defineTemplate<TimelineParams>({
  id: 'business.timeline',
  title: 'Timeline',
  category: 'corporate',
  style: 'corporate_training',
  example: 'Company history timeline: 2010 founded, 2015 Series A, 2020 IPO',
  content: { param: 'events', ask: 'give the events after a colon, each a date and what happened, e.g. "American Revolution timeline: 1765 Stamp Act, 1775 Lexington, 1776 Declaration"' },
  params,
  vocabulary: ['timeline', 'milestones', 'roadmap', 'chronology', 'history'],
  triggers: [
    { pattern: /\btime ?line\b/, score: 0.92 },
    { pattern: /\b(roadmap|milestones|chronology|key dates|company history|history of (the|our) (company|firm|team|product))\b/, score: 0.75 },
    { pattern: /\bhistory\b.*\b(1[5-9]\d\d|20\d\d)\b/, score: 0.5 },
    // A schedule of days or dates is a timeline: "Weekly schedule: Monday planning, Wednesday review".
    {
      pattern:
        /\b(schedule|agenda|itinerary|timetable|calendar|plan)\b.*\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{1,2}|\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\b/,
      score: 0.8,
    },
    { pattern: /\b(1[6-9]\d\d|20\d\d)\b.*\b(1[6-9]\d\d|20\d\d)\b.*\b(1[6-9]\d\d|20\d\d)\b/, score: 0.38 },
  ],
  extract(text, warnings) {
    let { head, body } = splitHeadBody(text.original);
    // "2010: founded, 2015: Series A": the colon after the first date is not the end of a title.
    const lastInHead = findDates(head).pop();
    if (lastInHead && head.slice(lastInHead.end).trim() === '' && !findDate(splitItems(body)[0] ?? '')) {
      [head, body] = [head.slice(0, lastInHead.start), `${head.slice(lastInHead.start)}: ${body}`];
    }
    // "Timeline 2010 founded 2015 Series A" has no separator: the events start at the first date.
    if (!body) {
      const first = findDates(text.original)[0];
      if (first) [head, body] = [text.original.slice(0, first.start), text.original.slice(first.start)];
    }
    const title = titleFromHead(head, 'Timeline', warnings);
    let raw = eventsFromBody(body).filter((e) => e.date || e.label);
    if (raw.length === 0) {
      return { title };
    }
    raw = capItems(raw, MAX_EVENTS, 'events', warnings);
    if (raw.every((e) => !e.date)) warnings.push('no dates were found; the events are spaced evenly in the order given');
    let long = 0;
    let events: TimelineEvent[] = raw.map((e) => {
      const label = e.label.length > MAX_EVENT_CHARS ? (long++, ellipsize(e.label, MAX_EVENT_CHARS)) : e.label;
      const date = e.date ? ellipsize(e.date.text, MAX_DATE_CHARS) : '';
      return { date, label };
    });
    if (long) warnings.push(`${long} event label${long === 1 ? ' was' : 's were'} longer than ${MAX_EVENT_CHARS} characters and shortened with "…"`);
    const times = comparableTimes(events);
    if (times && times.some((t, i) => i > 0 && t < times[i - 1]!)) {
      const order = events.map((e, i) => ({ e, t: times[i]! })).sort((a, b) => a.t - b.t);
      events = order.map((o) => o.e);
      warnings.push('the events were not in date order; they are shown oldest first');
    }
    for (const e of events) for (const word of [e.date, e.label]) if (word) text.used.add(word);
    return { title, events };
  },
  facts: ({ events }) => ({ event_count: events.length }),
  compose({ title, events }, facts) {
    const n = events.length;
    const times = comparableTimes(events);
    const xs = eventPositions(times, n, -6.3, 6.3, 1.3);
    const tl = new TimelineBuilder();
    const objects: Composition['objects'] = [...titleObjects(title)];
    objects.push({
      id: 'axis',
      type: 'line',
      points: [
        [-7.3, AXIS_Y],
        [7.35, AXIS_Y],
      ],
      color: '$muted',
      width: 0.06,
      arrow: 'end',
    });

    // Labels on one side are two events apart, so they may be almost twice the spacing wide.
    const sameSide = (i: number) => {
      const gaps = [i - 2 >= 0 ? xs[i]! - xs[i - 2]! : Infinity, i + 2 < n ? xs[i + 2]! - xs[i]! : Infinity];
      return Math.min(3.4, Math.min(...gaps) * 0.92, 2 * Math.min(xs[i]! + 7.5, 7.5 - xs[i]!));
    };
    const labels = events.map((e) => displayLabel(e.label));
    const widths = xs.map((_, i) => sameSide(i));
    const labelSize = Math.min(...labels.map((l, i) => (l ? fitTextSize(l, widths[i]!, 3, 0.36) : 0.36)));
    const dateSize = Math.min(...events.map((e, i) => (e.date ? fitTextSize(e.date, widths[i]!, 1, 0.4, 700) : 0.4)));
    events.forEach((e, i) => {
      const up = i % 2 === 0;
      const dir = up ? 1 : -1;
      const x = xs[i]!;
      objects.push({
        id: `stem-${i}`,
        type: 'line',
        points: [
          [x, AXIS_Y + dir * 0.2],
          [x, AXIS_Y + dir * 0.6],
        ],
        color: '$grid',
        width: 0.04,
      });
      objects.push({ id: `dot-${i}`, type: 'circle', x, y: AXIS_Y, radius: 0.17, fill: '$primary', stroke: '$background', strokeWidth: 0.05 });
      const dateY = AXIS_Y + dir * (0.6 + dateSize * 0.7);
      if (e.date) objects.push({ id: `date-${i}`, type: 'text', text: e.date, x, y: dateY, size: dateSize, weight: 700, color: '$primary' });
      const lines = labels[i] ? lineCount(labels[i]!, labelSize, widths[i]!) : 0;
      const h = textHeight(lines, labelSize);
      const labelY = e.date ? dateY + dir * (dateSize * 0.7 + 0.08 + h / 2) : AXIS_Y + dir * (0.7 + h / 2);
      if (labels[i]) objects.push({ id: `event-${i}`, type: 'text', text: labels[i]!, x, y: labelY, size: labelSize, maxWidth: widths[i]!, color: '$foreground' });
    });
    const span = yearSpan(times, events);
    const summary = `${facts.event_count as number} event${n === 1 ? '' : 's'}${events[0]!.date && n > 1 ? `, ${events[0]!.date} – ${events[n - 1]!.date}` : ''}${span ? ` (${span})` : ''}`;
    objects.push({ id: 'summary', type: 'text', text: summary, x: 0, y: -3.75, size: 0.38, color: '$muted', maxWidth: 14 });

    tl.caption(`${title}: ${summary}.`, 1.6);
    tl.appear('title', 0.5).appear('title-rule', 0.5, 'grow');
    tl.appear('axis', 0.9, 'draw', tl.t + 0.3);
    tl.wait(1.3);
    events.forEach((e, i) => {
      const what = [e.date, labels[i]].filter(Boolean).join(': ');
      tl.narrate(`${what}.`, 1.3, [`dot-${i}`]);
      tl.appear(`dot-${i}`, 0.35, 'grow');
      tl.appear(`stem-${i}`, 0.3, 'draw', tl.t + 0.15);
      if (e.date) tl.appear(`date-${i}`, 0.35, 'fade', tl.t + 0.25);
      if (labels[i]) tl.appear(`event-${i}`, 0.35, 'fade', tl.t + 0.4);
      tl.add({ type: 'highlight', target: `dot-${i}`, at: tl.t + 0.35, duration: 0.9, color: '$accent' });
      tl.wait(1.3);
    });
    tl.caption(`${summary}.`, 3);
    tl.appear('summary', 0.5);
    tl.wait(2.8);
    tl.finish(tl.t);
    return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title };
  },
});
