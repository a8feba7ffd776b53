// business.bullets: a title and a few points revealed one at a time, the point being read in full
// colour and the others dimmed; a count written in the title ("three key rules") is checked.
import { z } from 'zod';
import { wordNumber } from '../../text/parse.ts';
import { defineTemplate, type Composition } from '../types.ts';
import { TimelineBuilder } from '../timeline-builder.ts';
import { displayLabel } from './parse/title.ts';
import { extractSteps, stepSchema } from './steps.ts';
import { fitLabels, fitTextSize, lineCount, MIN_TEXT, textHeight, textWidth, titleObjects } from './slide.ts';

/** Seven points is about what an audience keeps in mind from one slide. */
export const MAX_POINTS = 7;
export const MAX_POINT_CHARS = 90;

const params = z.object({
  title: z.string().trim().min(1).max(80).default('Key points'),
  points: z.array(stepSchema(MAX_POINT_CHARS)).min(1).max(MAX_POINTS).default(['Know the goal', 'Keep it simple', 'Ask for feedback']),
});
type BulletParams = z.infer<typeof params>;

const COUNTED_NOUN = String.raw`(?:points?|rules?|tips?|takeaways?|principles?|lessons?|reasons?|benefits?|ideas?|habits?|values?|goals?|objectives?|pillars?|things?|steps?|facts?|questions?|priorities|priority|tenets?|commandments?|dos|don'?ts|items?|practices?|guidelines?|skills?|qualities|quality|traits?|ways?|mistakes?|risks?|features?|advantages?|strategies|strategy|factors?|elements?|components?|areas?|requirements?|behaviou?rs?|policies|policy)`;
const COUNT_WORD = /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|\d{1,2})\b/i;

/** The number of points the words before the list promise ("Three key safety rules" → 3), if any. */
export function promisedCount(head: string): number | undefined {
  const m = new RegExp(String.raw`${COUNT_WORD.source}\s+(?:[\p{L}-]+\s+){0,3}?${COUNTED_NOUN}\b`, 'iu').exec(head);
  if (!m) return undefined;
  const word = m[1]!.toLowerCase();
  return word === 'a dozen' ? 12 : wordNumber(word);
}

export const businessBullets = defineTemplate<BulletParams>({
  id: 'business.bullets',
  title: 'Bullet points',
  category: 'corporate',
  style: 'corporate_training',
  example: 'Three key safety rules: wear a helmet, report hazards, keep exits clear',
  content: { param: 'points', ask: 'list the points after a colon, separated by commas, e.g. "Five key safety rules: wear PPE, report spills, keep walkways clear"' },
  params,
  vocabulary: ['bullet', 'bullets', 'takeaways', 'guidelines', 'principles', 'agenda'],
  triggers: [
    { pattern: /\bbullet ?(points?|list|slide)\b/, score: 0.95 },
    // The points themselves must follow ("… rules: a, b, c"); a bare "three safety rules" has nothing to show.
    {
      pattern: /\b(key|main|top|important|golden|basic|ground|house|safety|security|core) (\w+ )?(points|rules|tips|takeaways|principles|lessons|facts|ideas|reasons|benefits|values|guidelines|practices|priorities)\b( \S+){2,}/,
      score: 0.8,
    },
    { pattern: /\b(key takeaway|takeaways|talking points|agenda|dos and don ?ts|best practices|guidelines|key points|ground rules)\b( \S+){2,}/, score: 0.75 },
    {
      pattern:
        /\b(one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) (\w+ ){0,2}(rules|tips|points|takeaways|principles|lessons|reasons|benefits|ideas|habits|values|goals|objectives|pillars|things|priorities|tenets|practices|guidelines)\b( \S+){2,}/,
      score: 0.78,
    },
    { pattern: /\b(list|summary|summari[sz]e)\b/, score: 0.38 },
    // "Our benefits: health, dental, 401k": three or more items after a colon are the points, unless they hold figures
    // ("Rent $120k", "1998 founded": a chart's or a timeline's). The weakest answer that is still understood.
    { pattern: /^[^:\n]{3,80}:\s*(?:(?![$€£]\d|(?<![\w.])\d[\d.]*%?(?!\w))[^,;:\n])+(?:[,;](?:(?![$€£]\d|(?<![\w.])\d[\d.]*%?(?!\w))[^,;:\n])+){2,}$/, score: 0.5, on: 'original' },
  ],
  extract(text, warnings) {
    const found = extractSteps(text, warnings, { fallbackTitle: 'Key points', max: MAX_POINTS, maxChars: MAX_POINT_CHARS, noun: 'points', min: 1 });
    const promised = promisedCount(found.head);
    const listed = found.steps?.length ?? 0;
    // Compared with what was written, before any cap, so the warning names the user's own numbers.
    const written = found.written;
    if (promised !== undefined && found.steps && promised !== written) {
      warnings.push(`the title promises ${promised} point${promised === 1 ? '' : 's'} but ${written} ${written === 1 ? 'was' : 'were'} listed; showing the ${listed} listed`);
    }
    return { title: found.title, ...(found.steps ? { points: found.steps } : {}) };
  },
  facts: () => ({}),
  compose({ title, points }) {
    const n = points.length;
    const labels = points.map(displayLabel);
    const maxTextWidth = 12.6;
    // The largest size at which every point fits in two lines and the cards fit the slide (7 units tall).
    const layoutAt = (size: number) => {
      const { texts } = fitLabels(labels, maxTextWidth, 2, size);
      const pad = Math.min(0.36, size * 0.7);
      const gap = Math.min(0.28, size * 0.5);
      const heights = texts.map((l) => Math.max(0.56, textHeight(lineCount(l, size, maxTextWidth), size)) + pad);
      return { texts, heights, gap, total: heights.reduce((h, x) => h + x, 0) + gap * (n - 1) };
    };
    let size = Math.min(0.56, ...labels.map((l) => fitTextSize(l, maxTextWidth, 2, 0.56)));
    while (size > MIN_TEXT && layoutAt(size).total > 6.9) size = Number((size - 0.02).toFixed(2));
    const { texts, heights, gap, total } = layoutAt(size);
    // The block of cards is as wide as its longest point and centred, so short lists do not hug the left.
    const textW = Math.min(maxTextWidth, Math.max(4, ...texts.map((l) => textWidth(l, size) + 0.4)));
    const cardW = textW + 1.35;
    const cardLeft = -cardW / 2;
    const markerX = cardLeft + 0.5;
    const textLeft = cardLeft + 1.0;
    const tl = new TimelineBuilder();
    const objects: Composition['objects'] = [...titleObjects(title)];
    let y = -0.7 + total / 2;
    texts.forEach((l, i) => {
      const h = heights[i]!;
      const cy = y - h / 2;
      y -= h + gap;
      objects.push({ id: `card-${i}`, type: 'rect', x: 0, y: cy, width: cardW, height: h, cornerRadius: 0.14, fill: '$surface', stroke: '$grid', strokeWidth: 0.03 });
      objects.push({ id: `marker-${i}`, type: 'circle', x: markerX, y: cy, radius: 0.26, fill: '$primary' });
      objects.push({ id: `marker-num-${i}`, type: 'text', text: String(i + 1), x: markerX, y: cy, size: 0.3, weight: 700, color: '$background' });
      objects.push({ id: `point-${i}`, type: 'text', text: l, x: textLeft, y: cy, size, align: 'left', maxWidth: textW, color: '$foreground' });
    });

    tl.caption(`${title}.`, 1.3);
    tl.appear('title', 0.5).appear('title-rule', 0.5, 'grow');
    tl.wait(1);
    labels.forEach((l, i) => {
      tl.narrate(`${n > 1 ? `${i + 1}. ` : ''}${l}.`.replace(/([.!?])\.$/, '$1'), 1.8, [`card-${i}`]);
      // The previous point steps back so the eye goes to the new one.
      if (i > 0) tl.add({ type: 'tween', target: `point-${i - 1}`, property: 'color', to: '$muted', start: tl.t, duration: 0.3 });
      tl.appear(`card-${i}`, 0.4);
      tl.appear(`marker-${i}`, 0.4, 'grow').appear(`marker-num-${i}`, 0.3, 'fade', tl.t + 0.15);
      tl.add({ type: 'move', target: `point-${i}`, start: tl.t, duration: 0.5, to: { x: textLeft }, easing: 'easeOutCubic' });
      tl.add({ type: 'set', target: `point-${i}`, at: 0, property: 'x', value: textLeft + 0.5 });
      tl.appear(`point-${i}`, 0.45);
      tl.wait(Math.min(2.6, 1.2 + l.length * 0.02));
    });
    // All points back in full colour for the recap.
    for (let i = 0; i < n - 1; i++) tl.add({ type: 'tween', target: `point-${i}`, property: 'color', to: '$foreground', start: tl.t, duration: 0.4 });
    tl.caption(n > 1 ? `${n} points to remember.` : 'One point to remember.', 2.5);
    tl.wait(2.5);
    tl.finish(tl.t);
    return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title };
  },
});
