// business.comparison: two of the user's lists side by side (do / don't, before / after, option A / B),
// headed by the user's own labels; row by row the matching items are read together, then both columns.
import { z } from 'zod';
import { defineTemplate, type Composition } from '../types.ts';
import { TimelineBuilder } from '../timeline-builder.ts';
import { findColumns } from './parse/columns.ts';
import { capItems, truncateLabels } from './parse/lists.ts';
import { displayLabel, titleFromHead } from './parse/title.ts';
import { stepSchema } from './steps.ts';
import { fitLabels, fitTextSize, lineCount, MIN_TEXT, textHeight, titleObjects } from './slide.ts';

/** Six rows a side is what two columns hold at a readable size. */
export const MAX_ROWS = 6;
export const MAX_CELL_CHARS = 60;

const column = z.object({
  heading: z.string().trim().min(1).max(32).describe('The column’s label as the user wrote it (Do, Before, Option A)'),
  items: z.array(stepSchema(MAX_CELL_CHARS)).min(1).max(MAX_ROWS),
});
const params = z.object({
  title: z.string().trim().min(1).max(80).default('Comparison'),
  columns: z
    .tuple([column, column])
    .default([
      { heading: 'Before', items: ['First point'] },
      { heading: 'After', items: ['First point'] },
    ])
    .describe('The two lists compared, left then right'),
});
type ComparisonParams = z.infer<typeof params>;

/** Labels that come in pairs: with both present, the text is a comparison whatever else it says. */
const PAIRED = String.raw`(?:do|dos|before|pros?|option a|plan a|myths?|then)\s*:[\s\S]*\b(?:don'?t|don'?ts|after|cons?|option b|plan b|facts?|now)\s*:`;

export const businessComparison = defineTemplate<ComparisonParams>({
  id: 'business.comparison',
  title: 'Comparison',
  category: 'corporate',
  style: 'corporate_training',
  example: "Email etiquette. Do: reply within a day, use a clear subject. Don't: reply all, write in capitals",
  // It draws whatever two of the user's lists are compared, so a "vs" or "compared" never turns it away.
  compares: /[\s\S]/,
  content: {
    param: 'columns',
    ask: `write the two lists with their labels, e.g. "Do: reply within a day, use a clear subject. Don't: reply all, write in capitals"`,
  },
  params,
  vocabulary: ['comparison', 'compare', 'versus', 'before', 'after', 'pros', 'cons', 'dos', 'donts', 'option'],
  triggers: [
    { pattern: new RegExp(String.raw`\b${PAIRED}`, 'i'), score: 0.88, on: 'original' },
    // "Compare our plans: Basic: …; Pro: …": a comparison word and two labelled lists.
    { pattern: /^(?=[\s\S]*\b(?:compar\w*|vs\.?|versus|side[ -]by[ -]side|differences?)\b)(?=(?:[^:]*[\p{L}'’]\s*:(?!\d)[^:]*[\p{L}]){2})/iu, score: 0.72, on: 'original' },
    { pattern: /\b(dos and don'?ts|pros and cons|before and after|side[ -]by[ -]side comparison)\b/, score: 0.6 },
  ],
  extract(text, warnings) {
    const found = findColumns(text.original);
    if (!found.columns) return { title: titleFromHead(found.head, 'Comparison', warnings) };
    const columns = found.columns.map((c) => {
      const items = truncateLabels(capItems(c.items, MAX_ROWS, `items under ${c.heading}`, warnings), MAX_CELL_CHARS, 'item', warnings);
      for (const item of items) text.used.add(item);
      return { heading: c.heading, items };
    }) as ComparisonParams['columns'];
    const title = titleFromHead(found.head, `${displayLabel(columns[0].heading)} and ${columns[1].heading}`, warnings);
    return { title, columns };
  },
  facts: ({ columns }) => ({ rows: Math.max(columns[0].items.length, columns[1].items.length), counts: columns.map((c) => c.items.length) }),
  compose({ title, columns }) {
    const rows = Math.max(columns[0].items.length, columns[1].items.length);
    const headings = columns.map((c) => displayLabel(c.heading));
    const cells = columns.map((c) => c.items.map(displayLabel));
    const colW = 6.7;
    const textW = colW - 0.5;
    const xs = [-3.6, 3.6];
    const colours = ['$primary', '$accent'];
    const all = cells.flat();
    // The largest size at which every cell fits in two lines and the rows fit under the headings; rows too
    // many and too long for that even at the smallest size keep each cell to one line.
    const ROOM = 5.85;
    const layoutAt = (size: number, lines: number) => {
      const fitted = cells.map((c) => fitLabels(c, textW, lines, size).texts);
      const heights = Array.from({ length: rows }, (_, r) => Math.max(0.5, ...fitted.map((c) => (c[r] ? textHeight(lineCount(c[r], size, textW), size) + 0.18 : 0))));
      const gap = 0.12;
      return { fitted, heights, gap, total: heights.reduce((h, x) => h + x, 0) + gap * (rows - 1) };
    };
    let size = Math.min(0.46, ...all.map((l) => fitTextSize(l, textW, 2, 0.46)));
    while (size > MIN_TEXT && layoutAt(size, 2).total > ROOM) size = Number((size - 0.02).toFixed(2));
    const { fitted, heights, gap } = layoutAt(size, layoutAt(size, 2).total > ROOM ? 1 : 2);

    const objects: Composition['objects'] = [...titleObjects(title)];
    const headY = 2.45;
    headings.forEach((h, c) => {
      objects.push({ id: `head-bg-${c}`, type: 'rect', x: xs[c]!, y: headY, width: colW, height: 0.7, cornerRadius: 0.12, fill: colours[c]! });
      objects.push({ id: `head-${c}`, type: 'text', text: h, x: xs[c]!, y: headY, size: 0.42, weight: 700, color: '$background', maxWidth: colW - 0.4 });
    });
    let y = headY - 0.5;
    for (let r = 0; r < rows; r++) {
      const h = heights[r]!;
      const cy = y - h / 2;
      y -= h + gap;
      // The row band is what a step highlights: both sides of one row at once.
      objects.push({ id: `row-${r}`, type: 'rect', x: 0, y: cy, width: colW * 2 + 0.5, height: h + 0.08, cornerRadius: 0.12, fill: '$background', stroke: '$grid', strokeWidth: 0.02 });
      fitted.forEach((col, c) => {
        const text = col[r];
        if (!text) return;
        objects.push({ id: `cell-${c}-${r}`, type: 'rect', x: xs[c]!, y: cy, width: colW, height: h, cornerRadius: 0.1, fill: '$surface', stroke: colours[c]!, strokeWidth: 0.03 });
        objects.push({ id: `text-${c}-${r}`, type: 'text', text, x: xs[c]! - colW / 2 + 0.25, y: cy, size, align: 'left', maxWidth: textW, color: '$foreground' });
      });
    }

    const tl = new TimelineBuilder();
    tl.caption(`${title}.`, 1.3);
    tl.appear('title', 0.5).appear('title-rule', 0.5, 'grow');
    tl.narrate(`${headings[0]} on the left, ${headings[1]} on the right.`, 1.8, ['head-bg-0', 'head-bg-1']);
    for (let c = 0; c < 2; c++) tl.appear(`head-bg-${c}`, 0.4, 'grow').appear(`head-${c}`, 0.4);
    tl.wait(1);
    for (let r = 0; r < rows; r++) {
      const parts = [0, 1].filter((c) => cells[c]![r]).map((c) => `${headings[c]}: ${cells[c]![r]}.`.replace(/([.!?])\.$/, '$1'));
      tl.narrate(parts.join(' '), 2, [`row-${r}`]);
      // The row read before steps back so the eye goes to the new one.
      if (r > 0) for (let c = 0; c < 2; c++) if (cells[c]![r - 1]) tl.add({ type: 'tween', target: `text-${c}-${r - 1}`, property: 'color', to: '$muted', start: tl.t, duration: 0.3 });
      tl.appear(`row-${r}`, 0.3);
      for (let c = 0; c < 2; c++) {
        if (!cells[c]![r]) continue;
        tl.appear(`cell-${c}-${r}`, 0.4, 'fade', tl.t + c * 0.3).appear(`text-${c}-${r}`, 0.4, 'fade', tl.t + c * 0.3);
      }
      tl.wait(1.6);
    }
    for (let r = 0; r < rows - 1; r++) for (let c = 0; c < 2; c++) if (cells[c]![r]) tl.add({ type: 'tween', target: `text-${c}-${r}`, property: 'color', to: '$foreground', start: tl.t, duration: 0.4 });
    tl.caption(`${headings[0]}: ${columns[0].items.length}, ${headings[1]}: ${columns[1].items.length}.`, 2.2);
    tl.wait(2.2);
    tl.finish(tl.t);
    return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title };
  },
});
