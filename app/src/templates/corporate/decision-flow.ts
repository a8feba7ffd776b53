// business.decision_flow: the user's if/then rules as a decision tree, conditions above what is done, walked
// branch by branch: each condition, then its "yes" path to the end, then its "no" path. Only the user's rules
// are drawn; a description with no condition is asked for one.
import { z } from 'zod';
import { defineTemplate, type Composition } from '../types.ts';
import { TimelineBuilder } from '../timeline-builder.ts';
import { parseDecisions } from './parse/decisions.ts';
import { ellipsize } from './parse/lists.ts';
import { displayLabel, titleFromHead } from './parse/title.ts';
import { fitLabels, titleObjects } from './slide.ts';

/** Three conditions deep and six outcomes side by side is what one slide shows readably. */
export const MAX_DEPTH = 3;
export const MAX_OUTCOMES = 6;
export const MAX_NODE_CHARS = 60;

const node = z.object({
  text: z.string().trim().min(1).max(MAX_NODE_CHARS).describe('A condition (for a question) or what is done (for an outcome), as the user wrote it'),
  yes: z.number().int().min(1).optional().describe('Index of the node followed when the condition holds: set on questions only'),
  no: z.number().int().min(1).optional().describe('Index of the node followed when it does not; absent when no "otherwise" was given'),
});
type DecisionNode = z.infer<typeof node>;

/** Depth in conditions and the outcome count of the tree from `i`. */
function measure(nodes: readonly DecisionNode[], i = 0): { depth: number; outcomes: number } {
  const n = nodes[i]!;
  if (n.yes === undefined) return { depth: 0, outcomes: 1 };
  const kids = [n.yes, n.no].filter((k): k is number => k !== undefined).map((k) => measure(nodes, k));
  return { depth: 1 + Math.max(...kids.map((k) => k.depth)), outcomes: kids.reduce((s, k) => s + k.outcomes, 0) };
}

const params = z
  .object({
    title: z.string().trim().min(1).max(80).default('Decision flow'),
    nodes: z
      .array(node)
      .min(3)
      .max(2 * MAX_OUTCOMES)
      .default([{ text: 'condition holds', yes: 1, no: 2 }, { text: 'first action' }, { text: 'second action' }])
      .describe('The tree, root first: questions name their yes and no nodes by index'),
  })
  .superRefine(({ nodes }, ctx) => {
    const parents = nodes.map(() => 0);
    nodes.forEach((n, i) => {
      if (n.no !== undefined && n.yes === undefined) ctx.addIssue({ code: 'custom', path: ['nodes', i, 'yes'], message: 'a question needs a yes branch before a no branch' });
      for (const k of [n.yes, n.no]) {
        if (k === undefined) continue;
        // Children come after their parent, so the tree has no loops.
        if (k <= i || k >= nodes.length) ctx.addIssue({ code: 'custom', path: ['nodes', i], message: `branch ${k} must name a later node (1 to ${nodes.length - 1})` });
        else parents[k]!++;
      }
    });
    parents.forEach((p, i) => {
      if (i > 0 && p !== 1) ctx.addIssue({ code: 'custom', path: ['nodes', i], message: p === 0 ? 'no condition leads to this node' : 'two conditions lead to this node; each node has one' });
    });
    if (nodes[0]?.yes === undefined) ctx.addIssue({ code: 'custom', path: ['nodes', 0], message: 'the first node must be a condition' });
    if (nodes[0]?.yes !== undefined && parents.every((p, i) => i === 0 || p === 1)) {
      const { depth, outcomes } = measure(nodes);
      if (depth > MAX_DEPTH) ctx.addIssue({ code: 'custom', path: ['nodes'], message: `${depth} conditions deep; at most ${MAX_DEPTH} fit on a slide` });
      if (outcomes > MAX_OUTCOMES) ctx.addIssue({ code: 'custom', path: ['nodes'], message: `${outcomes} outcomes; at most ${MAX_OUTCOMES} stay readable side by side` });
    }
  });
type FlowParams = z.infer<typeof params>;

export const businessDecisionFlow = defineTemplate<FlowParams>({
  id: 'business.decision_flow',
  title: 'Decision flow',
  category: 'corporate',
  style: 'corporate_training',
  example: 'If severity is high, page on-call; otherwise open a ticket',
  content: { param: 'nodes', ask: 'write each decision as a condition and what to do, e.g. "If severity is high, page on-call; otherwise open a ticket"' },
  params,
  vocabulary: ['otherwise', 'escalation', 'escalate', 'decision', 'triage', 'on-call'],
  triggers: [
    // A condition with both outcomes: "if …, …; otherwise …" (below 0.8, so a maths or algorithm subject keeps its own).
    { pattern: /\b(if|when)\b \S+( \S+)* (otherwise|else|if not)\b \S+/, score: 0.78 },
    { pattern: /\b(decision (tree|flow|flowchart|diagram)|escalation (path|flow|tree|matrix|policy)|triage (rules|flow|tree))\b[\s\S]*\bif\b \S+/, score: 0.85 },
    { pattern: /\b(decision (tree|flow|flowchart)|escalation (path|flow|tree)|if ?then rules)\b/, score: 0.6 },
  ],
  extract(text, warnings) {
    const t = text.original.trim();
    // "Escalation policy: If severity is high, …": the words before the first rule name it.
    // A colon before the first "if" ends the title ("When a fire alarm sounds: if …"), so its "when" is no rule.
    const colon = /:(?!\d)/.exec(t);
    const firstIf = /\bif\b/i.exec(t);
    const first = colon && firstIf && colon.index < firstIf.index ? { index: colon.index + 1 } : /\b(?:if|when)\b/i.exec(t);
    const head = first ? t.slice(0, first.index).replace(/[\s:,.–—-]+$/, '') : t;
    const { nodes, problems } = parseDecisions(first ? t.slice(first.index) : '');
    for (const p of problems) warnings.push(p);
    if (nodes.length < 3) return { title: titleFromHead(head, 'Decision flow', warnings) };
    const tooLong = nodes.filter((n) => n.text.length > MAX_NODE_CHARS).length;
    if (tooLong) warnings.push(`${tooLong} ${tooLong === 1 ? 'step was' : 'steps were'} longer than ${MAX_NODE_CHARS} characters and shortened with "…"`);
    const out = nodes.map((n) => ({ ...n, text: ellipsize(n.text, MAX_NODE_CHARS) }));
    for (const n of out) text.used.add(n.text);
    const questions = out.filter((n) => n.yes !== undefined);
    for (const q of questions) if (q.no === undefined) warnings.push(`"if ${ellipsize(q.text, 30)}" has no otherwise: only its yes path is drawn`);
    return { title: titleFromHead(head, ellipsize(`If ${out[0]!.text}`, 60), warnings), nodes: out };
  },
  facts: ({ nodes }) => {
    const { depth, outcomes } = measure(nodes);
    return { questions: nodes.filter((n) => n.yes !== undefined).length, outcomes, depth };
  },
  compose({ title, nodes }) {
    const { depth } = measure(nodes);
    // Outcomes left to right in reading order (yes before no); a condition sits over the middle of its branches.
    const xs: number[] = [];
    const level: number[] = [];
    let leaf = 0;
    const place = (i: number, d: number) => {
      level[i] = d;
      const n = nodes[i]!;
      if (n.yes === undefined) {
        xs[i] = leaf++;
        return;
      }
      const kids = [n.yes, n.no].filter((k): k is number => k !== undefined);
      for (const k of kids) place(k, d + 1);
      xs[i] = kids.reduce((s, k) => s + xs[k]!, 0) / kids.length;
    };
    place(0, 0);
    const leaves = leaf;
    const pitch = Math.min(4.2, 14.6 / leaves);
    const boxW = Math.min(3.6, pitch - 0.35);
    const levels = depth + 1;
    const rowGap = levels > 1 ? Math.min(2.1, 5.6 / (levels - 1)) : 0;
    const boxH = Math.min(1.15, rowGap - 0.75 || 1.15);
    const top = 2.1;
    const at = (i: number) => ({ x: (xs[i]! - (leaves - 1) / 2) * pitch, y: top - level[i]! * rowGap });
    const labels = nodes.map((n) => (n.yes !== undefined ? `${displayLabel(n.text)}?` : displayLabel(n.text)));
    const { texts, size } = fitLabels(labels, boxW - 0.3, 3, 0.36, 600, boxH - 0.15);

    const objects: Composition['objects'] = [...titleObjects(title)];
    nodes.forEach((n, i) => {
      const { x, y } = at(i);
      const question = n.yes !== undefined;
      // A condition is outlined in the primary colour, an outcome is a filled card: shape, not colour, says which.
      objects.push({ id: `node-${i}`, type: 'rect', x, y, width: boxW, height: boxH, cornerRadius: question ? 0.5 : 0.12, fill: '$surface', stroke: question ? '$primary' : '$grid', strokeWidth: question ? 0.05 : 0.03 });
      objects.push({ id: `text-${i}`, type: 'text', text: texts[i]!, x, y, size, weight: question ? 600 : 400, maxWidth: boxW - 0.3, color: '$foreground' });
    });
    // Edges from a condition's bottom to each branch's top, with Yes / No beside them.
    const edges: { from: number; to: number; yes: boolean }[] = [];
    nodes.forEach((n, i) => {
      if (n.yes !== undefined) edges.push({ from: i, to: n.yes, yes: true });
      if (n.no !== undefined) edges.push({ from: i, to: n.no, yes: false });
    });
    for (const e of edges) {
      const a = at(e.from);
      const b = at(e.to);
      const y0 = a.y - boxH / 2;
      const y1 = b.y + boxH / 2;
      const mid = (y0 + y1) / 2;
      objects.push({
        id: `edge-${e.to}`,
        type: 'line',
        points:
          Math.abs(a.x - b.x) < 1e-6
            ? [
                [a.x, y0],
                [b.x, y1],
              ]
            : [
                [a.x, y0],
                [a.x, mid],
                [b.x, mid],
                [b.x, y1],
              ],
        color: '$muted',
        width: 0.05,
        arrow: 'end',
      });
      objects.push({ id: `answer-${e.to}`, type: 'text', text: e.yes ? 'Yes' : 'No', x: b.x + (b.x < a.x - 1e-6 ? -0.1 : 0.1), y: (mid + y1) / 2, size: 0.3, weight: 700, align: b.x < a.x - 1e-6 ? 'right' : 'left', color: '$muted' });
    }

    const tl = new TimelineBuilder();
    tl.caption(`${title}.`, 1.3);
    tl.appear('title', 0.5).appear('title-rule', 0.5, 'grow');
    tl.wait(0.8);
    // Depth first, yes before no: each path is followed to its end before the next is taken.
    const walk = (i: number, how: string) => {
      const n = nodes[i]!;
      if (i > 0) tl.appear(`edge-${i}`, 0.4, 'draw').appear(`answer-${i}`, 0.3);
      tl.appear(`node-${i}`, 0.4, 'grow').appear(`text-${i}`, 0.4);
      if (n.yes === undefined) {
        tl.narrate(
          `${how}${how ? ' ' : ''}${n.text}.`.replace(/^./, (c) => c.toUpperCase()),
          1.6,
          [`node-${i}`],
        );
        tl.wait(1.2);
        return;
      }
      tl.narrate(
        `${how ? `${how} if` : 'If'} ${n.text}?`.replace(/^./, (c) => c.toUpperCase()),
        1.6,
        [`node-${i}`],
      );
      tl.wait(1.2);
      walk(n.yes, 'Yes:');
      if (n.no !== undefined) walk(n.no, 'No:');
    };
    walk(0, '');
    const outcomes = nodes.filter((n) => n.yes === undefined).length;
    tl.caption(outcomes === 1 ? 'One outcome.' : `${outcomes} possible outcomes.`, 2);
    tl.wait(2);
    tl.finish(tl.t);
    return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title };
  },
});
