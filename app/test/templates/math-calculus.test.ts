import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { clipLine, integrate, midpointSum, numericDerivative } from '../../src/templates/mathematics/calculus.ts';
import { derivativeFacts } from '../../src/templates/mathematics/calculus-derivative.ts';
import { integralFacts } from '../../src/templates/mathematics/calculus-integral.ts';
import { checkScene, mathScene } from './math-scene-checks.ts';

const close = (a: number | null, b: number, tol = 1e-6) => a !== null && Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

test('derivative slopes match closed forms', (t) => {
  const cases: [string, number, number][] = [
    ['x^3', 2, 12],
    ['x^2 - 3x', 1, -1],
    ['sin(x)', Math.PI / 4, Math.SQRT1_2],
    ['e^x', 1, Math.E],
    ['log(x)', 2, 0.5],
    ['1/x', -2, -0.25],
    ['sqrt(x)', 4, 0.25],
    ['x sin(x)', 1, Math.sin(1) + Math.cos(1)],
    ['(x^2 + 1)^3', 1, 3 * 4 * 2],
  ];
  for (const [f, x0, slope] of cases) {
    const facts = derivativeFacts(f, x0);
    t.true(close(facts.slope, slope, 1e-9), `${f} at ${x0}: ${facts.slope}`);
    t.truthy(facts.derivative, f);
  }
  t.is(derivativeFacts('x^3', 2).derivative, '3 * x ^ 2');
  t.is(derivativeFacts('x^3', 2).tangent, 'y = 12x - 16');
});

test('no derivative where the function is undefined, has a corner or a vertical tangent', (t) => {
  t.is(derivativeFacts('abs(x)', 0).slope, null);
  t.is(derivativeFacts('sqrt(x)', 0).slope, null);
  t.is(derivativeFacts('log(x)', -1).slope, null);
  t.is(derivativeFacts('log(x)', -1).value, null);
  t.is(
    numericDerivative((x) => Math.abs(x), 0),
    null,
  );
  t.true(
    close(
      numericDerivative((x) => x * x * x, 2),
      12,
      1e-6,
    ),
  );
  // mathjs cannot differentiate floor: the slope is found numerically and the symbolic form is null.
  const floor = derivativeFacts('floor(x)', 0.5);
  t.is(floor.derivative, null);
  t.is(floor.slope, 0);
});

test('derivative phrasings find the formula and x0', (t) => {
  const cases: [string, string, number][] = [
    ['derivative of x^3 at x = 2', 'x^3', 2],
    ['Differentiate 3x^2 + 2x at x=1', '3x^2 + 2x', 1],
    ['tangent line to sin(x) at x = pi/4', 'sin(x)', Math.PI / 4],
    ["What's the slope of y = x^2 - 3x at the point (1, -2)?", 'x^2 - 3x', 1],
    ['Walk me through the derivative of e^x at 0', 'e^x', 0],
    ['Find the slope of the tangent to f(x) = x^3 at x = 2', 'x^3', 2],
    ['d/dx x^2 at 3', 'x^2', 3],
    ['Show the derivitive of x squared at x = 1.5', 'x^2', 1.5],
    ['differentiate |x| at 0', 'abs(x)', 0],
  ];
  for (const [text, expression, x0] of cases) {
    const r = analyze(text);
    t.is(r.template, 'calculus.derivative', text);
    t.is(r.params.expression, expression, text);
    t.true(close(r.params.x0 as number, x0), `${text}: ${r.params.x0}`);
  }
  t.true(analyze('differentiate |x| at 0').warnings.some((w) => /no derivative at x = 0/.test(w)));
  t.true(analyze('derivative of log(x) at x = -1').warnings.some((w) => /not defined at x = −1/.test(w)));
  const bad = analyze('derivative of sin( at 2');
  t.is(bad.params.expression, 'x^2');
  t.true(bad.warnings.some((w) => /could not read a formula/.test(w)));
  t.throws(() => analyze('x', { template: 'calculus.derivative', params: { expression: 'x +', x0: 1 } }), { message: /not a complete formula/ });
  t.throws(() => analyze('x', { template: 'calculus.derivative', params: { x0: 1e308 } }));
});

test('integrals match closed forms and the midpoint sum is computed', (t) => {
  const cases: [string, number, number, number][] = [
    ['x^2', 0, 3, 9],
    ['sin(x)', 0, Math.PI, 2],
    ['e^x', 0, 1, Math.E - 1],
    ['1/x', 1, Math.E, 1],
    ['sqrt(x)', 0, 4, 16 / 3],
    ['x^3 - x', -1, 1, 0],
    ['cos(x)^2', 0, 2 * Math.PI, Math.PI],
    ['1/(1 + x^2)', -1, 1, Math.PI / 2],
  ];
  for (const [f, a, b, value] of cases) t.true(close(integralFacts(f, a, b, 8).value, value, 1e-8), `${f}: ${integralFacts(f, a, b, 8).value}`);
  // Midpoint rule for x^2 on [0, 3] with n rectangles: 9 - 9/(4 n^2) exactly.
  for (const n of [1, 2, 8, 50]) t.true(close(integralFacts('x^2', 0, 3, n).riemann_sum, 9 - 9 / (4 * n * n), 1e-12), `n = ${n}`);
  t.true(
    close(
      integrate((x) => Math.exp(-x * x), -6, 6),
      Math.sqrt(Math.PI),
      1e-9,
    ),
    'Gaussian integral',
  );
  const brute = midpointSum((x) => Math.sin(x), 0, 2, 7);
  let s = 0;
  for (let i = 0; i < 7; i++) s += Math.sin((2 / 7) * (i + 0.5)) * (2 / 7);
  t.true(close(brute.sum, s, 1e-12));
  t.is(integralFacts('1/x', -1, 1, 8).value, null, 'a pole inside the interval has no finite area');
  t.is(integralFacts('x', -1, 1, 8).riemann_sum, 0, 'cancelling terms leave no float dust');
});

test('integral phrasings find the formula, bounds and rectangle count', (t) => {
  const cases: [string, string, number, number, number][] = [
    ['Area under x^2 from 0 to 3', 'x^2', 0, 3, 8],
    ['integrate sin(x) from 0 to pi with 10 rectangles', 'sin(x)', 0, Math.PI, 10],
    ['∫_0^1 e^x dx', 'e^x', 0, 1, 8],
    ['Riemann sum of 1/x from 1 to e with n = 20', '1/x', 1, Math.E, 20],
    ['How do I find the area under y = sqrt(x) between x = 0 and x = 4 using 6 strips?', 'sqrt(x)', 0, 4, 6],
    ['definite integral of 3x^2 + 1 over [-1, 2]', '3x^2 + 1', -1, 2, 8],
    ['Can you show the integral of cos(x) from -π/2 to π/2?', 'cos(x)', -Math.PI / 2, Math.PI / 2, 8],
  ];
  for (const [text, expression, a, b, n] of cases) {
    const r = analyze(text);
    t.is(r.template, 'calculus.integral', text);
    t.is(r.params.expression, expression, text);
    t.true(close(r.params.a as number, a) && close(r.params.b as number, b), `${text}: [${r.params.a}, ${r.params.b}]`);
    t.is(r.params.n, n, text);
  }
  const many = analyze('area under x^2 from 0 to 1 with 5000 rectangles');
  t.is(many.params.n, 100);
  t.true(many.warnings.some((w) => /too thin/.test(w)));
  t.true(analyze('integral of 1/x from -1 to 1').warnings.some((w) => /does not exist as a finite area/.test(w)));
  t.throws(() => analyze('x', { template: 'calculus.integral', params: { a: 2, b: 1 } }), { message: /a < b/ });
});

test('a line is clipped to the chart window', (t) => {
  t.deepEqual(clipLine(0, 0, 1, [-2, 2], [-1, 1]), [
    [-1, -1],
    [1, 1],
  ]);
  t.deepEqual(clipLine(0, 0.5, 0, [-2, 2], [-1, 1]), [
    [-2, 0.5],
    [2, 0.5],
  ]);
  t.is(clipLine(0, 5, 0, [-2, 2], [-1, 1]), undefined);
});

test('derivative and integral scenes animate the idea and fit the view', (t) => {
  for (const text of ['derivative of x^3 at x = 2', 'tangent line to sin(x) at x = pi/4', 'differentiate |x| at 0', 'derivative of log(x) at x = -1', 'derivative of tan(x) at 1']) {
    const { scene } = mathScene(text);
    checkScene(t, scene, text);
  }
  const der = mathScene('derivative of x^3 at x = 2').scene;
  t.true(der.timeline.filter((e) => e.type === 'morph' && e.target === 'secant').length >= 4, 'the secant turns into the tangent');
  t.true(der.objects.some((o) => o.type === 'math' && o.latex === "f'(2) = 12"));
  for (const text of ['Area under x^2 from 0 to 3', 'integral of sin(x) from 0 to 2pi with 12 rectangles', 'integral of 1/x from -1 to 1', 'area under x^2 from 0 to 1 with 100 rectangles', 'integral of x^3 - 2x from -2 to 1']) {
    const { scene } = mathScene(text);
    checkScene(t, scene, text);
  }
  const int = mathScene('Area under x^2 from 0 to 3').scene;
  t.is(int.objects.filter((o) => o.type === 'rect' && !o.id.startsWith('emph.')).length, 8);
  t.true(int.objects.some((o) => o.type === 'math' && o.latex.includes('= 9')));
});
