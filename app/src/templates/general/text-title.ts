// text.title: a title card, for descriptions that are a title ("Title: …", "Welcome to …"), and what a
// description nothing understood becomes only when the caller asks for that fallback.
import { z } from 'zod';
import { defineTemplate } from '../types.ts';
import { TimelineBuilder } from '../timeline-builder.ts';

const params = z.object({
  title: z.string().max(200).default('DevForge'),
  subtitle: z.string().max(300).default(''),
});
type TitleParams = z.infer<typeof params>;

/** Splits "Title: subtitle" or "Title. More text" into a short title and the rest. */
function splitTitle(text: string): { title: string; subtitle: string } {
  const m = /^(.{3,80}?)(?:\s*[:.!?—–-]\s+)(.+)$/s.exec(text);
  if (m) return { title: m[1]!.trim(), subtitle: m[2]!.trim() };
  return { title: text, subtitle: '' };
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max - 1).trimEnd() + '…';
}

export const textTitle = defineTemplate<TitleParams>({
  id: 'text.title',
  title: 'Title card',
  category: 'fallback',
  style: 'corporate_training',
  example: 'Welcome to the quarterly all-hands',
  params,
  triggers: [
    { pattern: /\b(title card|title slide|intro slide|opening slide|cover slide)\b/, score: 0.9 },
    // Matched on the normalised text, where "Title: …" has lost its colon.
    { pattern: /^(title|heading|headline|caption)\b/, score: 0.85 },
    { pattern: /^(a )?(warm )?welcome (to|back|aboard)\b/, score: 0.8 },
  ],
  extract(text, warnings) {
    if (!text.original) return {};
    // "Title: Introduction to Data Privacy": the label names what the rest is, it is not the title.
    const { title, subtitle } = splitTitle(text.original.replace(/^\s*(?:title|heading|headline)\s*[:\-–—]\s*/i, ''));
    if (title.length > 120 || subtitle.length > 300) warnings.push('the description was shortened to fit on a title card');
    return { title: truncate(title, 120), subtitle: truncate(subtitle, 300) };
  },
  facts: () => ({}),
  compose({ title, subtitle }) {
    const tl = new TimelineBuilder();
    // The player wraps text; estimate the lines (average glyph ≈ 0.55 em) to keep the accent rule below them.
    const size = 0.85;
    const lines = Math.min(4, Math.max(1, Math.ceil((title.length * 0.55 * size) / 14)));
    const titleY = 0.45 + (lines * size * 1.25) / 2;
    const objects = [
      { id: 'accent', type: 'rect' as const, x: 0, y: 0.05, width: 3, height: 0.08, fill: '$primary' },
      { id: 'title', type: 'text' as const, text: title, x: 0, y: titleY, size, weight: 700 as const, maxWidth: 14, color: '$foreground' },
      { id: 'subtitle', type: 'text' as const, text: subtitle, x: 0, y: -0.9, size: 0.45, maxWidth: 13, color: '$muted' },
    ];
    tl.caption(title, 4);
    tl.appear('title', 0.8, 'fade').wait(0.5);
    tl.add({ type: 'tween', target: 'accent', property: 'width', from: 0, to: 3, start: tl.t, duration: 0.6 });
    tl.wait(0.4);
    if (subtitle) tl.caption(subtitle, 4).appear('subtitle', 0.8);
    tl.wait(3.5);
    tl.finish(tl.t);
    return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title };
  },
});
