// string.huffman: Huffman coding. Count each character; repeatedly merge the two lightest trees (ties: the
// one made first, letters in alphabetical order) into one whose weight is their sum; then read each letter's
// code from the root, 0 for the left branch and 1 for the right. Frequent letters get short codes.
import { z } from 'zod';
import type { ParsedText } from '../../text/parse.ts';
import { roleColor } from '../emphasis/roles.ts';
import { count, GROUPED_SPEED, playInGroups } from '../step-groups.ts';
import { defineTemplate } from '../types.ts';
import { AlgoScene } from './algo-scene.ts';

export const MAX_HUFFMAN_TEXT = 40;
export const MAX_HUFFMAN_SYMBOLS = 10;

export const huffmanParams = z
  .object({
    text: z
      .string()
      .min(2, { error: 'give at least two characters to encode' })
      .max(MAX_HUFFMAN_TEXT, { error: `at most ${MAX_HUFFMAN_TEXT} characters` })
      .default('MISSISSIPPI'),
  })
  .superRefine((p, ctx) => {
    const k = new Set(p.text).size;
    if (k > MAX_HUFFMAN_SYMBOLS) ctx.addIssue({ code: 'custom', path: ['text'], message: `${k} different characters; at most ${MAX_HUFFMAN_SYMBOLS} fit the tree on screen` });
  });
export type HuffmanParams = z.infer<typeof huffmanParams>;

export interface HNode {
  id: number;
  weight: number;
  char?: string;
  left?: HNode;
  right?: HNode;
}

/** Leaves in order of weight then character; merges in order. */
export function huffmanTree(text: string): { root: HNode; leaves: HNode[]; merges: { a: HNode; b: HNode; parent: HNode }[]; freq: Map<string, number> } {
  const freq = new Map<string, number>();
  for (const c of text) freq.set(c, (freq.get(c) ?? 0) + 1);
  const leaves = [...freq.entries()].sort((x, y) => x[1] - y[1] || (x[0] < y[0] ? -1 : 1)).map(([char, weight], id) => ({ id, weight, char }));
  const pool: HNode[] = [...leaves];
  const merges: { a: HNode; b: HNode; parent: HNode }[] = [];
  let next = leaves.length;
  // The lightest first; among equal weights the one made first (a lower id).
  const take = () => {
    let best = 0;
    for (let i = 1; i < pool.length; i++) if (pool[i]!.weight < pool[best]!.weight || (pool[i]!.weight === pool[best]!.weight && pool[i]!.id < pool[best]!.id)) best = i;
    return pool.splice(best, 1)[0]!;
  };
  while (pool.length > 1) {
    const a = take();
    const b = take();
    const parent = { id: next++, weight: a.weight + b.weight, left: a, right: b };
    merges.push({ a, b, parent });
    pool.push(parent);
  }
  return { root: pool[0]!, leaves, merges, freq };
}

/** Each character's code: 0 to the left, 1 to the right; a one-letter text gets "0". */
export function huffmanCodes(root: HNode): Map<string, string> {
  const codes = new Map<string, string>();
  const walk = (n: HNode, code: string) => {
    if (n.char !== undefined) codes.set(n.char, code || '0');
    if (n.left) walk(n.left, code + '0');
    if (n.right) walk(n.right, code + '1');
  };
  walk(root, '');
  return codes;
}

const show = (c: string) => (c === ' ' ? '␣' : c);

function extractHuffman(text: ParsedText, warnings: string[]): Partial<HuffmanParams> {
  for (const w of ['huffman', 'coding', 'compression']) if (text.normalized.includes(w)) text.used.add(w);
  const t = text.original;
  const quoted = /["'“‘]([^"'”’]{2,200})["'”’]/.exec(t)?.[1];
  const named = /\b(?:for|of|encode|compress|string|text|word|message)\s*:?\s+([A-Za-z0-9]{2,200})\b/.exec(t);
  const caps = /\b([A-Z]{3,200})\b/.exec(t)?.[1];
  let s = quoted ?? (caps && caps !== 'GCSE' ? caps : undefined) ?? (named && !/^(the|a|an|my|this|huffman|text|coding|compression|data)$/i.test(named[1]!) ? named[1] : undefined);
  if (!s) return {};
  if (s.length > MAX_HUFFMAN_TEXT) {
    warnings.push(`the text has ${s.length} characters; the first ${MAX_HUFFMAN_TEXT} are encoded`);
    s = s.slice(0, MAX_HUFFMAN_TEXT);
  }
  text.used.add(s);
  return { text: s };
}

export const stringHuffman = defineTemplate<HuffmanParams>({
  id: 'string.huffman',
  title: 'Huffman coding',
  category: 'algorithms',
  style: 'algorithmic',
  example: 'Huffman coding of ABRACADABRA',
  params: huffmanParams,
  vocabulary: ['huffman'],
  // Decoding a given bit string with a given tree is not drawn.
  triggers: [{ pattern: /^(?!.*\bdecod\w*\b).*\bhuff?man\b/, score: 0.95 }],
  extract: extractHuffman,
  facts({ text }) {
    const { root, freq } = huffmanTree(text);
    const codes = huffmanCodes(root);
    const bits = [...text].reduce((s, c) => s + codes.get(c)!.length, 0);
    const fixed = text.length * Math.max(1, Math.ceil(Math.log2(freq.size)));
    return { frequencies: Object.fromEntries([...freq.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))), codes: Object.fromEntries([...codes.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))), bits, fixed_bits: fixed };
  },
  compose({ text }, facts) {
    const { root, leaves, merges } = huffmanTree(text);
    const codes = huffmanCodes(root);
    // Final positions: leaves left to right in tree order, parents above the middle of their children.
    const order: HNode[] = [];
    const depth = new Map<number, number>();
    const visit = (n: HNode, d: number) => {
      depth.set(n.id, d);
      if (n.left) visit(n.left, d + 1);
      if (n.char !== undefined) order.push(n);
      if (n.right) visit(n.right, d + 1);
    };
    visit(root, 0);
    const maxDepth = Math.max(1, ...depth.values());
    const span = 8.2;
    const dx = Math.min(1.1, span / Math.max(1, order.length - 1 || 1));
    const x0 = -2.9 - ((order.length - 1) * dx) / 2;
    const dy = Math.min(1.0, 5.3 / maxDepth);
    const pos = new Map<number, [number, number]>();
    const place = (n: HNode): number => {
      const y = 2.2 - depth.get(n.id)! * dy;
      if (n.char !== undefined) {
        const x = x0 + order.indexOf(n) * dx;
        pos.set(n.id, [x, y]);
        return x;
      }
      const x = (place(n.left!) + place(n.right!)) / 2;
      pos.set(n.id, [x, y]);
      return x;
    };
    place(root);
    const radius = Math.min(0.44, dx * 0.44);
    const name = text.length > 20 ? `${text.slice(0, 18)}…` : text;
    const scene = new AlgoScene('Huffman coding', `${name}   trees ${leaves.length}`);
    const tl = scene.tl;
    const nodeId = (n: HNode) => `h${n.id}`;
    const label = (n: HNode) => (n.char !== undefined ? `${show(n.char)}:${n.weight}` : String(n.weight));
    const all: HNode[] = [...leaves, ...merges.map((m) => m.parent)];
    for (const m of merges)
      for (const [child, bit] of [
        [m.a, '0'],
        [m.b, '1'],
      ] as const) {
        scene.add({ id: `e${m.parent.id}_${child.id}`, type: 'edge', from: nodeId(m.parent), to: nodeId(child), color: '$muted', width: 0.04 });
        const [px, py] = pos.get(m.parent.id)!;
        const [cx, cy] = pos.get(child.id)!;
        scene.add({ id: `b${m.parent.id}_${child.id}`, type: 'text', text: bit, x: (px + cx) / 2 + (bit === '0' ? -0.16 : 0.16), y: (py + cy) / 2 + 0.08, size: 0.26, font: 'mono', weight: 700, color: roleColor('path') });
      }
    for (const n of all) {
      const [x, y] = pos.get(n.id)!;
      scene.add({ id: nodeId(n), type: 'node', x, y, radius, label: label(n), fill: n.char !== undefined ? '$surface' : '$background', stroke: '$primary', strokeWidth: 0.04, labelColor: '$foreground' });
    }
    // The code table on the right.
    const chars = [...codes.keys()].sort((a, b) => codes.get(a)!.length - codes.get(b)!.length || (a < b ? -1 : 1));
    const rowGap = Math.min(0.42, 4.4 / chars.length);
    scene.add({ id: 'tableHead', type: 'text', text: 'char  count  code', x: 2.6, y: 2.2, size: 0.3, font: 'mono', align: 'left', color: '$muted' });
    chars.forEach((c, i) => {
      const w = leaves.find((l) => l.char === c)!.weight;
      scene.add({ id: `row${i}`, type: 'text', text: `${show(c).padEnd(4)}  ${String(w).padStart(5)}  ${codes.get(c)!}`, x: 2.6, y: 1.75 - i * rowGap, size: 0.3, font: 'mono', align: 'left', color: '$foreground' });
    });
    scene.legend = [
      { role: 'current', label: 'merged' },
      { role: 'path', label: 'branch bit' },
    ];
    let trees = leaves.length;
    let pace = 1;
    const play = (m: (typeof merges)[number]) => {
      tl.hold();
      trees--;
      const dur = 1.2 * pace;
      scene.counter(`${name}   trees ${trees}`).step(`Merge the two lightest, ${label(m.a)} and ${label(m.b)}: a tree of weight ${m.parent.weight}.`, dur, [nodeId(m.a), nodeId(m.b), nodeId(m.parent)]);
      for (const c of [m.a, m.b]) tl.add({ type: 'highlight', target: nodeId(c), at: tl.t, duration: dur * 0.8, color: roleColor('current') });
      tl.appear(nodeId(m.parent), 0.3 * pace, 'grow', tl.t + 0.3 * pace);
      for (const c of [m.a, m.b]) {
        tl.appear(`e${m.parent.id}_${c.id}`, 0.3 * pace, 'draw', tl.t + 0.3 * pace);
        tl.appear(`b${m.parent.id}_${c.id}`, 0.3 * pace, 'fade', tl.t + 0.5 * pace);
      }
      tl.wait(dur);
    };
    scene.intro(`Huffman coding: frequent characters get short codes. ${text.length} characters, ${leaves.length} different.`, 1.6);
    for (const l of leaves) tl.appear(nodeId(l), 0.3, 'grow');
    tl.wait(0.5);
    scene.step(`Count each character: ${leaves.map(label).join(', ')}.`, 1.5, leaves.map(nodeId));
    tl.wait(1.5);
    playInGroups(tl, [merges], {
      narrated: () => true,
      detail: 4,
      play,
      speed: (g) => {
        pace = g ? GROUPED_SPEED : 1;
      },
      summary: (rest) => `${count(rest.length, 'more merges')} the same way, up to one tree of weight ${root.weight}.`,
      refs: (rest) => rest.map((m) => nodeId(m.parent)),
    });
    tl.wait(0.3);
    tl.appear('tableHead', 0.3);
    chars.forEach((_, i) => tl.appear(`row${i}`, 0.3, 'fade', tl.t + i * 0.08));
    const first = chars[0]!;
    scene.step(`Read each code from the root: 0 for left, 1 for right. ${show(first)} is ${codes.get(first)}.`, 1.8, ['tableHead', ...chars.map((_, i) => `row${i}`)]);
    tl.wait(1.8);
    const bits = facts.bits as number;
    const fixed = facts.fixed_bits as number;
    return scene.finish(`${bits} bits instead of ${fixed} with fixed-length codes`, `${text.length > 20 ? 'The text' : text} takes ${bits} bits, against ${fixed} at ${fixed / text.length} bits a character.`);
  },
});
