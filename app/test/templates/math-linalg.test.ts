import test from 'ava';
import { eigs, multiply } from 'mathjs';
import { analyze } from '../../src/analysis/analyze.ts';
import { findMatrices, findVectors, matMul } from '../../src/templates/mathematics/linalg-text.ts';
import { vectorSum } from '../../src/templates/mathematics/linalg-vector-add.ts';
import { transformFacts } from '../../src/templates/mathematics/linalg-transform.ts';
import { checkScene, mathScene } from './math-scene-checks.ts';

test('vector sums and lengths', (t) => {
  t.deepEqual(
    vectorSum([
      [2, 1],
      [1, 3],
    ]),
    { sum: [3, 4], magnitude: 5 },
  );
  t.deepEqual(
    vectorSum([
      [1, 2, 3],
      [0, -1, 2],
      [2, 2, 2],
    ]).sum,
    [3, 3, 7],
  );
  t.true(
    Math.abs(
      vectorSum([
        [1, 2, 3],
        [0, -1, 2],
        [2, 2, 2],
      ]).magnitude - Math.sqrt(9 + 9 + 49),
    ) < 1e-12,
  );
});

test('vectors are read in the ways people write them', (t) => {
  const cases: [string, number[][]][] = [
    [
      'add vectors (2,1) and (1,3)',
      [
        [2, 1],
        [1, 3],
      ],
    ],
    [
      'Show vector addition of [2, 1] + [1, 3] + [-1, 0.5]',
      [
        [2, 1],
        [1, 3],
        [-1, 0.5],
      ],
    ],
    [
      'add the vectors <1, 2, 3> and <4,5,6>',
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
    ],
    [
      'add 3i - 2j + k and i + j - k',
      [
        [3, -2, 1],
        [1, 1, -1],
      ],
    ],
    [
      'How does tip-to-tail addition work for u = (2 1) and v = (-1 3)?',
      [
        [2, 1],
        [-1, 3],
      ],
    ],
    [
      'resultant vector of (3, 0) and (0, 4)',
      [
        [3, 0],
        [0, 4],
      ],
    ],
  ];
  for (const [text, vectors] of cases) {
    const r = analyze(text);
    t.is(r.template, 'linalg.vector_add', text);
    t.deepEqual(r.params.vectors, vectors, text);
  }
  const mixed = analyze('add vectors (1, 2) and (1, 2, 3)');
  t.deepEqual(
    mixed.params.vectors,
    [
      [2, 1],
      [1, 3],
    ],
    'one usable vector left: the example is used',
  );
  t.true(mixed.warnings.some((w) => /different sizes/.test(w)));
  const huge = analyze('add vectors (1e308, 1) and (1, 1) and (2, 2)');
  t.deepEqual(huge.params.vectors, [
    [1, 1],
    [2, 2],
  ]);
  t.true(huge.warnings.some((w) => /too large/.test(w)));
  t.throws(
    () =>
      analyze('x', {
        template: 'linalg.vector_add',
        params: {
          vectors: [
            [1, 2],
            [1, 2, 3],
          ],
        },
      }),
    { message: /same number of components/ },
  );
});

test('matrix products agree with mathjs', (t) => {
  const cases: [number[][], number[][]][] = [
    [
      [
        [1, 2],
        [3, 4],
      ],
      [
        [5, 6],
        [7, 8],
      ],
    ],
    [
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      [
        [1, 0],
        [0, 1],
        [2, 2],
      ],
    ],
    [[[1, 2, 3]], [[4], [5], [6]]],
    [
      [
        [0.5, -1],
        [2, 3],
        [1, 1],
        [4, -2],
      ],
      [
        [1, 2, 3, 4],
        [-1, 0, 1, 2],
      ],
    ],
  ];
  for (const [A, B] of cases) t.deepEqual(matMul(A, B), multiply(A, B) as number[][]);
});

test('matrices are read in the ways people write them', (t) => {
  const cases: [string, number[][], number[][]][] = [
    [
      'multiply matrices [[1,2],[3,4]] and [[5,6],[7,8]]',
      [
        [1, 2],
        [3, 4],
      ],
      [
        [5, 6],
        [7, 8],
      ],
    ],
    [
      'multiply A = [1 2 3; 4 5 6] by B = [1 0; 0 1; 2 2]',
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      [
        [1, 0],
        [0, 1],
        [2, 2],
      ],
    ],
    [
      'What is the product of ((1, 2), (3, 4)) and ((0, 1), (1, 0))?',
      [
        [1, 2],
        [3, 4],
      ],
      [
        [0, 1],
        [1, 0],
      ],
    ],
    [
      'square the matrix [[0,1],[1,1]]',
      [
        [0, 1],
        [1, 1],
      ],
      [
        [0, 1],
        [1, 1],
      ],
    ],
    [
      '[[1,2],[3,4]] times the vector (5, 6)',
      [
        [1, 2],
        [3, 4],
      ],
      [[5], [6]],
    ],
    [
      'Walk me through matrix multiplication',
      [
        [1, 2],
        [3, 4],
      ],
      [
        [5, 6],
        [7, 8],
      ],
    ],
  ];
  for (const [text, A, B] of cases) {
    const r = analyze(text);
    t.is(r.template, 'linalg.matrix_multiply', text);
    t.deepEqual([r.params.A, r.params.B], [A, B], text);
    t.deepEqual(r.facts.product, multiply(A, B), text);
  }
  const bad = analyze('multiply [[1,2,3]] by [[1,2],[3,4]]');
  t.true(bad.warnings.some((w) => /needs as many columns as B has rows/.test(w)));
  const big = analyze('multiply matrices [[1,2,3,4,5],[1,2,3,4,5]] and [[1],[2],[3],[4],[5]]');
  t.true(big.warnings.some((w) => /at most 4×4/.test(w)));
  const ragged: string[] = [];
  t.deepEqual(findMatrices('[[1,2],[3]]', ragged), []);
  t.true(ragged.some((p) => /different lengths/.test(p)));
  t.deepEqual(findVectors('[[1,2],[3,4]]'), [], 'rows of a matrix are not vectors');
  t.throws(() => analyze('x', { template: 'linalg.matrix_multiply', params: { A: [[1, 2]], B: [[1, 2]] } }), { message: /as many columns/ });
});

test('determinants and eigenvalues agree with mathjs', (t) => {
  const cases = [
    [
      [2, 1],
      [1, 2],
    ],
    [
      [1, 1],
      [0, 1],
    ],
    [
      [3, 0],
      [0, 2],
    ],
    [
      [-1, 0],
      [0, 1],
    ],
    [
      [4, 1],
      [2, 3],
    ],
    [
      [1, 2],
      [2, 4],
    ],
  ];
  for (const M of cases) {
    const f = transformFacts(M);
    t.is(f.determinant, M[0]![0]! * M[1]![1]! - M[0]![1]! * M[1]![0]!);
    const expected = (eigs(M).values as number[]).map(Number).sort((a, b) => b - a);
    t.true(
      f.eigenvalues!.every((l, i) => Math.abs(l - expected[i]!) < 1e-9),
      `${JSON.stringify(M)}: ${f.eigenvalues} vs ${expected}`,
    );
    // Each eigenvector really is one: M v = λ v.
    for (const v of f.eigenvectors!) {
      const Mv = [M[0]![0]! * v[0]! + M[0]![1]! * v[1]!, M[1]![0]! * v[0]! + M[1]![1]! * v[1]!];
      t.true(
        f.eigenvalues!.some((l) => Math.abs(Mv[0]! - l * v[0]!) < 1e-9 && Math.abs(Mv[1]! - l * v[1]!) < 1e-9),
        `${JSON.stringify(M)} v = ${v}`,
      );
    }
  }
  t.deepEqual(
    transformFacts([
      [0, -1],
      [1, 0],
    ]),
    { determinant: 1, eigenvalues: null, eigenvectors: null },
  );
});

test('transformations are read from matrices and from words', (t) => {
  const cases: [string, number[][]][] = [
    [
      'linear transformation by the matrix [[2,1],[1,2]]',
      [
        [2, 1],
        [1, 2],
      ],
    ],
    [
      'show a shear transformation of the plane',
      [
        [1, 1],
        [0, 1],
      ],
    ],
    [
      'rotation matrix for 90 degrees acting on the grid',
      [
        [0, -1],
        [1, 0],
      ],
    ],
    [
      'What are the eigenvalues of [[4, 1], [2, 3]]?',
      [
        [4, 1],
        [2, 3],
      ],
    ],
    [
      'determinant of [[3, 0], [0, 2]]',
      [
        [3, 0],
        [0, 2],
      ],
    ],
    [
      'reflection matrix across the y axis',
      [
        [-1, 0],
        [0, 1],
      ],
    ],
    [
      'scaling transformation by 2 and 3',
      [
        [2, 0],
        [0, 3],
      ],
    ],
  ];
  for (const [text, M] of cases) {
    const r = analyze(text);
    t.is(r.template, 'linalg.transform', text);
    t.deepEqual(r.params.matrix, M, text);
  }
  const three = analyze('linear transformation [[1,2,3],[4,5,6],[7,8,9]]');
  t.true(three.warnings.some((w) => /needs a 2×2 matrix/.test(w)));
});

test('linear algebra scenes animate and fit the view', (t) => {
  for (const text of [
    'add vectors (2,1) and (1,3)',
    'add vectors (1, 0) and (-1, 0)',
    'vector addition <1,2,3> + <0,-1,2> + <2,2,2>',
    'add vectors (1,1) (2,-1) (0,3) (-2,0) (1,1) (3,3)',
    'multiply matrices [[1,2],[3,4]] and [[5,6],[7,8]]',
    'multiply matrices [[1.5,-2,3,4],[1,2,3,4],[1,2,3,4],[9,8,7,6]] and [[100,200,300,400],[1,2,3,4],[5,6,7,8],[1,1,1,1]]',
    'linear transformation [[2,1],[1,2]]',
    'linear transformation [[1,2],[2,4]]',
    'rotation by 45 degrees linear transformation',
    'linear transformation [[1000,0],[0,0.001]]',
  ]) {
    const { scene } = mathScene(text);
    checkScene(t, scene, text);
  }
  const add = mathScene('add vectors (2,1) and (1,3)').scene;
  t.is(add.timeline.filter((e) => e.type === 'move' && e.target === 'vec1').length, 1, 'v slides to the tip of u');
  const mult = mathScene('multiply matrices [[1,2],[3,4]] and [[5,6],[7,8]]').scene;
  t.is(mult.timeline.filter((e) => e.type === 'appear' && /^C_\d_\d$/.test(e.target)).length, 4, 'each entry of C is computed in turn');
  t.true(mult.timeline.some((e) => e.type === 'set' && e.value === 'c₁₁ = 1·5 + 2·7 = 19'));
  const tf = mathScene('linear transformation [[2,1],[1,2]]').scene;
  t.true(tf.timeline.filter((e) => e.type === 'morph').length > 10, 'the grid is morphed');
});
