// business.process_flow: steps as boxes joined by arrows, revealed one at a time; more than five
// steps wrap onto a second row joined by an elbow connector, so the reading order stays left to right.
import { z } from 'zod';
import { defineTemplate, type Composition } from '../types.ts';
import { TimelineBuilder } from '../timeline-builder.ts';
import { displayLabel } from './parse/title.ts';
import { extractSteps, stepSchema } from './steps.ts';
import { fitLabels, textWidth, titleObjects } from './slide.ts';

/** More steps than this stop being a process people can follow on one slide. */
export const MAX_STEPS = 10;
export const MAX_STEP_CHARS = 40;
/** Up to this many steps fit on one row. */
const ONE_ROW = 5;

const params = z.object({
  title: z.string().trim().min(1).max(80).default('Process'),
  steps: z.array(stepSchema(MAX_STEP_CHARS)).min(2).max(MAX_STEPS).default(['Plan', 'Build', 'Test', 'Release']),
});
type FlowParams = z.infer<typeof params>;

export interface BoxSlot {
  x: number;
  y: number;
  row: number;
}

/** Box centres: one row up to five steps, otherwise two rows (the first one the longer). */
export function flowLayout(n: number): { slots: BoxSlot[]; boxW: number; boxH: number } {
  const rows = n <= ONE_ROW ? 1 : 2;
  const perRow = Math.ceil(n / rows);
  const pitch = 14.8 / perRow;
  const boxW = Math.min(2.8, pitch - 0.7);
  // Two rows have room for taller boxes, which long step names need in narrower columns.
  const boxH = rows === 1 ? 1.4 : 1.6;
  const rowY = rows === 1 ? [-0.35] : [0.95, -2.2];
  const slots: BoxSlot[] = [];
  for (let i = 0; i < n; i++) {
    const row = Math.floor(i / perRow);
    const col = i % perRow;
    const inRow = row === 0 ? Math.min(perRow, n) : n - perRow;
    // Each row is centred on its own.
    slots.push({ x: (col - (inRow - 1) / 2) * pitch, y: rowY[row]!, row });
  }
  return { slots, boxW, boxH };
}

export const processFlow = defineTemplate<FlowParams>({
  id: 'business.process_flow',
  title: 'Process flow',
  category: 'corporate',
  style: 'corporate_training',
  example: 'Our incident response process: detect, triage, contain, recover',
  content: { param: 'steps', ask: 'list the steps after a colon, in order, e.g. "Onboarding process: sign contract, get laptop, meet the team, first project"' },
  params,
  vocabulary: ['process', 'workflow', 'flowchart', 'procedure', 'onboarding'],
  triggers: [
    { pattern: /\b(process (flow|map|diagram)|flow ?chart|workflow|work flow)\b/, score: 0.95 },
    // "process", "steps" … count only with words after them (the normalised text has no commas left, so
    // that stands for a list): "Explain our procurement process" alone is better as a title card.
    { pattern: /\bprocess\b(?! of\b)( \S+){2,}|\bprocess of( \S+){4,}/, score: 0.62 },
    { pattern: /\b(procedure|steps|stages|phases|pipeline)\b( \S+){2,}/, score: 0.5 },
    { pattern: /\bstep by step\b/, score: 0.5 },
    // "A then B then C", "A > B > C": steps in order, whatever the words around them (below a named cycle's 0.6).
    { pattern: /\b[a-z]+ > [a-z]+ > [a-z]+/, score: 0.58 },
    { pattern: /\b[a-z]+ then [a-z]+ then [a-z]+/, score: 0.58 },
  ],
  extract(text, warnings) {
    const found = extractSteps(text, warnings, { fallbackTitle: 'Process', max: MAX_STEPS, maxChars: MAX_STEP_CHARS, noun: 'steps' });
    return { title: found.title, ...(found.steps ? { steps: found.steps } : {}) };
  },
  facts: ({ steps }) => ({ step_count: steps.length }),
  compose({ title, steps }, facts) {
    const n = steps.length;
    const labels = steps.map(displayLabel);
    const { slots, boxW, boxH } = flowLayout(n);
    // The badge straddles the top edge, so the label keeps clear of the top 0.27 of the box.
    const { texts, size: textSize } = fitLabels(labels, boxW - 0.36, 3, 0.4, 600, boxH - 0.5);
    const tl = new TimelineBuilder();
    const objects: Composition['objects'] = [...titleObjects(title)];
    slots.forEach((s, i) => {
      objects.push({ id: `box-${i}`, type: 'rect', x: s.x, y: s.y, width: boxW, height: boxH, cornerRadius: 0.16, fill: '$surface', stroke: '$primary', strokeWidth: 0.05 });
      objects.push({ id: `label-${i}`, type: 'text', text: texts[i]!, x: s.x, y: s.y - 0.06, size: textSize, weight: 600, maxWidth: boxW - 0.36, color: '$foreground' });
      const bx = s.x - boxW / 2 + 0.34;
      const by = s.y + boxH / 2;
      objects.push({ id: `badge-${i}`, type: 'circle', x: bx, y: by, radius: 0.25, fill: '$primary' });
      objects.push({ id: `badge-num-${i}`, type: 'text', text: String(i + 1), x: bx, y: by, size: 0.28, weight: 700, color: '$background' });
    });
    for (let i = 1; i < n; i++) {
      const a = slots[i - 1]!;
      const b = slots[i]!;
      const points: [number, number][] =
        a.row === b.row
          ? [
              [a.x + boxW / 2 + 0.08, a.y],
              [b.x - boxW / 2 - 0.1, b.y],
            ]
          : // Down from the end of the first row, back along the gap, down into the second row.
            [
              [a.x, a.y - boxH / 2 - 0.08],
              [a.x, (a.y + b.y) / 2],
              [b.x, (a.y + b.y) / 2],
              [b.x, b.y + boxH / 2 + 0.1],
            ];
      objects.push({ id: `arrow-${i}`, type: 'line', points, color: '$muted', width: 0.055, arrow: 'end' });
    }
    // The count on screen; the first and last step beside it only while the line stays short.
    const summary = `${n} steps: ${labels[0]} to ${labels[n - 1]}`;
    const shown = textWidth(summary, 0.38) <= 13 ? summary : `${n} steps`;
    objects.push({ id: 'summary', type: 'text', text: shown, x: 0, y: -3.8, size: 0.38, color: '$muted', maxWidth: 14 });

    tl.caption(`${title}, in ${facts.step_count as number} steps.`, 1.2);
    tl.appear('title', 0.5).appear('title-rule', 0.5, 'grow');
    tl.wait(0.9);
    for (let i = 0; i < n; i++) {
      tl.narrate(`Step ${i + 1} of ${n}: ${labels[i]}.`, 1.3, [`box-${i}`]);
      if (i > 0) {
        tl.appear(`arrow-${i}`, slots[i]!.row === slots[i - 1]!.row ? 0.35 : 0.6, 'draw');
        tl.add({ type: 'tween', target: `box-${i - 1}`, property: 'stroke', to: '$primary', start: tl.t, duration: 0.3 });
        tl.wait(slots[i]!.row === slots[i - 1]!.row ? 0.3 : 0.55);
      }
      tl.appear(`box-${i}`, 0.45, 'grow');
      tl.appear(`badge-${i}`, 0.35, 'grow', tl.t + 0.2).appear(`badge-num-${i}`, 0.3, 'fade', tl.t + 0.25);
      tl.appear(`label-${i}`, 0.35, 'fade', tl.t + 0.15);
      // The step being explained is outlined in the accent colour until the next one starts.
      tl.add({ type: 'tween', target: `box-${i}`, property: 'stroke', to: '$accent', start: tl.t + 0.3, duration: 0.3 });
      tl.wait(1.0);
    }
    tl.add({ type: 'tween', target: `box-${n - 1}`, property: 'stroke', to: '$primary', start: tl.t, duration: 0.3 });
    tl.caption(`${summary}.`, 3);
    tl.appear('summary', 0.5);
    tl.wait(2.8);
    tl.finish(tl.t);
    return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title };
  },
});
