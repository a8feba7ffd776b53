// Draws a graph on the left of the view (graph-layout.ts: on a circle, or a crossing-free drawing off it), with
// weights beside the edges and a text panel on the right for the queue / stack / distance table.
import type { Composition } from '../types.ts';
import { AlgoScene, formatNumber } from './algo-scene.ts';
import { roleColor, type LegendEntry, type Role } from '../emphasis/roles.ts';
import { LEGEND_ROW, legendObjects, rowPlaces } from '../emphasis/legend.ts';
import { adjacency, compareLabels, isDirected, type Graph } from './graph-model.ts';
import { graphLayout, NODE_RADIUS, type GraphLayout } from './graph-layout.ts';
import { pointSegmentDistance, type Point } from './graph-geometry.ts';

const CENTER: Point = [-3.3, -0.65];
export const PANEL_X = 1.2;
export const PANEL_WIDTH = 6.4;

export type NodeState = 'idle' | 'frontier' | 'current' | 'done';
const STATE_FILL: Record<NodeState, string> = { idle: '$surface', frontier: roleColor('frontier'), current: roleColor('current'), done: roleColor('done') };
const STATE_ROLE: Record<Exclude<NodeState, 'idle'>, Role> = { frontier: 'frontier', current: 'current', done: 'done' };

/** Depth-first from the start: the first circle order tried when the graph has no crossing-free one (graph-layout.ts). */
export function circleOrder(g: Graph, start: string): string[] {
  const undirected = { ...g, directed: false, edges: g.edges.map(({ from, to }) => ({ from, to })) };
  const adj = adjacency(undirected);
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (root: string) => {
    const stack = [root];
    while (stack.length > 0) {
      const u = stack.pop()!;
      if (seen.has(u)) continue;
      seen.add(u);
      order.push(u);
      const next = (adj.get(u) ?? []).map((n) => n.node).filter((v) => !seen.has(v));
      for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]!);
    }
  };
  if (g.nodes.includes(start)) visit(start);
  for (const n of [...g.nodes].sort(compareLabels)) if (!seen.has(n)) visit(n);
  return order;
}

export class GraphScene extends AlgoScene {
  readonly graph: Graph;
  readonly pos: Map<string, Point>;
  readonly layout: GraphLayout;
  private readonly nodeIds = new Map<string, string>();
  private readonly badgeIds = new Map<string, string>();

  /** Labels longer than fit in a node ("City10") are written beside it; the visit number goes inside. */
  private readonly namesOutside: boolean;

  constructor(title: string, graph: Graph, start: string, counter: string) {
    super(title, counter);
    this.graph = graph;
    this.namesOutside = graph.nodes.some((l) => l.length > 3);
    this.layout = graphLayout(graph, start, this.namesOutside, circleOrder(graph, start));
    this.pos = this.layout.pos;
    graph.nodes.forEach((label, i) => this.nodeIds.set(label, `n${i}`));
    this.drawEdges();
    for (const label of graph.nodes) {
      const [x, y] = this.pos.get(label)!;
      this.add({ id: this.nodeIds.get(label)!, type: 'node', x, y, radius: NODE_RADIUS, label: this.namesOutside ? '' : label, fill: '$surface', stroke: '$primary', labelColor: '$foreground' });
    }
    graph.nodes.forEach((label, i) => {
      const { x, y, align } = this.besidePosition(label);
      if (this.namesOutside) {
        this.add({ id: `name${i}`, type: 'text', text: label, x, y, size: 0.3, font: 'mono', weight: 600, align, color: '$foreground' });
      } else {
        this.badgeIds.set(label, `badge${i}`);
        // Visit / settle order as "#1": written in its own role colour and form so it never reads as a distance.
        this.add({ id: `badge${i}`, type: 'text', text: '', x, y, size: 0.3, font: 'mono', weight: 700, align, color: roleColor('order') });
      }
    });
  }

  nodeId(label: string): string {
    return this.nodeIds.get(label)!;
  }

  edgeId(index: number): string {
    return `e${index}`;
  }

  private drawEdges(): void {
    const placed: Point[] = [];
    const centres = [...this.pos.values()];
    const segments = this.graph.edges.map((e) => [this.pos.get(e.from)!, this.pos.get(e.to)!] as const);
    this.graph.edges.forEach((e, i) => {
      this.add({ id: this.edgeId(i), type: 'edge', from: this.nodeIds.get(e.from)!, to: this.nodeIds.get(e.to)!, directed: isDirected(this.graph, e), color: '$muted', width: 0.05 });
    });
    // Weights as separate labels so two edges crossing at their middles do not stack their weights.
    this.graph.edges.forEach((e, i) => {
      if (e.weight === undefined) return;
      const a = this.pos.get(e.from)!;
      const b = this.pos.get(e.to)!;
      let best: Point = a;
      let bestScore = -Infinity;
      for (const t of [0.5, 0.42, 0.58, 0.35, 0.65, 0.28, 0.72]) {
        const p: Point = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
        const nearLabel = Math.min(...placed.map((q) => Math.hypot(p[0] - q[0], p[1] - q[1])), 9);
        const nearNode = Math.min(...centres.map((q) => Math.hypot(p[0] - q[0], p[1] - q[1])));
        // Away from crossings too: a weight on a crossing reads as belonging to either edge.
        const nearEdge = Math.min(...segments.filter((_, j) => j !== i).map(([q, r]) => pointSegmentDistance(p, q, r)), 9);
        const score = Math.min(nearLabel / 0.6, nearNode / 0.75, nearEdge / 0.45, 1) - Math.abs(t - 0.5) * 0.1;
        if (score > bestScore) {
          bestScore = score;
          best = p;
        }
      }
      placed.push(best);
      this.add({ id: `w${i}`, type: 'text', text: formatNumber(e.weight), x: best[0], y: best[1], size: 0.3, font: 'mono', weight: 600, color: '$foreground', background: '$background' });
    });
  }

  /**
   * Outside the circle, beside the node: to the side (aligned away from the node) on the left and
   * right, above at the top; sideways near the bottom so it stays clear of the status line.
   */
  private besidePosition(label: string): { x: number; y: number; align: 'left' | 'right' | 'center' } {
    if (this.layout.kind !== 'circle') return this.clearestSide(label);
    const [x, y] = this.pos.get(label)!;
    let [dx, dy] = [x - CENTER[0], y - CENTER[1]];
    const len = Math.hypot(dx, dy) || 1;
    [dx, dy] = [dx / len, dy / len];
    // Near the bottom, names go below (the layout left room); short badges go sideways.
    if (dy < -0.6 && !this.namesOutside) [dx, dy] = [dx >= 0 ? 1 : -1, 0];
    if (Math.abs(dx) < 0.35) return { x, y: y + (dy >= 0 ? 0.68 : -0.64), align: 'center' };
    return { x: x + (dx > 0 ? 0.52 : -0.52), y: y + dy * 0.45, align: dx > 0 ? 'left' : 'right' };
  }

  /**
   * Off the circle there is no "outside": the name or badge goes on the side of the node (of eight) whose label box
   * is farthest from every edge and every other node, preferring the sides tried first (right, left, above, below).
   */
  private clearestSide(label: string): { x: number; y: number; align: 'left' | 'right' | 'center' } {
    const [x, y] = this.pos.get(label)!;
    const width = (this.namesOutside ? label.length : 3) * 0.3 * 0.62;
    const sides: { x: number; y: number; align: 'left' | 'right' | 'center'; centre: Point }[] = [
      { x: x + 0.52, y, align: 'left', centre: [x + 0.52 + width / 2, y] },
      { x: x - 0.52, y, align: 'right', centre: [x - 0.52 - width / 2, y] },
      { x, y: y + 0.64, align: 'center', centre: [x, y + 0.64] },
      { x, y: y - 0.64, align: 'center', centre: [x, y - 0.64] },
      { x: x + 0.42, y: y + 0.42, align: 'left', centre: [x + 0.42 + width / 2, y + 0.42] },
      { x: x - 0.42, y: y + 0.42, align: 'right', centre: [x - 0.42 - width / 2, y + 0.42] },
      { x: x + 0.42, y: y - 0.42, align: 'left', centre: [x + 0.42 + width / 2, y - 0.42] },
      { x: x - 0.42, y: y - 0.42, align: 'right', centre: [x - 0.42 - width / 2, y - 0.42] },
    ];
    const room = (c: Point) => {
      // Distance from the label box (its centre line, half its width either way) to edges and other nodes.
      const probes: Point[] = [c, [c[0] - width / 2, c[1]], [c[0] + width / 2, c[1]]];
      let least = Infinity;
      for (const e of this.graph.edges) {
        const [a, b] = [this.pos.get(e.from)!, this.pos.get(e.to)!];
        for (const p of probes) least = Math.min(least, pointSegmentDistance(p, a, b));
      }
      for (const [other, q] of this.pos) if (other !== label) for (const p of probes) least = Math.min(least, Math.hypot(p[0] - q[0], p[1] - q[1]) - NODE_RADIUS);
      return least;
    };
    let best = sides[0]!;
    let bestRoom = -Infinity;
    for (const side of sides) {
      const r = room(side.centre);
      // A side needs to be clearly roomier to beat an earlier one: small differences should not flip labels about.
      if (r > bestRoom + 0.05) {
        best = side;
        bestRoom = r;
      }
    }
    return { x: best.x, y: best.y, align: best.align };
  }

  /** Fades in the edges, then the nodes. */
  showGraph(): void {
    const tl = this.tl;
    this.graph.edges.forEach((e, i) => {
      tl.appear(this.edgeId(i), 0.5, 'draw');
      if (e.weight !== undefined) tl.appear(`w${i}`, 0.4, 'fade', tl.t + 0.3);
    });
    for (const label of this.graph.nodes) tl.appear(this.nodeId(label), 0.4, 'grow');
    tl.wait(0.8);
  }

  setState(label: string, state: NodeState, duration = 0.25): void {
    const tl = this.tl;
    const id = this.nodeId(label);
    tl.add({ type: 'tween', target: id, property: 'fill', to: STATE_FILL[state], start: tl.t, duration });
    tl.add({ type: 'tween', target: id, property: 'labelColor', to: state === 'idle' ? '$foreground' : '$background', start: tl.t, duration });
  }

  /** Writes the visit number beside the node (or inside it, when the name is written beside it). */
  badge(label: string, n: number): void {
    const id = this.badgeIds.get(label);
    if (id) this.tl.setText(id, `#${n}`);
    else this.tl.add({ type: 'set', target: this.nodeId(label), at: this.tl.t, property: 'label', value: String(n) });
  }

  /** Panel text whose first line stays at `top` however many lines it wraps to. */
  setPanelText(id: string, text: string, top: number, size = 0.34): void {
    const perLine = Math.max(1, Math.floor(PANEL_WIDTH / (size * 0.62)));
    const lines = Math.max(1, Math.ceil(text.length / perLine));
    this.tl.setText(id, text);
    this.tl.add({ type: 'set', target: id, at: this.tl.t, property: 'y', value: top - ((lines - 1) * size * 1.25) / 2 });
  }

  flashEdge(index: number, seconds: number): void {
    this.tl.add({ type: 'highlight', target: this.edgeId(index), at: this.tl.t, duration: seconds, color: roleColor('current') });
  }

  /**
   * Recolours and thickens an edge for good: tree edges, the shortest path. Call it after a flash
   * on the same edge has ended: a highlight restores the colour it found when it started.
   */
  markEdge(index: number, color: string, width = 0.09, at = this.tl.t): void {
    const tl = this.tl;
    tl.add({ type: 'tween', target: this.edgeId(index), property: 'color', to: color, start: at, duration: 0.3 });
    tl.add({ type: 'tween', target: this.edgeId(index), property: 'width', to: width, start: at, duration: 0.3 });
  }

  /** A left-aligned line of the side panel; `wrap: false` keeps runs of spaces (table columns). */
  panelText(id: string, text: string, y: number, opts: { size?: number; color?: string; weight?: 400 | 600 | 700; wrap?: boolean } = {}): Composition['objects'][number] {
    const obj = {
      id,
      type: 'text' as const,
      text,
      x: PANEL_X,
      y,
      size: opts.size ?? 0.34,
      font: 'mono' as const,
      align: 'left' as const,
      ...(opts.wrap === false ? {} : { maxWidth: PANEL_WIDTH }),
      color: opts.color ?? '$foreground',
      weight: opts.weight ?? 400,
    };
    this.add(obj);
    return obj;
  }

  /**
   * The legend of the node colours used, in one row under the panel (the shared legend, emphasis/legend.ts),
   * and of the visit-order badges when the graph writes them.
   */
  stateLegend(items: [Exclude<NodeState, 'idle'>, string][], y: number, more: { tree?: string; path?: string; order?: string } = {}): void {
    const entries: LegendEntry[] = items.map(([state, label]) => ({ role: STATE_ROLE[state], label }));
    if (more.tree) entries.push({ role: 'tree', label: more.tree, swatch: 'line' });
    if (more.path) entries.push({ role: 'path', label: more.path, swatch: 'line' });
    if (more.order && this.badgeIds.size) entries.push({ role: 'order', label: more.order, swatch: { text: '#1' } });
    // Lines past the first go above it: the row's last line stays at `y`, clear of the caption band.
    const lines = Math.max(...rowPlaces(entries, PANEL_WIDTH).map((p) => p.line)) + 1;
    this.add(...legendObjects(entries, { x0: PANEL_X - 0.15, y1: y + LEGEND_ROW / 2 + (lines - 1) * LEGEND_ROW }, 'row', PANEL_WIDTH));
  }
}
