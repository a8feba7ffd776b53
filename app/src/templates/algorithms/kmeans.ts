// Lloyd's algorithm for k-means, with a k-means++ start drawn from a fixed seed: the same points and k
// always give the same rounds, so a scene and its facts can be reproduced. Ties (a point as near to two
// centres) go to the lower-numbered centre; a centre left with no points stays where it was.

export type Point = [number, number];

export interface KMeansRound {
  /** The cluster of each point (the index of its nearest centre) in this round. */
  assignment: number[];
  /** Points whose cluster changed from the round before (every point in the first round). */
  changed: number;
  /** The centres after moving each to the mean of its points. */
  centroids: Point[];
}

export interface KMeansResult {
  initial: Point[];
  rounds: KMeansRound[];
  /** Assign-and-move rounds before the assignment stopped changing. */
  iterations: number;
  converged: boolean;
  centroids: Point[];
  assignment: number[];
  /** Sum of squared distances from each point to its centre. */
  inertia: number;
}

/** The seed of the k-means++ draws (documented in docs/template-contract.md). */
export const KMEANS_SEED = 42;

/** mulberry32: a small seeded generator, enough to choose starting centres reproducibly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dist2 = (p: Point, q: Point) => (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2;

/** k-means++: the first centre is a point drawn at random, each next one drawn with chance ∝ its squared distance to the nearest centre so far. */
export function kmeansPlusPlus(points: readonly Point[], k: number, seed = KMEANS_SEED): Point[] {
  const rand = seededRandom(seed);
  const centres: Point[] = [points[Math.floor(rand() * points.length)]!];
  while (centres.length < k) {
    const d = points.map((p) => Math.min(...centres.map((c) => dist2(p, c))));
    const total = d.reduce((s, x) => s + x, 0);
    // Every point already a centre (duplicates): take the first point not yet chosen.
    if (total === 0) {
      centres.push(points.find((p) => !centres.some((c) => c[0] === p[0] && c[1] === p[1])) ?? points[0]!);
      continue;
    }
    let r = rand() * total;
    let pick = d.findIndex((x) => (r -= x) < 0);
    if (pick < 0) pick = d.length - 1 - [...d].reverse().findIndex((x) => x > 0);
    centres.push(points[pick]!);
  }
  return centres.map((c) => [c[0], c[1]]);
}

export function nearest(p: Point, centres: readonly Point[]): number {
  let best = 0;
  for (let j = 1; j < centres.length; j++) if (dist2(p, centres[j]!) < dist2(p, centres[best]!)) best = j;
  return best;
}

export function kmeans(points: readonly Point[], k: number, maxRounds = 20, seed = KMEANS_SEED): KMeansResult {
  const initial = kmeansPlusPlus(points, k, seed);
  let centroids = initial;
  let assignment: number[] = [];
  const rounds: KMeansRound[] = [];
  let converged = false;
  for (let round = 0; round < maxRounds; round++) {
    const next = points.map((p) => nearest(p, centroids));
    const changed = round === 0 ? points.length : next.filter((c, i) => c !== assignment[i]).length;
    if (round > 0 && changed === 0) {
      converged = true;
      break;
    }
    assignment = next;
    centroids = centroids.map((c, j) => {
      const mine = points.filter((_, i) => assignment[i] === j);
      if (!mine.length) return c;
      return [clean(mine.reduce((s, p) => s + p[0], 0) / mine.length), clean(mine.reduce((s, p) => s + p[1], 0) / mine.length)];
    });
    rounds.push({ assignment, changed, centroids });
  }
  const inertia = clean(points.reduce((s, p, i) => s + dist2(p, centroids[assignment[i]!]!), 0));
  return { initial, rounds, iterations: rounds.length, converged, centroids, assignment, inertia };
}

/** Float dust from averaging decimals is not shown as a digit. */
function clean(v: number): number {
  return Number(v.toPrecision(12));
}

/**
 * The neutral set drawn when the user gives no points: three loose groups of six, placed from the same seed
 * every time, listed in an interleaved order so no group is all at the start. Spread wide enough that the
 * groups' edges are close and k-means needs a few rounds (three, for k = 3) to settle, which is what it is here to show.
 */
export function generatedPoints(): Point[] {
  const rand = seededRandom(4);
  const centres: Point[] = [
    [2, 7],
    [7, 8],
    [5, 2.5],
  ];
  const out: Point[] = [];
  for (let i = 0; i < 6; i++) for (const [cx, cy] of centres) out.push([Number((cx + (rand() - 0.5) * 3).toFixed(1)), Number((cy + (rand() - 0.5) * 3).toFixed(1))]);
  return out;
}
