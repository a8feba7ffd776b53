// recursion.hanoi: to move n disks from A to C, move n−1 to B, the largest to C, then n−1 onto it.
// The recursion's goals are captioned as it unfolds; the move count is 2^n − 1.
import { z } from 'zod';
import { wordNumber } from '../../text/parse.ts';
import { defineTemplate } from '../types.ts';
import { AlgoScene } from './algo-scene.ts';
import { GROUPED_SPEED } from '../step-groups.ts';
import { superscript } from '../format/index.ts';

/** 6 disks take 63 moves: about a minute, the most worth watching move by move. */
export const MAX_DISKS = 6;
const params = z.object({ disks: z.number().int().min(1).max(MAX_DISKS).default(3) });
type HanoiParams = z.infer<typeof params>;

type Peg = 'A' | 'B' | 'C';
export type HanoiStep = { kind: 'goal'; n: number; from: Peg; to: Peg; via: Peg; depth: number } | { kind: 'move'; disk: number; from: Peg; to: Peg };

export function hanoi(disks: number, from: Peg = 'A', to: Peg = 'C', via: Peg = 'B'): HanoiStep[] {
  const steps: HanoiStep[] = [];
  // Depth is the disk count (≤ 6 drawn); facts for larger n use the same recursion.
  const solve = (n: number, from: Peg, to: Peg, via: Peg, depth: number) => {
    if (n === 0) return;
    if (n > 1) steps.push({ kind: 'goal', n, from, to, via, depth });
    solve(n - 1, from, via, to, depth + 1);
    steps.push({ kind: 'move', disk: n, from, to });
    solve(n - 1, via, to, from, depth + 1);
  };
  solve(disks, from, to, via, 0);
  return steps;
}

/** Towers this small are narrated move by move; larger ones split into their recursion. */
const DETAIL_DISKS = 3;

/** A run of steps; with `tower`, a sub-tower's moves played as one group under a summary. */
interface HanoiBlock {
  steps: HanoiStep[];
  tower?: { n: number; from: Peg; to: Peg };
}

/**
 * The steps in narration blocks: the first small tower move by move, each largest disk's move on its own,
 * and each later sub-tower as one group ("moves 9–15: the 3-disk tower moves from B onto C"), so 6 disks
 * take under a minute to read instead of 63 captions.
 */
export function hanoiBlocks(n: number, from: Peg = 'A', to: Peg = 'C', via: Peg = 'B'): HanoiBlock[] {
  if (n <= DETAIL_DISKS) return [{ steps: hanoi(n, from, to, via) }];
  return [{ steps: [{ kind: 'goal', n, from, to, via, depth: 0 }] }, ...hanoiBlocks(n - 1, from, via, to), { steps: [{ kind: 'move', disk: n, from, to }] }, { steps: hanoi(n - 1, via, to, from), tower: { n: n - 1, from: via, to } }];
}

const DISK_WORDS = String.raw`(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;

export const recursionHanoi = defineTemplate<HanoiParams>({
  id: 'recursion.hanoi',
  title: 'Tower of Hanoi',
  category: 'algorithms',
  style: 'algorithmic',
  example: 'Tower of Hanoi with 4 disks',
  params,
  vocabulary: ['hanoi', 'tower', 'towers', 'disks', 'discs', 'recursion'],
  triggers: [
    { pattern: /\bhanoi\b/, score: 0.97 },
    { pattern: /\btowers?\b.*\b(disks?|discs?|rings?|pegs?)\b/, score: 0.8 },
    { pattern: /\b(disks?|discs?)\b.*\bpegs?\b/, score: 0.7 },
  ],
  extract(text, warnings) {
    const m = new RegExp(String.raw`\b${DISK_WORDS}\s*(?:-\s*)?(?:disks?|discs?|rings?|plates?|pieces?)\b`, 'i').exec(text.original) ?? /\b(?:n|disks?|discs?)\s*[=:]\s*(\d+)\b/i.exec(text.original);
    const n = m ? wordNumber(m[1]!) : undefined;
    for (const w of ['hanoi', 'tower', 'disks']) if (text.normalized.includes(w)) text.used.add(w);
    if (n === undefined) return {};
    if (n > MAX_DISKS) {
      const need = n <= 50 ? String(2 ** n - 1) : `2${superscript(String(n))} − 1`;
      warnings.push(`${n} disks need ${need} moves; showing ${MAX_DISKS} disks (${2 ** MAX_DISKS - 1} moves), the most that stay watchable`);
      return { disks: MAX_DISKS };
    }
    if (n < 1) {
      warnings.push('at least 1 disk is needed: using 1');
      return { disks: 1 };
    }
    return { disks: n };
  },
  facts({ disks }) {
    const moves = hanoi(disks).filter((s) => s.kind === 'move') as Extract<HanoiStep, { kind: 'move' }>[];
    return { moves: moves.length, sequence: moves.map((m) => `${m.disk}:${m.from}→${m.to}`) };
  },
  compose({ disks }, facts) {
    const steps = hanoi(disks);
    const pegX: Record<Peg, number> = { A: -4.7, B: 0, C: 4.7 };
    const baseY = -3.0;
    const pegTop = 0.7;
    const h = Math.min(0.55, 3.1 / disks);
    const width = (d: number) => 1.1 + (d / disks) * 2.9;
    // Disk colours name disks (their numbers say the same), not states: no legend, and no state colour changes them.
    const colours = ['$primary', '$secondary', '$accent', '$success', '$warning', '$danger'];
    const tower = (n: number) => Array.from({ length: n }, (_, i) => `d${i + 1}`);
    const stacks: Record<Peg, number[]> = { A: [], B: [], C: [] };
    const total = facts.moves as number;
    let moves = 0;
    const counter = () => `moves ${moves} / ${total}   (2${superscript(String(disks))} − 1 = ${total})`;
    const scene = new AlgoScene(`Tower of Hanoi: ${disks} disk${disks === 1 ? '' : 's'}`, counter());
    const tl = scene.tl;
    scene.add({ id: 'base', type: 'rect', x: 0, y: baseY - 0.1, width: 14.4, height: 0.2, cornerRadius: 0.05, fill: '$grid' });
    for (const peg of ['A', 'B', 'C'] as Peg[]) {
      scene.add(
        { id: `peg${peg}`, type: 'rect', x: pegX[peg], y: (baseY + pegTop) / 2, width: 0.14, height: pegTop - baseY, cornerRadius: 0.05, fill: '$grid' },
        { id: `pegLabel${peg}`, type: 'text', text: `${peg} ${peg === 'A' ? '(from)' : peg === 'B' ? '(spare)' : '(to)'}`, x: pegX[peg], y: pegTop + 0.4, size: 0.34, font: 'mono', color: '$muted' },
      );
    }
    const diskY = (level: number) => baseY + h * (level + 0.5);
    for (let d = disks; d >= 1; d--) {
      stacks.A.push(d);
      const y = diskY(disks - d);
      scene.add(
        { id: `d${d}`, type: 'rect', x: pegX.A, y, width: width(d), height: h * 0.88, cornerRadius: 0.1, fill: colours[(d - 1) % colours.length]! },
        { id: `d${d}t`, type: 'text', text: String(d), x: pegX.A, y, size: Math.max(0.28, Math.min(0.38, h * 0.6)), font: 'mono', weight: 700, color: '$background' },
      );
    }
    const moveCount = total;
    const goals = steps.length - moveCount;
    const k = Math.min(1, 50 / Math.max(1, moveCount * 0.65 + goals * 0.7));

    scene.intro(`Move all ${disks} disks from A to C: one disk at a time, never a larger disk on a smaller one.`, 1.8);
    for (let d = disks; d >= 1; d--) tl.appear(`d${d}`, 0.3, 'grow').appear(`d${d}t`, 0.3);
    tl.wait(1.8);
    // A grouped sub-tower plays faster: its summary, not each move, is what is read.
    let pace = 1;
    const play = (step: HanoiStep) => {
      if (step.kind === 'goal') {
        // The sub-tower the recursion is about is marked while the sentence is read.
        scene.step(`To move ${step.n} disks ${step.from} → ${step.to}: first move ${step.n - 1} to ${step.via}, then disk ${step.n}, then the ${step.n - 1} back on top.`, 0.7 * k, tower(step.n));
        tl.wait(0.7 * k);
        return;
      }
      moves++;
      const x = pegX[step.to];
      stacks[step.from].pop();
      const y = diskY(stacks[step.to].length);
      stacks[step.to].push(step.disk);
      const startY = diskY(stacks[step.from].length);
      // Lift high enough to clear the pegs at the middle of the arc.
      const arc = Math.max(0.8, pegTop + 0.7 - (startY + y) / 2);
      scene.counter(counter()).step(`Move ${moves}: disk ${step.disk} from ${step.from} to ${step.to}.`, 0.65 * k * pace, [`d${step.disk}`]);
      for (const target of [`d${step.disk}`, `d${step.disk}t`]) tl.add({ type: 'move', target, start: tl.t, duration: 0.55 * k * pace, to: { x, y }, arc });
      tl.wait(0.65 * k * pace);
    };
    for (const block of hanoiBlocks(disks)) {
      if (!block.tower) {
        block.steps.forEach(play);
        continue;
      }
      const count = block.steps.filter((s) => s.kind === 'move').length;
      const { n, from, to } = block.tower;
      tl.group(`Moves ${moves + 1}–${moves + count}: the ${n}-disk tower moves from ${from} onto ${to}, the same way.`, tower(n), { emphasis: 'dim-rest' });
      pace = GROUPED_SPEED;
      block.steps.forEach(play);
      pace = 1;
      tl.ungroup();
    }
    tl.wait(0.4);
    return scene.finish(`${total} moves = 2${superscript(String(disks))} − 1`, `Done in ${total} moves, the minimum: 2${superscript(String(disks))} − 1.`);
  },
});
