// string.kmp: Knuth–Morris–Pratt string search. First the failure table: lps[j] is the length of the longest
// proper prefix of pattern[0..j] that is also its suffix. Then the search: on a mismatch after j matched
// letters the pattern slides so that its first lps[j − 1] letters sit where they already matched, and no
// letter of the text is read twice.
import { z } from 'zod';
import type { ParsedText } from '../../text/parse.ts';
import { roleColor } from '../emphasis/roles.ts';
import { count, GROUPED_SPEED, playInGroups } from '../step-groups.ts';
import { defineTemplate } from '../types.ts';
import { AlgoScene, listText } from './algo-scene.ts';
import { fitTextSize } from './array-cells.ts';

export const MAX_KMP_TEXT = 24;
export const MAX_KMP_PATTERN = 10;

export const kmpParams = z
  .object({
    text: z
      .string()
      .min(1)
      .max(MAX_KMP_TEXT, { error: `a text of at most ${MAX_KMP_TEXT} characters fits on one row` })
      .regex(/^\S+$/, { error: 'the text is one word (no spaces), e.g. ABABDABACD' })
      .default('ABABDABACDABABCABAB'),
    pattern: z
      .string()
      .min(1)
      .max(MAX_KMP_PATTERN, { error: `a pattern of at most ${MAX_KMP_PATTERN} characters` })
      .regex(/^\S+$/, { error: 'the pattern is one word (no spaces)' })
      .default('ABABCABAB'),
  })
  .superRefine((p, ctx) => {
    if (p.pattern.length > p.text.length) ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'the pattern is longer than the text' });
  });
export type KmpParams = z.infer<typeof kmpParams>;

export type LpsStep = { j: number; len: number; kind: 'match' | 'fallback' | 'zero'; from?: number };

/** The failure (longest proper prefix that is also a suffix) table, with the steps that build it. */
export function lpsTable(p: string): { lps: number[]; steps: LpsStep[] } {
  const lps = new Array<number>(p.length).fill(0);
  const steps: LpsStep[] = [];
  let len = 0;
  for (let j = 1; j < p.length;) {
    if (p[j] === p[len]) {
      lps[j] = ++len;
      steps.push({ j, len, kind: 'match' });
      j++;
    } else if (len > 0) {
      steps.push({ j, len: lps[len - 1]!, kind: 'fallback', from: len });
      len = lps[len - 1]!;
    } else {
      steps.push({ j, len: 0, kind: 'zero' });
      j++;
    }
  }
  return { lps, steps };
}

export type KmpStep = { kind: 'compare'; i: number; j: number; equal: boolean } | { kind: 'found'; at: number } | { kind: 'slide'; from: number; to: number; j: number; after: 'mismatch' | 'match' };

export function kmpSearch(text: string, pattern: string): { matches: number[]; comparisons: number; lps: number[]; steps: KmpStep[] } {
  const { lps } = lpsTable(pattern);
  const steps: KmpStep[] = [];
  const matches: number[] = [];
  let comparisons = 0;
  let [i, j] = [0, 0];
  while (i < text.length) {
    comparisons++;
    const equal = text[i] === pattern[j];
    steps.push({ kind: 'compare', i, j, equal });
    if (equal) {
      i++;
      j++;
      if (j === pattern.length) {
        matches.push(i - j);
        steps.push({ kind: 'found', at: i - j });
        const nj = lps[j - 1]!;
        if (i < text.length) steps.push({ kind: 'slide', from: i - j, to: i - nj, j: nj, after: 'match' });
        j = nj;
      }
    } else if (j > 0) {
      const nj = lps[j - 1]!;
      steps.push({ kind: 'slide', from: i - j, to: i - nj, j: nj, after: 'mismatch' });
      j = nj;
    } else {
      i++;
      if (i < text.length) steps.push({ kind: 'slide', from: i - 1, to: i, j: 0, after: 'mismatch' });
    }
  }
  return { matches, comparisons, lps, steps };
}

function extractKmp(text: ParsedText, warnings: string[]): Partial<KmpParams> {
  for (const w of ['kmp', 'knuth', 'morris', 'pratt', 'pattern']) if (text.normalized.includes(w)) text.used.add(w);
  const t = text.original;
  const quoted = [...t.matchAll(/["'“‘]([^"'”’\s]{1,60})["'”’]/g)].map((m) => m[1]!);
  // "pattern matching" names the topic: the pattern is a word after "pattern" that is not one of these.
  const notPattern = /^(matching|match|search|searching|in|is|of|the|a)$/i;
  const pat = [...t.matchAll(/\bpattern\s*:?\s*["'“‘]?([^\s"'”’,]{1,60})/gi)].find((m) => !notPattern.test(m[1]!)) ?? /\b(?:search(?:ing)? for|find|look(?:ing)? for)\s+["'“‘]?([^\s"'”’,]{1,60})/i.exec(t);
  const txt = /\b(?:in|text|string|within)\s*:?\s*["'“‘]?([^\s"'”’,]{2,60})/i.exec(t);
  let pattern = pat?.[1];
  let body = txt && txt[1] !== pattern ? txt[1] : undefined;
  if ((!pattern || !body) && quoted.length >= 2) [pattern, body] = /\bin\b/i.test(t) && t.indexOf(quoted[0]!) < t.search(/\bin\b/i) ? [quoted[0], quoted[1]] : [quoted[1], quoted[0]];
  if (!pattern || !body) return {};
  if (body.length > MAX_KMP_TEXT) {
    warnings.push(`the text has ${body.length} characters; the first ${MAX_KMP_TEXT} are searched, so it fits on one row`);
    body = body.slice(0, MAX_KMP_TEXT);
  }
  if (pattern.length > MAX_KMP_PATTERN) {
    warnings.push(`the pattern has ${pattern.length} characters; the first ${MAX_KMP_PATTERN} are used`);
    pattern = pattern.slice(0, MAX_KMP_PATTERN);
  }
  text.used.add(pattern).add(body);
  return { text: body, pattern };
}

export const stringKmp = defineTemplate<KmpParams>({
  id: 'string.kmp',
  title: 'KMP string matching',
  category: 'algorithms',
  style: 'algorithmic',
  example: 'KMP search for pattern ABABCABAB in ABABDABACDABABCABAB',
  params: kmpParams,
  vocabulary: ['kmp', 'knuth', 'morris', 'pratt'],
  triggers: [
    { pattern: /\bkmp\b|\bknuth ?morris ?pratt\b/, score: 0.95 },
    { pattern: /\b(failure function|prefix function|lps (array|table))\b.*\b(pattern|string|match\w*)\b/, score: 0.85 },
  ],
  extract: extractKmp,
  facts({ text, pattern }) {
    const run = kmpSearch(text, pattern);
    return { lps: run.lps, matches: run.matches, comparisons: run.comparisons };
  },
  compose({ text, pattern }, facts) {
    const run = kmpSearch(text, pattern);
    const { lps, steps: lpsSteps } = lpsTable(pattern);
    const n = text.length;
    const m = pattern.length;
    const pitch = Math.min(0.62, 13.4 / n);
    const size = pitch * 0.88;
    const ts = fitTextSize(size, 1, 0.4);
    const x = (k: number) => (k - (n - 1) / 2) * pitch;
    const scene = new AlgoScene('Knuth–Morris–Pratt search', `comparisons 0   matches 0`);
    const tl = scene.tl;
    const TEXT_Y = 1.6;
    const PAT_Y = TEXT_Y - pitch - 0.12;
    for (let k = 0; k < n; k++)
      scene.add(
        { id: `t${k}`, type: 'rect', x: x(k), y: TEXT_Y, width: size, height: size, cornerRadius: 0.05, fill: '$surface', stroke: '$primary', strokeWidth: 0.03 },
        { id: `t${k}v`, type: 'text', text: text[k]!, x: x(k), y: TEXT_Y, size: ts, font: 'mono', weight: 600, color: '$foreground' },
        { id: `t${k}i`, type: 'text', text: String(k), x: x(k), y: TEXT_Y + size / 2 + 0.2, size: 0.22, font: 'mono', color: '$muted' },
      );
    // The pattern slides as one group under the text.
    scene.add({ id: 'pat', type: 'group', x: x(0), y: PAT_Y });
    for (let j = 0; j < m; j++)
      scene.add(
        { id: `p${j}`, parent: 'pat', type: 'rect', x: j * pitch, y: 0, width: size, height: size, cornerRadius: 0.05, fill: '$surface', stroke: '$secondary', strokeWidth: 0.03 },
        { id: `p${j}v`, parent: 'pat', type: 'text', text: pattern[j]!, x: j * pitch, y: 0, size: ts, font: 'mono', weight: 600, color: '$foreground' },
      );
    // The failure table, below.
    const lpsPitch = Math.min(0.75, 9 / m);
    const lx = (j: number) => (j - (m - 1) / 2) * lpsPitch;
    const LPS_Y = -1.9;
    scene.add({ id: 'lpsHead', type: 'text', text: 'lps: longest prefix that is also a suffix', x: 0, y: LPS_Y + lpsPitch + 0.15, size: 0.28, color: '$muted' });
    for (let j = 0; j < m; j++)
      scene.add(
        { id: `l${j}`, type: 'rect', x: lx(j), y: LPS_Y, width: lpsPitch * 0.88, height: lpsPitch * 0.88, cornerRadius: 0.05, fill: '$surface', stroke: '$grid', strokeWidth: 0.03 },
        { id: `l${j}v`, type: 'text', text: pattern[j]!, x: lx(j), y: LPS_Y, size: fitTextSize(lpsPitch * 0.88, 1, 0.38), font: 'mono', weight: 600, color: '$foreground' },
        { id: `l${j}n`, type: 'text', text: j === 0 ? '0' : '', x: lx(j), y: LPS_Y - lpsPitch * 0.8, size: 0.3, font: 'mono', weight: 700, color: '$foreground' },
      );
    scene.legend = [
      { role: 'compare', label: 'compared' },
      { role: 'found', label: 'match' },
      { role: 'conflict', label: 'mismatch' },
    ];
    let pace = 1;
    const flash = (id: string, dur: number, role: 'compare' | 'found' | 'conflict' = 'compare') => tl.add({ type: 'highlight', target: id, at: tl.t, duration: dur, color: roleColor(role) });

    scene.intro(`KMP finds ${pattern} in ${n > 14 ? 'the text' : text} without reading a text letter twice.`, 1.5);
    for (let k = 0; k < n; k++) tl.appear(`t${k}`, 0.3).appear(`t${k}v`, 0.3).appear(`t${k}i`, 0.3);
    for (const id of ['lpsHead', ...Array.from({ length: m }, (_, j) => [`l${j}`, `l${j}v`, `l${j}n`]).flat()]) tl.appear(id, 0.3);
    tl.wait(0.6);
    scene.step(`First the lps table of ${pattern}: lps of the first letter is 0.`, 1.3, ['l0']);
    tl.wait(1.3);
    playInGroups(tl, [lpsSteps], {
      narrated: () => true,
      detail: 4,
      speed: (g) => {
        pace = g ? GROUPED_SPEED : 1;
      },
      play: (s) => {
        tl.hold();
        const dur = 1 * pace;
        const prefix = pattern.slice(0, s.j + 1);
        if (s.kind === 'match') {
          scene.step(`${pattern[s.j]} extends the border: lps = ${s.len} (${prefix.slice(0, s.len)} starts and ends ${prefix}).`, dur, [`l${s.j}`, `l${s.len - 1}`]);
          tl.setText(`l${s.j}n`, String(s.len), tl.t + 0.2 * pace);
        } else if (s.kind === 'fallback') {
          scene.step(`${pattern[s.j]} ≠ ${pattern[s.from!]}: fall back to the border lps[${s.from! - 1}] = ${s.len}.`, dur, [`l${s.j}`, `l${s.from!}`]);
        } else {
          scene.step(`${pattern[s.j]} ≠ ${pattern[0]}: no border, lps = 0.`, dur, [`l${s.j}`, 'l0']);
          tl.setText(`l${s.j}n`, '0', tl.t + 0.2 * pace);
        }
        flash(`l${s.j}`, dur * 0.8);
        tl.wait(dur);
      },
      summary: () => `The rest of the table the same way: lps = ${lps.join(' ')}.`,
      refs: () => Array.from({ length: m }, (_, j) => `l${j}`),
    });
    tl.wait(0.3);
    tl.appear('pat', 0.4);
    scene.step(`Now search: line ${pattern} up under the text and compare letter by letter.`, 1.3, ['pat']);
    tl.wait(1.3);
    let comparisons = 0;
    let found = 0;
    const counter = () => `comparisons ${comparisons}   matches ${found}`;
    const rounds: KmpStep[][] = [[]];
    for (const s of run.steps) {
      rounds[rounds.length - 1]!.push(s);
      if (s.kind === 'slide') rounds.push([]);
    }
    playInGroups(
      tl,
      rounds.filter((r) => r.length),
      {
        // Every step counts, matched letters too (they say nothing but belong to their round's summary).
        narrated: () => true,
        detail: 14,
        speed: (g) => {
          pace = g ? GROUPED_SPEED : 1;
        },
        play: (s) => {
          tl.hold();
          if (s.kind === 'compare') {
            comparisons++;
            scene.counter(counter());
            const dur = (s.equal ? 0.45 : 1.1) * pace;
            if (!s.equal) scene.step(`${text[s.i]} ≠ ${pattern[s.j]} at text position ${s.i}.`, dur, [`t${s.i}`, `p${s.j}`]);
            flash(`t${s.i}`, dur * 0.8, s.equal ? 'compare' : 'conflict');
            flash(`p${s.j}`, dur * 0.8, s.equal ? 'compare' : 'conflict');
            tl.wait(dur);
          } else if (s.kind === 'found') {
            found++;
            scene.counter(counter());
            const cells = Array.from({ length: m }, (_, k) => `t${s.at + k}`);
            scene.step(`All ${m} letters match: ${pattern} found at position ${s.at}.`, 1.4, cells);
            for (const c of cells) tl.add({ type: 'tween', target: c, property: 'fill', to: roleColor('found'), start: tl.t, duration: 0.3 });
            for (let k = 0; k < m; k++) tl.add({ type: 'tween', target: `t${s.at + k}v`, property: 'color', to: '$background', start: tl.t, duration: 0.3 });
            tl.wait(1.4);
          } else {
            const dur = 0.9 * pace;
            const keep = s.j;
            scene.step(keep > 0 ? `Slide to ${s.to}: ${keep === 1 ? 'its first letter already matches' : `its first ${keep} letters already match`} (lps ${keep}), so compare on from there.` : `Slide the pattern to position ${s.to}.`, dur, [
              'pat',
              ...(keep > 0 ? [`l${s.to - s.from + keep - 1}`] : []),
            ]);
            tl.add({ type: 'move', target: 'pat', start: tl.t, duration: 0.5 * pace, to: { x: x(s.to) } });
            tl.wait(dur);
          }
        },
        summary: (rest) => {
          const cmp = rest.filter((s) => s.kind === 'compare').length;
          const hit = rest.find((s) => s.kind === 'found');
          const slide = rest.find((s) => s.kind === 'slide');
          return `${count(cmp, 'comparisons')}${hit && hit.kind === 'found' ? `: ${pattern} found at ${hit.at}` : ''}${slide && slide.kind === 'slide' ? `, then slide to ${slide.to}` : ''}.`;
        },
        refs: () => ['pat'],
      },
    );
    tl.wait(0.4);
    const matches = facts.matches as number[];
    const where = matches.length ? `found at ${listText(matches)}` : 'not found';
    return scene.finish(`${pattern} ${where} · ${facts.comparisons as number} comparisons for ${n} letters`, `${pattern} ${where}, after ${facts.comparisons as number} comparisons: never more than 2 × ${n}.`);
  },
});
