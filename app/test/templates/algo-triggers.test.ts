// Which descriptions reach the algorithm templates: everyday phrasings and typos do; other topics
// that share a word ("tech stack", "bar chart", "graph y = 2x + 1", "hash browns") do not.
import test from 'ava';
import { analyze } from '../../src/analysis/analyze.ts';
import { ALGORITHM_TEMPLATES } from '../../src/templates/algorithms/index.ts';

const MINE = new Set(ALGORITHM_TEMPLATES.map((t) => t.id));

test('phrasings and typos people use reach the right algorithm', (t) => {
  const cases: [string, string][] = [
    ['Walk me through quicksort on [3, 1, 2]', 'sort.quick'],
    ['quik sort 5 4 3', 'sort.quick'],
    ['insertionsort 3 2 1', 'sort.insertion'],
    ['Can you animate a merge-sort?', 'sort.merge'],
    ['heapify and sort 3 1 2', 'sort.heap'],
    ['binary serach for 3 in 1 2 3', 'search.binary'],
    ['sequential search for 4 in 1 2 4', 'search.linear'],
    ['How does BFS work starting from node A', 'graph.bfs'],
    ['breadth-first traversal of A-B, A-C', 'graph.bfs'],
    ['depth first search', 'graph.dfs'],
    ['dijkstras from A to E on A-B 4, B-C 1, A-C 7', 'graph.dijkstra'],
    ['Djikstra on a weighted graph', 'graph.dijkstra'],
    ['shortest path between A and D on A-B 1, B-D 2, A-D 5', 'graph.dijkstra'],
    ['push 1, push 2, pop', 'ds.stack'],
    ['Explain a stack', 'ds.stack'],
    ['LIFO demo', 'ds.stack'],
    ['enqueue 3 then dequeue', 'ds.queue'],
    ['How does the queue data structure work?', 'ds.queue'],
    ['linkedlist insert 4 at 0', 'ds.linked_list'],
    ['singly linked list operations', 'ds.linked_list'],
    ['BST with 5 3 8', 'ds.bst'],
    ['inorder traversal of a binary tree', 'ds.bst'],
    ['what is a hashmap', 'ds.hash_table'],
    ['hashing with separate chaining', 'ds.hash_table'],
    ['Towers of Hanoi', 'recursion.hanoi'],
    ['tower of hanoy with 3 disks', 'recursion.hanoi'],
    ['prime numbers up to 50', 'number.primes_sieve'],
    ['sieve of erastothenes', 'number.primes_sieve'],
    ['fibonnaci numbers', 'number.fibonacci'],
    ['Fibonacci sequence', 'number.fibonacci'],
  ];
  for (const [text, template] of cases) t.is(analyze(text).template, template, text);
});

test('other topics that share a word are left to their templates', (t) => {
  for (const text of [
    'Graph x^2 - 4 from -3 to 3',
    'Graph y = 2x + 1',
    'Quarterly revenue bar chart: Q1 120, Q2 150, Q3 90, Q4 200',
    'Line graph of revenue 2019 to 2023',
    'Our tech stack: React, Node, Postgres',
    'How to stack shelves safely',
    'Queue management training for the front desk',
    'prime factorization of 84',
    'Hash brown recipe steps',
    'Org chart: CEO -> CTO, CEO -> CFO',
    'Onboarding process: apply -> interview -> offer',
    'Merger and acquisition timeline',
    'Search engine optimisation tips',
    'Depth of field in photography',
    'Shortest path to promotion: 5 career tips',
    'Employee onboarding process: application, interview, offer, first day',
  ]) {
    const a = analyze(text);
    t.false(MINE.has(a.template) && a.confidence > 0.4, `${text} → ${a.template} (${a.confidence})`);
  }
});
