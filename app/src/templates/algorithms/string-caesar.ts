// string.caesar: the Caesar cipher. Each letter moves `shift` places along the alphabet (wrapping from Z to A),
// case kept, everything else copied; decrypting moves back. Drawn as the plain alphabet over the shifted one,
// and the message encoded letter by letter underneath.
import { z } from 'zod';
import type { ParsedText } from '../../text/parse.ts';
import { roleColor } from '../emphasis/roles.ts';
import { GROUPED_SPEED, playInGroups } from '../step-groups.ts';
import { defineTemplate } from '../types.ts';
import { AlgoScene } from './algo-scene.ts';
import { layoutCells } from './array-cells.ts';

export const MAX_CAESAR_TEXT = 24;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export const caesarParams = z.object({
  text: z
    .string()
    .min(1, { error: 'give a message to encrypt' })
    .max(MAX_CAESAR_TEXT, { error: `at most ${MAX_CAESAR_TEXT} characters fit on one row` })
    .regex(/[A-Za-z]/, { error: 'the message needs at least one letter' })
    .default('HELLO WORLD'),
  shift: z.number().int({ error: 'the shift is a whole number' }).min(-25).max(25, { error: 'the shift is between −25 and 25' }).default(3),
  mode: z.enum(['encrypt', 'decrypt']).default('encrypt'),
});
export type CaesarParams = z.infer<typeof caesarParams>;

/** Moves each letter `shift` places (negative: back), wrapping round, case kept; other characters unchanged. */
export function caesar(text: string, shift: number): string {
  const k = ((shift % 26) + 26) % 26;
  return text.replace(/[A-Za-z]/g, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + k) % 26) + base);
  });
}

function extractCaesar(text: ParsedText, warnings: string[]): Partial<CaesarParams> {
  const t = text.original;
  const out: Partial<CaesarParams> = {};
  for (const w of ['caesar', 'cipher', 'shift', 'rot13']) if (text.normalized.includes(w)) text.used.add(w);
  if (/\brot ?-?13\b/i.test(t)) out.shift = 13;
  const shift = /\b(?:shift(?:ed)?|key|offset|rot(?:ate)?)\s*(?:of|by|=|:|is)?\s*([-−+]?\d{1,3})\b|\bby\s+([-−+]?\d{1,2})\s*(?:places?|letters?|positions?)?\b|\b(?:left|right)\s+shift\s+(?:of\s+)?(\d{1,2})\b/i.exec(t);
  if (shift) {
    const n = Number((shift[1] ?? shift[2] ?? shift[3])!.replace('−', '-'));
    const k = ((n % 26) + 26) % 26;
    if (k !== n) warnings.push(`a shift of ${n} moves letters the same as ${k}`);
    out.shift = /\bleft shift\b/i.test(t) ? -k : k;
  }
  if (/\b(decrypt\w*|decod\w*|decipher\w*|crack\w*)\b/i.test(t)) out.mode = 'decrypt';
  const quoted = /["'“‘]([^"'”’]{1,200})["'”’]/.exec(t);
  const named = /\b(?:on|encrypt|encode|decrypt|decode|message|plaintext|ciphertext|word|text)\s*:?\s+([A-Z][A-Z ]{1,199}[A-Z]|[A-Z]{2,})\b/.exec(t);
  const caps = [...t.matchAll(/\b([A-Z]{2,}(?: [A-Z]{2,})*)\b/g)].map((m) => m[1]!).filter((w) => !/^(ROT|CS|GCSE|KS3|KS4|IT|ICT)$/.test(w));
  let message = quoted?.[1] ?? named?.[1] ?? caps[0];
  if (message) {
    if (message.length > MAX_CAESAR_TEXT) {
      warnings.push(`the message has ${message.length} characters; the first ${MAX_CAESAR_TEXT} are shown, so it fits on one row`);
      message = message.slice(0, MAX_CAESAR_TEXT);
    }
    out.text = message;
    text.used.add(message);
  }
  return out;
}

export const stringCaesar = defineTemplate<CaesarParams>({
  id: 'string.caesar',
  title: 'Caesar cipher',
  category: 'algorithms',
  style: 'algorithmic',
  example: 'Caesar cipher with shift 3 on ATTACK AT DAWN',
  params: caesarParams,
  vocabulary: ['caesar', 'cipher', 'rot13', 'ciphertext', 'plaintext'],
  triggers: [
    { pattern: /\bcae?sar\w*\b.*\b(cipher|shift|code|encrypt\w*|decrypt\w*)\b|\b(cipher|shift)\b.*\bcae?sar\b/, score: 0.95 },
    { pattern: /\bcae?sar (cipher|shift|code)\b|\brot ?13\b/, score: 0.95 },
    { pattern: /\bshift cipher\b|\bsubstitution cipher\b.*\bshift\b/, score: 0.85 },
  ],
  extract: extractCaesar,
  facts({ text, shift, mode }) {
    return { result: caesar(text, mode === 'encrypt' ? shift : -shift), shift };
  },
  compose({ text, shift, mode }, facts) {
    const k = mode === 'encrypt' ? shift : -shift;
    const kk = ((k % 26) + 26) % 26;
    const result = facts.result as string;
    const scene = new AlgoScene(`Caesar cipher: ${mode === 'encrypt' ? 'encrypt' : 'decrypt'} with shift ${shift}`, `letters done 0/${text.replace(/[^A-Za-z]/g, '').length}`);
    const tl = scene.tl;
    const top = layoutCells([...ALPHABET], { y: 1.9, width: 13.6, maxPitch: 0.52, prefix: 'pa', showIndex: false });
    const bottom = layoutCells([...caesar(ALPHABET, k)], { y: 1.32, width: 13.6, maxPitch: 0.52, prefix: 'ca', showIndex: false });
    // The message rows stay narrower than the alphabet, leaving a corner for the legend.
    const chars = [...text];
    const input = layoutCells(
      chars.map((c) => (c === ' ' ? '·' : c)),
      { y: -0.7, width: 9.4, maxPitch: 0.68, prefix: 'in', showIndex: false },
    );
    const output = layoutCells(
      chars.map(() => ''),
      { y: -2.35, width: 9.4, maxPitch: 0.68, prefix: 'out', showIndex: false },
    );
    scene.add(...top.objects, ...bottom.objects, ...input.objects, ...output.objects);
    const label = (id: string, y: number, s: string) => scene.add({ id, type: 'text', text: s, x: -6.8, y, size: 0.28, align: 'left', color: '$muted' });
    label('paLabel', 2.42, mode === 'encrypt' ? 'plain alphabet' : 'cipher alphabet');
    label('caLabel', 0.82, `shifted ${k >= 0 ? 'by' : 'back by'} ${Math.abs(k)}`);
    label('inLabel', -0.7 + input.size / 2 + 0.28, mode === 'encrypt' ? 'message' : 'ciphertext');
    label('outLabel', -2.35 + output.size / 2 + 0.28, mode === 'encrypt' ? 'ciphertext' : 'message');
    scene.legend = [
      { role: 'current', label: 'this letter' },
      { role: 'found', label: 'written' },
    ];
    const letters = chars.map((c, i) => ({ c, i })).filter(({ c }) => /[A-Za-z]/.test(c));
    let done = 0;
    let pace = 1;
    const play = ({ c, i }: { c: string; i: number }) => {
      tl.hold();
      done++;
      const idx = c.toUpperCase().charCodeAt(0) - 65;
      const out = result[i]!;
      const dur = 1 * pace;
      scene.counter(`letters done ${done}/${letters.length}`).step(`${c} ${k >= 0 ? '+' : '−'} ${Math.abs(k)} → ${out}${idx + kk >= 26 ? ' (past Z, round to A)' : ''}.`, dur, [input.cellIds[i]!, top.cellIds[idx]!, bottom.cellIds[idx]!]);
      for (const id of [input.cellIds[i]!, top.cellIds[idx]!, bottom.cellIds[idx]!]) tl.add({ type: 'highlight', target: id, at: tl.t, duration: dur * 0.8, color: roleColor('current') });
      tl.setText(output.valueIds[i]!, out, tl.t + 0.3 * pace);
      tl.add({ type: 'tween', target: output.cellIds[i]!, property: 'fill', to: roleColor('found'), start: tl.t + 0.3 * pace, duration: 0.25 });
      tl.add({ type: 'tween', target: output.valueIds[i]!, property: 'color', to: '$background', start: tl.t + 0.3 * pace, duration: 0.25 });
      tl.wait(dur);
    };

    scene.intro(`Caesar cipher: every letter moves ${Math.abs(shift)} place${Math.abs(shift) === 1 ? '' : 's'} ${k >= 0 ? 'along' : 'back along'} the alphabet, wrapping from Z to A.`, 1.6);
    for (const id of [...top.cellIds, ...top.valueIds, ...bottom.cellIds, ...bottom.valueIds, 'paLabel', 'caLabel']) tl.appear(id, 0.4);
    tl.wait(0.6);
    scene.step(`The shifted alphabet: A becomes ${caesar('A', k)}, B becomes ${caesar('B', k)}, and so on.`, 1.4, [top.cellIds[0]!, bottom.cellIds[0]!]);
    tl.wait(1.4);
    for (const id of [...input.cellIds, ...input.valueIds, ...output.cellIds, ...output.valueIds, 'inLabel', 'outLabel']) tl.appear(id, 0.4);
    // Non-letters are copied as they are.
    chars.forEach((c, i) => {
      if (!/[A-Za-z]/.test(c)) tl.setText(output.valueIds[i]!, c === ' ' ? '·' : c);
    });
    scene.step(mode === 'encrypt' ? `The message ${text}: letters change, spaces and punctuation stay.` : `The ciphertext ${text}: move each letter back.`, 1.3, [...input.cellIds]);
    tl.wait(1.3);
    playInGroups(tl, [letters], {
      narrated: () => true,
      detail: 5,
      play,
      speed: (grouped) => {
        pace = grouped ? GROUPED_SPEED : 1;
      },
      summary: (rest) => `The other ${rest.length} letters the same way: ${rest.map(({ c }) => c).join('')} → ${rest.map(({ i }) => result[i]).join('')}.`,
      refs: (rest) => rest.map(({ i }) => output.cellIds[i]!),
    });
    tl.wait(0.4);
    return scene.finish(`${text} → ${result}`, `${mode === 'encrypt' ? 'Encrypted' : 'Decrypted'}: ${result}. ${mode === 'encrypt' ? `Shifting back by ${Math.abs(shift)} decrypts it.` : ''}`.trim());
  },
});
