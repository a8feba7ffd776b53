// number.primes_sieve: the sieve of Eratosthenes. For each prime p with p² ≤ n, cross out p², p² + p, …;
// whatever is never crossed out is prime.
import { roleColor } from '../emphasis/roles.ts';
import { z } from 'zod';
import { numbers } from '../../text/parse.ts';
import { defineTemplate } from '../types.ts';
import { AlgoScene, listText } from './algo-scene.ts';
import { fitTextSize } from './array-cells.ts';

/** 200 numbers fill the view in a 20 × 10 grid with readable digits. */
export const MAX_SIEVE_N = 200;
const params = z.object({ n: z.number().int().min(2).max(MAX_SIEVE_N).default(50) });
type SieveParams = z.infer<typeof params>;

export type SieveStep = { kind: 'prime'; p: number } | { kind: 'cross'; m: number; p: number; already: boolean };

export function sieve(n: number): { primes: number[]; steps: SieveStep[] } {
  const crossed = new Uint8Array(n + 1);
  const steps: SieveStep[] = [];
  for (let p = 2; p * p <= n; p++) {
    if (crossed[p]) continue;
    steps.push({ kind: 'prime', p });
    for (let m = p * p; m <= n; m += p) {
      steps.push({ kind: 'cross', m, p, already: crossed[m] === 1 });
      crossed[m] = 1;
    }
  }
  const primes: number[] = [];
  for (let i = 2; i <= n; i++) if (!crossed[i]) primes.push(i);
  return { primes, steps };
}

export const numberPrimesSieve = defineTemplate<SieveParams>({
  id: 'number.primes_sieve',
  title: 'Sieve of Eratosthenes',
  category: 'algorithms',
  style: 'algorithmic',
  example: 'Sieve of Eratosthenes up to 30',
  params,
  vocabulary: ['sieve', 'eratosthenes', 'primes', 'prime'],
  triggers: [
    { pattern: /\bsieve\b|\beratosthenes\b/, score: 0.97 },
    { pattern: /\bprime numbers?\b(?! factor)|\bprimes\b(?! factor)/, score: 0.75 },
    { pattern: /\bprime\b(?! factor|minister|time|rate|member|cost|video)/, score: 0.45 },
  ],
  extract(text, warnings) {
    for (const w of ['sieve', 'eratosthenes', 'primes']) if (text.normalized.includes(w)) text.used.add(w);
    const bound = /\b(up ?to|to|until|through|till|upto|below|under|less than|smaller than|n\s*=|limit(?: of)?|max(?:imum)?(?: of)?)\s*(\d+)\b/i.exec(text.original);
    let n: number | undefined;
    if (bound) n = Number(bound[2]) - (/below|under|less|smaller/i.test(bound[1]!) ? 1 : 0);
    else {
      const any = numbers(text.original).filter((v) => Number.isInteger(v) && v > 0);
      if (any.length) n = any[0];
    }
    if (n === undefined) return {};
    if (n > MAX_SIEVE_N) {
      warnings.push(`n = ${n} is more numbers than fit on screen; sieving up to ${MAX_SIEVE_N}`);
      n = MAX_SIEVE_N;
    } else if (n < 2) {
      warnings.push(`there are no primes below 2; sieving up to 2`);
      n = 2;
    }
    return { n };
  },
  facts({ n }) {
    const { primes } = sieve(n);
    return { primes, count: primes.length };
  },
  compose({ n }) {
    const { steps, primes } = sieve(n);
    const cols = n <= 100 ? 10 : 20;
    const rows = Math.ceil(n / cols);
    const pitch = Math.min(1.25, 13.6 / cols, 5.8 / rows);
    const size = pitch * 0.86;
    const textSize = fitTextSize(size, String(n).length);
    const cellX = (v: number) => (((v - 1) % cols) - (cols - 1) / 2) * pitch;
    const cellY = (v: number) => 2.35 - pitch / 2 - Math.floor((v - 1) / cols) * pitch;
    let crossedCount = 0;
    let current = 0;
    const counter = () => `crossed out ${crossedCount}   ${current ? `current prime ${current}` : ''}`;
    const scene = new AlgoScene(`Sieve of Eratosthenes up to ${n}`, counter());
    const tl = scene.tl;
    for (let v = 1; v <= n; v++) {
      scene.add(
        { id: `c${v}`, type: 'rect', x: cellX(v), y: cellY(v), width: size, height: size, cornerRadius: 0.06, fill: '$surface' },
        { id: `c${v}t`, type: 'text', text: String(v), x: cellX(v), y: cellY(v), size: textSize, font: 'mono', weight: 600, color: '$foreground' },
      );
    }
    const crossTime = Math.min(0.3, Math.max(0.07, 25 / Math.max(1, steps.length)));

    scene.legend = [
      { role: 'compare', label: 'multiple, crossed out' },
      { role: 'found', label: 'prime' },
    ];
    scene.intro(`List 1 to ${n}. Each prime p crosses out its multiples, starting at p²; what is left is prime.`, 1.8);
    for (let v = 1; v <= n; v++) tl.appear(`c${v}`, 0.3).appear(`c${v}t`, 0.3);
    tl.wait(0.8);
    tl.add({ type: 'tween', target: 'c1t', property: 'opacity', to: 0.3, start: tl.t, duration: 0.3 });
    scene.step('1 is not prime: it has only one divisor.', 1, ['c1']);
    tl.wait(1);
    for (const step of steps) {
      if (step.kind === 'prime') {
        current = step.p;
        scene.counter(counter());
        scene.step(`${step.p} is not crossed out, so it is prime. Cross out its multiples from ${step.p}² = ${step.p * step.p}.`, 1.2, [`c${step.p}`]);
        tl.add({ type: 'tween', target: `c${step.p}`, property: 'fill', to: roleColor('found'), start: tl.t, duration: 0.3 });
        tl.add({ type: 'tween', target: `c${step.p}t`, property: 'color', to: '$background', start: tl.t, duration: 0.3 });
        tl.wait(1.2);
      } else {
        if (!step.already) crossedCount++;
        scene.counter(counter());
        tl.setText('status', `${step.m} = ${step.p} × ${step.m / step.p}: ${step.already ? 'already crossed out' : 'cross out'}`);
        tl.add({ type: 'highlight', target: `c${step.m}`, at: tl.t, duration: crossTime, color: roleColor('compare') });
        if (!step.already) {
          tl.add({ type: 'tween', target: `c${step.m}`, property: 'fill', to: '$background', start: tl.t + crossTime, duration: 0.15 });
          tl.add({ type: 'tween', target: `c${step.m}t`, property: 'opacity', to: 0.3, start: tl.t + crossTime, duration: 0.15 });
        }
        tl.wait(crossTime);
      }
    }
    current = 0;
    scene.counter(counter());
    const next = Math.floor(Math.sqrt(n)) + 1;
    // The primes stand out while the sentence names them: the crossed-out rest dims.
    scene.step(
      `The next candidate squared (${next}² = ${next * next}) is past ${n}: every number left is prime.`,
      1.5,
      primes.map((p) => `c${p}`),
      { emphasis: 'dim-rest' },
    );
    for (const p of primes) {
      tl.add({ type: 'tween', target: `c${p}`, property: 'fill', to: roleColor('found'), start: tl.t, duration: 0.4 });
      tl.add({ type: 'tween', target: `c${p}t`, property: 'color', to: '$background', start: tl.t, duration: 0.4 });
    }
    tl.wait(1.5);
    // The green cells are the full answer; the line names the count and the first few.
    const shown = primes.length <= 16 ? listText(primes) : `${primes.slice(0, 12).join(', ')}, …, ${primes[primes.length - 1]}`;
    return scene.finish(`${primes.length} primes up to ${n}: ${shown}`, `${primes.length} primes up to ${n}: ${listText(primes, 20)}.`);
  },
});
