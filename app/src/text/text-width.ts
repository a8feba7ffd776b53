// How wide a line of text is drawn, from a table of advance widths per character measured in the real headless
// Chromium for each bundled face (advance-widths.json, written by app/scripts/measure-text-widths.ts). Composing
// runs in Node, where there are no fonts to ask; the table makes a label's box the width the player will draw it,
// not a guess from its length. Kerning is ignored (each character's own advance, summed): for the faces and strings
// here that is within a percent or two of the drawn width (app/test/text/text-width.test.ts re-measures). A
// character the table lacks counts as the face's average advance; combining marks and invisible format characters
// take no room.
import { readFileSync } from 'node:fs';

export interface Face {
  family: string;
  weight: number;
}

interface Table {
  measuredWith: string;
  characters: string;
  /** By "family weight": thousandths of an em for each of `characters`, and the average of letters and digits. */
  faces: Record<string, { average: number; advances: number[] }>;
}

/**
 * The code points the table covers: what the templates write (Latin, Greek, sub- and superscripts, the minus sign,
 * arrows, maths operators, currency, a few symbols), unassigned and invisible ones left out.
 */
const RANGES: [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0x17f],
  [0x2b0, 0x2ff],
  [0x370, 0x3ff],
  [0x1d2c, 0x1d6a],
  [0x2000, 0x200a],
  [0x2010, 0x2027],
  [0x202f, 0x205f],
  [0x2070, 0x209c],
  [0x20a0, 0x20c0],
  [0x2100, 0x218b],
  [0x2190, 0x231f],
  [0x2423, 0x2423],
  [0x2460, 0x2473],
  [0x25a0, 0x25ff],
  [0x2600, 0x267f],
  [0x2713, 0x2718],
  [0x27e6, 0x27ff],
];

/** Characters that draw nothing and advance nothing (accents combining with the letter before, joiners, marks). */
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}\p{Cc}]/u;

export function tableCharacters(): string[] {
  const out: string[] = [];
  for (const [a, b] of RANGES)
    for (let cp = a; cp <= b; cp++) {
      const ch = String.fromCodePoint(cp);
      if (/\P{Cn}/u.test(ch) && !ZERO_WIDTH.test(ch)) out.push(ch);
    }
  return out;
}

export const faceKey = (f: Face): string => `${f.family} ${f.weight}`;

export const TABLE_URL = new URL('./advance-widths.json', import.meta.url);

interface FaceWidths {
  average: number;
  advances: Map<string, number>;
}

let faces: Map<string, FaceWidths> | undefined;

function loadFaces(): Map<string, FaceWidths> {
  if (!faces) {
    const table = JSON.parse(readFileSync(TABLE_URL, 'utf8')) as Table;
    const chars = [...table.characters];
    faces = new Map(Object.entries(table.faces).map(([key, f]) => [key, { average: f.average / 1000, advances: new Map(chars.map((c, i) => [c, f.advances[i]! / 1000])) }]));
  }
  return faces;
}

/** The faces the table has, as "family weight". */
export function measuredFaces(): string[] {
  return [...loadFaces().keys()];
}

/** Whether the table has this character's own advance (otherwise it counts as the average). */
export function covers(face: Face, ch: string): boolean {
  return ZERO_WIDTH.test(ch) || !!loadFaces().get(faceKey(face))?.advances.has(ch);
}

/** The width of one line of `text` in `face`, in ems (times the font size for world units). */
export function lineWidth(text: string, face: Face): number {
  const f = loadFaces().get(faceKey(face));
  if (!f) throw new Error(`no advance widths for ${faceKey(face)}: measure it with app/scripts/measure-text-widths.ts`);
  let w = 0;
  for (const ch of text) w += f.advances.get(ch) ?? (ZERO_WIDTH.test(ch) ? 0 : f.average);
  return w;
}

/**
 * The lines `text` is drawn as, wrapped at `maxWidth` (same units as `size`) the way the player wraps
 * (player/text-texture.ts wrapLines: at spaces, not at no-break ones, a word longer than the width on its own line),
 * with the widest line's width.
 */
export function wrappedText(text: string, face: Face, size: number, maxWidth?: number): { lines: number; width: number } {
  let lines = 0;
  let widest = 0;
  // Widths add up (no kerning), so a line's width grows word by word without measuring it again.
  const space = lineWidth(' ', face) * size;
  for (const para of text.split('\n')) {
    if (!maxWidth) {
      lines++;
      widest = Math.max(widest, lineWidth(para, face) * size);
      continue;
    }
    // `started`: the line holds some text (the player starts a line afresh over an empty one, as after a leading space).
    let line = 0;
    let started = false;
    for (const word of para.split(/[^\S\u00a0\u202f]+/)) {
      const w = lineWidth(word, face) * size;
      if (started && line + space + w > maxWidth) {
        lines++;
        widest = Math.max(widest, line);
        line = w;
      } else line = started ? line + space + w : w;
      started ||= word !== '';
    }
    lines++;
    widest = Math.max(widest, line);
  }
  return { lines, width: widest };
}
