// Every algorithm template, at its defaults and at its largest inputs, composes a valid scene whose
// text stays inside the 16 × 9 view, with a caption per step and a watchable length.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { sceneForAnalysis } from '../../src/pipeline.ts';
import { ALGORITHM_TEMPLATES } from '../../src/templates/algorithms/index.ts';
import type { Scene } from '../../src/scene/schema.ts';
import { SUBJECT_GROUP } from '../../src/templates/layout/fill.ts';

const SIZE = { width: 1280, height: 720, fps: 30 };
const many = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i)).join(' ');

const LARGEST: Record<string, string> = {
  'sort.bubble': `bubble sort ${many(16, (i) => 16 - i)}`,
  'sort.insertion': `insertion sort ${many(16, (i) => 16 - i)}`,
  'sort.selection': `selection sort ${many(16, (i) => 16 - i)}`,
  'sort.merge': `merge sort ${many(16, (i) => (i * 7) % 16)}`,
  'sort.quick': `quick sort ${many(16, (i) => i * 1000)}`,
  'sort.heap': `heap sort ${many(16, (i) => -i * 1.5)}`,
  'search.linear': `linear search for 99 in ${many(16, (i) => i * 123)}`,
  'search.binary': `binary search for 1 in ${many(16, (i) => i * 12345)}`,
  'graph.bfs': `BFS on ${Array.from({ length: 11 }, (_, i) => `City${i}-City${i + 1}`).join(', ')}, City0-City6 from City0`,
  'graph.dfs': `DFS on ${Array.from({ length: 11 }, (_, i) => `N${i}-N${(i * 5 + 3) % 12}`).join(', ')} from N0`,
  'graph.dijkstra': `dijkstra from A to L on ${Array.from({ length: 11 }, (_, i) => `${String.fromCharCode(65 + i)}-${String.fromCharCode(66 + i)} ${100 + i}`).join(', ')}, A-L 999`,
  'ds.stack': `stack: ${many(16, (i) => i * 1111)
    .split(' ')
    .map((v) => `push ${v}`)
    .join(', ')}`,
  'ds.queue': `queue: ${many(16, (i) => i * 1111)
    .split(' ')
    .map((v) => `enqueue ${v}`)
    .join(', ')}`,
  'ds.linked_list': `linked list ${many(10, (i) => i * 111)}, insert 5 at 0, append 7`,
  'ds.bst': `binary search tree ${many(15, (i) => i * 100)} level order`,
  'ds.hash_table': `hash table of size 13 with keys ${many(16, (i) => i * 13)}`,
  'recursion.hanoi': 'Tower of Hanoi with 6 disks',
  'number.primes_sieve': 'Sieve of Eratosthenes up to 200',
  'number.fibonacci': 'first 30 Fibonacci numbers',
  'sort.shell': `shell sort ${many(16, (i) => 16 - i)}`,
  'sort.counting': `counting sort ${many(16, (i) => (i * 7) % 20)}`,
  'sort.radix': `radix sort ${many(16, (i) => (i * 7919) % 10000)}`,
  'number.gcd': 'gcd of 832040 and 514229',
  'number.pascal_triangle': "Pascal's triangle with 12 rows",
  'graph.mst_kruskal': `kruskal on ${Array.from({ length: 11 }, (_, i) => `${String.fromCharCode(65 + i)}-${String.fromCharCode(66 + i)} ${100 + i}`).join(', ')}, ${Array.from({ length: 19 }, (_, i) => `${String.fromCharCode(65 + (i % 10))}-${String.fromCharCode(67 + (i % 10))} ${i + 1}`).join(', ')}`,
  'graph.mst_prim': `prims algorithm on ${Array.from({ length: 11 }, (_, i) => `City${i}-City${i + 1} ${100 + i}`).join(', ')}, City0-City6 999`,
  'graph.bellman_ford': `bellman-ford from A on ${Array.from({ length: 11 }, (_, i) => `${String.fromCharCode(76 - i)}->${String.fromCharCode(75 - i)} ${i - 3}`).join(', ')}, A->L 5`,
  'dp.lcs': 'longest common subsequence of ABCDEFGHIJ and JIHGFEDCBA',
  'dp.edit_distance': 'edit distance from abcdefghij to jihgfedcba',
  'dp.knapsack': 'knapsack capacity 15 items (1,999) (2,998) (3,997) (4,996) (5,995) (6,994)',
  'string.caesar': 'Caesar cipher with shift 25 on "The Quick Brown Fox Jumps"',
  'string.kmp': 'KMP search for pattern AAAAAAAAAB in AAAAAAAAAAAAAAAAAAAAAAAB',
  'backtracking.n_queens': 'eight queens puzzle',
  'string.huffman': "Huffman coding of 'ABBCCCDDDDEEEEEFFFFFFGGGGGGGHHHHHHHHIJ'",
  'graph.astar': 'A* search on a 10x14 grid from (0,0) to (9,13)',
  'automata.game_of_life': 'game of life toad 30 generations',
  'ml.kmeans': `k-means with k = 6 on ${Array.from({ length: 40 }, (_, i) => `(${(i * 37) % 23}, ${-1000 + ((i * 53) % 19) * 0.5})`).join(', ')}`,
  'graph.topological_sort': `topological sort of ${Array.from({ length: 11 }, (_, i) => `Course${i}->Course${i + 1}`).join(', ')}, Course0->Course6, Course3->Course9`,
};

/** Rough width of a one-line text in world units (mono glyphs are 0.6 em wide; sans a little less). */
function textWidth(text: string, size: number): number {
  return Math.max(...text.split('\n').map((l) => l.length)) * size * 0.62;
}

/** The scene as the viewer sees it: the layout pass's subject group applied to its members' positions and sizes. */
function inView(scene: Scene): Scene {
  const g = scene.objects.find((o) => o.id === SUBJECT_GROUP);
  if (!g) return scene;
  const at = (x: number, y: number) => ({ x: g.x + x * g.scale, y: g.y + y * g.scale });
  return {
    ...scene,
    objects: scene.objects.map((o) => (o.parent !== SUBJECT_GROUP ? o : { ...o, ...at(o.x, o.y), ...(o.type === 'text' ? { size: o.size * g.scale, ...(o.maxWidth ? { maxWidth: o.maxWidth * g.scale } : {}) } : {}) })) as Scene['objects'],
    timeline: scene.timeline.map((e) =>
      e.type === 'move' && scene.objects.find((o) => o.id === e.target)?.parent === SUBJECT_GROUP
        ? { ...e, to: { ...e.to, ...(e.to.x !== undefined ? { x: g.x + e.to.x * g.scale } : {}), ...(e.to.y !== undefined ? { y: g.y + e.to.y * g.scale } : {}) } }
        : e,
    ),
  };
}

function problems(laid: Scene): string[] {
  const out: string[] = [];
  const scene = inView(laid);
  const texts = new Map(scene.objects.filter((o) => o.type === 'text').map((o) => [o.id, o]));
  const check = (id: string, text: string) => {
    const o = texts.get(id);
    if (!o || o.type !== 'text') return;
    const w = Math.min(textWidth(text, o.size), o.maxWidth ?? Infinity);
    const [left, right] = o.align === 'left' ? [o.x, o.x + w] : o.align === 'right' ? [o.x - w, o.x] : [o.x - w / 2, o.x + w / 2];
    if (left < -8 || right > 8) out.push(`${id} "${text}" spans x ${left.toFixed(2)}..${right.toFixed(2)}`);
    const lines = o.maxWidth ? Math.ceil(textWidth(text, o.size) / o.maxWidth) : text.split('\n').length;
    const half = (lines * o.size * 1.25) / 2;
    if (o.y - half < -4.5 || o.y + half > 4.5) out.push(`${id} "${text}" spans y ${(o.y - half).toFixed(2)}..${(o.y + half).toFixed(2)}`);
  };
  for (const o of texts.values()) if (o.type === 'text') check(o.id, o.text);
  for (const e of scene.timeline) if (e.type === 'set' && e.property === 'text' && typeof e.value === 'string') check(e.target, e.value);
  for (const o of scene.objects) if ('x' in o && (Math.abs(o.x) > 8 || Math.abs(o.y) > 4.5)) out.push(`${o.id} at ${o.x},${o.y}`);
  for (const e of scene.timeline) if (e.type === 'move' && ((e.to.x !== undefined && Math.abs(e.to.x) > 8) || (e.to.y !== undefined && Math.abs(e.to.y) > 4.5))) out.push(`${e.target} moves to ${e.to.x},${e.to.y}`);
  return out;
}

for (const template of ALGORITHM_TEMPLATES) {
  test(`${template.id}: defaults and largest input fit the view, with captions and a watchable length`, (t) => {
    const inputs = [analyze('', { template: template.id })];
    const text = LARGEST[template.id];
    t.truthy(text, 'a largest-input case is listed');
    const big = analyze(text!, { maxLength: 5000 });
    t.is(big.template, template.id, text);
    inputs.push(big);
    for (const analysis of inputs) {
      const scene = sceneForAnalysis(analysis, SIZE);
      t.deepEqual(problems(scene), [], JSON.stringify(analysis.params).slice(0, 200));
      t.true(scene.duration >= 4 && scene.duration <= 150, `${scene.duration}s`);
      t.true(scene.narration.steps.length >= 3);
      for (const c of scene.narration.steps) t.true(c.duration > 0 && c.text.length <= 200, c.text);
      t.deepEqual(scene.meta.facts, analysis.facts);
    }
  });
}
