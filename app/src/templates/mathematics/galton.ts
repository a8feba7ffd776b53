// The Galton board as arithmetic: each ball meets one peg per row and goes left or right with even chance (a seeded
// generator, so the same board always drops the same way); the bin it lands in is its number of right turns. The
// counts approach the binomial B(n, ½), whose shape the normal curve with μ = n/2, σ = √n/2 follows.
import { seededRandom } from '../algorithms/kmeans.ts';

/** The seed of the board's left/right draws (documented in docs/template-contract.md). */
export const GALTON_SEED = 42;

export interface GaltonRun {
  /** Each ball's turns, true for right, one per row. */
  paths: boolean[][];
  /** Balls in each bin, bin k = k right turns. */
  bins: number[];
}

export function dropBalls(rows: number, balls: number, seed = GALTON_SEED): GaltonRun {
  const rand = seededRandom(seed);
  const bins = new Array<number>(rows + 1).fill(0);
  const paths = Array.from({ length: balls }, () => {
    const path = Array.from({ length: rows }, () => rand() < 0.5);
    bins[path.filter(Boolean).length]! += 1;
    return path;
  });
  return { paths, bins };
}

/** C(n, k) by the multiplicative formula, exact for the board sizes drawn. */
export function choose(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return Math.round(c);
}

/** The normal density with mean μ and standard deviation σ. */
export function normalDensity(x: number, mu: number, sigma: number): number {
  return Math.exp(-((x - mu) ** 2) / (2 * sigma * sigma)) / (sigma * Math.sqrt(2 * Math.PI));
}

export interface GaltonFacts {
  bins: number[];
  /** Balls each bin expects under B(n, ½): balls × C(n, k) / 2ⁿ. */
  expected: number[];
  mu: number;
  sigma: number;
  sample_mean: number;
  sample_sd: number;
  most_common_bin: number;
  seed: number;
  [key: string]: unknown;
}

export function galtonFacts(rows: number, balls: number): GaltonFacts {
  const { bins } = dropBalls(rows, balls);
  const mean = bins.reduce((s, c, k) => s + c * k, 0) / balls;
  const variance = bins.reduce((s, c, k) => s + c * (k - mean) ** 2, 0) / balls;
  return {
    bins,
    expected: bins.map((_, k) => (balls * choose(rows, k)) / 2 ** rows),
    mu: rows / 2,
    sigma: Math.sqrt(rows) / 2,
    sample_mean: mean,
    sample_sd: Math.sqrt(variance),
    most_common_bin: bins.indexOf(Math.max(...bins)),
    seed: GALTON_SEED,
  };
}
