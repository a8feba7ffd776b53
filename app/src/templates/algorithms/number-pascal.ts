// number.pascal_triangle: each row starts and ends with 1, and every other entry is the sum of the two above
// it, so row k holds the binomial coefficients C(k, 0) … C(k, k) and adds up to 2ᵏ. Built row by row.
import { z } from 'zod';
import { wordNumber, type ParsedText } from '../../text/parse.ts';
import { roleColor } from '../emphasis/roles.ts';
import { superscript } from '../format/index.ts';
import { GROUPED_SPEED, playInGroups } from '../step-groups.ts';
import { defineTemplate } from '../types.ts';
import { AlgoScene, formatNumber } from './algo-scene.ts';

/** Twelve rows (up to C(11, 5) = 462) still fit the frame with readable numbers. */
export const MAX_PASCAL_ROWS = 12;

export const pascalParams = z.object({
  rows: z
    .number()
    .int({ error: 'rows is a whole number' })
    .min(1, { error: 'at least 1 row' })
    .max(MAX_PASCAL_ROWS, { error: `at most ${MAX_PASCAL_ROWS} rows fit on screen` })
    .default(6),
});
export type PascalParams = z.infer<typeof pascalParams>;

/** Rows 0 … n − 1, each from the one above by addition. */
export function pascalRows(n: number): number[][] {
  const rows: number[][] = [];
  for (let k = 0; k < n; k++) rows.push(Array.from({ length: k + 1 }, (_, j) => (j === 0 || j === k ? 1 : rows[k - 1]![j - 1]! + rows[k - 1]![j]!)));
  return rows;
}

/** "first 6 rows", "six rows", "rows 0 to 7", "up to row 5" (rows 0 … 5), "n = 7". */
function extractRows(text: ParsedText, warnings: string[]): Partial<PascalParams> {
  const t = text.normalized;
  let n: number | undefined;
  const count = /\b(\d{1,3}|[a-z]+) rows?\b/.exec(t);
  const upTo = /\b(?:to|through|until|up to) row (\d{1,3})\b|\brows? 0 (?:to|through) (\d{1,3})\b/.exec(t);
  const named = /\bn = (\d{1,3})\b/.exec(t);
  if (upTo) n = Number(upTo[1] ?? upTo[2]) + 1;
  else if (count && wordNumber(count[1]!) !== undefined) n = wordNumber(count[1]!);
  else if (named) n = Number(named[1]);
  for (const w of ['pascal', 'triangle']) if (t.includes(w)) text.used.add(w);
  if (n === undefined || !Number.isInteger(n)) return {};
  if (n < 1) {
    warnings.push('at least one row is needed: showing 1');
    return { rows: 1 };
  }
  if (n > MAX_PASCAL_ROWS) {
    warnings.push(`${n} rows asked for; at most ${MAX_PASCAL_ROWS} stay readable, so the first ${MAX_PASCAL_ROWS} are shown`);
    return { rows: MAX_PASCAL_ROWS };
  }
  return { rows: n };
}

const TOP = 2.35;
const BOTTOM = -3.3;

type Entry = { k: number; j: number; value: number };

export const numberPascal = defineTemplate<PascalParams>({
  id: 'number.pascal_triangle',
  title: "Pascal's triangle",
  category: 'algorithms',
  style: 'algorithmic',
  example: "Pascal's triangle with 7 rows",
  params: pascalParams,
  vocabulary: ['pascal', 'pascals', 'triangle', 'binomial'],
  // A binomial expansion that uses the triangle is the expansion's template, and its parity pattern (Sierpinski, mod 2) is not drawn.
  triggers: [
    { pattern: /^(?!.*\b(?:expan\w*|expand\w*|binomial theorem|sierpinski|mod \d+|modulo)\b).*\bpascal s? ?triangle/, score: 0.95 },
    { pattern: /^(?!.*\b(?:expan\w*|expand\w*|binomial theorem|sierpinski|mod \d+|modulo)\b).*\btriangle of (binomial coefficients|numbers where each is the sum)/, score: 0.85 },
  ],
  extract: extractRows,
  facts({ rows }) {
    const table = pascalRows(rows);
    return { rows: table, row_sums: table.map((r) => r.reduce((a, b) => a + b, 0)) };
  },
  compose({ rows: n }) {
    const rows = pascalRows(n);
    const dx = Math.min(1.2, 13 / n);
    const dy = Math.min(0.95, (TOP - BOTTOM) / Math.max(1, n - 1));
    const radius = Math.min(dx * 0.44, dy * 0.5, 0.45);
    const at = (k: number, j: number) => ({ x: (j - k / 2) * dx, y: n === 1 ? 0 : TOP - k * dy });
    const id = (k: number, j: number) => `p${k}_${j}`;
    // Row sums beside the rows, where the widest row leaves room for them.
    const sums = (n - 1) * 0.5 * dx + radius + 1.6 < 7;
    let added = 0;
    const counter = (k: number) => `row ${k}   additions ${added}`;
    const scene = new AlgoScene("Pascal's triangle", counter(0));
    const tl = scene.tl;
    rows.forEach((row, k) =>
      row.forEach((v, j) => {
        scene.add({ id: id(k, j), type: 'node', ...at(k, j), radius, label: formatNumber(v), fill: '$surface', stroke: '$primary', strokeWidth: 0.04, labelColor: '$foreground' });
      }),
    );
    // An invisible box round each row: what a row's summary names, outlined once.
    rows.forEach((row, k) => scene.add({ id: `row${k}`, type: 'rect', x: 0, y: at(k, 0).y, width: k * dx + 2 * radius, height: 2 * radius }));
    if (sums)
      rows.forEach((row, k) => {
        const total = row.reduce((a, b) => a + b, 0);
        scene.add({ id: `sum${k}`, type: 'text', text: `= ${formatNumber(total)}`, x: at(k, k).x + radius + 0.25, y: at(k, k).y, size: 0.3, font: 'mono', align: 'left', color: '$muted' });
      });
    scene.legend = [
      { role: 'compare', label: 'added' },
      { role: 'found', label: 'new entry' },
    ];
    let pace = 1;
    const show = (k: number, j: number) => tl.appear(id(k, j), 0.3 * pace, 'grow');
    const play = (e: Entry) => {
      const { k, j } = e;
      if (j === 0 || j === k) {
        show(k, j);
        tl.wait(0.15 * pace);
        return;
      }
      added++;
      const [l, r] = [rows[k - 1]![j - 1]!, rows[k - 1]![j]!];
      const s = 1.1 * pace;
      scene.counter(counter(k)).step(`${formatNumber(l)} + ${formatNumber(r)} = ${formatNumber(e.value)}: the two entries above.`, s, [id(k - 1, j - 1), id(k - 1, j), id(k, j)]);
      for (const p of [id(k - 1, j - 1), id(k - 1, j)]) tl.add({ type: 'highlight', target: p, at: tl.t, duration: s * 0.8, color: roleColor('compare') });
      tl.wait(0.3 * pace);
      show(k, j);
      tl.add({ type: 'highlight', target: id(k, j), at: tl.t + 0.25 * pace, duration: 0.45 * pace, color: roleColor('found') });
      tl.wait(s - 0.3 * pace);
    };
    const rowSteps = (k: number): Entry[] => rows[k]!.map((value, j) => ({ k, j, value }));
    const rowDone = (k: number) => {
      if (sums) tl.appear(`sum${k}`, 0.3);
    };

    scene.intro("Pascal's triangle: 1s down the edges; every other number is the sum of the two above.", 1.6);
    tl.wait(0.6);
    show(0, 0);
    rowDone(0);
    if (n > 1) {
      show(1, 0);
      show(1, 1);
      rowDone(1);
    }
    scene.counter(counter(Math.min(1, n - 1))).step(n > 1 ? 'Rows 0 and 1: just 1, then 1 1.' : 'Row 0: just 1.', 1.3, n > 1 ? [id(0, 0), id(1, 0), id(1, 1)] : [id(0, 0)]);
    tl.wait(1.3);
    const later = Array.from({ length: Math.max(0, n - 2) }, (_, i) => i + 2);
    // Each row is a round: the first additions one sentence each, then a row per summary.
    for (const k of later) {
      playInGroups(tl, [rowSteps(k)], {
        narrated: (e) => e.j > 0 && e.j < e.k,
        detail: k <= 4 ? 3 : 0,
        play,
        speed: (grouped) => {
          pace = grouped ? GROUPED_SPEED : 1;
        },
        // A row whose first addition is in the group was not begun one by one (its leading 1 is no sentence).
        summary: (rest) =>
          !rest.some((e) => e.j === 1)
            ? `The rest of row ${k} the same way: ${rows[k]!.map(formatNumber).join(' ')}.`
            : `Row ${k}: ${rows[k]!.map(formatNumber).join(' ')}, adding up to ${formatNumber(2 ** k)} = 2${superscript(String(k))}.`,
        refs: () => [`row${k}`],
      });
      scene.counter(counter(k));
      rowDone(k);
    }
    tl.wait(0.4);
    const last = n - 1;
    return scene.finish(
      `row ${last}: sum 2${superscript(String(last))} = ${formatNumber(2 ** last)}`,
      last >= 2 ? `Row ${last} is C(${last}, 0) … C(${last}, ${last}), adding up to 2${superscript(String(last))} = ${formatNumber(2 ** last)}.` : `Row ${last} adds up to 2${superscript(String(last))} = ${formatNumber(2 ** last)}.`,
    );
  },
});
