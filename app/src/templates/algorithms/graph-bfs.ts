// graph.bfs: visit nodes level by level with a queue; neighbours are queued in ascending label order
// and marked as seen when queued, so no node enters the queue twice.
import { roleColor } from '../emphasis/roles.ts';
import { count, GROUPED_SPEED, playInGroups, splitBefore } from '../step-groups.ts';
import { defineTemplate } from '../types.ts';
import { adjacency, type Graph } from './graph-model.ts';
import { extractTraversal, traversalParams, type TraversalParams } from './graph-params.ts';
import { GraphScene } from './graph-scene.ts';

export type TraversalStep = { kind: 'visit'; node: string } | { kind: 'check'; edge: number; from: string; to: string; fresh: boolean } | { kind: 'done'; node: string };

export function bfs(g: Graph, start: string): { order: string[]; steps: TraversalStep[] } {
  const adj = adjacency(g);
  const seen = new Set([start]);
  const queue = [start];
  const order: string[] = [];
  const steps: TraversalStep[] = [];
  while (queue.length > 0) {
    const u = queue.shift()!;
    order.push(u);
    steps.push({ kind: 'visit', node: u });
    for (const { node: v, edge } of adj.get(u) ?? []) {
      const fresh = !seen.has(v);
      steps.push({ kind: 'check', edge, from: u, to: v, fresh });
      if (fresh) {
        seen.add(v);
        queue.push(v);
      }
    }
    steps.push({ kind: 'done', node: u });
  }
  return { order, steps };
}

export const graphBfs = defineTemplate<TraversalParams>({
  id: 'graph.bfs',
  title: 'Breadth-first search',
  category: 'algorithms',
  style: 'algorithmic',
  example: 'BFS on A-B, B-C, A-D, D-C from A',
  params: traversalParams,
  vocabulary: ['breadth', 'first', 'traversal', 'graph'],
  triggers: [
    { pattern: /\bbfs\b|\bbreadth ?first\b/, score: 0.95 },
    { pattern: /\bbreadth\b.*\b(search|traversal|graph)\b/, score: 0.85 },
    { pattern: /\blevel ?order\b.*\bgraph\b|\bgraph traversal\b|\btravers(e|ing) (a|the) graph\b/, score: 0.6 },
  ],
  extract(text, warnings) {
    for (const w of ['bfs', 'breadth', 'first']) if (text.normalized.includes(w)) text.used.add(w);
    return extractTraversal(text, warnings);
  },
  facts: (p) => ({ order: bfs(p, p.start).order }),
  compose(p) {
    const { order, steps } = bfs(p, p.start);
    let visited = 0;
    let checked = 0;
    const counter = () => `visited ${visited}/${p.nodes.length}   edges checked ${checked}`;
    const scene = new GraphScene('Breadth-first search', p, p.start, counter());
    const tl = scene.tl;
    scene.panelText('queueHead', 'queue (front → back)', 2.3, { size: 0.3, color: '$muted' });
    scene.panelText('queue', `[ ${p.start} ]`, 1.85, { size: 0.32, weight: 600 });
    scene.panelText('orderHead', 'visit order', 0.8, { size: 0.3, color: '$muted' });
    scene.panelText('order', '—', 0.3, { weight: 600 });
    scene.stateLegend(
      [
        ['frontier', 'queued'],
        ['current', 'visiting'],
        ['done', 'done'],
      ],
      -3.2,
      { tree: 'tree edge', order: 'visit order' },
    );
    const queue = [p.start];
    const queueText = () => (queue.length ? `[ ${queue.join(', ')} ]` : '[ ] empty');
    const k = Math.min(1, 60 / Math.max(1, steps.length * 0.8));

    scene.intro(`Breadth-first search from ${p.start}: visit the nearest nodes first, using a queue.`, 1.4);
    scene.showGraph();
    for (const id of ['queueHead', 'queue', 'orderHead', 'order']) tl.appear(id, 0.4);
    tl.wait(0.6);
    scene.setState(p.start, 'frontier');
    scene.step(`Put the start node ${p.start} in the queue.`, 1, [scene.nodeId(p.start)]);
    tl.wait(1);
    // Grouped rounds play faster: their summary, not each sentence, is what is read.
    let pace = 1;
    const play = (step: TraversalStep) => {
      if (step.kind === 'visit') {
        queue.shift();
        visited++;
        scene.setState(step.node, 'current');
        scene.badge(step.node, visited);
        scene.setPanelText('queue', queueText(), 1.85, 0.32);
        scene.setPanelText('order', order.slice(0, visited).join(' → '), 0.3);
        scene.counter(counter()).step(`Take ${step.node} from the front of the queue: visit #${visited}.`, 0.9 * k * pace, [scene.nodeId(step.node)]);
        tl.wait(0.9 * k * pace);
      } else if (step.kind === 'check') {
        checked++;
        scene.counter(counter());
        scene.flashEdge(step.edge, 0.7 * k * pace);
        if (step.fresh) {
          queue.push(step.to);
          scene.step(`${step.from} → ${step.to}: ${step.to} is new, add it to the back of the queue.`, 0.8 * k * pace, [scene.nodeId(step.from), scene.nodeId(step.to)]);
          scene.setState(step.to, 'frontier');
          scene.markEdge(step.edge, roleColor('tree'), 0.09, tl.t + 0.7 * k * pace);
          scene.setPanelText('queue', queueText(), 1.85, 0.32);
        } else {
          scene.step(`${step.from} → ${step.to}: ${step.to} was already seen, skip it.`, 0.8 * k * pace, [scene.nodeId(step.from), scene.nodeId(step.to)]);
        }
        tl.wait(0.8 * k * pace);
      } else {
        scene.setState(step.node, 'done');
        tl.wait(0.2 * k * pace);
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
          const fresh = rest.filter((s) => s.kind === 'check' && s.fresh).length;
          const seen = rest.filter((s) => s.kind === 'check' && !s.fresh).length;
          return `${visit && visit.kind === 'visit' ? `Visit ${visit.node}` : partial ? 'Then' : 'Next'}: ${count(fresh, 'new neighbours')} queued, ${seen} already seen.`;
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
      scene.step(
        `The queue is empty. ${unreached.join(', ')} cannot be reached from ${p.start}.`,
        1.5,
        unreached.map((u) => scene.nodeId(u)),
      );
      tl.wait(1.5);
    }
    // Long orders are already listed in the panel; the status line keeps to one line.
    const line = `BFS order from ${p.start}: ${order.join(' → ')}`;
    return scene.finish(line.length <= 70 ? line : `BFS from ${p.start} visited ${order.length} nodes in the order listed above`, `Breadth-first order from ${p.start}: ${order.join(', ')}.`);
  },
});
