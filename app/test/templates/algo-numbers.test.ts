// Tower of Hanoi, the sieve and Fibonacci: closed forms (2^n − 1, Binet), trial division, a replay of
// every Hanoi move under the rules, and the caps with their warnings.
import test from 'ava';
import { sceneFromDescription } from '../../src/pipeline.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import { hanoi } from '../../src/templates/algorithms/recursion-hanoi.ts';
import { sieve } from '../../src/templates/algorithms/number-sieve.ts';
import { fibonacci } from '../../src/templates/algorithms/number-fibonacci.ts';

test('Hanoi takes 2^n − 1 legal moves and ends with every disk on C', (t) => {
  for (let n = 1; n <= 10; n++) {
    const moves = hanoi(n).filter((s) => s.kind === 'move');
    t.is(moves.length, 2 ** n - 1);
    const pegs: Record<string, number[]> = { A: Array.from({ length: n }, (_, i) => n - i), B: [], C: [] };
    for (const m of moves) {
      if (m.kind !== 'move') continue;
      const disk = pegs[m.from]!.pop();
      t.is(disk, m.disk);
      const below = pegs[m.to]![pegs[m.to]!.length - 1];
      t.true(below === undefined || below > disk!, 'never a larger disk on a smaller one');
      pegs[m.to]!.push(disk!);
    }
    t.deepEqual(
      pegs.C,
      Array.from({ length: n }, (_, i) => n - i),
    );
  }
});

test('Hanoi phrasings, word numbers and the disk cap', (t) => {
  t.deepEqual(analyze('Tower of Hanoi with 4 disks').facts.moves, 15);
  t.deepEqual(analyze('towers of hanoi, four discs').params, { disks: 4 });
  t.deepEqual(analyze('Solve the Hanoi puzzle for n = 5').params, { disks: 5 });
  t.deepEqual(analyze('How does the tower of hanoi recursion work?').params, { disks: 3 });
  const big = analyze('Tower of Hanoi with 12 disks');
  t.deepEqual(big.params, { disks: 6 });
  t.is(big.facts.moves, 63);
  t.true(big.warnings.some((w) => w.includes('12 disks need 4095 moves')));
});

test('the sieve finds exactly the numbers with no divisor but 1 and themselves', (t) => {
  const isPrime = (k: number) => {
    if (k < 2) return false;
    for (let d = 2; d * d <= k; d++) if (k % d === 0) return false;
    return true;
  };
  for (let n = 2; n <= 200; n++) t.deepEqual(sieve(n).primes, Array.from({ length: n + 1 }, (_, i) => i).filter(isPrime));
  t.deepEqual(analyze('Sieve of Eratosthenes up to 30').facts.primes, [2, 3, 5, 7, 11, 13, 17, 19, 23, 29]);
  t.is(analyze('primes below 30').params.n, 29);
  t.is(analyze('sieve of erastothenes to 50').template, 'number.primes_sieve');
  const big = analyze('sieve of Eratosthenes up to 1000');
  t.is(big.params.n, 200);
  t.true(big.warnings.some((w) => w.includes('1000')));
});

test('Fibonacci starts 0, 1 and matches Binet’s formula', (t) => {
  const phi = (1 + Math.sqrt(5)) / 2;
  const seq = fibonacci(30);
  seq.forEach((v, i) => t.is(v, Math.round(phi ** i / Math.sqrt(5))));
  t.deepEqual(analyze('First 10 Fibonacci numbers').facts.sequence, [0, 1, 1, 2, 3, 5, 8, 13, 21, 34]);
  t.deepEqual(analyze('fibonacci sequence with 7 terms').params, { n: 7 });
  t.deepEqual(analyze('fibbonaci up to 100').facts.sequence, [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89]);
  t.deepEqual(analyze('Show the Fibonacci sequence').params, { n: 10 });
  const big = analyze('first 100 fibonacci numbers');
  t.is(big.params.n, 30);
  t.true(big.warnings.some((w) => w.includes('100 terms')));
});

test('content checklist: Hanoi marks the sub-tower being moved (the recursion shown), then each disk of the smallest one', (t) => {
  const { scene } = sceneFromDescription('Tower of Hanoi with 4 disks', { width: 1280, height: 720, fps: 30 });
  const steps = scene.narration.steps;
  // Each level of the recursion names its sub-tower and marks exactly those disks.
  for (const [k, disks] of [
    [4, ['d1', 'd2', 'd3', 'd4']],
    [3, ['d1', 'd2', 'd3']],
    [2, ['d1', 'd2']],
  ] as const) {
    const step = steps.find((s) => s.text.startsWith(`To move ${k} disks`));
    t.truthy(step, `a step for the ${k}-disk sub-tower`);
    t.deepEqual(step!.refs, [...disks]);
    t.truthy(step!.emphasis, `the ${k}-disk sub-tower is marked`);
  }
  // The later repetition of a sub-tower is grouped, and the whole sub-tower stays lit while the rest dims.
  const grouped = steps.find((s) => /the 3-disk tower moves/.test(s.text));
  t.deepEqual(grouped?.refs, ['d1', 'd2', 'd3']);
  t.is(grouped?.emphasis?.kind, 'dim-rest');
  // Single moves name the one disk that moves.
  for (const s of steps.filter((x) => /^Move \d+: disk (\d)/.test(x.text))) t.deepEqual(s.refs, [`d${/disk (\d)/.exec(s.text)![1]}`], s.text);
});
