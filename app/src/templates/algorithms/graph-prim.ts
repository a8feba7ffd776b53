// graph.mst_prim: grow one tree from the start node, each step adding the lightest edge that leaves it
// (ties: the edge written first). The edges crossing from the tree to the rest are lit as candidates.
import { roleColor } from '../emphasis/roles.ts';
import { count, GROUPED_SPEED, playInGroups } from '../step-groups.ts';
import { defineTemplate } from '../types.ts';
import { formatNumber } from './algo-scene.ts';
import { extractMst, mstParams, prim, type MstParams, type PrimStep } from './graph-mst.ts';
import { GraphScene } from './graph-scene.ts';

export const graphMstPrim = defineTemplate<MstParams>({
  id: 'graph.mst_prim',
  title: "Prim's minimum spanning tree",
  category: 'algorithms',
  style: 'algorithmic',
  example: "Prim's algorithm from A on A-B 4, A-C 2, B-C 1, B-D 5, C-E 10, D-E 2, D-F 6, E-F 3",
  params: mstParams,
  vocabulary: ['prim', 'prims', 'jarnik', 'spanning', 'mst'],
  triggers: [
    { pattern: /\bprim(s| s)? (algorithm|method|mst|minimum)\b/, score: 0.97 },
    { pattern: /\bprim\b.*\b(spanning|graph|tree|mst)\b|\b(spanning|mst)\b.*\bprims?\b|\bjarn[ií]k\b/, score: 0.9 },
  ],
  extract(text, warnings) {
    for (const w of ['prim', 'prims', 'spanning', 'mst']) if (text.normalized.includes(w)) text.used.add(w);
    return extractMst(text, warnings);
  },
  facts(p) {
    const { tree, total, reached } = prim(p);
    return { edges: tree, total_weight: total, spanning: reached.length === p.nodes.length };
  },
  compose(p) {
    const { steps, tree, total, reached } = prim(p);
    let added = 0;
    const counter = () => `tree: ${added + 1}/${p.nodes.length} nodes   weight ${formatNumber(tree.slice(0, added).reduce((s, e) => s + e.weight, 0))}`;
    const scene = new GraphScene("Prim's algorithm", p, p.start, counter());
    const tl = scene.tl;
    scene.panelText('treeHead', 'in the tree', 2.3, { size: 0.3, color: '$muted' });
    scene.panelText('treeNodes', p.start, 1.85, { size: 0.32, weight: 600 });
    scene.panelText('edgesHead', 'edges added', 1.15, { size: 0.3, color: '$muted' });
    scene.panelText('treeEdges', '—', 0.7, { size: 0.32 });
    scene.stateLegend(
      [
        ['current', 'joining'],
        ['done', 'in the tree'],
      ],
      -3.2,
      { tree: 'tree edge' },
    );
    const k = Math.min(1, 55 / Math.max(1, steps.length * 2));
    let pace = 1;
    const members = [p.start];

    const play = (s: PrimStep) => {
      tl.hold();
      const dur = 1.3 * k * pace;
      // The candidates: every edge from the tree to a node outside it.
      for (const e of s.candidates) if (e !== s.edge) scene.flashEdge(e, dur * 0.5);
      const others = s.candidates.length - 1;
      scene.step(`Lightest edge leaving the tree: ${s.from}–${s.to} (${formatNumber(s.weight)})${others > 0 ? `, of ${s.candidates.length} crossing` : ''}. Add ${s.to}.`, dur, [scene.nodeId(s.from), scene.nodeId(s.to)]);
      tl.wait(dur * 0.5);
      scene.setState(s.to, 'current');
      scene.markEdge(s.edge, roleColor('tree'), 0.1);
      tl.wait(dur * 0.5);
      scene.setState(s.to, 'done');
      added++;
      members.push(s.to);
      scene.counter(counter());
      scene.setPanelText('treeNodes', members.join(', '), 1.85, 0.32);
      scene.setPanelText(
        'treeEdges',
        tree
          .slice(0, added)
          .map((e) => `${e.from}–${e.to} ${formatNumber(e.weight)}`)
          .join(', '),
        0.7,
        0.32,
      );
    };

    scene.intro('Prim: grow one tree from the start, always adding the lightest edge that leaves it.', 1.5);
    scene.showGraph();
    for (const id of ['treeHead', 'treeNodes', 'edgesHead', 'treeEdges']) tl.appear(id, 0.4);
    tl.wait(0.6);
    scene.setState(p.start, 'done');
    scene.step(`Start with ${p.start} alone in the tree.`, 1.2, [scene.nodeId(p.start)]);
    tl.wait(1.2);
    playInGroups(tl, [steps], {
      narrated: () => true,
      detail: 4,
      play,
      speed: (grouped) => {
        pace = grouped ? GROUPED_SPEED : 1;
      },
      summary: (rest) => `The other ${count(rest.length, 'nodes')} join the same way: ${rest.map((s) => s.to).join(', ')}.`,
      refs: (rest) => rest.map((s) => scene.nodeId(s.to)),
    });
    const missing = p.nodes.filter((n) => !reached.includes(n));
    if (missing.length) {
      scene.step(
        `No edge leaves the tree, yet ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not in it: the graph is not connected.`,
        1.6,
        missing.map((m) => scene.nodeId(m)),
      );
      tl.wait(1.6);
      return scene.finish(`tree from ${p.start}: ${reached.length} of ${p.nodes.length} nodes, weight ${formatNumber(total)}`, `Only the part connected to ${p.start} gets a spanning tree: weight ${formatNumber(total)}.`, 3);
    }
    tl.wait(0.3);
    const line = `minimum spanning tree: weight ${tree.map((e) => formatNumber(e.weight)).join(' + ')} = ${formatNumber(total)}`;
    return scene.finish(line.length <= 70 ? line : `minimum spanning tree: weight ${formatNumber(total)}`, `All ${p.nodes.length} nodes joined: a minimum spanning tree of weight ${formatNumber(total)}.`, 3);
  },
});
