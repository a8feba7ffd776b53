// business.org_chart: people as boxes in levels, each joined to their manager by an elbow line,
// revealed one level at a time from the top.
import { z } from 'zod';
import { defineTemplate, type Composition } from '../types.ts';
import { TimelineBuilder } from '../timeline-builder.ts';
import { ellipsize } from './parse/lists.ts';
import { parseOrgChart, splitOrgTitle, type OrgNode } from './parse/org.ts';
import { titleFromHead } from './parse/title.ts';
import { fitLabels, titleObjects } from './slide.ts';

export const MAX_PEOPLE = 15;
/** Boxes side by side on the lowest level before they become unreadable. */
export const MAX_LEAVES = 8;
export const MAX_LEVELS = 5;
export const MAX_NAME_CHARS = 32;

const nodeSchema = z.strictObject({ name: z.string().trim().min(1).max(MAX_NAME_CHARS), parent: z.string().trim().min(1).max(MAX_NAME_CHARS).nullable().default(null) });

const params = z
  .object({
    title: z.string().trim().min(1).max(80).default('Organisation chart'),
    nodes: z
      .array(nodeSchema)
      .min(1)
      .max(MAX_PEOPLE)
      .default([
        { name: 'CEO', parent: null },
        { name: 'CTO', parent: 'CEO' },
        { name: 'CFO', parent: 'CEO' },
        { name: 'Engineer 1', parent: 'CTO' },
        { name: 'Engineer 2', parent: 'CTO' },
      ]),
  })
  .superRefine(({ nodes }, ctx) => {
    const names = new Set<string>();
    nodes.forEach((n, i) => {
      const key = n.name.toLowerCase();
      if (names.has(key)) ctx.addIssue({ code: 'custom', path: ['nodes', i, 'name'], message: `"${n.name}" appears twice; names must be unique` });
      names.add(key);
    });
    nodes.forEach((n, i) => {
      if (n.parent !== null && !names.has(n.parent.toLowerCase())) ctx.addIssue({ code: 'custom', path: ['nodes', i, 'parent'], message: `no node named "${n.parent}"` });
    });
    const tree = buildTree(nodes);
    if (tree.inLoop.length > 0) ctx.addIssue({ code: 'custom', path: ['nodes'], message: `reporting loop between ${tree.inLoop.join(', ')}` });
    else if (tree.depth > MAX_LEVELS) ctx.addIssue({ code: 'custom', path: ['nodes'], message: `${tree.depth} levels; at most ${MAX_LEVELS} fit on a slide` });
    else if (treeSlots(tree).leaves > MAX_LEAVES) ctx.addIssue({ code: 'custom', path: ['nodes'], message: `${treeSlots(tree).leaves} people side by side on the lowest levels; at most ${MAX_LEAVES} stay readable` });
  });
type OrgParams = z.infer<typeof params>;

export interface OrgTree {
  roots: number[];
  children: number[][];
  level: number[];
  depth: number;
  /** Nodes that never reach a root (only with an invalid chart). */
  inLoop: string[];
}

/** Children lists and levels (roots at 0) of nodes named by their parent. */
export function buildTree(nodes: { name: string; parent: string | null }[]): OrgTree {
  const index = new Map(nodes.map((n, i) => [n.name.toLowerCase(), i]));
  const children: number[][] = nodes.map(() => []);
  const roots: number[] = [];
  nodes.forEach((n, i) => {
    const p = n.parent === null ? undefined : index.get(n.parent.toLowerCase());
    if (p === undefined || p === i) roots.push(i);
    else children[p]!.push(i);
  });
  const level: number[] = nodes.map(() => -1);
  const queue = roots.map((r) => ((level[r] = 0), r));
  while (queue.length) {
    const i = queue.shift()!;
    for (const c of children[i]!) {
      if (level[c] !== -1) continue;
      level[c] = level[i]! + 1;
      queue.push(c);
    }
  }
  const inLoop = nodes.filter((_, i) => level[i] === -1).map((n) => n.name);
  return { roots, children, level, depth: Math.max(0, ...level) + 1, inLoop };
}

/** x of every node: leaves take consecutive slots, each manager sits centred over their reports. */
export function treeSlots(tree: OrgTree): { x: number[]; leaves: number } {
  const x: number[] = tree.level.map(() => 0);
  let next = 0;
  const place = (i: number): number => {
    const kids = tree.children[i]!;
    if (kids.length === 0) return (x[i] = next++);
    const xs = kids.map(place);
    return (x[i] = (xs[0]! + xs[xs.length - 1]!) / 2);
  };
  tree.roots.forEach(place);
  return { x, leaves: next };
}

/** Keeps people in reading order (by level) while the chart stays within the size limits. */
function capChart(nodes: OrgNode[], warnings: string[]): OrgNode[] {
  const tree = buildTree(nodes);
  const order = nodes.map((_, i) => i).sort((a, b) => tree.level[a]! - tree.level[b]! || a - b);
  const kept = new Set<number>();
  const hasKids = new Set<number>();
  let leaves = 0;
  let dropped = 0;
  const index = new Map(nodes.map((n, i) => [n.name.toLowerCase(), i]));
  for (const i of order) {
    const p = nodes[i]!.parent === null ? undefined : index.get(nodes[i]!.parent!.toLowerCase());
    const addsLeaf = p === undefined || hasKids.has(p);
    if (kept.size >= MAX_PEOPLE || tree.level[i]! >= MAX_LEVELS || (p !== undefined && !kept.has(p)) || (addsLeaf && leaves >= MAX_LEAVES)) {
      dropped++;
      continue;
    }
    kept.add(i);
    if (addsLeaf) leaves++;
    if (p !== undefined) hasKids.add(p);
  }
  if (dropped > 0) {
    warnings.push(`${dropped} of ${nodes.length} people were left out: one slide shows at most ${MAX_PEOPLE} people, ${MAX_LEAVES} side by side and ${MAX_LEVELS} levels`);
  }
  return nodes.filter((_, i) => kept.has(i));
}

export const businessOrgChart = defineTemplate<OrgParams>({
  id: 'business.org_chart',
  title: 'Organisation chart',
  category: 'corporate',
  style: 'corporate_training',
  example: 'Org chart: CEO > CTO, CFO; CTO > Dev1, Dev2',
  content: { param: 'nodes', ask: 'give who reports to whom, e.g. "Sales team org chart: Head of Sales > Account Manager, Sales Rep; Account Manager > Intern"' },
  params,
  // Verbs like "manages" are matched as typed: as vocabulary they would bend "manager" and "overseas" into them;
  // the nouns listed last are here so typo correction leaves them alone.
  vocabulary: ['organisation', 'organization', 'organizational', 'hierarchy', 'manager', 'managers', 'report', 'reporting', 'engineer', 'engineers'],
  triggers: [
    { pattern: /\b(org|organi[sz]ation(al)?) ?(chart|structure|diagram|tree)\b/, score: 0.95 },
    { pattern: /\borgchart\b/, score: 0.95 },
    { pattern: /\b(reporting (lines|structure|line)|chain of command|team structure|who reports to whom|management structure|company structure)\b/, score: 0.85 },
    { pattern: /\b(reports to|report to|direct reports)\b/, score: 0.7 },
    { pattern: /\b(manages|oversees|supervises)\b/, score: 0.65 },
    { pattern: /\b(ceo|cto|cfo|coo|vp|director|manager)\b.*\b(ceo|cto|cfo|coo|vp|director|manager|engineers?|developers?)\b/, score: 0.45 },
  ],
  extract(text, warnings) {
    const { head, body } = splitOrgTitle(text.original);
    const title = titleFromHead(head, 'Organisation chart', warnings);
    let nodes = parseOrgChart(body, warnings);
    if (nodes.length === 0 || nodes.every((n) => n.parent === null)) {
      return { title };
    }
    // Unrelated names (a stray word) would be extra roots; only people in a reporting line are kept.
    const inLines = new Set(nodes.filter((n) => n.parent !== null).flatMap((n) => [n.name.toLowerCase(), n.parent!.toLowerCase()]));
    const stray = nodes.filter((n) => !inLines.has(n.name.toLowerCase()));
    if (stray.length > 0) warnings.push(`left out ${stray.map((n) => `"${n.name}"`).join(', ')}: not in any reporting line`);
    nodes = nodes.filter((n) => inLines.has(n.name.toLowerCase()));
    let long = 0;
    const short = (s: string) => (s.length > MAX_NAME_CHARS ? (long++, ellipsize(s, MAX_NAME_CHARS)) : s);
    nodes = nodes.map((n) => ({ name: short(n.name), parent: n.parent === null ? null : ellipsize(n.parent, MAX_NAME_CHARS) }));
    if (long) warnings.push(`${long} name${long === 1 ? ' was' : 's were'} longer than ${MAX_NAME_CHARS} characters and shortened with "…"`);
    nodes = capChart(nodes, warnings);
    for (const n of nodes) text.used.add(n.name);
    return { title, nodes };
  },
  facts: () => ({}),
  compose({ title, nodes }) {
    const tree = buildTree(nodes);
    const { x: slot, leaves } = treeSlots(tree);
    const pitch = Math.min(3.2, 14.8 / leaves);
    const xOf = (i: number) => (slot[i]! - (leaves - 1) / 2) * pitch;
    // Each box is as wide as the room to its neighbours on the same level allows (a manager over a
    // wide team gets a wide box), at most 2.7 and never past the edge of the view.
    const widths = nodes.map((_, i) => {
      const peers = nodes
        .map((__, j) => j)
        .filter((j) => j !== i && tree.level[j] === tree.level[i])
        .map((j) => Math.abs(xOf(j) - xOf(i)));
      return Math.min(2.7, Math.min(Infinity, ...peers) - 0.25, 2 * (7.7 - Math.abs(xOf(i))));
    });
    // Names that do not fit two lines get taller boxes with three lines when the levels have room.
    const [areaTop, areaBottom] = [2.25, -3.55];
    const layoutFor = (boxH: number, lines: number) => ({
      boxH,
      ...fitLabels(
        nodes.map((n) => n.name),
        widths.map((w) => w - 0.2),
        lines,
        0.38,
        600,
        boxH - 0.12,
      ),
    });
    let fitted = layoutFor(0.86, 2);
    const tall = layoutFor(1.2, 3);
    const truncated = (f: { texts: string[] }) => f.texts.filter((t, i) => t !== nodes[i]!.name).length;
    if (truncated(fitted) > truncated(tall) && (areaTop - areaBottom - 1.2) / Math.max(1, tree.depth - 1) >= 1.6) fitted = tall;
    const { boxH, texts: names, size } = fitted;
    // Levels spread over the content area (at most 2 units apart) and centred in it.
    const levelGap = tree.depth > 1 ? Math.min(2.0, (areaTop - areaBottom - boxH) / (tree.depth - 1)) : 0;
    const top = (areaTop + areaBottom) / 2 + (levelGap * (tree.depth - 1)) / 2;
    const yOf = (i: number) => top - tree.level[i]! * levelGap;
    const tl = new TimelineBuilder();
    const objects: Composition['objects'] = [...titleObjects(title)];
    // Lines first so boxes are drawn over their ends.
    nodes.forEach((n, i) => {
      const p = n.parent === null ? undefined : nodes.findIndex((m) => m.name.toLowerCase() === n.parent!.toLowerCase());
      if (p === undefined || p < 0) return;
      const [px, py, cx, cy] = [xOf(p), yOf(p), xOf(i), yOf(i)];
      const midY = (py - boxH / 2 + cy + boxH / 2) / 2;
      objects.push({
        id: `link-${i}`,
        type: 'line',
        points: [
          [px, py - boxH / 2],
          [px, midY],
          [cx, midY],
          [cx, cy + boxH / 2],
        ],
        color: '$muted',
        width: 0.045,
      });
    });
    nodes.forEach((n, i) => {
      const root = tree.level[i] === 0;
      objects.push({ id: `box-${i}`, type: 'rect', x: xOf(i), y: yOf(i), width: widths[i]!, height: boxH, cornerRadius: 0.14, fill: root ? '$primary' : '$surface', stroke: '$primary', strokeWidth: 0.05 });
      objects.push({ id: `name-${i}`, type: 'text', text: names[i]!, x: xOf(i), y: yOf(i), size, weight: 600, maxWidth: widths[i]! - 0.2, color: root ? '$background' : '$foreground' });
    });

    tl.caption(`${title}: ${nodes.length} people in ${tree.depth} level${tree.depth === 1 ? '' : 's'}.`, 1.4);
    tl.appear('title', 0.5).appear('title-rule', 0.5, 'grow');
    tl.wait(0.8);
    for (let level = 0; level < tree.depth; level++) {
      const members = nodes.map((_, i) => i).filter((i) => tree.level[i] === level);
      if (level === 0) {
        tl.narrate(
          members.length === 1 ? `At the top: ${nodes[members[0]!]!.name}.` : `At the top: ${members.map((i) => nodes[i]!.name).join(', ')}.`,
          1.4,
          members.map((i) => `box-${i}`),
        );
      }
      for (const i of members) {
        if (level > 0) tl.appear(`link-${i}`, 0.5, 'draw');
        tl.appear(`box-${i}`, 0.4, 'grow', tl.t + (level > 0 ? 0.35 : 0)).appear(`name-${i}`, 0.3, 'fade', tl.t + (level > 0 ? 0.5 : 0.15));
      }
      // One sentence per manager whose team appears now.
      const managers = [...new Set(members.map((i) => nodes[i]!.parent).filter((p): p is string => p !== null))];
      for (const [k, m] of managers.entries()) {
        const team = members.filter((i) => nodes[i]!.parent === m).map((i) => nodes[i]!.name);
        const list = team.length === 1 ? team[0]! : `${team.slice(0, -1).join(', ')} and ${team[team.length - 1]}`;
        // The manager the sentence names is surrounded (emphasis/) while it is read.
        const mi = nodes.findIndex((nd) => nd.name === m);
        tl.narrate(`${list} report${team.length === 1 ? 's' : ''} to ${m}.`, 1.2, [`box-${mi}`]);
        tl.wait(k < managers.length - 1 ? 1.2 : 0);
      }
      tl.wait(1.3);
    }
    tl.caption(`${nodes.length} people, ${tree.depth} level${tree.depth === 1 ? '' : 's'} of reporting.`, 2.5);
    tl.wait(2.5);
    tl.finish(tl.t);
    return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title };
  },
});
