// Graph layouts: the crossing counter on hand-made drawings, the planar embedding against Euler's formula, and the
// layout itself: planar graphs (and every graph template's example) drawn with no crossing and no edge through a
// node, K5 and K3,3 with their minimum of one crossing, the same picture every time, the start node up and left.
import test from 'ava';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { drawingDefects, segmentsIntersect, type Point } from '../../src/templates/algorithms/graph-geometry.ts';
import { faces, planarEmbedding } from '../../src/templates/algorithms/graph-embedding.ts';
import { EDGE_MARGIN, graphLayout, NODE_RADIUS } from '../../src/templates/algorithms/graph-layout.ts';
import { exampleGraph, type Graph } from '../../src/templates/algorithms/graph-model.ts';
import { TEMPLATES } from '../../src/templates/registry.ts';

const edges = (text: string) =>
  text.split(/,\s*/).map((p) => {
    const [from, to] = p.split('-') as [string, string];
    return { from, to };
  });
const graph = (nodes: string, text: string): Graph => ({ nodes: nodes.split(''), edges: edges(text), directed: false });
const complete = (nodes: string): Graph => {
  const ns = nodes.split('');
  return { nodes: ns, edges: ns.flatMap((a, i) => ns.slice(i + 1).map((b) => ({ from: a, to: b }))), directed: false };
};

const PLANAR: Record<string, Graph> = {
  'a triangulated 7-node graph': graph('ABCDEFG', 'A-B, B-C, C-A, A-D, B-D, C-D, A-E, B-E, D-E, B-F, C-F, D-F, C-G, A-G, D-G'),
  'a 3 × 3 grid': graph('ABCDEFGHI', 'A-B, B-C, D-E, E-F, G-H, H-I, A-D, D-G, B-E, E-H, C-F, F-I'),
  'a wheel of six spokes': graph('HABCDEF', 'H-A, H-B, H-C, H-D, H-E, H-F, A-B, B-C, C-D, D-E, E-F, F-A'),
  'the cube graph Q3': graph('ABCDEFGH', 'A-B, B-C, C-D, D-A, E-F, F-G, G-H, H-E, A-E, B-F, C-G, D-H'),
  'two triangles joined by a bridge': graph('ABCDEF', 'A-B, B-C, C-A, C-D, D-E, E-F, F-D'),
  K4: complete('ABCD'),
  'K4 with a tail and a separate edge': graph('ABCDEFG', 'A-B, A-C, A-D, B-C, B-D, C-D, D-E, F-G'),
};

test('the crossing counter: crossing, touching and overlapping segments count; shared ends and parallels do not', (t) => {
  const at = (entries: Record<string, Point>) => new Map(Object.entries(entries));
  const d = (pos: Map<string, Point>, text: string) => drawingDefects(pos, edges(text), 0.4, 0.15);
  // An X: the two diagonals of a square cross once; the sides meet only at shared ends.
  const square = at({ A: [0, 0], B: [4, 0], C: [4, 4], D: [0, 4] });
  t.is(d(square, 'A-C, B-D').crossings, 1);
  t.is(d(square, 'A-B, B-C, C-D, D-A').crossings, 0);
  t.is(d(square, 'A-B, B-C, C-D, D-A, A-C, B-D').crossings, 1);
  // Written twice, one line: counted once.
  t.is(d(square, 'A-C, C-A, B-D').crossings, 1);
  // Parallel and apart; a T where one segment ends on the other; collinear overlap.
  t.is(d(at({ A: [0, 0], B: [4, 0], C: [0, 2], D: [4, 2] }), 'A-B, C-D').crossings, 0);
  t.is(d(at({ A: [0, 0], B: [4, 0], C: [2, 3], D: [2, 0] }), 'A-B, C-D').crossings, 1);
  t.is(d(at({ A: [0, 0], B: [4, 0], C: [3, 0], D: [6, 0] }), 'A-B, C-D').crossings, 1);
  t.true(segmentsIntersect([0, 0], [2, 2], [2, 0], [0, 2]));
  t.false(segmentsIntersect([0, 0], [1, 1], [2, 2], [3, 3]));
  // An edge through a node it does not join, and one that passes too near it.
  const line = at({ A: [0, 0], B: [6, 0], C: [3, 0.1], D: [3, 3] });
  const through = d(line, 'A-B, C-D');
  t.is(through.throughNodes, 1);
  t.is(through.crossings, 0, 'C is 0.1 above A–B: through it as drawn, but C–D does not meet A–B');
  const near = d(at({ A: [0, 0], B: [6, 0], C: [3, 0.5], D: [3, 3] }), 'A-B, C-D');
  t.deepEqual([near.crossings, near.throughNodes, near.crowded], [0, 0, 1]);
  t.is(Math.round(near.clearance * 100), 50);
});

test('the planar embedding satisfies Euler’s formula, and K5 and K3,3 have none', (t) => {
  for (const [name, g] of Object.entries(PLANAR)) {
    const lines = g.edges.map((e) => [e.from, e.to] as const);
    const rotation = planarEmbedding(g.nodes, lines);
    t.truthy(rotation, name);
    // Faces are walked per component, each with its own outer face: V − E + F = 2 for each.
    const components = name.includes('separate') ? 2 : 1;
    t.is(g.nodes.length - lines.length + faces(rotation!).length, 2 * components, name);
  }
  const k33 = graph('ABCXYZ', 'A-X, A-Y, A-Z, B-X, B-Y, B-Z, C-X, C-Y, C-Z');
  for (const g of [complete('ABCDE'), k33])
    t.is(
      planarEmbedding(
        g.nodes,
        g.edges.map((e) => [e.from, e.to] as const),
      ),
      null,
    );
});

test('planar graphs are drawn with no crossing and no edge through a node, and the same way every time', (t) => {
  for (const [name, g] of Object.entries(PLANAR)) {
    const layout = graphLayout(g, g.nodes[0]!);
    t.is(layout.defects.crossings, 0, name);
    t.is(layout.defects.throughNodes, 0, name);
    t.true(layout.defects.clearance >= NODE_RADIUS, `${name}: clearance ${layout.defects.clearance}`);
    t.not(layout.kind, 'fewest-crossings', name);
    t.deepEqual([...graphLayout(g, g.nodes[0]!).pos], [...layout.pos], `${name} is drawn the same way twice`);
    // The start node is where reading starts: in the upper half or the left half of the drawing.
    const ps = [...layout.pos.values()];
    const [cx, cy] = [(Math.min(...ps.map((p) => p[0])) + Math.max(...ps.map((p) => p[0]))) / 2, (Math.min(...ps.map((p) => p[1])) + Math.max(...ps.map((p) => p[1]))) / 2];
    const s = layout.pos.get(g.nodes[0]!)!;
    t.true(s[1] >= cy - 1e-9 || s[0] <= cx + 1e-9, `${name}: start at ${s}`);
  }
  // Outerplanar graphs stay on the circle; the others leave it.
  t.is(graphLayout(PLANAR['two triangles joined by a bridge']!, 'A').kind, 'circle');
  t.is(graphLayout(PLANAR['the cube graph Q3']!, 'A').kind, 'planar');
});

test('the sparser planar drawings also keep every edge a margin clear of the nodes it does not join', (t) => {
  for (const name of ['a 3 × 3 grid', 'a wheel of six spokes', 'the cube graph Q3', 'two triangles joined by a bridge', 'K4']) {
    const { defects } = graphLayout(PLANAR[name]!, PLANAR[name]!.nodes[0]!);
    t.is(defects.crowded, 0, name);
    t.true(defects.clearance >= NODE_RADIUS + EDGE_MARGIN, `${name}: ${defects.clearance}`);
  }
});

test('K5 and K3,3 are drawn with their minimum, one crossing, and say they are not crossing-free', (t) => {
  const k33 = graph('ABCXYZ', 'A-X, A-Y, A-Z, B-X, B-Y, B-Z, C-X, C-Y, C-Z');
  for (const g of [complete('ABCDE'), k33]) {
    const layout = graphLayout(g, 'A');
    t.is(layout.kind, 'fewest-crossings');
    t.is(layout.defects.crossings, 1);
    t.is(layout.defects.throughNodes, 0);
  }
});

test('the example graphs of 2 to 12 nodes have no crossings', (t) => {
  for (let n = 2; n <= 12; n++) {
    const layout = graphLayout({ ...exampleGraph(n), directed: false }, 'A');
    t.is(layout.defects.crossings, 0, `${n} nodes`);
    // Up to 11 nodes no edge runs through a node; at 12 the circle's short chords still graze two (known, see docs/house-style.md).
    if (n <= 11) t.is(layout.defects.throughNodes, 0, `${n} nodes`);
  }
});

test('every graph template’s catalogue example is drawn with no crossing edges and no edge through a node', (t) => {
  const graphTemplates = TEMPLATES.filter((tpl) => tpl.id.startsWith('graph.') && tpl.id !== 'graph.astar');
  t.true(graphTemplates.length >= 7);
  for (const tpl of graphTemplates) {
    const { scene } = sceneFromDescription(tpl.example, { width: 1280, height: 720, fps: 30 });
    const nodes = scene.objects.filter((o) => o.type === 'node');
    const pos = new Map(nodes.map((o) => [o.id, [o.x, o.y] as Point]));
    const drawn = scene.objects.filter((o) => o.type === 'edge').map((o) => ({ from: o.from, to: o.to }));
    t.true(nodes.length >= 4 && drawn.length >= 4, tpl.id);
    const defects = drawingDefects(pos, drawn, NODE_RADIUS, 0);
    t.is(defects.crossings, 0, tpl.id);
    t.is(defects.throughNodes, 0, tpl.id);
  }
});
