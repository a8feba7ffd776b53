// The role palette: one colour per meaning across the catalogue, so "amber" means "being compared" in every
// sort, search and graph, and a legend can name what each colour means. Templates colour state through
// roleColor(), never a palette name picked on the spot. Roles that share a colour are the same idea in
// different words (compare / current): a scene uses only one of them, and the legend test checks it.
// Emphasis (surround, flash, pointer) deliberately uses none of these: it shows *what* is talked about,
// while role colours say *what state* a thing is in.

export const ROLES = {
  /** Being compared or probed right now. */
  compare: { color: '$accent', label: 'compared' },
  /** The node, cell or item being worked on. */
  current: { color: '$accent', label: 'current' },
  /** Out of order and exchanged. */
  swap: { color: '$danger', label: 'swapped' },
  /** In its final place. */
  sorted: { color: '$success', label: 'in place' },
  /** The pivot of a partition, the minimum found so far. */
  pivot: { color: '$secondary', label: 'pivot' },
  /** On the pivot's side of a partition (quicksort's left part). */
  smaller: { color: '$danger', label: '≤ pivot' },
  /** Waiting in a queue or a stack, discovered but not finished. */
  frontier: { color: '$secondary', label: 'discovered' },
  /** Finished: visited, settled. */
  done: { color: '$success', label: 'done' },
  /** The part still searched (binary search's lo … hi). */
  range: { color: '$secondary', label: 'range' },
  /** What the algorithm was looking for, found. */
  found: { color: '$success', label: 'found' },
  /** Shares a slot with another (a hash collision), or a step refused (pop from an empty stack). */
  conflict: { color: '$danger', label: 'collision' },
  /** An edge that joined the search tree. */
  tree: { color: '$primary', label: 'tree edge' },
  /** The answer's route (Dijkstra's shortest path to the end node). */
  path: { color: '$secondary', label: 'shortest path' },
  /** A line through two points of a curve (the derivative's approach). */
  secant: { color: '$warning', label: 'secant' },
  /** The line touching a curve at a point, and its slope (the derivative's answer). */
  tangent: { color: '$success', label: 'tangent' },
  /** The order things were finished in, written as #1, #2 … so it never reads as a value. */
  order: { color: '$muted', label: 'visit order' },
  /** A headline figure that moved the good way (revenue up, churn down): what "better" means is the figure's own. */
  better: { color: '$success', label: 'better' },
  /** A headline figure that moved the bad way. */
  worse: { color: '$danger', label: 'worse' },
  // Science and mathematics: what a colour means in a physical or worked scene.
  /** An element whose atoms count the same on both sides (a reaction). */
  balanced: { color: '$success', label: 'balances' },
  /** An element whose counts differ (a reaction as first written). */
  unbalanced: { color: '$danger', label: 'does not balance' },
  /** A value the working has just found (a reaction's coefficient): blue, apart from the green and red of balancing. */
  solved: { color: '$secondary', label: 'solved' },
  /** A velocity, drawn as an arrow. */
  velocity: { color: '$accent', label: 'velocity' },
  /** The parts a vector is split into (vx and vy). */
  component: { color: '$warning', label: 'components' },
  /** A marked point of a motion or a curve (the apex, a vertex, a root). */
  marked: { color: '$highlight', label: 'key point' },
  /** The particles of an atom (Bohr model). */
  proton: { color: '$danger', label: 'proton' },
  neutron: { color: '$muted', label: 'neutron' },
  electron: { color: '$secondary', label: 'electron' },
  /** The outer shell's electrons, the ones that bond. */
  valence: { color: '$accent', label: 'valence shell' },
  // Statistics: what was counted, what a model expects, and the curve that approximates it.
  /** Counts observed (a histogram's bars). */
  observed: { color: '$primary', label: 'observed' },
  /** What a model expects the counts to be. */
  expected: { color: '$secondary', label: 'expected' },
  /** A continuous curve laid over the counts (the normal approximation). */
  fitted: { color: '$accent', label: 'fitted curve' },
} as const satisfies Record<string, { color: string; label: string }>;

export type Role = keyof typeof ROLES;

export function roleColor(role: Role): string {
  return ROLES[role].color;
}

/** A legend entry: a role and, optionally, the words this template uses for it ("settled", "in the queue"). */
export interface LegendEntry {
  role: Role;
  label?: string;
  /** How the swatch is drawn: a dot (nodes, bars, cells), a line (edges), or a sample of text ("#1"). */
  swatch?: 'dot' | 'line' | { text: string };
}
