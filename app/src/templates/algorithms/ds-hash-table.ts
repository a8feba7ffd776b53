// ds.hash_table: each key goes to bucket h(k) = k mod size; keys that land in the same bucket are
// chained one after another (separate chaining). Word keys hash the sum of their character codes.
import { roleColor } from '../emphasis/roles.ts';
import { count, GROUPED_SPEED } from '../step-groups.ts';
import { z } from 'zod';
import { numberList } from '../../text/parse.ts';
import { defineTemplate } from '../types.ts';
import { AlgoScene, listText } from './algo-scene.ts';
import { fitTextSize } from './array-cells.ts';

export const MAX_KEYS = 16;
export const MAX_TABLE_SIZE = 13;
const key = z.union([z.number().int().gt(-1e9).lt(1e9), z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,7}$/)]);
const params = z.object({
  keys: z.array(key).min(1).max(MAX_KEYS).default([15, 11, 27, 8, 12, 22, 4]),
  size: z.number().int().min(1).max(MAX_TABLE_SIZE).default(7),
  hash: z.enum(['mod']).default('mod'),
});
type HashParams = z.infer<typeof params>;
type Key = HashParams['keys'][number];

/** The number a key is reduced with: the key itself, or a word's character-code sum. */
export function keyNumber(k: Key): number {
  return typeof k === 'number' ? k : [...k].reduce((s, c) => s + c.charCodeAt(0), 0);
}

export function bucketOf(k: Key, size: number): number {
  return ((keyNumber(k) % size) + size) % size;
}

export function hashInsert(keys: Key[], size: number): { buckets: Key[][]; collisions: number } {
  const buckets: Key[][] = Array.from({ length: size }, () => []);
  let collisions = 0;
  for (const k of keys) {
    const b = buckets[bucketOf(k, size)]!;
    if (b.length > 0) collisions++;
    b.push(k);
  }
  return { buckets, collisions };
}

/** Keys narrated one sentence each before later keys are told in blocks. */
const DETAIL_KEYS = 4;
const BLOCK_KEYS = 4;

/** "Keys 22, 8, 15 go to buckets 1, 1, 1: 2 collisions, chained." (`chains`: each bucket's length so far). */
function blockSummary(block: readonly Key[], size: number, chains: readonly number[]): string {
  const lengths = [...chains];
  let collisions = 0;
  for (const k of block) if (lengths[bucketOf(k, size)]!++ > 0) collisions++;
  const buckets = block.map((k) => bucketOf(k, size));
  return `Keys ${listText(block)} go to buckets ${listText(buckets)}: ${count(collisions, 'collisions')}${collisions > 0 ? ', chained' : ''}.`;
}

const SIZE_PATTERNS = [/\b(?:table\s+)?(?:size|capacity|m)\s*(?:of|=|:|is)?\s*(\d+)\b/i, /\b(\d+)\s*(?:buckets|slots|cells|entries|bins)\b/i, /\bmod(?:ulo)?\s*(\d+)\b/i, /%\s*(\d+)\b/];

function hashCalc(k: Key, size: number): string {
  const n = keyNumber(k);
  return typeof k === 'number' ? `h(${k}) = ${k} mod ${size} = ${bucketOf(k, size)}` : `h(${k}) = (sum of codes ${n}) mod ${size} = ${bucketOf(k, size)}`;
}

export const dsHashTable = defineTemplate<HashParams>({
  id: 'ds.hash_table',
  title: 'Hash table with chaining',
  category: 'algorithms',
  style: 'algorithmic',
  example: 'Insert 15, 11, 27, 8, 22 into a hash table of size 7',
  params,
  vocabulary: ['hash', 'hashing', 'hashmap', 'chaining', 'buckets', 'collision'],
  triggers: [
    { pattern: /\bhash ?(table|map|set)s?\b|\bhashing\b|\bhash function\b|\bseparate chaining\b/, score: 0.95 },
    { pattern: /\bhash(es|ed)?\b(?! browns?)/, score: 0.55 },
    { pattern: /\bbuckets?\b.*\b(mod|modulo|collisions?)\b|\bcollisions?\b.*\bchaining\b/, score: 0.7 },
  ],
  extract(text, warnings) {
    const out: Partial<HashParams> = {};
    let rest = text.original;
    for (const re of SIZE_PATTERNS) {
      const m = re.exec(rest);
      if (!m) continue;
      let size = Number(m[1]);
      if (size > MAX_TABLE_SIZE || size < 1) {
        warnings.push(`table size ${size} changed to ${Math.min(MAX_TABLE_SIZE, Math.max(1, size))}: between 1 and ${MAX_TABLE_SIZE} buckets stay readable`);
        size = Math.min(MAX_TABLE_SIZE, Math.max(1, size));
      }
      out.size = size;
      rest = rest.slice(0, m.index) + ' ; ' + rest.slice(m.index + m[0].length);
      break;
    }
    let keys = numberList(rest, 1);
    const whole = keys.filter((k) => Number.isInteger(k) && Math.abs(k) < 1e9);
    if (whole.length < keys.length) warnings.push(`${keys.length - whole.length} key(s) dropped: mod hashing needs whole numbers`);
    keys = whole;
    if (keys.length > MAX_KEYS) {
      warnings.push(`${keys.length} keys given; inserting the first ${MAX_KEYS} (the most that stay readable)`);
      keys = keys.slice(0, MAX_KEYS);
    }
    if (keys.length) out.keys = keys;
    for (const w of ['hash', 'table', 'chaining']) if (text.normalized.includes(w)) text.used.add(w);
    return out;
  },
  facts({ keys, size }) {
    const { buckets, collisions } = hashInsert(keys, size);
    return { buckets, collisions, load_factor: keys.length / size };
  },
  compose({ keys, size }, facts) {
    const buckets = facts.buckets as Key[][];
    const maxChain = Math.max(1, ...buckets.map((b) => b.length));
    const gap = Math.min(0.72, 5.3 / size);
    const rowY = (b: number) => 1.85 - b * gap;
    const bucketX = -5.7;
    const pitch = Math.min(1.3, 11.6 / maxChain);
    const boxW = pitch * 0.7;
    const boxH = gap * 0.78;
    const chainX = (j: number) => bucketX + 0.45 + pitch * (j + 0.75);
    const size2 = fitTextSize(boxW, Math.max(...keys.map((k) => String(k).length)));
    let collisions = 0;
    let done = 0;
    const counter = () => `keys ${done}/${keys.length}   collisions ${collisions}   size ${size}`;
    const scene = new AlgoScene('Hash table (separate chaining)', counter());
    const tl = scene.tl;
    for (let b = 0; b < size; b++) {
      scene.add(
        { id: `b${b}`, type: 'rect', x: bucketX, y: rowY(b), width: 0.9, height: boxH, cornerRadius: 0.06, fill: '$surface', stroke: '$primary', strokeWidth: 0.04 },
        { id: `bi${b}`, type: 'text', text: String(b), x: bucketX, y: rowY(b), size: Math.max(0.28, Math.min(0.36, boxH * 0.6)), font: 'mono', color: '$muted' },
      );
    }
    scene.add({ id: 'calc', type: 'text', text: '', x: 1.5, y: 2.55, size: 0.36, font: 'mono', color: '$accent' });
    const chains: number[] = Array.from({ length: size }, () => 0);

    scene.intro(`Insert ${keys.length > 8 ? `${keys.length} keys` : listText(keys)} into ${size} buckets with h(k) = k mod ${size}; collisions are chained.`, 1.6);
    for (let b = 0; b < size; b++) tl.appear(`b${b}`, 0.3).appear(`bi${b}`, 0.3);
    tl.appear('calc', 0.3);
    tl.wait(1.6);
    // The first keys one sentence each; later keys in blocks of BLOCK_KEYS under one sentence, played faster.
    let pace = 1;
    keys.forEach((k, j) => {
      if (j >= DETAIL_KEYS && (j - DETAIL_KEYS) % BLOCK_KEYS === 0) {
        // A lone last key is told in its own sentence: a "block" of one says less.
        const block = keys.slice(j, j + BLOCK_KEYS);
        if (block.length > 1) tl.group(blockSummary(block, size, chains), [...new Set(block.map((key) => `b${bucketOf(key, size)}`))]);
        else tl.ungroup();
        pace = block.length > 1 ? GROUPED_SPEED : 1;
      }
      const b = bucketOf(k, size);
      const slot = chains[b]!;
      const id = `k${j}`;
      const x = chainX(slot);
      const from = slot === 0 ? bucketX + 0.45 : chainX(slot - 1) + boxW / 2;
      scene.add(
        {
          id: `a${j}`,
          type: 'line',
          points: [
            [from + 0.03, rowY(b)],
            [x - boxW / 2 - 0.05, rowY(b)],
          ],
          color: '$muted',
          width: 0.04,
          arrow: 'end',
        },
        { id, type: 'rect', x: 5.8, y: 2.55, width: boxW, height: boxH, cornerRadius: 0.06, fill: '$primary' },
        { id: `${id}t`, type: 'text', text: String(k), x: 5.8, y: 2.55, size: size2, font: 'mono', weight: 700, color: '$background' },
      );
      tl.setText('calc', hashCalc(k, size));
      tl.appear(id, 0.25).appear(`${id}t`, 0.25);
      scene.step(`${hashCalc(k, size)}: key ${k} goes to bucket ${b}.`, 1, [id, `b${b}`]);
      tl.add({ type: 'highlight', target: `b${b}`, at: tl.t + 0.3 * pace, duration: 0.8 * pace, color: roleColor('current') });
      tl.wait(0.5 * pace);
      for (const target of [id, `${id}t`]) tl.add({ type: 'move', target, start: tl.t, duration: 0.55 * pace, to: { x, y: rowY(b) } });
      tl.appear(`a${j}`, 0.3, 'draw', tl.t + 0.45 * pace);
      tl.wait(0.7 * pace);
      chains[b] = slot + 1;
      done++;
      if (slot > 0) {
        collisions++;
        scene.counter(counter());
        scene.step(`Collision: bucket ${b} already holds ${listText(buckets[b]!.slice(0, slot))}; ${k} is chained after it.`, 1.1, [id]);
        tl.add({ type: 'highlight', target: id, at: tl.t, duration: 0.8 * pace, color: roleColor('conflict') });
        tl.wait(1.1 * pace);
      } else scene.counter(counter());
    });
    tl.ungroup();
    tl.setText('calc', '');
    tl.wait(0.4);
    const loadFactor = Number((keys.length / size).toFixed(2));
    const empty = buckets.filter((b) => b.length === 0).length;
    scene.legend = [{ role: 'current', label: 'bucket h(k)' }, { role: 'conflict' }];
    // The buckets themselves are the result on screen; the line sums them up.
    return scene.finish(`${keys.length} keys in ${size} buckets: ${collisions} collisions, ${empty} empty, load factor ${loadFactor}`, `Done: ${keys.length} keys in ${size} buckets, ${collisions} collisions, load factor ${loadFactor}.`);
  },
});
