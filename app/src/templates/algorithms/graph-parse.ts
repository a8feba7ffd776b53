// Graphs written in text: "A-B 4, B-C, A->D", "1 - 2 - 3", "S→A (7)", "A-B weight 3"; "->" means
// directed. Also the start ("from A", "starting at node A") and end ("to E") of a search.
import { NUMBER_RE, toNumber, type ParsedText } from '../../text/parse.ts';
import { MAX_GRAPH_EDGES, MAX_GRAPH_NODES, type Graph, type GraphEdge } from './graph-model.ts';

const N = NUMBER_RE.source;
// Short labels (A, n1, 10) or capitalised names (Paris); long lower-case words are prose, not nodes.
const LABEL = String.raw`(?:[A-Z][A-Za-z0-9_]{0,11}|[a-z][a-z0-9_]{0,2}|\d{1,4})`;
const SEP = String.raw`(?:<-+>|<->|-+>|=>|→|↔|—|–|-)`;
const WEIGHT = String.raw`(?:\s*(?:[:=(]|,?\s*\b(?:weight|cost|w|dist(?:ance)?|length)\b\s*[:=]?)?\s*(${N})(?!\w|\.\d)\)?)?`;
// Spaces on both sides of the dash or none ("A - B", "A-B"); "B -3" is a label then a negative number.
const CONNECT = String.raw`(?:\s+${SEP}\s+|${SEP}\s*)`;
const CHAIN_RE = new RegExp(String.raw`(?<![\w\-])(${LABEL}(?:${CONNECT}${LABEL})+)(?![\w\-])${WEIGHT}`, 'g');
const SPLIT_RE = new RegExp(String.raw`\s*(${SEP})\s*`);

/** Capitalised words that are prose even when hyphenated ("Breadth-First", "Depth-First"). */
const NOT_LABELS = new Set(['breadth', 'first', 'depth', 'search', 'dijkstra', 'shortest', 'path', 'graph', 'step', 'by', 'non', 'self', 'pre', 'post', 'in', 'order', 'level', 'the', 'and', 'to', 'of']);

export interface ParsedGraph extends Graph {
  weighted: boolean;
}

export function parseGraph(text: string, warnings: string[]): ParsedGraph | undefined {
  const nodes: string[] = [];
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  const known = new Set<string>();
  let arrows = 0;
  let plain = 0;
  let dropped = 0;
  for (const m of text.matchAll(CHAIN_RE)) {
    const parts = m[1]!.split(SPLIT_RE);
    const labels = parts.filter((_, i) => i % 2 === 0);
    const seps = parts.filter((_, i) => i % 2 === 1);
    if (labels.some((l) => NOT_LABELS.has(l.toLowerCase()))) continue;
    // A weight belongs to a single edge; on a chain ("A-B-C 4") it is ambiguous and ignored.
    const weight = m[2] !== undefined && labels.length === 2 ? toNumber(m[2]) : undefined;
    if (m[2] !== undefined && labels.length > 2) warnings.push(`the weight after ${m[1]} was ignored: write one weight per edge ("A-B 4, B-C 2")`);
    for (let i = 0; i + 1 < labels.length; i++) {
      const sep = seps[i]!;
      const arrow = /[>→]/.test(sep) && !/^<|↔/.test(sep);
      const [from, to] = [labels[i]!, labels[i + 1]!];
      if (from === to) {
        warnings.push(`the self-loop ${from}-${to} was left out: it never changes a search`);
        continue;
      }
      const key = arrow ? `${from}>${to}` : [from, to].sort().join('-');
      if (seen.has(key)) continue;
      for (const label of [from, to]) {
        if (known.has(label)) continue;
        known.add(label);
        nodes.push(label);
      }
      if (edges.length >= MAX_GRAPH_EDGES) {
        dropped++;
        continue;
      }
      seen.add(key);
      if (arrow) arrows++;
      else plain++;
      edges.push({ from, to, ...(weight !== undefined && Number.isFinite(weight) ? { weight } : {}), ...(arrow ? { directed: true } : {}) });
    }
  }
  if (edges.length === 0) return undefined;
  if (dropped > 0) warnings.push(`${edges.length + dropped} edges given; using the first ${MAX_GRAPH_EDGES} (more would not stay readable)`);
  let keptNodes = nodes;
  let keptEdges = edges;
  if (nodes.length > MAX_GRAPH_NODES) {
    keptNodes = nodes.slice(0, MAX_GRAPH_NODES);
    const keep = new Set(keptNodes);
    keptEdges = edges.filter((e) => keep.has(e.from) && keep.has(e.to));
    warnings.push(`${nodes.length} nodes given; showing the first ${MAX_GRAPH_NODES} and their edges (more would not stay readable)`);
  }
  const saysDirected = /\b(directed|digraph)\b/i.test(text) && !/\bundirected\b/i.test(text);
  // All arrows: a directed graph. Mixed: undirected, with the arrows kept as one-way edges.
  const directed = (arrows > 0 && plain === 0) || saysDirected;
  if (directed) keptEdges = keptEdges.map(({ directed: _, ...e }) => e);
  const weighted = keptEdges.some((e) => e.weight !== undefined);
  return { nodes: keptNodes, edges: keptEdges, directed, weighted };
}

// The linking word is matched right after the spaces ("starting at D"): were it to need a space of its own, the
// spaces would be taken first and "at" read as the label.
const START_RE = new RegExp(String.raw`\b(?:start(?:ing|s)?|begin(?:ning|s)?|from|source|root(?:ed)?|origin)\s*(?:[:=]|(?:at|from|in|with|on)\b)?\s*(?:the\s+)?(node\s+|vertex\s+)?(${LABEL})(?![\w\-])`, 'g');
const END_RE = new RegExp(String.raw`\b(?:to|end(?:ing)?(?:\s+at)?|target|destination|goal|until|reach(?:ing)?)\s*[:=]?\s*(?:the\s+)?(node\s+|vertex\s+)?(${LABEL})(?![\w\-])`, 'g');

/** The first label after one of the words that is a node ("a" counts only as "node a"). */
function findLabel(re: RegExp, text: string, nodes: readonly string[]): string | undefined {
  for (const m of text.matchAll(re)) {
    const token = m[2]!;
    const named = m[1] !== undefined;
    if (nodes.includes(token)) {
      if (token === 'a' && !named) continue;
      return token;
    }
    // "starting at b" on a graph drawn with capitals.
    const upper = nodes.filter((n) => n.toLowerCase() === token.toLowerCase());
    if (upper.length === 1 && (named || (token !== 'a' && token.length === 1 && /[A-Z]/.test(upper[0]!)))) return upper[0];
  }
  return undefined;
}

export function findStart(text: string, nodes: readonly string[]): string | undefined {
  return findLabel(START_RE, text, nodes);
}

export function findEnd(text: string, nodes: readonly string[]): string | undefined {
  return findLabel(END_RE, text, nodes);
}

/** A start or end label the user wrote that is not in the graph (for a warning). */
export function mentionedLabel(kind: 'start' | 'end', text: string): string | undefined {
  const re = kind === 'start' ? START_RE : END_RE;
  for (const m of text.matchAll(re)) {
    const token = m[2]!;
    if (m[1] !== undefined || /^[A-Z0-9]/.test(token)) return token;
  }
  return undefined;
}

export function markGraphUsed(text: ParsedText, g: Graph): void {
  for (const n of g.nodes) text.used.add(n);
}
