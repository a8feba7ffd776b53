// ds.queue: first in, first out. Values join at the back (right) and leave from the front (left);
// everyone behind moves up one place.
import { roleColor } from '../emphasis/roles.ts';
import { z } from 'zod';
import { defineTemplate } from '../types.ts';
import { AlgoScene } from './algo-scene.ts';
import { decodeOperation, itemText, operationsSchema, parseOperations, QUEUE_WORDS, type Item } from './ds-operations.ts';
import { OperationList } from './ds-operation-list.ts';

const params = z.object({ operations: operationsSchema(QUEUE_WORDS, ['enqueue 5', 'enqueue 7', 'enqueue 2', 'dequeue', 'enqueue 9', 'dequeue']) });
type QueueParams = z.infer<typeof params>;

export interface QueueStep {
  op: 'enqueue' | 'dequeue' | 'peek';
  value?: Item;
  underflow: boolean;
  /** Contents after the step, front to back. */
  after: Item[];
}

export function runQueue(operations: string[]): { final: Item[]; dequeued: Item[]; steps: QueueStep[] } {
  const queue: Item[] = [];
  const dequeued: Item[] = [];
  const steps: QueueStep[] = [];
  for (const text of operations) {
    const { op, value } = decodeOperation(text, QUEUE_WORDS);
    if (op === 'add') {
      queue.push(value!);
      steps.push({ op: 'enqueue', value, underflow: false, after: [...queue] });
    } else if (op === 'remove') {
      const v = queue.shift();
      if (v !== undefined) dequeued.push(v);
      steps.push({ op: 'dequeue', ...(v !== undefined ? { value: v } : {}), underflow: v === undefined, after: [...queue] });
    } else {
      const v = queue[0];
      steps.push({ op: 'peek', ...(v !== undefined ? { value: v } : {}), underflow: v === undefined, after: [...queue] });
    }
  }
  return { final: queue, dequeued, steps };
}

const ROW_Y = 1.2;

export const dsQueue = defineTemplate<QueueParams>({
  id: 'ds.queue',
  title: 'Queue (enqueue and dequeue)',
  category: 'algorithms',
  style: 'algorithmic',
  example: 'queue: enqueue 5, enqueue 7, dequeue',
  params,
  vocabulary: ['queue', 'enqueue', 'dequeue', 'fifo'],
  triggers: [
    { pattern: /\benqueue|\bdequeue|\bfifo\b|\bfirst in first out\b/, score: 0.95 },
    { pattern: /\bqueue\b.*\b(push|pop|add|remove|poll|offer|insert)\b/, score: 0.85 },
    { pattern: /\bqueue (data structure|operations)\b|\b(a|the) queue work/, score: 0.85 },
    // "Queue management" is prose: only "a/the queue" counts, weakly.
    { pattern: /\b(a|the) queue\b/, score: 0.5 },
  ],
  extract(text, warnings) {
    const operations = parseOperations(text.original, QUEUE_WORDS, warnings);
    for (const w of ['queue', 'enqueue', 'dequeue']) if (text.normalized.includes(w)) text.used.add(w);
    if (operations.length === 0) return {};
    runQueue(operations).steps.forEach((s, i) => {
      if (s.underflow) warnings.push(`operation ${i + 1} (${s.op}) finds the queue empty: it is shown as an underflow and changes nothing`);
    });
    return { operations };
  },
  facts({ operations }) {
    const { final, dequeued } = runQueue(operations);
    return { final, dequeued };
  },
  compose({ operations }, facts) {
    const { steps } = runQueue(operations);
    const maxLen = Math.max(3, ...steps.map((s) => s.after.length));
    const pitch = Math.min(1.35, 11.5 / maxLen);
    const box = pitch * 0.84;
    const x0 = (-pitch * (maxLen - 1)) / 2;
    const slotX = (k: number) => x0 + k * pitch;
    const entryX = slotX(maxLen) + 0.9;
    const exitX = slotX(0) - pitch - 0.6;
    const textSize = Math.max(0.28, Math.min(0.4, box * 0.45));
    const counter = (size: number, done: number) => `size ${size}   operations ${done}/${operations.length}`;
    const scene = new AlgoScene('Queue: first in, first out', counter(0, 0));
    const tl = scene.tl;
    const labelY = ROW_Y - box / 2 - 0.35;
    scene.add(
      { id: 'frontMark', type: 'text', text: 'front', x: slotX(0), y: labelY, size: 0.3, font: 'mono', color: '$muted', opacity: 0 },
      { id: 'backMark', type: 'text', text: 'back', x: slotX(0), y: labelY - 0.38, size: 0.3, font: 'mono', color: '$muted', opacity: 0 },
      { id: 'dequeued', type: 'text', text: 'dequeued: —', x: 0, y: 2.4, size: 0.32, font: 'mono', color: '$muted' },
      {
        id: 'rail',
        type: 'line',
        points: [
          [slotX(0) - pitch / 2, ROW_Y - box / 2 - 0.08],
          [slotX(maxLen - 1) + pitch / 2, ROW_Y - box / 2 - 0.08],
        ],
        color: '$grid',
        width: 0.04,
      },
    );
    const list = new OperationList(scene, operations, { x: -6.8, top: -0.6, bottom: -3.5, columnWidth: 4.6 });
    const queue: { id: string; value: Item }[] = [];
    const out: string[] = [];
    let made = 0;
    const marks = (at: number) => {
      if (queue.length === 0) {
        for (const id of ['frontMark', 'backMark']) tl.add({ type: 'tween', target: id, property: 'opacity', to: 0, start: at, duration: 0.2 });
        return;
      }
      tl.add({ type: 'tween', target: 'frontMark', property: 'opacity', to: 1, start: at, duration: 0.2 });
      tl.add({ type: 'tween', target: 'backMark', property: 'opacity', to: 1, start: at, duration: 0.2 });
      tl.add({ type: 'move', target: 'backMark', start: at, duration: 0.3, to: { x: slotX(queue.length - 1) } });
    };

    scene.intro('A queue adds at the back and removes from the front: the first value in is the first out.', 1.5);
    tl.appear('rail', 0.4, 'draw').appear('dequeued', 0.4);
    list.show();
    tl.wait(1.5);
    steps.forEach((s, i) => {
      list.start(i);
      if (s.op === 'enqueue') {
        const id = `q${made++}`;
        scene.add(
          { id, type: 'rect', x: entryX, y: ROW_Y, width: box, height: box, cornerRadius: 0.08, fill: '$primary' },
          { id: `${id}t`, type: 'text', text: itemText(s.value!), x: entryX, y: ROW_Y, size: textSize, font: 'mono', weight: 700, color: '$background' },
        );
        tl.appear(id, 0.25).appear(`${id}t`, 0.25);
        for (const target of [id, `${id}t`]) tl.add({ type: 'move', target, start: tl.t + 0.15, duration: 0.6, to: { x: slotX(queue.length) } });
        queue.push({ id, value: s.value! });
        scene.step(`enqueue ${itemText(s.value!)}: it joins at the back (size ${queue.length}).`, 1, [id]);
        marks(tl.t + 0.6);
        tl.wait(1);
      } else if (s.underflow) {
        scene.step(`${s.op} on an empty queue: underflow, nothing to ${s.op === 'dequeue' ? 'remove' : 'read'}.`, 1.2, ['rail']);
        tl.add({ type: 'highlight', target: 'rail', at: tl.t, duration: 1, color: roleColor('conflict') });
        tl.wait(1.2);
      } else if (s.op === 'peek') {
        scene.step(`peek: the front value is ${itemText(queue[0]!.value)} (it stays).`, 1, [queue[0]!.id]);
        tl.add({ type: 'highlight', target: queue[0]!.id, at: tl.t, duration: 0.9, color: roleColor('current') });
        tl.wait(1);
      } else {
        const front = queue.shift()!;
        out.push(itemText(front.value));
        scene.step(`dequeue: ${itemText(front.value)} leaves from the front; the rest move up (size ${queue.length}).`, 1.1, [front.id]);
        tl.add({ type: 'highlight', target: front.id, at: tl.t, duration: 0.35, color: roleColor('current') });
        for (const target of [front.id, `${front.id}t`]) {
          tl.add({ type: 'move', target, start: tl.t + 0.3, duration: 0.5, to: { x: exitX } });
          tl.add({ type: 'disappear', target, at: tl.t + 0.55, duration: 0.3 });
        }
        queue.forEach((item, k) => {
          for (const target of [item.id, `${item.id}t`]) tl.add({ type: 'move', target, start: tl.t + 0.6, duration: 0.45, to: { x: slotX(k) } });
        });
        tl.setText('dequeued', `dequeued: ${out.join(', ')}`, tl.t + 0.8);
        marks(tl.t + 0.6);
        tl.wait(1.1);
      }
      scene.counter(counter(s.after.length, i + 1));
      list.finish(i);
    });
    tl.wait(0.4);
    const final = (facts.final as Item[]).map(itemText);
    const result = `final queue (front → back): ${final.length ? final.join(', ') : 'empty'}`;
    scene.legend = [
      { role: 'current', label: 'the front, read' },
      { role: 'conflict', label: 'underflow' },
    ];
    return scene.finish(result, `${result[0]!.toUpperCase()}${result.slice(1)}.`);
  },
});
