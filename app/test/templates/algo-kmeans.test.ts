// ml.kmeans: Lloyd's rounds from the k-means++ start, checked against a separate implementation of the same
// rounds from the same start; the result is a fixed point (every point nearest its own centre, every centre the
// mean of its points) and the inertia is recomputed from scratch.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { generatedPoints, kmeans, kmeansPlusPlus, type Point } from '../../src/templates/algorithms/kmeans.ts';

/** Lloyd's algorithm written out with plain loops and per-cluster sums (ties to the lower centre, an empty cluster keeps its centre). */
function lloyd(points: Point[], start: Point[], maxRounds = 20): { iterations: number; centroids: Point[]; labels: number[] } {
  let centres = start.map((c) => [...c] as Point);
  let labels: number[] | undefined;
  let iterations = 0;
  for (let round = 0; round < maxRounds; round++) {
    const next: number[] = [];
    for (const [x, y] of points) {
      let best = 0;
      let bestD = Infinity;
      for (let j = 0; j < centres.length; j++) {
        const d = Math.hypot(x - centres[j]![0], y - centres[j]![1]);
        if (d < bestD) [best, bestD] = [j, d];
      }
      next.push(best);
    }
    if (labels && next.every((l, i) => l === labels![i])) break;
    labels = next;
    const sx = new Array<number>(centres.length).fill(0);
    const sy = new Array<number>(centres.length).fill(0);
    const count = new Array<number>(centres.length).fill(0);
    points.forEach(([x, y], i) => {
      sx[labels![i]!] += x;
      sy[labels![i]!] += y;
      count[labels![i]!]++;
    });
    centres = centres.map((c, j) => (count[j] ? [sx[j]! / count[j]!, sy[j]! / count[j]!] : c));
    iterations++;
  }
  return { iterations, centroids: centres, labels: labels! };
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

const SETS: [Point[], number][] = [
  [generatedPoints(), 3],
  [generatedPoints(), 2],
  [
    [
      [1, 1],
      [1.5, 2],
      [3, 4],
      [5, 7],
      [3.5, 5],
      [4.5, 5],
      [3.5, 4.5],
    ],
    2,
  ],
  [Array.from({ length: 40 }, (_, i): Point => [(i * 37) % 23, (i * 53) % 19]), 5],
  [
    [
      [0, 0],
      [0, 0],
      [1, 0],
      [10, 10],
      [10, 11],
    ],
    3,
  ],
];

test('iterations, final centroids and inertia agree with a separate Lloyd from the same start', (t) => {
  for (const [points, k] of SETS) {
    const r = kmeans(points, k);
    const ref = lloyd(points, r.initial);
    t.is(r.iterations, ref.iterations, `${points.length} points, k = ${k}: iterations`);
    t.deepEqual(r.assignment, ref.labels);
    r.centroids.forEach((c, j) => t.true(near(c[0], ref.centroids[j]![0]) && near(c[1], ref.centroids[j]![1]), `centre ${j}: ${c} vs ${ref.centroids[j]}`));
    const inertia = points.reduce((s, [x, y], i) => s + Math.hypot(x - ref.centroids[ref.labels[i]!]![0], y - ref.centroids[ref.labels[i]!]![1]) ** 2, 0);
    t.true(near(r.inertia, inertia), `inertia ${r.inertia} vs ${inertia}`);
    t.true(r.converged);
    // A fixed point: no point is nearer another centre than its own.
    points.forEach(([x, y], i) => {
      const own = Math.hypot(x - r.centroids[r.assignment[i]!]![0], y - r.centroids[r.assignment[i]!]![1]);
      t.true(
        r.centroids.every(([cx, cy]) => Math.hypot(x - cx, y - cy) >= own - 1e-12),
        `point ${i} is with its nearest centre`,
      );
    });
  }
});

test('the start is k-means++ from a fixed seed: points of the set, distinct, the same every time', (t) => {
  for (const [points, k] of SETS) {
    const a = kmeansPlusPlus(points, k);
    t.deepEqual(a, kmeansPlusPlus(points, k), 'deterministic');
    t.is(a.length, k);
    t.true(a.every(([x, y]) => points.some((p) => p[0] === x && p[1] === y)));
    t.is(new Set(a.map((c) => c.join(','))).size, k, 'distinct starting centres');
  }
  const three = kmeans(generatedPoints(), 3);
  t.is(three.iterations, 3, 'the generated set takes a few rounds to settle');
  t.deepEqual(
    three.centroids.map((c) => c.map(Math.round)),
    [
      [7, 8],
      [2, 8],
      [5, 2],
    ],
    'and finds its three groups',
  );
});

test('points and k are read from the text; with no points a neutral generated set is used, and said in params', (t) => {
  const a = analyze('kmeans k=2 on points (1,1), (1.5,2), (3,4), (5,7), (3.5,5), (4.5,5), (3.5,4.5)');
  t.is(a.template, 'ml.kmeans');
  t.true(a.understood);
  t.is(a.params.k, 2);
  t.deepEqual((a.params.points as Point[])[1], [1.5, 2]);
  t.deepEqual(a.facts.cluster_sizes, [5, 2]);
  const g = analyze('K-means clustering with 3 clusters');
  t.is(g.params.k, 3);
  t.deepEqual(g.params.points, generatedPoints());
  t.is(analyze('k means with four clusters').params.k, 4);
  const tooMany = analyze('k-means with k = 9 on (0,0), (1,1), (5,5), (6,6)');
  t.is(tooMany.params.k, 3);
  t.true(tooMany.warnings.some((w) => /k = 9/.test(w)));
  t.not(analyze('k nearest neighbours classifier').template, 'ml.kmeans');
  t.not(analyze('Mean, median and mode of 3, 7, 7, 2, 9').template, 'ml.kmeans');
});

test('the scene colours every point by its cluster with a legend, moves the centres each round, and ends on the facts', (t) => {
  const { scene, analysis } = sceneFromDescription('K-means clustering with 3 clusters', { width: 1280, height: 720, fps: 30 });
  const r = kmeans(generatedPoints(), 3);
  t.is(scene.timeline.filter((e) => e.type === 'move' && e.target.startsWith('centre-')).length, 3 * r.iterations, 'each centre moves once a round');
  t.is(scene.objects.filter((o) => o.id.startsWith('legend.') && o.id.endsWith('.label') && o.type === 'text').length, 4, 'a legend names the 3 clusters and the centre ring');
  const lastFill = new Map<string, unknown>();
  for (const e of scene.timeline) if (e.type === 'tween' && e.property === 'fill') lastFill.set(e.target, e.to);
  const colours = new Set(r.assignment.map((a, i) => `${a}:${String(lastFill.get(`point-${i}`))}`));
  t.is(colours.size, 3, 'one colour per cluster, the same for all its points');
  const text = scene.narration.steps.map((s) => s.text).join(' ');
  t.regex(text, /stable after 3 iterations/);
  t.regex(text, new RegExp(`Inertia.*${String(analysis.facts.inertia).slice(0, 3)}`));
  for (const o of scene.objects) if ('x' in o && 'y' in o) t.true(Math.abs(o.x) <= 7.2 && Math.abs(o.y) <= 4.05, `${o.id} inside the safe area`);
});
