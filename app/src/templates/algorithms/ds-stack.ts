// ds.stack: last in, first out. Pushes drop onto the top, pops lift the top value off; the list of
// operations beside the stack shows which one is running.
import { roleColor } from '../emphasis/roles.ts';
import { z } from 'zod';
import { defineTemplate } from '../types.ts';
import { AlgoScene } from './algo-scene.ts';
import { decodeOperation, itemText, operationsSchema, parseOperations, STACK_WORDS, type Item } from './ds-operations.ts';
import { OperationList } from './ds-operation-list.ts';

const params = z.object({ operations: operationsSchema(STACK_WORDS, ['push 1', 'push 2', 'push 3', 'pop', 'push 4', 'peek']) });
type StackParams = z.infer<typeof params>;

export interface StackStep {
  op: 'push' | 'pop' | 'peek';
  value?: Item;
  /** Pop or peek on an empty stack. */
  underflow: boolean;
  /** Contents after the step, bottom to top. */
  after: Item[];
}

export function runStack(operations: string[]): { final: Item[]; popped: Item[]; steps: StackStep[] } {
  const stack: Item[] = [];
  const popped: Item[] = [];
  const steps: StackStep[] = [];
  for (const text of operations) {
    const { op, value } = decodeOperation(text, STACK_WORDS);
    if (op === 'add') {
      stack.push(value!);
      steps.push({ op: 'push', value, underflow: false, after: [...stack] });
    } else if (op === 'remove') {
      const v = stack.pop();
      if (v !== undefined) popped.push(v);
      steps.push({ op: 'pop', ...(v !== undefined ? { value: v } : {}), underflow: v === undefined, after: [...stack] });
    } else {
      const v = stack[stack.length - 1];
      steps.push({ op: 'peek', ...(v !== undefined ? { value: v } : {}), underflow: v === undefined, after: [...stack] });
    }
  }
  return { final: stack, popped, steps };
}

const WALL_X = [-4.0, -1.0];
const FLOOR_Y = -3.3;
const STACK_HEIGHT = 5.0;

export const dsStack = defineTemplate<StackParams>({
  id: 'ds.stack',
  title: 'Stack (push and pop)',
  category: 'algorithms',
  style: 'algorithmic',
  example: 'Show how a stack works: push 1, push 2, pop, push 3',
  params,
  vocabulary: ['stack', 'push', 'lifo'],
  triggers: [
    { pattern: /\bstack\b.*\b(push|pop|peek)|\b(push|pop)\b.*\bstack\b|\blifo\b|\blast in first out\b/, score: 0.95 },
    { pattern: /\bpush\b.*\bpop\b|\bpop\b.*\bpush\b/, score: 0.85 },
    { pattern: /\bstack (data structure|operations)\b|\b(a|the) stack work/, score: 0.85 },
    // A bare "stack" is often prose ("tech stack", "stack shelves"): only "a/the stack" counts, weakly.
    { pattern: /\b(a|the) stack\b(?! of)/, score: 0.5 },
  ],
  extract(text, warnings) {
    const operations = parseOperations(text.original, STACK_WORDS, warnings);
    for (const w of ['stack', 'push', 'pop']) if (text.normalized.includes(w)) text.used.add(w);
    if (operations.length === 0) return {};
    const { steps } = runStack(operations);
    steps.forEach((s, i) => {
      if (s.underflow) warnings.push(`operation ${i + 1} (${s.op}) finds the stack empty: it is shown as an underflow and changes nothing`);
    });
    return { operations };
  },
  facts({ operations }) {
    const { final, popped } = runStack(operations);
    return { final, popped };
  },
  compose({ operations }, facts) {
    const { steps } = runStack(operations);
    const maxDepth = Math.max(3, ...steps.map((s) => s.after.length));
    const slot = Math.min(0.72, STACK_HEIGHT / maxDepth);
    const boxH = Math.min(0.6, slot * 0.86);
    const slotY = (k: number) => FLOOR_Y + 0.06 + slot * (k + 0.5);
    const midX = (WALL_X[0]! + WALL_X[1]!) / 2;
    const counter = (size: number, done: number) => `size ${size}   operations ${done}/${operations.length}`;
    const scene = new AlgoScene('Stack: last in, first out', counter(0, 0));
    const tl = scene.tl;
    const top = FLOOR_Y + STACK_HEIGHT + 0.05;
    scene.add({
      id: 'walls',
      type: 'line',
      points: [
        [WALL_X[0]!, top],
        [WALL_X[0]!, FLOOR_Y],
        [WALL_X[1]!, FLOOR_Y],
        [WALL_X[1]!, top],
      ],
      color: '$muted',
      width: 0.06,
    });
    scene.add({ id: 'topMark', type: 'text', text: '← top', x: WALL_X[1]! + 0.2, y: slotY(0), size: 0.32, font: 'mono', align: 'left', color: roleColor('current'), opacity: 0 });
    scene.add({ id: 'popped', type: 'text', text: 'popped: —', x: midX, y: 2.5, size: 0.32, font: 'mono', color: '$muted' });
    const list = new OperationList(scene, operations, { x: 2.2, top: 2.3, bottom: -3.4 });
    const stack: { id: string; value: Item }[] = [];
    const popped: string[] = [];
    let pushes = 0;
    const textSize = Math.max(0.28, Math.min(0.4, boxH * 0.62));

    scene.intro(`A stack adds and removes at the same end, the top: the last value pushed is the first popped.`, 1.5);
    tl.appear('walls', 0.5, 'draw').appear('popped', 0.4);
    list.show();
    tl.wait(1.5);
    steps.forEach((s, i) => {
      list.start(i);
      if (s.op === 'push') {
        const id = `s${pushes++}`;
        const y = slotY(stack.length);
        scene.add(
          { id, type: 'rect', x: midX, y: top + 0.15, width: WALL_X[1]! - WALL_X[0]! - 0.3, height: boxH, cornerRadius: 0.08, fill: '$primary' },
          { id: `${id}t`, type: 'text', text: itemText(s.value!), x: midX, y: top + 0.15, size: textSize, font: 'mono', weight: 700, color: '$background' },
        );
        stack.push({ id, value: s.value! });
        scene.step(`push ${itemText(s.value!)}: it goes on top (size ${stack.length}).`, 1, [id]);
        tl.appear(id, 0.25).appear(`${id}t`, 0.25);
        for (const target of [id, `${id}t`]) tl.add({ type: 'move', target, start: tl.t + 0.2, duration: 0.55, to: { y } });
        tl.add({ type: 'move', target: 'topMark', start: tl.t + 0.2, duration: 0.55, to: { y } });
        if (stack.length === 1) tl.add({ type: 'tween', target: 'topMark', property: 'opacity', to: 1, start: tl.t + 0.5, duration: 0.3 });
        tl.wait(1);
      } else if (s.underflow) {
        scene.step(`${s.op} on an empty stack: underflow, nothing to ${s.op === 'pop' ? 'remove' : 'read'}.`, 1.2, ['walls']);
        tl.add({ type: 'highlight', target: 'walls', at: tl.t, duration: 1, color: roleColor('conflict') });
        tl.wait(1.2);
      } else if (s.op === 'peek') {
        const topBox = stack[stack.length - 1]!;
        scene.step(`peek: the top value is ${itemText(topBox.value)} (it stays).`, 1, [topBox.id]);
        tl.add({ type: 'highlight', target: topBox.id, at: tl.t, duration: 0.9, color: roleColor('current') });
        tl.wait(1);
      } else {
        const topBox = stack.pop()!;
        popped.push(itemText(topBox.value));
        scene.step(`pop: remove the top value, ${itemText(topBox.value)} (size ${stack.length}).`, 1, [topBox.id]);
        tl.add({ type: 'highlight', target: topBox.id, at: tl.t, duration: 0.35, color: roleColor('current') });
        for (const target of [topBox.id, `${topBox.id}t`]) {
          tl.add({ type: 'move', target, start: tl.t + 0.3, duration: 0.55, to: { y: top + 0.15 } });
          tl.add({ type: 'disappear', target, at: tl.t + 0.65, duration: 0.3 });
        }
        tl.setText('popped', `popped: ${popped.join(', ')}`, tl.t + 0.85);
        if (stack.length > 0) tl.add({ type: 'move', target: 'topMark', start: tl.t + 0.3, duration: 0.4, to: { y: slotY(stack.length - 1) } });
        else tl.add({ type: 'tween', target: 'topMark', property: 'opacity', to: 0, start: tl.t + 0.3, duration: 0.3 });
        tl.wait(1);
      }
      scene.counter(counter(s.after.length, i + 1));
      list.finish(i);
    });
    tl.wait(0.4);
    const final = (facts.final as Item[]).map(itemText);
    const result = `final stack (bottom → top): ${final.length ? final.join(', ') : 'empty'}`;
    scene.legend = [
      { role: 'current', label: 'the top, read' },
      { role: 'conflict', label: 'underflow' },
    ];
    return scene.finish(result, `${result[0]!.toUpperCase()}${result.slice(1)}.`);
  },
});
