// ml.kmeans: k-means clustering of the user's 2-D points (or a neutral generated set of three loose groups when
// none are given) by Lloyd's algorithm: each point joins its nearest centre, each centre moves to the mean of
// its points, until no point changes cluster. The start is k-means++ from a fixed seed (kmeans.ts), so the
// same points always give the same rounds.
import { z } from 'zod';
import { defineTemplate, type Composition } from '../types.ts';
import { TimelineBuilder } from '../timeline-builder.ts';
import { formatNumber } from '../format/index.ts';
import { generatedPoints, kmeans, KMEANS_SEED, type Point } from './kmeans.ts';

type SceneObject = Composition['objects'][number];

export const MAX_POINTS = 40;
export const MAX_K = 6;
/** Rounds shown at most; Lloyd's algorithm on 40 points settles well before this. */
export const MAX_ROUNDS = 20;
/** One colour per cluster, named in the legend (the colour is what says which cluster a point is in). */
const CLUSTER_COLOURS = ['$primary', '$accent', '$success', '$danger', '$warning', '$secondary'] as const;

const coord = z.number().finite().min(-1e6).max(1e6);
const params = z
  .object({
    points: z
      .array(z.tuple([coord, coord]))
      .min(3)
      .max(MAX_POINTS)
      .default(generatedPoints)
      .describe(`the 2-D points (x, y), 3 to ${MAX_POINTS}; none given: a neutral generated set of 18 points in three loose groups`),
    k: z.number().int().min(2).max(MAX_K).default(3).describe(`the number of clusters k (2 to ${MAX_K}, fewer than the distinct points)`),
  })
  .refine((p) => p.k < new Set(p.points.map(([x, y]) => `${x},${y}`)).size, { message: 'k must be smaller than the number of distinct points', path: ['k'] });
type KMeansParams = z.infer<typeof params>;

const NUM = String.raw`[-+−]?(?:\d+(?:\.\d+)?|\.\d+)`;
const PAIR = new RegExp(String.raw`\(\s*(${NUM})\s*[,;]\s*(${NUM})\s*\)`, 'g');
const WORD_K: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6 };
const num = (s: string) => Number(s.replace('−', '-'));
const f2 = (v: number) => formatNumber(Math.abs(v) < 1e-12 ? 0 : v, { sigFigs: 3 });
const pt = ([x, y]: Point) => `(${f2(x)}, ${f2(y)})`;

export const mlKmeans = defineTemplate<KMeansParams>({
  id: 'ml.kmeans',
  title: 'k-means clustering',
  category: 'algorithms',
  style: 'algorithmic',
  example: 'K-means clustering with 3 clusters',
  params,
  vocabulary: ['kmeans', 'centroid', 'centroids', 'clustering', 'clusters', 'cluster', 'lloyd', 'inertia'],
  triggers: [
    { pattern: /\bk ?-? ?means\b/, score: 0.95 },
    { pattern: /\blloyd ?'? ?s? algorithm\b/, score: 0.9 },
    { pattern: /\bcluster(?:s|ing)?\b.*\bcentroids?\b|\bcentroids?\b.*\bcluster(?:s|ing)?\b/, score: 0.85 },
  ],
  extract(text, warnings) {
    const out: Partial<KMeansParams> = {};
    const pairs = [...text.original.matchAll(PAIR)].map((m): Point => [num(m[1]!), num(m[2]!)]);
    if (pairs.length > MAX_POINTS) {
      warnings.push(`${pairs.length} points given; using the first ${MAX_POINTS} (more cannot be told apart on one plot)`);
      out.points = pairs.slice(0, MAX_POINTS);
    } else if (pairs.length >= 3) out.points = pairs;
    else if (pairs.length) warnings.push(`clustering needs at least 3 points, ${pairs.length} given; using a generated set of 18 points`);
    if (out.points?.some(([x, y]) => Math.abs(x) > 1e6 || Math.abs(y) > 1e6)) {
      warnings.push('coordinates larger than 1,000,000 in size cannot be drawn; using a generated set of points');
      delete out.points;
    }
    const withoutPairs = text.original.replace(PAIR, ' ');
    const km = /\bk\s*(?:=|:|is|of)\s*(\d+)/i.exec(withoutPairs) ?? /\b(\d+|two|three|four|five|six)\s+(?:clusters|groups|centroids|centres|centers|means)\b/i.exec(withoutPairs);
    if (km) {
      const k = WORD_K[km[1]!.toLowerCase()] ?? Number(km[1]);
      const distinct = new Set((out.points ?? generatedPoints()).map(([x, y]) => `${x},${y}`)).size;
      const most = Math.min(MAX_K, distinct - 1);
      if (k < 2) warnings.push(`k = ${k} is not a clustering: at least 2 clusters; using 2`);
      else if (k > most) warnings.push(`k = ${k} is more clusters than can be shown here (at most ${most}${most < MAX_K ? `, one fewer than the ${distinct} distinct points` : ''}); using ${most}`);
      out.k = Math.max(2, Math.min(k, most));
    }
    for (const w of ['kmeans', 'clustering', 'clusters', 'centroids']) if (text.normalized.includes(w)) text.used.add(w);
    return out;
  },
  facts({ points, k }) {
    const r = kmeans(points, k, MAX_ROUNDS);
    return {
      iterations: r.iterations,
      converged: r.converged,
      initial_centroids: r.initial,
      centroids: r.centroids,
      assignment: r.assignment,
      inertia: r.inertia,
      cluster_sizes: r.centroids.map((_, j) => r.assignment.filter((a) => a === j).length),
    };
  },
  compose({ points, k }) {
    const r = kmeans(points, k, MAX_ROUNDS);
    const n = points.length;
    // The plot: the same scale on both axes (distances are the point of k-means), in the left of the view.
    const box = { x: -2.3, y: -0.35, width: 9.4, height: 6.6 };
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const scale = Math.min(box.width / Math.max(x1 - x0, 1e-9), box.height / Math.max(y1 - y0, 1e-9)) * 0.86;
    const cx = (x0 + x1) / 2;
    const cy = (y0 + y1) / 2;
    const W = ([x, y]: Point): [number, number] => [box.x + (x - cx) * scale, box.y + (y - cy) * scale];
    const dot = Math.max(0.09, Math.min(0.15, 2.4 / Math.sqrt(n) / 2.2));

    const objects: SceneObject[] = [
      { id: 'title', type: 'text', text: `k-means clustering: ${n} points, k = ${k}`, x: 0, y: 3.85, size: 0.46, weight: 700, color: '$foreground' },
      { id: 'frame', type: 'rect', x: box.x, y: box.y, width: box.width + 0.4, height: box.height + 0.4, cornerRadius: 0.1, stroke: '$muted', strokeWidth: 0.03 },
    ];
    points.forEach((p, i) => {
      const [x, y] = W(p);
      objects.push({ id: `point-${i}`, type: 'circle', x, y, radius: dot, fill: '$muted' });
    });
    r.initial.forEach((c, j) => {
      const [x, y] = W(c);
      objects.push({ id: `centre-${j}`, type: 'circle', x, y, radius: dot * 2.1, fill: '$background', stroke: CLUSTER_COLOURS[j]!, strokeWidth: 0.09, opacity: 0.9 });
    });
    // The legend: the colour is the cluster, the ring is its centre.
    const panelX = 3.35;
    CLUSTER_COLOURS.slice(0, k).forEach((colour, j) => {
      objects.push({ id: `legend.cluster-${j}.swatch`, type: 'circle', x: panelX + 0.12, y: 2.7 - j * 0.42, radius: 0.11, fill: colour });
      objects.push({ id: `legend.cluster-${j}.label`, type: 'text', text: `cluster ${j + 1}`, x: panelX + 0.4, y: 2.7 - j * 0.42, size: 0.28, color: '$foreground', align: 'left' });
    });
    const ringY = 2.7 - k * 0.42;
    objects.push({ id: 'legend.centre.swatch', type: 'circle', x: panelX + 0.12, y: ringY, radius: 0.12, fill: '$background', stroke: '$foreground', strokeWidth: 0.06 });
    objects.push({ id: 'legend.centre.label', type: 'text', text: 'centre (mean of points)', x: panelX + 0.4, y: ringY, size: 0.28, color: '$foreground', align: 'left' });
    objects.push({ id: 'round', type: 'text', text: '', x: panelX, y: ringY - 0.75, size: 0.32, color: '$foreground', align: 'left', maxWidth: 4.2 });
    objects.push({ id: 'inertia', type: 'text', text: `inertia = ${f2(r.inertia)}`, x: panelX, y: ringY - 1.35, size: 0.32, color: '$foreground', align: 'left', weight: 600, maxWidth: 4.2 });
    const centresText = r.centroids.map((c, j) => `${j + 1}: ${pt(c)}`).join('\n');
    objects.push({ id: 'final', type: 'text', text: centresText, x: panelX, y: ringY - 1.95 - (k - 1) * 0.2, size: 0.28, color: '$muted', align: 'left', maxWidth: 4.2 });

    const tl = new TimelineBuilder();
    const pointIds = points.map((_, i) => `point-${i}`);
    const centreIds = r.initial.map((_, j) => `centre-${j}`);
    tl.narrate(`${n} points, to be split into k = ${k} clusters.`, 1.8, pointIds);
    tl.appear('title', 0.5).appear('frame', 0.5);
    pointIds.forEach((id, i) => tl.appear(id, 0.25, 'grow', tl.t + Math.min(1.2, i * 0.04)));
    tl.wait(1.5);
    tl.narrate(`Start: ${k} centres picked by k-means++ (seed ${KMEANS_SEED}), spread apart.`, 2.2, centreIds);
    centreIds.forEach((id, j) =>
      tl
        .appear(id, 0.4, 'grow', tl.t + j * 0.25)
        .appear(`legend.cluster-${j}.swatch`, 0.3, 'fade', tl.t + j * 0.25)
        .appear(`legend.cluster-${j}.label`, 0.3, 'fade', tl.t + j * 0.25),
    );
    tl.appear('legend.centre.swatch', 0.3, 'fade', tl.t + k * 0.25).appear('legend.centre.label', 0.3, 'fade', tl.t + k * 0.25);
    tl.wait(1 + k * 0.25);
    tl.appear('round', 0.3);
    let colourOf = points.map(() => -1);
    r.rounds.forEach((round, ri) => {
      const moved = round.assignment.map((a, i) => (a !== colourOf[i] ? `point-${i}` : '')).filter(Boolean);
      if (ri === 0) tl.narrate('Assign: each point joins its nearest centre.', 2, pointIds);
      else if (ri === 1) tl.narrate(`Round 2: ${round.changed} ${round.changed === 1 ? 'point is' : 'points are'} now nearer another centre and switch.`, 2.2, moved);
      else tl.group(`Round ${ri + 1}: ${round.changed} ${round.changed === 1 ? 'point switches' : 'points switch'}; the centres move again.`, moved);
      tl.setText('round', `round ${ri + 1}: ${round.changed} ${round.changed === 1 ? 'point' : 'points'} assigned anew`);
      round.assignment.forEach((a, i) => {
        if (a !== colourOf[i]) tl.add({ type: 'tween', target: `point-${i}`, property: 'fill', to: CLUSTER_COLOURS[a]!, start: tl.t, duration: 0.4 });
      });
      colourOf = round.assignment;
      tl.wait(ri < 2 ? 1.2 : 0.7);
      if (ri === 0) tl.narrate('Move: each centre goes to the mean of its points.', 2, centreIds);
      round.centroids.forEach((c, j) => {
        const [x, y] = W(c);
        tl.add({ type: 'move', target: `centre-${j}`, start: tl.t, duration: 0.8, to: { x, y } });
      });
      tl.wait(ri < 2 ? 1.6 : 1);
    });
    tl.ungroup();
    const last = r.iterations;
    tl.narrate(r.converged ? `Round ${last + 1}: no point changes cluster, so it is stable after ${last} ${last === 1 ? 'iteration' : 'iterations'}.` : `Stopped after ${last} rounds: still changing, so not yet stable.`, 2.4, centreIds);
    tl.setText('round', r.converged ? `stable after ${last} ${last === 1 ? 'iteration' : 'iterations'}` : `not stable after ${last} rounds`);
    tl.wait(2.2);
    tl.narrate(`Inertia, the sum of squared distances to the centres: ${f2(r.inertia)}.`, 2.4, ['inertia']);
    tl.appear('inertia', 0.3).wait(2.2);
    tl.narrate('The final centres, one per cluster.', 1.8, ['final']);
    tl.appear('final', 0.3).wait(2);
    tl.finish(tl.t);
    return { objects, timeline: tl.entries, narration: tl.steps, duration: tl.t, title: `k-means clustering of ${n} points into ${k} clusters` };
  },
});
