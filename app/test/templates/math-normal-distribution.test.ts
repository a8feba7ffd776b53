// stats.normal_distribution: the Galton board's counts, the binomial it expects (checked against Pascal's triangle
// built by addition) and the normal curve's μ and σ (checked against the mean and spread of that binomial).
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { dropBalls, galtonFacts } from '../../src/templates/mathematics/galton.ts';
import { checkScene, mathScene } from './math-scene-checks.ts';
import { layoutProblems } from './layout-checks.ts';

/** Row n of Pascal's triangle, each entry the sum of the two above. */
function pascalRow(n: number): number[] {
  let row = [1];
  for (let r = 0; r < n; r++) row = [...row, 0].map((v, i) => v + (row[i - 1] ?? 0));
  return row;
}

const near = (a: number, b: number, eps = 1e-9) => Math.abs(a - b) <= eps * Math.max(1, Math.abs(b));

test('counts add up to the balls; the expected counts and μ, σ agree with Pascal and the binomial moments', (t) => {
  for (const [rows, balls] of [
    [10, 200],
    [2, 1],
    [6, 64],
    [12, 1000],
  ] as const) {
    const f = galtonFacts(rows, balls);
    t.is(
      f.bins.reduce((s, c) => s + c, 0),
      balls,
    );
    const pascal = pascalRow(rows);
    const total = pascal.reduce((s, v) => s + v, 0);
    f.expected.forEach((e, k) => t.true(near(e, (balls * pascal[k]!) / total), `bin ${k}`));
    const p = pascal.map((v) => v / total);
    const mean = p.reduce((s, q, k) => s + q * k, 0);
    const sd = Math.sqrt(p.reduce((s, q, k) => s + q * (k - mean) ** 2, 0));
    t.true(near(f.mu, mean) && near(f.sigma, sd), `μ ${f.mu} σ ${f.sigma} vs ${mean} ${sd}`);
    // The bins recount from the paths themselves.
    const { paths } = dropBalls(rows, balls);
    const recount = new Array<number>(rows + 1).fill(0);
    for (const path of paths) recount[path.filter(Boolean).length]! += 1;
    t.deepEqual(f.bins, recount);
  }
  // With 1000 balls the sample mean lies within 4 standard errors of μ.
  const big = galtonFacts(12, 1000);
  t.true(Math.abs(big.sample_mean - big.mu) < (4 * big.sigma) / Math.sqrt(1000), `${big.sample_mean}`);
  t.deepEqual(galtonFacts(10, 200).bins, galtonFacts(10, 200).bins, 'seeded: the same board falls the same way');
});

test('rows and balls as typed; neighbours keep their descriptions', (t) => {
  const a = analyze('galton board simulation with 12 rows and 500 balls');
  t.is(a.template, 'stats.normal_distribution');
  t.like(a.params, { rows: 12, balls: 500 });
  const clamped = analyze('galton board with 40 rows and 5000 balls');
  t.like(clamped.params, { rows: 12, balls: 1000 });
  t.true(clamped.warnings.length >= 2);
  for (const text of ['Normal distribution and the empirical rule 68-95-99.7', 'find P(Z < 1.96) using the standard normal table', 'Mean, median and mode of 3, 7, 7, 2, 9']) {
    t.not(analyze(text).template, 'stats.normal_distribution', text);
  }
});

test('scenes: pegs, balls falling into bins, the binomial, the normal curve and the central limit theorem in the captions', (t) => {
  for (const text of ['Galton board with 10 rows of pegs and 200 balls: the normal distribution', 'galton board 2 rows 1 ball', 'galton board with 12 rows and 1000 balls', 'bean machine with 3 rows and 7 balls']) {
    const { scene } = mathScene(text);
    checkScene(t, scene, text);
    t.deepEqual(layoutProblems(scene), [], text);
  }
  const { scene } = mathScene('Galton board with 10 rows of pegs and 200 balls: the normal distribution');
  const captions = scene.narration.steps.map((s) => s.text).join(' ');
  t.regex(captions, /central limit theorem/);
  t.regex(captions, /μ = n\/2 = 5 and σ = √n\/2 ≈ 1\.58/);
  t.regex(captions, /B\(10, ½\)/);
  t.is(scene.objects.filter((o) => o.id.startsWith('peg-')).length, 55, '10 rows: 1 + 2 + … + 10 pegs');
  t.true(scene.timeline.some((e) => e.type === 'move' && e.target === 'ball-0'));
  const f = galtonFacts(10, 200);
  const last = (id: string) => scene.timeline.filter((e) => e.type === 'tween' && e.target === id && e.property === 'height').pop();
  const heights = f.bins.map((_, b) => last(`bin-${b}`));
  const ratio = f.bins.map((c, b) => (c ? (heights[b]?.type === 'tween' ? Number(heights[b]!.to) / c : NaN) : undefined)).filter((r) => r !== undefined);
  t.true(
    ratio.every((r) => near(r!, ratio[0]!, 1e-6)),
    'each bar ends at its count, on one scale',
  );
});
