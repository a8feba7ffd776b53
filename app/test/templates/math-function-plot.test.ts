import test from 'ava';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { CompiledTimeline } from '../../src/scene/timeline.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import { parseFormula } from '../../src/templates/mathematics/expression.ts';
import { findFormulas, findRange } from '../../src/templates/mathematics/formula-text.ts';
import { chooseYRange, sample, trace } from '../../src/templates/mathematics/sampling.ts';
import { plotFacts } from '../../src/templates/mathematics/function-plot.ts';
import { checkScene, mathScene } from './math-scene-checks.ts';

const close = (a: number, b: number, tol = 1e-6) => Math.abs(a - b) <= tol;

test('phrasings people use find the formulas and the x range', (t) => {
  const cases: [string, string[], [number, number]][] = [
    ['Plot y = sin(x)', ['sin(x)'], [-10, 10]],
    ['Graph x^2 - 4 from -3 to 3', ['x^2 - 4'], [-3, 3]],
    ['plot sin(x) and cos(x)', ['sin(x)', 'cos(x)'], [-10, 10]],
    ['Plot sin(x), cos(x) and tan(x) for x between -2π and 2π', ['sin(x)', 'cos(x)', 'tan(x)'], [-2 * Math.PI, 2 * Math.PI]],
    ['graph f(x)=x^2-2x+1 on [-5, 5]', ['x^2-2x+1'], [-5, 5]],
    ['Can you plot x squared from -2 to 2?', ['x^2'], [-2, 2]],
    ['How does the graph of y = 1/x look?', ['1/x'], [-10, 10]],
    ['Walk me through plotting y = 2x + 1 for x from 0 to 10', ['2x + 1'], [0, 10]],
    ['PLOT Y = X^3 - 3X FROM −2 TO 2', ['x^3 - 3x'], [-2, 2]],
    ['plot sin x from 0 to 2pi', ['sin(x)'], [0, 2 * Math.PI]],
    ['Plot y = x³ − 3x', ['x^3 - 3x'], [-10, 10]],
    ['sketch the graph of y = e^x - 2 where x ranges from -3 to 2', ['e^x - 2'], [-3, 2]],
    ['plot a sine wave', ['sin(x)'], [-10, 10]],
    ['graph the parabola', ['x^2'], [-10, 10]],
    ['plot y = sqrt(x) on [0, 9]', ['sqrt(x)'], [0, 9]],
  ];
  for (const [text, expressions, range] of cases) {
    const r = analyze(text);
    t.is(r.template, 'function.plot', text);
    t.deepEqual(r.params.expressions, expressions, text);
    const xr = r.params.x_range as [number, number];
    t.true(close(xr[0], range[0]) && close(xr[1], range[1]), `${text}: ${xr}`);
  }
});

test('an unreadable formula is a warning and a safe default, never a crash', (t) => {
  for (const text of ['plot y = sin(', 'plot sin(x from 0 to 3', 'graph y = x +* 2', 'plot y = import("fs")', 'plot y = foo(x)']) {
    const r = analyze(text);
    t.is(r.template, 'function.plot', text);
    t.deepEqual(r.params.expressions, ['sin(x)'], text);
    t.true(
      r.warnings.some((w) => /could not read a formula/.test(w)),
      `${text}: ${r.warnings}`,
    );
    t.notThrows(() => mathScene(text), text);
  }
  const none = analyze('plot a function');
  t.true(none.warnings.some((w) => /no formula found/.test(w)));
  t.throws(() => analyze('x', { template: 'function.plot', params: { expressions: ['sin('] } }), { message: /not a complete formula/ });
  t.throws(() => analyze('x', { template: 'function.plot', params: { expressions: ['x'], x_range: [3, 1] } }), { message: /x_range/ });
});

test('huge or non-finite input is refused or tamed', (t) => {
  const r = analyze('plot x^2 from -1e308 to 1e308');
  t.deepEqual(r.params.x_range, [-10, 10]);
  t.true(r.warnings.some((w) => /too large/.test(w)));
  for (const text of ['plot y = 1e308 * x^2', 'plot y = exp(x^5)', 'plot y = 1/(x - 1)', 'plot y = log(x) from -5 to -1', 'plot y = sqrt(-1 - x^2)']) {
    const { scene } = mathScene(text);
    for (const o of scene.objects) if (o.type === 'plot') for (const p of o.points) if (p) t.true(Number.isFinite(p[0]) && Number.isFinite(p[1]), text);
  }
  t.true(analyze('plot y = log(x) from -5 to -1').warnings.some((w) => /not defined anywhere/.test(w)));
});

test('roots, y intercept and asymptotes are found (checked against closed forms)', (t) => {
  const quad = plotFacts(['x^2 - 4'], [-3, 3]).curves[0]!;
  t.deepEqual(
    quad.roots.map((r) => Number(r.toFixed(9))),
    [-2, 2],
  );
  t.is(quad.y_intercept, -4);
  const sin = plotFacts(['sin(x)'], [-10, 10]).curves[0]!;
  t.deepEqual(
    sin.roots.map((r) => Math.round(r / Math.PI)),
    [-3, -2, -1, 0, 1, 2, 3],
  );
  for (const r of sin.roots) t.true(close(r, Math.round(r / Math.PI) * Math.PI, 1e-9));
  const tan = plotFacts(['tan(x)'], [-5, 5]).curves[0]!;
  t.deepEqual(
    tan.asymptotes.map((x) => Math.round((x - Math.PI / 2) / Math.PI) + 0),
    [-2, -1, 0, 1],
  );
  for (const x of tan.asymptotes) t.true(close(x, Math.PI / 2 + Math.round((x - Math.PI / 2) / Math.PI) * Math.PI, 1e-6));
  const recip = plotFacts(['1/x'], [-10, 10]).curves[0]!;
  t.is(recip.asymptotes.length, 1);
  t.true(close(recip.asymptotes[0]!, 0, 1e-6));
  t.deepEqual(recip.roots, []);
  t.is(plotFacts(['floor(x)'], [-3, 3]).curves[0]!.asymptotes.length, 0, 'steps are jumps, not poles');
});

test('traced curves break at poles and jumps and stay inside the chosen y range', (t) => {
  for (const src of ['tan(x)', '1/x', 'floor(x)', '1/(x^2 - 1)', 'sign(x)']) {
    const f = parseFormula(src);
    const s = sample(f.evaluate, [-5, 5]);
    const yRange = chooseYRange([s.ys]);
    const { points } = trace(f.evaluate, s, yRange);
    const span = yRange[1] - yRange[0];
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1];
      const b = points[i];
      if (b) t.true(b[1] >= yRange[0] - 1e-9 && b[1] <= yRange[1] + 1e-9, `${src}: inside`);
      if (a && b) t.true(Math.abs(b[1] - a[1]) < span * 0.5, `${src}: no vertical line across a break at x = ${b[0]}`);
    }
  }
});

test('the y range shows the interesting part', (t) => {
  const range = (src: string, xr: [number, number] = [-10, 10]) => chooseYRange([sample(parseFormula(src).evaluate, xr).ys]);
  const sin = range('sin(x)');
  t.true(sin[0] <= -1 && sin[0] >= -2 && sin[1] >= 1 && sin[1] <= 2, `sin: ${sin}`);
  const tan = range('tan(x)');
  t.true(tan[1] < 50 && tan[1] > 2, `tan is not flattened by its poles: ${tan}`);
  const sq = range('x^2', [-3, 3]);
  t.true(sq[0] <= 0 && sq[1] >= 9 && sq[1] <= 12, `x^2: ${sq}`);
  const flat = range('5');
  t.true(flat[0] < 5 && flat[1] > 5);
  t.deepEqual(chooseYRange([[null, null]]), [-1, 1]);
});

test('formula text is found inside sentences', (t) => {
  t.deepEqual(
    findFormulas('derivative of x^3 at x = 2').formulas.map((f) => f.text),
    ['x^3'],
  );
  t.deepEqual(
    findFormulas('plot x and x^2').formulas.map((f) => f.text),
    ['x', 'x^2'],
  );
  t.deepEqual(
    findFormulas('integrate sin(x) dx from 0 to pi').formulas.map((f) => f.text),
    ['sin(x)'],
  );
  const r = findRange('from -π/2 to 3π/2')!;
  t.true(close(r[0], -Math.PI / 2) && close(r[1], (3 * Math.PI) / 2));
  t.deepEqual(findRange('-5 <= x <= 5'), [-5, 5]);
});

test('the scene draws axes, labelled curves, roots and asymptotes', (t) => {
  for (const text of ['Plot y = sin(x)', 'Graph x^2 - 4 from -3 to 3', 'plot tan(x) and sin(x) from -5 to 5', 'plot y = 1/x', 'plot x, x^2, x^3 and x^4 from -2 to 2', 'plot y = sin(']) {
    const { scene } = mathScene(text);
    checkScene(t, scene, text);
    const axes = scene.objects.find((o) => o.type === 'axes');
    t.truthy(axes, text);
    const plots = scene.objects.filter((o) => o.type === 'plot');
    t.true(plots.length >= 1, text);
    for (const p of plots)
      t.true(
        scene.timeline.some((e) => e.type === 'appear' && e.target === p.id && e.effect === 'draw'),
        `${text}: ${p.id} is drawn on`,
      );
    t.is(scene.objects.filter((o) => o.id.startsWith('legend')).length, plots.length, `${text}: each curve has its formula`);
  }
  const { scene } = mathScene('plot tan(x) from -5 to 5');
  t.is(scene.objects.filter((o) => o.id.startsWith('asym')).length, 4);
  const quad = mathScene('Graph x^2 - 4 from -3 to 3').scene;
  t.is(quad.objects.filter((o) => o.id.startsWith('root0_')).length, 2);
});

test('a curve asked for without "plot": solving graphically and "exponential growth y = …"', (t) => {
  const solve = analyze('Solve x^2 - 5x + 6 = 0 graphically');
  t.is(solve.template, 'function.plot');
  t.deepEqual(solve.params.expressions, ['x^2 - 5x + 6'], 'the left side of "… = 0" is the curve whose roots are asked for');
  const growth = analyze('exponential growth y = 2^x');
  t.is(growth.template, 'function.plot');
  t.deepEqual(growth.params.expressions, ['2^x']);
  t.deepEqual(analyze('graph y = 2^x').params.expressions, ['2^x']);
});

test('double roots: the curve touching the axis is a root of even multiplicity, one crossing it is not', (t) => {
  const cases: [string, [number, number], number[], number[]][] = [
    ['x^2', [-10, 10], [0], [0]],
    ['(x-1)^2', [-10, 10], [1], [1]],
    ['x^2 - 4', [-10, 10], [-2, 2], []],
    ['x^3', [-10, 10], [0], []],
    ['x^2 + 0.001', [-10, 10], [], []],
    ['(x-1)^2 * (x+2)', [-5, 5], [-2, 1], [1]],
  ];
  for (const [expression, range, roots, doubles] of cases) {
    const [curve] = plotFacts([expression], range).curves;
    t.deepEqual(
      curve!.roots.map((r) => Number(r.toFixed(6))),
      roots,
      expression,
    );
    t.deepEqual(
      curve!.double_roots.map((r) => Number(r.toFixed(6))),
      doubles,
      expression,
    );
  }
  const sin2 = plotFacts(['sin(x)^2'], [-4, 4]).curves[0]!;
  t.deepEqual(
    sin2.double_roots.map((r) => Number(r.toFixed(4))),
    [-3.1416, 0, 3.1416],
  );
});

test('content checklist: a quadratic shows its roots, its factored form and its vertex, each when the narration names it', (t) => {
  const scene = sceneFromDescription('Plot y = x^2 - 3x + 2 from -1 to 4', { width: 1280, height: 720, fps: 30 }).scene;
  const tl = new CompiledTimeline(scene);
  const step = (re: RegExp) => scene.narration.steps.find((s) => re.test(s.text))!;
  const shownIn = (id: string, s: { start: number; duration: number }) => (tl.valueAt(id, 'opacity', s.start + s.duration - 0.05) as number) > 0.99;
  const roots = step(/crosses the x axis/);
  t.is(roots.text, 'It crosses the x axis (y = 0) at x = 1 and x = 2.');
  t.true(['root0_0', 'root0_1'].every((id) => shownIn(id, roots)));
  const factored = step(/^Factored/);
  t.is(factored.text, 'Factored: y = (x − 1)(x − 2). Each factor is 0 at one root, so y is 0 there.');
  t.like(
    scene.objects.find((o) => o.id === 'factored'),
    { type: 'math', latex: 'y = (x - 1)\\,(x - 2)' },
  );
  t.true(shownIn('factored', factored) && factored.refs.includes('factored'));
  const vertex = step(/vertex/);
  t.regex(vertex.text, /^The vertex \(1\.5, −0\.25\) is its lowest point, halfway between the roots: x = −b\/2a = 1\.5\./);
  t.true(shownIn('vertex', vertex) && vertex.refs.includes('vertex'));
  // The vertex is drawn where the curve has it: on the plot's axes, at (1.5, −0.25).
  const axes = scene.objects.find((o) => o.id === 'axes')!;
  const dot = scene.objects.find((o) => o.id === 'vertex')!;
  if (axes.type !== 'axes' || dot.type !== 'circle') return t.fail();
  const toData = (wx: number, wy: number) => [
    axes.xRange[0] + ((wx - axes.x + axes.width / 2) / axes.width) * (axes.xRange[1] - axes.xRange[0]),
    axes.yRange[0] + ((wy - axes.y + axes.height / 2) / axes.height) * (axes.yRange[1] - axes.yRange[0]),
  ];
  const [x, y] = toData(dot.x, dot.y);
  t.true(Math.abs(x! - 1.5) < 1e-9 && Math.abs(y! + 0.25) < 1e-9, `vertex drawn at (${x}, ${y})`);
  // In order: roots, then the factored form that explains them, then the vertex between them.
  t.true(roots.start < factored.start && factored.start < vertex.start);
});

test('quadratics in other shapes: a negative lead, a double root, no real roots, irrational roots; a non-quadratic gets none of it', (t) => {
  const texts = (d: string) => sceneFromDescription(d, { width: 1280, height: 720, fps: 30 }).scene.narration.steps.map((s) => s.text);
  t.true(texts('plot y = -2x^2 + 4x + 6').includes('Factored: y = −2(x + 1)(x − 3). Each factor is 0 at one root, so y is 0 there.'));
  t.true(texts('plot y = -2x^2 + 4x + 6').some((s) => s.startsWith('The vertex (1, 8) is its highest point')));
  t.true(texts('plot (x-1)^2').some((s) => s.startsWith('Factored: y = (x − 1)². The factor is squared')));
  t.true(texts('plot x^2 + 4').includes('No real roots: b² − 4ac = −16 is negative, so it does not factor over the real numbers.'));
  t.true(texts('plot x^2 - 2').some((s) => s.startsWith('Factored: y ≈ (x + 1.41)(x − 1.41).')));
  const sine = texts('plot sin(x)');
  t.false(sine.some((s) => /Factored|vertex/.test(s)));
  t.false(
    texts('plot x^2 and x^3').some((s) => /Factored|vertex/.test(s)),
    'only a lone quadratic: two curves keep their own rows',
  );
});
