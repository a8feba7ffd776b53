// graph.dfs: recursive depth-first search; from each node, go as deep as possible along the first
// unvisited neighbour (ascending labels), then back up. The recursion stack is shown beside the graph.
import { roleColor } from '../emphasis/roles.ts';
import { count, GROUPED_SPEED, playInGroups, splitBefore } from '../step-groups.ts';
import { defineTemplate } from '../types.ts';
import { adjacency, type Graph } from './graph-model.ts';
import { extractTraversal, traversalParams, type TraversalParams } from './graph-params.ts';
import { GraphScene } from './graph-scene.ts';

export type DfsStep =
  | { kind: 'visit'; node: string; stack: string[] }
  | { kind: 'check'; edge: number; from: string; to: string; fresh: boolean }
  | { kind: 'back'; node: string; from: string; stack: string[] }
  | { kind: 'done'; node: string; stack: string[] };

export function dfs(g: Graph, start: string): { order: string[]; steps: DfsStep[] } {
  const adj = adjacency(g);
  const seen = new Set<string>();
  const order: string[] = [];
  const steps: DfsStep[] = [];
  const stack: string[] = [];
  // Depth is at most the node count (≤ 12 drawn; facts accept more).
  const visit = (u: string) => {
    seen.add(u);
    order.push(u);
    stack.push(u);
    steps.push({ kind: 'visit', node: u, stack: [...stack] });
    for (const { node: v, edge } of adj.get(u) ?? []) {
      const fresh = !seen.has(v);
      steps.push({ kind: 'check', edge, from: u, to: v, fresh });
      if (fresh) {
        visit(v);
        steps.push({ kind: 'back', node: u, from: v, stack: [...stack] });
      }
    }
    stack.pop();
    steps.push({ kind: 'done', node: u, stack: [...stack] });
  };
  visit(start);
  return { order, steps };
}

export const graphDfs = defineTemplate<TraversalParams>({
  id: 'graph.dfs',
  title: 'Depth-first search',
  category: 'algorithms',
  style: 'algorithmic',
  example: 'DFS on A-B, A-C, B-D, C-D starting at A',
  params: traversalParams,
  vocabulary: ['depth', 'first', 'traversal', 'backtracking'],
  triggers: [
    { pattern: /\bdfs\b|\bdepth ?first\b/, score: 0.95 },
    { pattern: /\bdepth\b.*\b(search|traversal|graph)\b/, score: 0.8 },
    { pattern: /\bbacktrack(ing)?\b.*\bgraph\b/, score: 0.6 },
  ],
  extract(text, warnings) {
    for (const w of ['dfs', 'depth', 'first']) if (text.normalized.includes(w)) text.used.add(w);
    return extractTraversal(text, warnings);
  },
  facts: (p) => ({ order: dfs(p, p.start).order }),
  compose(p) {
    const { order, steps } = dfs(p, p.start);
    let visited = 0;
    let checked = 0;
    const counter = () => `visited ${visited}/${p.nodes.length}   edges checked ${checked}`;
    const scene = new GraphScene('Depth-first search', p, p.start, counter());
    const tl = scene.tl;
    scene.panelText('stackHead', 'recursion stack (bottom → top)', 2.3, { size: 0.3, color: '$muted' });
    scene.panelText('stack', '[ ]', 1.85, { size: 0.32, weight: 600 });
    scene.panelText('orderHead', 'visit order', 0.8, { size: 0.3, color: '$muted' });
    scene.panelText('order', '—', 0.3, { weight: 600 });
    scene.stateLegend(
      [
        ['frontier', 'on stack'],
        ['current', 'exploring'],
        ['done', 'done'],
      ],
      -3.2,
      { tree: 'tree edge', order: 'visit order' },
    );
    const stackText = (stack: string[]) => (stack.length ? `[ ${stack.join(', ')} ]` : '[ ] empty');
    const k = Math.min(1, 60 / Math.max(1, steps.length * 0.75));

    scene.intro(`Depth-first search from ${p.start}: follow one path as deep as it goes, then back up.`, 1.4);
    scene.showGraph();
    for (const id of ['stackHead', 'stack', 'orderHead', 'order']) tl.appear(id, 0.4);
    tl.wait(0.8);
    let current: string | undefined;
    // Grouped rounds play faster: their summary, not each sentence, is what is read.
    let pace = 1;
    const play = (step: DfsStep) => {
      if (step.kind === 'visit') {
        visited++;
        if (current) scene.setState(current, 'frontier');
        current = step.node;
        scene.setState(step.node, 'current');
        scene.badge(step.node, visited);
        scene.setPanelText('stack', stackText(step.stack), 1.85, 0.32);
        scene.setPanelText('order', order.slice(0, visited).join(' → '), 0.3);
        scene.counter(counter()).step(`Visit ${step.node} (#${visited}) and push it on the stack.`, 0.9 * k * pace, [scene.nodeId(step.node)]);
        tl.wait(0.9 * k * pace);
      } else if (step.kind === 'check') {
        checked++;
        scene.counter(counter());
        scene.flashEdge(step.edge, 0.7 * k * pace);
        if (step.fresh) {
          scene.step(`${step.from} → ${step.to}: not visited yet, go deeper.`, 0.7 * k * pace, [scene.nodeId(step.from), scene.nodeId(step.to)]);
          scene.markEdge(step.edge, roleColor('tree'), 0.09, tl.t + 0.7 * k * pace);
        } else scene.step(`${step.from} → ${step.to}: ${step.to} already visited.`, 0.7 * k * pace, [scene.nodeId(step.from), scene.nodeId(step.to)]);
        tl.wait(0.7 * k * pace);
      } else if (step.kind === 'back') {
        current = step.node;
        scene.setState(step.node, 'current');
        scene.setPanelText('stack', stackText(step.stack), 1.85, 0.32);
        scene.step(`Back from ${step.from} to ${step.node}: try its next neighbour.`, 0.7 * k * pace, [scene.nodeId(step.node)]);
        tl.wait(0.7 * k * pace);
      } else {
        scene.setState(step.node, 'done');
        if (current === step.node) current = undefined;
        scene.setPanelText('stack', stackText(step.stack), 1.85, 0.32);
        scene.step(`${step.node} has no unvisited neighbours left: pop it.`, 0.6 * k * pace, [scene.nodeId(step.node)]);
        tl.wait(0.6 * k * pace);
      }
    };
    // The first nodes one sentence per edge, then each later visit and its edges under one summary.
    playInGroups(
      tl,
      splitBefore(steps, (s) => s.kind === 'visit'),
      {
        narrated: (s) => s.kind !== 'done',
        summary: (rest, _round, partial) => {
          const visit = rest.find((s) => s.kind === 'visit');
          const checks = rest.filter((s) => s.kind === 'check').length;
          const backs = rest.filter((s) => s.kind === 'done').length;
          return `${visit && visit.kind === 'visit' ? `Visit ${visit.node}` : partial ? 'Then' : 'Next'}: ${count(checks, 'edges')} checked${backs > 0 ? `, ${count(backs, 'nodes')} finished and popped` : ''}.`;
        },
        play,
        refs: (rest) => rest.flatMap((s) => (s.kind === 'visit' ? [scene.nodeId(s.node)] : [])),
        speed: (grouped) => {
          pace = grouped ? GROUPED_SPEED : 1;
        },
      },
    );
    const unreached = p.nodes.filter((n) => !order.includes(n));
    if (unreached.length > 0) {
      scene.step(`The stack is empty. ${unreached.join(', ')} cannot be reached from ${p.start}.`, 1.5);
      tl.wait(1.5);
    }
    // Long orders are already listed in the panel; the status line keeps to one line.
    const line = `DFS order from ${p.start}: ${order.join(' → ')}`;
    return scene.finish(line.length <= 70 ? line : `DFS from ${p.start} visited ${order.length} nodes in the order listed above`, `Depth-first order from ${p.start}: ${order.join(', ')}.`);
  },
});
