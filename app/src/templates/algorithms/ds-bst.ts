// ds.bst: insert values one by one (smaller to the left, larger to the right), then walk the tree in
// the chosen order. Nodes sit at x = their rank in sorted order, y = their depth, so nothing overlaps.
import { roleColor } from '../emphasis/roles.ts';
import { DETAIL_STEPS } from '../step-groups.ts';
import { z } from 'zod';
import { defineTemplate } from '../types.ts';
import { AlgoScene, formatNumber, listText } from './algo-scene.ts';
import { extractValues, finiteValue } from './params.ts';

export const MAX_BST_VALUES = 15;
const TRAVERSALS = ['inorder', 'preorder', 'postorder', 'levelorder'] as const;
type Traversal = (typeof TRAVERSALS)[number];

const params = z.object({
  values: z.array(finiteValue).min(1).max(MAX_BST_VALUES).default([50, 30, 70, 20, 40, 60, 80]),
  traversal: z.enum(TRAVERSALS).default('inorder'),
});
type BstParams = z.infer<typeof params>;

export interface BstNode {
  value: number;
  left?: BstNode;
  right?: BstNode;
  depth: number;
}

export interface BstInsert {
  value: number;
  /** Values compared on the way down, and which way each sent it. */
  path: { value: number; dir: 'left' | 'right' }[];
  duplicate: boolean;
}

export function buildBst(values: number[]): { root: BstNode | undefined; inserts: BstInsert[] } {
  let root: BstNode | undefined;
  const inserts: BstInsert[] = [];
  for (const value of values) {
    const path: BstInsert['path'] = [];
    if (!root) {
      root = { value, depth: 0 };
      inserts.push({ value, path, duplicate: false });
      continue;
    }
    let node = root;
    let duplicate = false;
    for (;;) {
      if (value === node.value) {
        duplicate = true;
        break;
      }
      const dir = value < node.value ? 'left' : 'right';
      path.push({ value: node.value, dir });
      const next = node[dir];
      if (!next) {
        node[dir] = { value, depth: node.depth + 1 };
        break;
      }
      node = next;
    }
    inserts.push({ value, path, duplicate });
  }
  return { root, inserts };
}

export function traverse(root: BstNode | undefined, order: Traversal): number[] {
  const out: number[] = [];
  if (!root) return out;
  if (order === 'levelorder') {
    const queue = [root];
    while (queue.length) {
      const n = queue.shift()!;
      out.push(n.value);
      if (n.left) queue.push(n.left);
      if (n.right) queue.push(n.right);
    }
    return out;
  }
  // Depth ≤ 15 (values are capped), so recursion is safe.
  const walk = (n: BstNode | undefined) => {
    if (!n) return;
    if (order === 'preorder') out.push(n.value);
    walk(n.left);
    if (order === 'inorder') out.push(n.value);
    walk(n.right);
    if (order === 'postorder') out.push(n.value);
  };
  walk(root);
  return out;
}

/** Edges on the longest root-to-leaf path (a single node has height 0, an empty tree -1). */
export function height(root: BstNode | undefined): number {
  if (!root) return -1;
  return 1 + Math.max(height(root.left), height(root.right));
}

function nodes(root: BstNode | undefined): BstNode[] {
  const out: BstNode[] = [];
  const walk = (n: BstNode | undefined) => {
    if (!n) return;
    out.push(n);
    walk(n.left);
    walk(n.right);
  };
  walk(root);
  return out;
}

const EXPLAIN: Record<Traversal, string> = {
  inorder: 'inorder: left subtree, node, right subtree (gives sorted order)',
  preorder: 'preorder: node, left subtree, right subtree',
  postorder: 'postorder: left subtree, right subtree, node',
  levelorder: 'level order: row by row from the root, left to right',
};

export function extractTraversal(normalized: string): Traversal | undefined {
  if (/\bin ?order\b/.test(normalized)) return 'inorder';
  if (/\bpre ?order\b/.test(normalized)) return 'preorder';
  if (/\bpost ?order\b/.test(normalized)) return 'postorder';
  if (/\blevel ?order\b|\bbreadth first\b|\bbfs\b|\blevel by level\b/.test(normalized)) return 'levelorder';
  return undefined;
}

export const dsBst = defineTemplate<BstParams>({
  id: 'ds.bst',
  title: 'Binary search tree',
  category: 'algorithms',
  style: 'algorithmic',
  example: 'Insert 50, 30, 70, 20, 40 into a binary search tree and show inorder traversal',
  params,
  vocabulary: ['binary', 'search', 'tree', 'inorder', 'preorder', 'postorder', 'traversal'],
  triggers: [
    { pattern: /\bbinary search tree|\bbst\b/, score: 0.97 },
    { pattern: /\bbinary tree\b/, score: 0.85 },
    { pattern: /\b(in|pre|post|level) ?order\b.*\b(traversal|tree)\b|\btree traversal\b/, score: 0.8 },
    { pattern: /\binsert\b.*\binto (a|the) tree\b/, score: 0.7 },
  ],
  extract(text, warnings) {
    const out: Partial<BstParams> = {};
    const values = extractValues(text, warnings, MAX_BST_VALUES);
    if (values) out.values = values;
    const traversal = extractTraversal(text.normalized);
    if (traversal) out.traversal = traversal;
    for (const w of ['binary', 'search', 'tree', 'bst', traversal ?? '']) if (w && text.normalized.includes(w)) text.used.add(w);
    const dups = buildBst(out.values ?? [])
      .inserts.filter((i) => i.duplicate)
      .map((i) => formatNumber(i.value));
    if (dups.length) warnings.push(`duplicate value(s) ${dups.join(', ')} were skipped: a binary search tree here holds each key once`);
    return out;
  },
  facts({ values, traversal }) {
    const { root } = buildBst(values);
    return { traversal: traverse(root, traversal), height: height(root) };
  },
  compose({ values, traversal }, facts) {
    const { root, inserts } = buildBst(values);
    const all = nodes(root);
    const sorted = all.map((n) => n.value).sort((a, b) => a - b);
    const maxDepth = Math.max(1, ...all.map((n) => n.depth));
    const xGap = Math.min(1.6, 13.6 / Math.max(1, sorted.length - 1));
    const yGap = Math.min(1.15, 4.6 / maxDepth);
    const radius = Math.max(0.32, Math.min(0.45, xGap * 0.4));
    const pos = new Map(all.map((n) => [n.value, [(sorted.indexOf(n.value) - (sorted.length - 1) / 2) * xGap, 2.2 - n.depth * yGap] as [number, number]]));
    const id = (v: number) => `t${sorted.indexOf(v)}`;
    let comparisons = 0;
    let inserted = 0;
    let incoming = '';
    const counter = () => `${incoming}nodes ${inserted}   comparisons ${comparisons}`;
    const scene = new AlgoScene('Binary search tree', counter());
    const tl = scene.tl;
    // Edges first so nodes are drawn over them.
    for (const n of all) {
      for (const child of [n.left, n.right]) if (child) scene.add({ id: `${id(n.value)}-${id(child.value)}`, type: 'edge', from: id(n.value), to: id(child.value), color: '$muted', width: 0.05 });
    }
    for (const n of all) {
      const [x, y] = pos.get(n.value)!;
      scene.add({ id: id(n.value), type: 'node', x, y, radius, label: formatNumber(n.value), fill: '$surface', stroke: '$primary', labelColor: '$foreground' });
      // The visit number sits right above the node: the edge to the parent leaves at a slant, never straight up.
      scene.add({ id: `${id(n.value)}b`, type: 'text', text: '', x, y: y + radius + 0.2, size: 0.28, font: 'mono', weight: 700, color: roleColor('order') });
    }
    scene.add({ id: 'output', type: 'text', text: '', x: 0, y: -3.35, size: 0.34, font: 'mono', maxWidth: 15, color: '$foreground' });
    const k = Math.min(
      1,
      50 /
        Math.max(
          1,
          inserts.reduce((s, i) => s + i.path.length + 2, 0),
        ),
    );

    scene.intro(`Insert ${values.length > 8 ? `${values.length} keys` : listText(values)} into a binary search tree: smaller keys go left, larger go right.`, 1.5);
    tl.wait(1.5);
    // The first inserts step by step; later ones play under one sentence each (step-groups.ts).
    let narrated = 0;
    for (const ins of inserts) {
      incoming = `inserting ${formatNumber(ins.value)}   `;
      scene.counter(counter());
      if (narrated >= DETAIL_STEPS) tl.group(insertSummary(ins), [id(ins.value)]);
      narrated += ins.path.length + 1;
      if (ins.path.length === 0 && !ins.duplicate) {
        scene.step(`${formatNumber(ins.value)} becomes the root.`, 1 * k, [id(ins.value)]);
      }
      for (const { value, dir } of ins.path) {
        comparisons++;
        scene.counter(counter());
        scene.step(`${formatNumber(ins.value)} ${dir === 'left' ? '<' : '>'} ${formatNumber(value)}: go ${dir}.`, 0.8 * k, [id(value)]);
        tl.add({ type: 'highlight', target: id(value), at: tl.t, duration: 0.7 * k, color: roleColor('compare') });
        tl.wait(0.8 * k);
      }
      if (ins.duplicate) {
        comparisons++;
        scene.counter(counter());
        scene.step(`${formatNumber(ins.value)} is already in the tree: skip it.`, 1 * k, [id(ins.value)]);
        tl.add({ type: 'highlight', target: id(ins.value), at: tl.t, duration: 0.9 * k, color: roleColor('conflict') });
        tl.wait(1 * k);
        tl.ungroup();
        continue;
      }
      inserted++;
      scene.counter(counter());
      const parent = ins.path[ins.path.length - 1];
      if (parent) {
        scene.step(`Empty spot: ${formatNumber(ins.value)} becomes the ${parent.dir} child of ${formatNumber(parent.value)}.`, 0.9 * k, [id(parent.value), id(ins.value)]);
        tl.appear(`${id(parent.value)}-${id(ins.value)}`, 0.4 * k, 'draw');
      }
      tl.appear(id(ins.value), 0.45 * k, 'grow');
      tl.wait(0.9 * k);
      tl.ungroup();
    }
    incoming = '';
    scene.counter(`${counter()}   height ${facts.height as number}`);
    scene.step(`All keys inserted. Height ${facts.height as number}: edges on the longest path from the root to a leaf.`, 1.6);
    tl.wait(1.6);

    scene.step(`Now the ${EXPLAIN[traversal]}.`, 1.6);
    tl.appear('output', 0.3);
    tl.wait(1.6);
    const order = facts.traversal as number[];
    // The first visits one by one; then the rest of the order is read off the output line in one sentence.
    order.forEach((v, i) => {
      if (i === DETAIL_STEPS - 2 && order.length > DETAIL_STEPS) tl.group(`Then ${listText(order.slice(i))}, in the same way.`, order.slice(i).map(id));
      tl.add({ type: 'tween', target: id(v), property: 'fill', to: roleColor('done'), start: tl.t, duration: 0.3 });
      tl.add({ type: 'tween', target: id(v), property: 'labelColor', to: '$background', start: tl.t, duration: 0.3 });
      tl.setText(`${id(v)}b`, `#${i + 1}`);
      tl.setText(
        'output',
        `${traversal}: ${order
          .slice(0, i + 1)
          .map(formatNumber)
          .join(', ')}`,
      );
      scene.step(`Visit ${formatNumber(v)} (#${i + 1}).`, 0.7 * k + 0.1, [id(v)]);
      tl.wait(0.7 * k + 0.1);
    });
    tl.ungroup();
    tl.wait(0.4);
    scene.legend = [{ role: 'compare' }, { role: 'conflict', label: 'duplicate' }, { role: 'done', label: 'visited' }, { role: 'order', label: 'visit order', swatch: { text: '#1' } }];
    // The traversal stays on the output line above; the status line adds the height.
    return scene.finish(
      `height ${facts.height as number}: the longest root-to-leaf path has ${facts.height as number} edge${facts.height === 1 ? '' : 's'}`,
      `The ${traversal} traversal is ${listText(order)}; the tree has height ${facts.height as number}.`,
    );
  },
});

/** One sentence for an insert played as a group: "Insert 40: left, right → right child of 30." */
function insertSummary(ins: { value: number; path: { value: number; dir: string }[]; duplicate?: boolean }): string {
  if (ins.duplicate) return `${formatNumber(ins.value)} is already in the tree: skip it.`;
  const parent = ins.path[ins.path.length - 1];
  if (!parent) return `${formatNumber(ins.value)} becomes the root.`;
  return `Insert ${formatNumber(ins.value)}: ${ins.path.map((p) => p.dir).join(', ')} → ${parent.dir} child of ${formatNumber(parent.value)}.`;
}
