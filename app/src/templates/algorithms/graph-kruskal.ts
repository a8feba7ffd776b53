// graph.mst_kruskal: take the edges from lightest to heaviest and keep each one unless it joins two nodes
// already connected (it would close a cycle); n − 1 kept edges are a minimum spanning tree. The sorted edge
// list sits beside the graph, each marked kept or skipped as it is decided.
import { roleColor } from '../emphasis/roles.ts';
import { count, GROUPED_SPEED, playInGroups } from '../step-groups.ts';
import { defineTemplate } from '../types.ts';
import { formatNumber } from './algo-scene.ts';
import { extractMst, kruskal, mstParams, type KruskalStep, type MstParams } from './graph-mst.ts';
import { GraphScene, PANEL_X } from './graph-scene.ts';

export const graphMstKruskal = defineTemplate<MstParams>({
  id: 'graph.mst_kruskal',
  title: "Kruskal's minimum spanning tree",
  category: 'algorithms',
  style: 'algorithmic',
  example: "Kruskal's algorithm on A-B 4, A-C 2, B-C 1, B-D 5, C-E 10, D-E 2, D-F 6, E-F 3",
  params: mstParams,
  vocabulary: ['kruskal', 'kruskals', 'spanning', 'mst'],
  triggers: [
    { pattern: /\bkruskal/, score: 0.97 },
    // "Minimum spanning tree" alone: Kruskal's is the one most syllabuses teach first; Prim's (and the others) say their name.
    { pattern: /^(?!.*\b(?:prim|bor\S*vka|reverse delete))(?:.*\b(minimum|minimal|min) (cost )?spanning (tree|forest)|.*\bmst\b)/, score: 0.8 },
  ],
  extract(text, warnings) {
    for (const w of ['kruskal', 'spanning', 'mst']) if (text.normalized.includes(w)) text.used.add(w);
    return extractMst(text, warnings);
  },
  facts(p) {
    const { tree, total, components } = kruskal(p);
    return { edges: tree, total_weight: total, spanning: components === 1 };
  },
  compose(p) {
    const { steps, tree, total, components } = kruskal(p);
    let kept = 0;
    let checked = 0;
    const counter = () => `edges kept ${kept}/${p.nodes.length - 1}   checked ${checked}`;
    const scene = new GraphScene("Kruskal's algorithm", p, p.start, counter());
    const tl = scene.tl;
    // The edges by weight, in one or two columns.
    const sorted = p.edges.map((e, i) => ({ e, i })).sort((a, b) => a.e.weight! - b.e.weight! || a.i - b.i);
    const columns = sorted.length > 12 ? 2 : 1;
    const perColumn = Math.ceil(sorted.length / columns);
    const gap = Math.min(0.4, 4.6 / perColumn);
    const label = (i: number) => `${p.edges[i]!.from}–${p.edges[i]!.to} ${formatNumber(p.edges[i]!.weight!)}`;
    const rowId = new Map<number, string>();
    scene.panelText('listHead', 'edges, lightest first', 2.3, { size: 0.3, color: '$muted' });
    sorted.forEach(({ i }, r) => {
      const id = `edgeRow${i}`;
      rowId.set(i, id);
      const o = scene.panelText(id, label(i), 1.85 - (r % perColumn) * gap, { size: 0.3, wrap: false });
      o.x = PANEL_X + Math.floor(r / perColumn) * 3.1;
    });
    scene.stateLegend([['current', 'being checked']], -3.2, { tree: 'spanning tree' });
    const k = Math.min(1, 55 / Math.max(1, steps.length * 1.3));
    let pace = 1;

    const play = (s: KruskalStep) => {
      tl.hold();
      checked++;
      const dur = 1.1 * k * pace;
      for (const n of [s.from, s.to]) scene.setState(n, 'current');
      scene.flashEdge(s.edge, dur * 0.8);
      tl.add({ type: 'highlight', target: rowId.get(s.edge)!, at: tl.t, duration: dur * 0.8, color: roleColor('current') });
      if (s.added) kept++;
      scene
        .counter(counter())
        .step(
          s.added ? `${s.from}–${s.to} (${formatNumber(s.weight)}) joins two separate pieces: keep it.` : `${s.from}–${s.to} (${formatNumber(s.weight)}): ${s.from} and ${s.to} are already connected, it would close a cycle: skip.`,
          dur,
          [scene.nodeId(s.from), scene.nodeId(s.to), rowId.get(s.edge)!],
        );
      tl.wait(dur);
      for (const n of [s.from, s.to]) scene.setState(n, 'idle');
      if (s.added) {
        scene.markEdge(s.edge, roleColor('tree'), 0.1);
        tl.setText(rowId.get(s.edge)!, `${label(s.edge)}  ✓`);
      } else {
        tl.add({ type: 'tween', target: scene.edgeId(s.edge), property: 'opacity', to: 0.2, start: tl.t, duration: 0.3 });
        tl.setText(rowId.get(s.edge)!, `${label(s.edge)}  ✗ cycle`);
        tl.add({ type: 'tween', target: rowId.get(s.edge)!, property: 'opacity', to: 0.5, start: tl.t, duration: 0.3 });
      }
      tl.wait(0.2 * k);
    };

    scene.intro('Kruskal: take the edges from lightest to heaviest; keep each unless it would close a cycle.', 1.6);
    scene.showGraph();
    tl.appear('listHead', 0.4);
    for (const id of rowId.values()) tl.appear(id, 0.3);
    tl.wait(0.6);
    scene.step(`${count(p.edges.length, 'edges')} sorted by weight; a tree on ${p.nodes.length} nodes needs ${p.nodes.length - 1} of them.`, 1.4, ['listHead', ...rowId.values()]);
    tl.wait(1.4);
    playInGroups(tl, [steps], {
      narrated: () => true,
      detail: 6,
      play,
      speed: (grouped) => {
        pace = grouped ? GROUPED_SPEED : 1;
      },
      summary: (rest) => {
        const keep = rest.filter((s) => s.added).length;
        return `The other ${count(rest.length, 'edges')} in turn: ${keep} kept, ${rest.length - keep} skipped as cycles.`;
      },
      refs: (rest) => rest.map((s) => rowId.get(s.edge)!),
    });
    const unused = p.edges.length - steps.length;
    if (components === 1 && unused > 0) {
      scene.step(`${p.nodes.length - 1} edges kept: the tree is complete, so the ${count(unused, 'heavier edges')} left are not needed.`, 1.5, tree.length ? [...rowId.values()].slice(-unused) : []);
      tl.wait(1.5);
    }
    tl.wait(0.3);
    const sum = tree.map((e) => formatNumber(e.weight)).join(' + ');
    if (components > 1) return scene.finish(`spanning forest of ${components} trees, weight ${formatNumber(total)}`, `The graph is not connected: a minimum spanning forest of ${components} trees, total weight ${formatNumber(total)}.`, 3);
    const line = `minimum spanning tree: weight ${sum} = ${formatNumber(total)}`;
    return scene.finish(line.length <= 70 ? line : `minimum spanning tree: weight ${formatNumber(total)}`, `A minimum spanning tree of weight ${formatNumber(total)}.`, 3);
  },
});
