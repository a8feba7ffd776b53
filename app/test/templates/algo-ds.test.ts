// Data-structure templates: operations parsed from everyday phrasing and replayed against plain
// arrays, BST traversals and heights against independent definitions, hash buckets recomputed.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { buildBst, height, traverse } from '../../src/templates/algorithms/ds-bst.ts';
import { hashInsert } from '../../src/templates/algorithms/ds-hash-table.ts';
import { runList } from '../../src/templates/algorithms/ds-linked-list-ops.ts';

test('stack operations as people write them, replayed on a plain array', (t) => {
  const cases: [string, string[], (number | string)[]][] = [
    ['Show how a stack works: push 1, push 2, pop, push 3', ['push 1', 'push 2', 'pop', 'push 3'], [1, 3]],
    ['push 1, 2 and 3 onto a stack then pop twice', ['push 1', 'push 2', 'push 3', 'pop', 'pop'], [1]],
    ['stack: push(4) push(5) pop() peek', ['push 4', 'push 5', 'pop', 'peek'], [4]],
    ['Walk me through a stack: push A, push B, pop 2 times', ['push A', 'push B', 'pop', 'pop'], []],
  ];
  for (const [text, operations, final] of cases) {
    const a = analyze(text);
    t.is(a.template, 'ds.stack', text);
    t.deepEqual(a.params.operations, operations, text);
    // Independent replay.
    const s: (number | string)[] = [];
    for (const op of operations)
      if (op.startsWith('push ')) s.push(Number.isNaN(Number(op.slice(5))) ? op.slice(5) : Number(op.slice(5)));
      else if (op === 'pop') s.pop();
    t.deepEqual(a.facts.final, s, text);
    t.deepEqual(a.facts.final, final, text);
  }
});

test('queue operations, including push/pop wording and underflow', (t) => {
  const a = analyze('queue: enqueue 5, enqueue 7, dequeue');
  t.deepEqual(a.facts, { final: [7], dequeued: [5] });
  const b = analyze('FIFO queue: add 1, add 2, add 3, remove, remove, remove, remove');
  t.deepEqual(b.facts, { final: [], dequeued: [1, 2, 3] });
  t.true(b.warnings.some((w) => w.includes('operation 7') && w.includes('empty')));
  t.is(analyze('How does a queue work?').template, 'ds.queue');
  t.is(analyze('How does BFS use a queue?').template, 'graph.bfs');
});

test('too many operations are capped with a warning', (t) => {
  const ops = Array.from({ length: 40 }, (_, i) => `push ${i}`).join(', ');
  const a = analyze(`stack ${ops}`);
  t.is((a.params.operations as string[]).length, 16);
  t.true(a.warnings.some((w) => w.includes('40 operations given')));
});

test('linked-list operations: insert at/after/before, append, delete by value or position, find', (t) => {
  const a = analyze('Linked list 12 -> 5 -> 8: insert 4 at 1, insert 9 after 8, delete 5, append 7, remove the head');
  t.is(a.template, 'ds.linked_list');
  t.deepEqual(a.params.values, [12, 5, 8]);
  t.deepEqual(a.params.operations, ['insert 4 at 1', 'insert 9 after 8', 'delete 5', 'insert 7 at end', 'delete at 0']);
  t.deepEqual(a.facts, { final: [4, 8, 9, 7], length: 4 });
  t.deepEqual(runList([1, 2, 3], ['insert 0 before 1', 'delete at 3', 'find 2', 'insert 5 at 99']).final, [0, 1, 2, 5]);
  const missing = analyze('linked list 1 2 3, delete 7');
  t.deepEqual(missing.facts.final, [1, 2, 3]);
  t.true(missing.warnings.some((w) => w.includes('7 is not in the list')));
});

test('BST traversals and height match their definitions', (t) => {
  const { root } = buildBst([50, 30, 70, 20, 40, 60, 80]);
  t.deepEqual(traverse(root, 'inorder'), [20, 30, 40, 50, 60, 70, 80]);
  t.deepEqual(traverse(root, 'preorder'), [50, 30, 20, 40, 70, 60, 80]);
  t.deepEqual(traverse(root, 'postorder'), [20, 40, 30, 60, 80, 70, 50]);
  t.deepEqual(traverse(root, 'levelorder'), [50, 30, 70, 20, 40, 60, 80]);
  t.is(height(root), 2, 'a complete tree of 7 has height 2');
  for (let n = 1; n <= 15; n++) {
    const sorted = Array.from({ length: n }, (_, i) => i);
    t.is(height(buildBst(sorted).root), n - 1, 'sorted input makes a chain');
    const shuffled = sorted.map((v) => (v * 7) % n).filter((v, i, all) => all.indexOf(v) === i);
    t.deepEqual(
      traverse(buildBst(shuffled).root, 'inorder'),
      [...shuffled].sort((x, y) => x - y),
      'inorder is sorted',
    );
  }
});

test('BST phrasings: traversal words, duplicates skipped with a warning', (t) => {
  const a = analyze('Insert 50, 30, 70, 20, 40 into a binary search tree and show inorder traversal');
  t.deepEqual(a.facts, { traversal: [20, 30, 40, 50, 70], height: 2 });
  t.is(analyze('BST pre-order of 8 3 10 1 6').params.traversal, 'preorder');
  t.is(analyze('post order traversal of the binary search tree 8 3 10').params.traversal, 'postorder');
  t.is(analyze('level order traversal of BST 8 3 10').params.traversal, 'levelorder');
  const dup = analyze('bst with 5 3 5 8');
  t.deepEqual(dup.facts.traversal, [3, 5, 8]);
  t.true(dup.warnings.some((w) => w.includes('duplicate')));
});

test('hash table buckets are k mod size, in insertion order, chained', (t) => {
  const a = analyze('Insert 15, 11, 27, 8, 22 into a hash table of size 7');
  t.deepEqual(a.params, { keys: [15, 11, 27, 8, 22], size: 7, hash: 'mod' });
  t.deepEqual(a.facts.buckets, [[], [15, 8, 22], [], [], [11], [], [27]]);
  t.is(a.facts.collisions, 2);
  for (const size of [1, 5, 10, 13]) {
    const keys = [3, 14, -4, 25, 100, 0, 7];
    const { buckets, collisions } = hashInsert(keys, size);
    for (const [i, b] of buckets.entries())
      t.deepEqual(
        b,
        keys.filter((k) => ((k % size) + size) % size === i),
      );
    t.is(collisions, keys.length - buckets.filter((b) => b.length > 0).length);
  }
  t.is(analyze('hashing 10 20 30 with 5 buckets').params.size, 5);
  const big = analyze('hash table of size 50 with keys 1 2 3');
  t.is(big.params.size, 13);
  t.true(big.warnings.some((w) => w.includes('size 50')));
});

test('data-structure scenes validate and end with the final contents on screen', (t) => {
  const cases: [string, string][] = [
    ['Show how a stack works: push 1, push 2, pop, push 3', 'final stack (bottom → top): 1, 3'],
    ['queue: enqueue 5, enqueue 7, dequeue', 'final queue (front → back): 7'],
    ['linked list 1 2 3, insert 9 after 2', 'head → 1 → 2 → 9 → 3 → null'],
    ['Insert 50, 30, 70 into a BST, preorder', 'height 1'],
    ['hash table size 7: 15, 8, 22', '2 collisions'],
  ];
  for (const [text, expected] of cases) {
    const { scene } = sceneFromDescription(text, { width: 1280, height: 720, fps: 30 });
    const status = scene.timeline.filter((e) => e.type === 'set' && e.target === 'status').pop() as { value: string };
    t.true(status.value.includes(expected), `${text}: ${status.value}`);
  }
});
