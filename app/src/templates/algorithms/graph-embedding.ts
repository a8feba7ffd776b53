// Whether a graph can be drawn without crossings, and how: a planar embedding as a rotation system (each node's
// neighbours in the order they go round it), found block by block with the Demoucron–Malgrange–Pertuiset algorithm.
// The templates take at most 12 nodes and 30 edges, so the simple quadratic algorithm is more than fast enough, and
// it is short enough to check by reading.
export type Rotation = Map<string, string[]>;
type Line = readonly [string, string];

/** The biconnected blocks of a simple undirected graph, each as its list of edges (Tarjan, depth first). */
export function blocks(nodes: readonly string[], lines: readonly Line[]): Line[][] {
  const adj = neighbourLists(nodes, lines);
  const depth = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: Line[] = [];
  const out: Line[][] = [];
  const visit = (u: string, parent: string | undefined, d: number) => {
    depth.set(u, d);
    low.set(u, d);
    for (const v of adj.get(u)!) {
      if (v === parent) continue;
      if (!depth.has(v)) {
        stack.push([u, v]);
        visit(v, u, d + 1);
        low.set(u, Math.min(low.get(u)!, low.get(v)!));
        if (low.get(v)! >= d) {
          const block: Line[] = [];
          for (;;) {
            const e = stack.pop()!;
            block.push(e);
            if (e[0] === u && e[1] === v) break;
          }
          out.push(block);
        }
      } else if (depth.get(v)! < d) {
        stack.push([u, v]);
        low.set(u, Math.min(low.get(u)!, depth.get(v)!));
      }
    }
  };
  for (const n of nodes) if (!depth.has(n)) visit(n, undefined, 0);
  return out;
}

function neighbourLists(nodes: readonly string[], lines: readonly Line[]): Map<string, string[]> {
  const adj = new Map<string, string[]>(nodes.map((n) => [n, []]));
  for (const [a, b] of lines) {
    adj.get(a)!.push(b);
    adj.get(b)!.push(a);
  }
  return adj;
}

const key = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** A cycle in a biconnected block (it has one when it has more than one edge), as its nodes in order. */
function findCycle(adj: Map<string, string[]>, root: string): string[] {
  const parent = new Map<string, string | null>([[root, null]]);
  const stack = [root];
  const order: string[] = [];
  while (stack.length) {
    const u = stack.pop()!;
    order.push(u);
    for (const v of adj.get(u)!) {
      if (v === parent.get(u)) continue;
      if (parent.has(v)) {
        // A non-tree edge u–v: the cycle is the two tree paths up to their meeting node, closed by u–v.
        const up = (x: string) => {
          const path = [x];
          for (let p = parent.get(x); p != null; p = parent.get(p)) path.push(p);
          return path;
        };
        const pu = up(u);
        const pv = up(v);
        const onPv = new Set(pv);
        const meet = pu.find((x) => onPv.has(x))!;
        return [...pu.slice(0, pu.indexOf(meet) + 1), ...pv.slice(0, pv.indexOf(meet)).reverse()];
      }
      parent.set(v, u);
      stack.push(v);
    }
  }
  return order;
}

/** Faces of one biconnected block's planar embedding, each a cycle of nodes in a consistent orientation; null when the block is not planar. */
function embedBlock(block: readonly Line[]): string[][] | null {
  const nodes = [...new Set(block.flat())];
  const adj = neighbourLists(nodes, block);
  const cycle = findCycle(adj, nodes[0]!);
  const inH = new Set(cycle);
  const edgesInH = new Set(cycle.map((v, i) => key(v, cycle[(i + 1) % cycle.length]!)));
  let faces: string[][] = [cycle, [...cycle].reverse()];
  while (edgesInH.size < block.length) {
    // The fragments: edges between embedded nodes not embedded yet, and the pieces of the rest with their attachments.
    const fragments: { attach: string[]; path: () => string[] }[] = [];
    for (const [a, b] of block) if (inH.has(a) && inH.has(b) && !edgesInH.has(key(a, b))) fragments.push({ attach: [a, b], path: () => [a, b] });
    const seen = new Set<string>();
    for (const n of nodes) {
      if (inH.has(n) || seen.has(n)) continue;
      const piece = new Set<string>();
      const attach = new Set<string>();
      for (const toVisit = [n]; toVisit.length;) {
        const u = toVisit.pop()!;
        if (piece.has(u)) continue;
        piece.add(u);
        seen.add(u);
        for (const v of adj.get(u)!) inH.has(v) ? attach.add(v) : toVisit.push(v);
      }
      const at = [...attach];
      fragments.push({ attach: at, path: () => pathThrough(adj, piece, at[0]!, at[1]!) });
    }
    const admissible = fragments.map((f) => faces.filter((face) => f.attach.every((a) => face.includes(a))));
    if (admissible.some((fs) => fs.length === 0)) return null;
    const pick = Math.max(
      0,
      admissible.findIndex((fs) => fs.length === 1),
    );
    const face = admissible[pick]![0]!;
    const path = fragments[pick]!.path();
    const inner = path.slice(1, -1);
    const ia = face.indexOf(path[0]!);
    const ib = face.indexOf(path[path.length - 1]!);
    const arc = (from: number, to: number) => {
      const out: string[] = [];
      for (let i = from; ; i = (i + 1) % face.length) {
        out.push(face[i]!);
        if (i === to) return out;
      }
    };
    faces = faces.filter((f) => f !== face);
    faces.push([...arc(ia, ib), ...[...inner].reverse()], [...arc(ib, ia), ...inner]);
    for (const v of inner) inH.add(v);
    for (let i = 0; i + 1 < path.length; i++) edgesInH.add(key(path[i]!, path[i + 1]!));
  }
  return faces;
}

/** A path from attachment a through the piece to attachment b (breadth first, so short). */
function pathThrough(adj: Map<string, string[]>, piece: Set<string>, a: string, b: string): string[] {
  const prev = new Map<string, string>();
  const queue = (adj.get(a) ?? []).filter((v) => piece.has(v));
  for (const v of queue) prev.set(v, a);
  for (let i = 0; i < queue.length; i++) {
    const u = queue[i]!;
    for (const v of adj.get(u)!) {
      if (v === b) {
        const path = [b, u];
        for (let p = prev.get(u)!; ; p = prev.get(p)!) {
          path.push(p);
          if (p === a) return path.reverse();
        }
      }
      if (piece.has(v) && !prev.has(v)) {
        prev.set(v, u);
        queue.push(v);
      }
    }
  }
  throw new Error('a fragment of a biconnected block reaches two attachments');
}

/**
 * A planar embedding of the simple graph (lines between distinct nodes, each pair once), or null when it has none.
 * Each block is embedded on its own; at a node shared by blocks their neighbour orders are joined one after the
 * other, which keeps the whole embedding planar (each block lies in one face of the others).
 */
export function planarEmbedding(nodes: readonly string[], lines: readonly Line[]): Rotation | null {
  const rotation: Rotation = new Map(nodes.map((n) => [n, []]));
  for (const block of blocks(nodes, lines)) {
    if (block.length === 1) {
      const [a, b] = block[0]!;
      rotation.get(a)!.push(b);
      rotation.get(b)!.push(a);
      continue;
    }
    const faces = embedBlock(block);
    if (!faces) return null;
    // Around v, the face ... u, v, w ... means w follows u (faces are traced turning to the next neighbour).
    const next = new Map<string, Map<string, string>>();
    for (const face of faces)
      face.forEach((v, i) => {
        const u = face[(i + face.length - 1) % face.length]!;
        const w = face[(i + 1) % face.length]!;
        if (!next.has(v)) next.set(v, new Map());
        next.get(v)!.set(u, w);
      });
    for (const [v, succ] of next) {
      const first = succ.keys().next().value!;
      const order = [first];
      for (let u = succ.get(first)!; u !== first; u = succ.get(u)!) order.push(u);
      rotation.get(v)!.push(...order);
    }
  }
  return rotation;
}

/** The faces of an embedding, each as the nodes met walking it: from u→v the walk goes on to the neighbour after u round v. */
export function faces(rotation: Rotation): string[][] {
  const done = new Set<string>();
  const out: string[][] = [];
  for (const [u, around] of rotation)
    for (const v of around) {
      if (done.has(`${u}\u0000${v}`)) continue;
      const face: string[] = [];
      for (let [a, b] = [u, v]; !done.has(`${a}\u0000${b}`);) {
        done.add(`${a}\u0000${b}`);
        face.push(a);
        const list = rotation.get(b)!;
        const c = list[(list.indexOf(a) + 1) % list.length]!;
        [a, b] = [b, c];
      }
      out.push(face);
    }
  return out;
}
