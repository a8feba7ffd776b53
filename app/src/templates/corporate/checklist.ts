// business.checklist: the user's own items as a list of empty boxes, ticked one by one in the order
// written, each narrated as it is ticked, then a count of what is done. Nothing is added to the list.
import { z } from 'zod';
import { defineTemplate, type Composition } from '../types.ts';
import { TimelineBuilder } from '../timeline-builder.ts';
import { displayLabel } from './parse/title.ts';
import { extractSteps, stepSchema } from './steps.ts';
import { fitLabels, fitTextSize, lineCount, MIN_TEXT, textHeight, textWidth, titleObjects } from './slide.ts';

/** Ten rows still read as a checklist on one slide; more becomes a wall of boxes. */
export const MAX_ITEMS = 10;
export const MAX_ITEM_CHARS = 80;

const params = z.object({
  title: z.string().trim().min(1).max(80).default('Checklist'),
  items: z.array(stepSchema(MAX_ITEM_CHARS)).min(1).max(MAX_ITEMS).default(['First item', 'Second item', 'Third item']).describe('The things to tick off, in order, as written by the user'),
});
type ChecklistParams = z.infer<typeof params>;

const DASH_AFTER_LIST_WORD = /\b(check ?lists?|to-?do list|tick ?list)\s+[-–—]\s+/i;
/** "Checklist animation ticking off": how it is to be shown, not what the list is about. */
const HOW_WORDS = /(?:\s+(?:animation|video|slide|diagram))?(?:\s+(?:ticking|checking|that ticks|to tick)(?:\s+(?:them|each|it|items?))?(?:\s+(?:off|one by one))?)?$/i;

export const businessChecklist = defineTemplate<ChecklistParams>({
  id: 'business.checklist',
  title: 'Checklist',
  category: 'corporate',
  style: 'corporate_training',
  example: 'Our onboarding checklist: laptop, badge, accounts, training',
  content: { param: 'items', ask: 'list the items after a colon, separated by commas, e.g. "Our onboarding checklist: laptop, badge, accounts, training"' },
  params,
  vocabulary: ['checklist', 'checklists', 'check list', 'tick', 'ticked', 'checkbox', 'checkboxes', 'to-do', 'todo'],
  triggers: [
    // The items must follow ("checklist: a, b"); a bare "safety checklist" has nothing to tick.
    { pattern: /\b(check ?lists?|to-?do list|tick ?list|pre-?flight checks?)\b( \S+){2,}/, score: 0.86 },
    { pattern: /\b(tick|check) (them |each |it |items? )?(off|one by one)\b/, score: 0.8 },
    { pattern: /\b(check ?lists?|to-?do list|checkbox(es)?)\b/, score: 0.55 },
  ],
  extract(text, warnings) {
    // "New starter checklist - laptop, badge": with no colon, a dash after the word checklist introduces the list.
    const original = /:(?!\d)/.test(text.original) ? text.original : text.original.replace(DASH_AFTER_LIST_WORD, '$1: ');
    const found = extractSteps({ ...text, original }, warnings, { fallbackTitle: 'Checklist', max: MAX_ITEMS, maxChars: MAX_ITEM_CHARS, noun: 'items', min: 1 });
    const title = found.title.replace(HOW_WORDS, '').trim() || 'Checklist';
    return { title, ...(found.steps ? { items: found.steps } : {}) };
  },
  facts: ({ items }) => ({ item_count: items.length }),
  compose({ title, items }) {
    const n = items.length;
    const labels = items.map(displayLabel);
    const maxTextWidth = 11.6;
    // The largest size at which every item fits in two lines and the rows fit the slide with room for the
    // highlight round them; a list too long for that even at the smallest size keeps each item to one line.
    // The box scales with the text so a long list of short rows still fits.
    const boxFor = (size: number) => Math.min(0.5, size * 1.1);
    const layoutAt = (size: number, lines: number) => {
      const { texts } = fitLabels(labels, maxTextWidth, lines, size);
      const gap = Math.min(0.3, size * 0.55);
      const heights = texts.map((l) => Math.max(boxFor(size) + 0.12, textHeight(lineCount(l, size, maxTextWidth), size) + 0.2));
      return { texts, heights, gap, total: heights.reduce((h, x) => h + x, 0) + gap * (n - 1) };
    };
    const ROOM = 6.3;
    let size = Math.min(0.56, ...labels.map((l) => fitTextSize(l, maxTextWidth, 2, 0.56)));
    while (size > MIN_TEXT && layoutAt(size, 2).total > ROOM) size = Number((size - 0.02).toFixed(2));
    const { texts, heights, gap, total } = layoutAt(size, layoutAt(size, 2).total > ROOM ? 1 : 2);
    // The block is as wide as its longest item and centred, so a short list does not hug the left.
    const textW = Math.min(maxTextWidth, Math.max(3, ...texts.map((l) => textWidth(l, size) + 0.3)));
    const box = boxFor(size);
    const blockW = box + 0.45 + textW;
    const boxX = -blockW / 2 + box / 2;
    const textLeft = boxX + box / 2 + 0.45;
    const objects: Composition['objects'] = [...titleObjects(title)];
    let y = -0.7 + total / 2;
    texts.forEach((l, i) => {
      const h = heights[i]!;
      const cy = y - h / 2;
      y -= h + gap;
      objects.push({ id: `box-${i}`, type: 'rect', x: boxX, y: cy, width: box, height: box, cornerRadius: 0.08, fill: '$surface', stroke: '$muted', strokeWidth: 0.04 });
      // The tick: a short stroke down and a long one up, drawn inside the box.
      objects.push({
        id: `tick-${i}`,
        type: 'line',
        points: [
          [boxX - box * 0.3, cy + box * 0.02],
          [boxX - box * 0.08, cy - box * 0.24],
          [boxX + box * 0.32, cy + box * 0.28],
        ],
        color: '$success',
        width: 0.08,
      });
      objects.push({ id: `item-${i}`, type: 'text', text: l, x: textLeft, y: cy, size, align: 'left', maxWidth: textW, color: '$foreground' });
    });

    const tl = new TimelineBuilder();
    tl.caption(`${title}.`, 1.3);
    tl.appear('title', 0.5).appear('title-rule', 0.5, 'grow');
    // Every box is shown empty first, so the audience sees the whole list before anything is ticked.
    texts.forEach((_, i) => {
      tl.appear(`box-${i}`, 0.3, 'fade', tl.t + i * 0.12);
      tl.appear(`item-${i}`, 0.3, 'fade', tl.t + i * 0.12);
    });
    tl.wait(0.4 + n * 0.12);
    tl.narrate(
      n === 1 ? 'One item to check.' : `${n} items to check.`,
      1.6,
      texts.map((_, i) => `box-${i}`),
    );
    tl.wait(1.2);
    labels.forEach((l, i) => {
      tl.narrate(`${n > 1 ? `${i + 1}. ` : ''}${l}: done.`.replace(/([.!?]): done\.$/, '$1 Done.'), 1.8, [`item-${i}`]);
      tl.appear(`tick-${i}`, 0.45, 'draw');
      tl.add({ type: 'tween', target: `box-${i}`, property: 'stroke', to: '$success', start: tl.t, duration: 0.3 });
      // A ticked item steps back so the eye goes to the next one.
      tl.add({ type: 'tween', target: `item-${i}`, property: 'color', to: '$muted', start: tl.t + 0.5, duration: 0.4 });
      tl.wait(Math.min(2.4, 1.1 + l.length * 0.02));
    });
    tl.caption(n > 1 ? `All ${n} items done.` : 'The item is done.', 2.2);
    tl.wait(2.2);
    tl.finish(tl.t);
    return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title };
  },
});
