// Every algorithm template, in the order the API lists them.
import type { AnyTemplate } from '../types.ts';
import { sortBubble } from './sort-bubble.ts';
import { sortInsertion } from './sort-insertion.ts';
import { sortSelection } from './sort-selection.ts';
import { sortMerge } from './sort-merge.ts';
import { sortQuick } from './sort-quick.ts';
import { sortHeap } from './sort-heap.ts';
import { sortShell } from './sort-shell.ts';
import { sortCounting } from './sort-counting.ts';
import { sortRadix } from './sort-radix.ts';
import { numberGcd } from './number-gcd.ts';
import { numberPascal } from './number-pascal.ts';
import { graphTopologicalSort } from './graph-topological.ts';
import { graphMstKruskal } from './graph-kruskal.ts';
import { graphMstPrim } from './graph-prim.ts';
import { graphBellmanFord } from './graph-bellman-ford.ts';
import { dpLcs } from './dp-lcs.ts';
import { dpEditDistance } from './dp-edit-distance.ts';
import { dpKnapsack } from './dp-knapsack.ts';
import { stringCaesar } from './string-caesar.ts';
import { stringKmp } from './string-kmp.ts';
import { backtrackingNQueens } from './backtracking-n-queens.ts';
import { stringHuffman } from './string-huffman.ts';
import { graphAstar } from './graph-astar.ts';
import { automataGameOfLife } from './automata-life.ts';
import { searchLinear } from './search-linear.ts';
import { searchBinary } from './search-binary.ts';
import { graphBfs } from './graph-bfs.ts';
import { graphDfs } from './graph-dfs.ts';
import { graphDijkstra } from './graph-dijkstra.ts';
import { dsStack } from './ds-stack.ts';
import { dsQueue } from './ds-queue.ts';
import { dsLinkedList } from './ds-linked-list.ts';
import { dsBst } from './ds-bst.ts';
import { dsHashTable } from './ds-hash-table.ts';
import { recursionHanoi } from './recursion-hanoi.ts';
import { numberPrimesSieve } from './number-sieve.ts';
import { numberFibonacci } from './number-fibonacci.ts';
import { mlKmeans } from './ml-kmeans.ts';

export const ALGORITHM_TEMPLATES: AnyTemplate[] = [
  sortBubble,
  sortInsertion,
  sortSelection,
  sortMerge,
  sortQuick,
  sortHeap,
  searchLinear,
  searchBinary,
  graphBfs,
  graphDfs,
  graphDijkstra,
  dsStack,
  dsQueue,
  dsLinkedList,
  dsBst,
  dsHashTable,
  recursionHanoi,
  numberPrimesSieve,
  numberFibonacci,
  sortShell,
  sortCounting,
  sortRadix,
  numberGcd,
  numberPascal,
  graphTopologicalSort,
  graphMstKruskal,
  graphMstPrim,
  graphBellmanFord,
  dpLcs,
  dpEditDistance,
  dpKnapsack,
  stringCaesar,
  stringKmp,
  backtrackingNQueens,
  stringHuffman,
  graphAstar,
  automataGameOfLife,
  mlKmeans,
];
