// ds.linked_list: nodes joined by next pointers. Reaching position i means walking from the head;
// an insert links the new node in, a delete links its neighbours past it.
import { roleColor } from '../emphasis/roles.ts';
import { z } from 'zod';
import { numberList } from '../../text/parse.ts';
import { defineTemplate } from '../types.ts';
import { AlgoScene } from './algo-scene.ts';
import { fitTextSize } from './array-cells.ts';
import { itemText, type Item } from './ds-operations.ts';
import { listOperations, MAX_LIST_LENGTH, MAX_LIST_OPERATIONS, parseListOperations, runList } from './ds-linked-list-ops.ts';
import { OperationList } from './ds-operation-list.ts';
import { finiteValue } from './params.ts';

const MAX_INITIAL = 10;
const item = z.union([finiteValue, z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,7}$/)]);
const params = z.object({
  values: z.array(item).max(MAX_INITIAL).default([12, 5, 8]),
  operations: listOperations.default(['insert 4 at 1', 'insert 9 after 8', 'delete 5', 'find 9']),
});
type ListParams = z.infer<typeof params>;

const ROW_Y = 0.7;

export const dsLinkedList = defineTemplate<ListParams>({
  id: 'ds.linked_list',
  title: 'Linked list',
  category: 'algorithms',
  style: 'algorithmic',
  example: 'Linked list 12 -> 5 -> 8: insert 4 at 1, delete 5',
  params,
  vocabulary: ['linked', 'list', 'singly', 'doubly', 'node', 'pointer'],
  triggers: [
    { pattern: /\blinked ?lists?\b/, score: 0.95 },
    { pattern: /\b(singly|doubly) linked\b/, score: 0.95 },
    { pattern: /\b(nodes?|list)\b.*\bnext pointers?\b/, score: 0.7 },
  ],
  extract(text, warnings) {
    const out: Partial<ListParams> = {};
    const { operations, rest } = parseListOperations(text.original);
    if (operations.length > MAX_LIST_OPERATIONS) warnings.push(`${operations.length} operations given; showing the first ${MAX_LIST_OPERATIONS} (the most that stay readable)`);
    if (operations.length) out.operations = operations.slice(0, MAX_LIST_OPERATIONS);
    let values: Item[] = numberList(rest.replace(/\s*(?:->|→|-->|=>)\s*/g, ', '), 1);
    if (values.length > MAX_INITIAL) {
      warnings.push(`${values.length} values given; starting with the first ${MAX_INITIAL} so inserted nodes still fit (at most ${MAX_LIST_LENGTH} at a time)`);
      values = values.slice(0, MAX_INITIAL);
    }
    if (values.length) out.values = values;
    for (const w of ['linked', 'list']) if (text.normalized.includes(w)) text.used.add(w);
    if (/\bdoubly\b/.test(text.normalized)) warnings.push('drawn as a singly linked list (next pointers only); the operations give the same result on a doubly linked list');
    const { steps } = runList(out.values ?? params.parse({}).values, out.operations ?? []);
    for (const s of steps) if (s.failure) warnings.push(`"${s.op}" changes nothing: ${s.failure}`);
    return out;
  },
  facts({ values, operations }) {
    const { final } = runList(values, operations);
    return { final, length: final.length };
  },
  compose({ values, operations }, facts) {
    const { steps } = runList(values, operations);
    const maxLen = Math.max(3, values.length, ...steps.map((s) => s.after.length));
    const pitch = Math.min(1.65, 14.4 / (maxLen + 1));
    const boxW = pitch * 0.58;
    const boxH = 0.72;
    const slotX = (k: number) => (k - maxLen / 2) * pitch;
    const size = fitTextSize(boxW, Math.max(2, ...[...values, ...steps.map((s) => s.value ?? '')].map((v) => itemText(v).length)));
    let visited = 0;
    const counter = (len: number, done: number) => `length ${len}   nodes visited ${visited}   operations ${done}/${operations.length}`;
    const scene = new AlgoScene('Singly linked list', counter(values.length, 0));
    const tl = scene.tl;
    for (let j = 0; j < maxLen; j++) {
      scene.add({
        id: `la${j}`,
        type: 'line',
        points: [
          [slotX(j) + boxW / 2 + 0.04, ROW_Y],
          [slotX(j + 1) - boxW / 2 - 0.06, ROW_Y],
        ],
        color: '$muted',
        width: 0.05,
        arrow: 'end',
        opacity: j < values.length ? 1 : 0,
      });
    }
    scene.add(
      { id: 'head', type: 'text', text: 'head\n↓', x: slotX(0), y: ROW_Y + boxH / 2 + 0.5, size: 0.3, font: 'mono', color: '$secondary' },
      { id: 'null', type: 'text', text: 'null', x: slotX(values.length), y: ROW_Y, size: 0.32, font: 'mono', color: '$muted' },
      { id: 'cur', type: 'text', text: '▲\ncur', x: slotX(0), y: ROW_Y - boxH / 2 - 0.5, size: 0.3, font: 'mono', color: roleColor('current'), opacity: 0 },
    );
    const nodes: string[] = [];
    let made = 0;
    const addNode = (v: Item, x: number, y: number): string => {
      const id = `ln${made++}`;
      scene.add(
        { id, type: 'rect', x, y, width: boxW, height: boxH, cornerRadius: 0.08, fill: '$surface', stroke: '$primary', strokeWidth: 0.05 },
        { id: `${id}t`, type: 'text', text: itemText(v), x, y, size, font: 'mono', weight: 700, color: '$foreground' },
      );
      return id;
    };
    const move = (id: string, x: number, y: number, start: number, duration: number) => {
      for (const target of [id, `${id}t`]) tl.add({ type: 'move', target, start, duration, to: { x, y } });
    };
    const setArrows = (len: number, at: number) => {
      for (let j = 0; j < maxLen; j++) tl.add({ type: 'tween', target: `la${j}`, property: 'opacity', to: j < len ? 1 : 0, start: at, duration: 0.25 });
      tl.add({ type: 'move', target: 'null', start: at, duration: 0.35, to: { x: slotX(len) } });
    };
    for (const [i, v] of values.entries()) nodes.push(addNode(v, slotX(i), ROW_Y));
    const list = new OperationList(scene, operations, { x: -6.8, top: -0.9, bottom: -3.5, columnWidth: 4.7 });

    scene.intro(`A linked list: each node holds a value and a pointer to the next; only the head is known directly.`, 1.6);
    for (const id of nodes) tl.appear(id, 0.4, 'grow').appear(`${id}t`, 0.4);
    tl.appear('head', 0.4).appear('null', 0.4);
    list.show();
    tl.wait(1.6);
    steps.forEach((s, i) => {
      const before = steps[i - 1]?.after ?? values;
      list.start(i);
      scene.step(`${s.op}${s.kind === 'insert' && s.index >= 0 ? `: start at the head and walk ${s.walk.length} node${s.walk.length === 1 ? '' : 's'}` : ''}.`, 0.8, [`op${i}`]);
      tl.wait(0.6);
      // The walk: one node at a time, following next pointers.
      if (s.walk.length > 0) tl.add({ type: 'tween', target: 'cur', property: 'opacity', to: 1, start: tl.t, duration: 0.2 });
      for (const { index, match } of s.walk) {
        visited++;
        tl.add({ type: 'move', target: 'cur', start: tl.t, duration: 0.25, to: { x: slotX(index) } });
        scene.counter(counter(nodes.length, i));
        tl.add({ type: 'highlight', target: nodes[index]!, at: tl.t + 0.2, duration: 0.5, color: roleColor(match ? 'found' : 'current') });
        if (s.kind !== 'insert' || s.op.includes('after') || s.op.includes('before')) {
          const target = s.kind === 'insert' ? s.op.split(' ').pop()! : itemText(s.value!);
          scene.step(`Node ${index} holds ${itemText(before[index]!)}: ${match ? `that is ${target}` : `not ${target}, follow next`}.`, 0.75, [nodes[index]!]);
        }
        tl.wait(0.75);
      }
      tl.add({ type: 'tween', target: 'cur', property: 'opacity', to: 0, start: tl.t, duration: 0.2 });
      if (s.failure) {
        scene.step(`Nothing changes: ${s.failure}.`, 1.2);
        tl.wait(1.2);
      } else if (s.kind === 'insert') {
        if (s.note) {
          scene.step(`Note: ${s.note}.`, 1);
          tl.wait(1);
        }
        const id = addNode(s.value!, slotX(s.index), ROW_Y - 1.45);
        tl.appear(id, 0.35, 'grow').appear(`${id}t`, 0.35);
        const nextText = s.index < before.length ? itemText(before[s.index]!) : 'null';
        scene.step(`New node ${itemText(s.value!)}: its next points to ${nextText}.`, 1, [id]);
        tl.wait(0.5);
        nodes.slice(s.index).forEach((n, k) => move(n, slotX(s.index + k + 1), ROW_Y, tl.t, 0.5));
        nodes.splice(s.index, 0, id);
        setArrows(nodes.length, tl.t + 0.2);
        tl.wait(0.6);
        scene.step(s.index === 0 ? `head now points to ${itemText(s.value!)}: it is the new first node.` : `${itemText(before[s.index - 1]!)} now points to ${itemText(s.value!)}: linked in at position ${s.index}.`, 1.1, [id]);
        move(id, slotX(s.index), ROW_Y, tl.t, 0.5);
        tl.add({ type: 'highlight', target: id, at: tl.t + 0.5, duration: 0.6, color: roleColor('found') });
        tl.wait(1.1);
      } else if (s.kind === 'delete') {
        const id = nodes[s.index]!;
        tl.add({ type: 'tween', target: id, property: 'fill', to: roleColor('conflict'), start: tl.t, duration: 0.25 });
        const next = s.index + 1 < before.length ? itemText(before[s.index + 1]!) : 'null';
        scene.step(`${s.index === 0 ? 'head' : itemText(before[s.index - 1]!)} now points past ${itemText(s.value!)} to ${next}: ${itemText(s.value!)} is unlinked.`, 1.2, [id]);
        move(id, slotX(s.index), ROW_Y - 1.45, tl.t + 0.3, 0.45);
        for (const target of [id, `${id}t`]) tl.add({ type: 'disappear', target, at: tl.t + 0.75, duration: 0.3 });
        nodes.splice(s.index, 1);
        nodes.slice(s.index).forEach((n, k) => move(n, slotX(s.index + k), ROW_Y, tl.t + 0.8, 0.45));
        setArrows(nodes.length, tl.t + 0.9);
        tl.wait(1.3);
      } else {
        scene.step(`Found ${itemText(s.value!)} at position ${s.index}.`, 1, [nodes[s.index]!]);
        tl.add({ type: 'highlight', target: nodes[s.index]!, at: tl.t, duration: 0.9, color: roleColor('found') });
        tl.wait(1);
      }
      scene.counter(counter(nodes.length, i + 1));
      list.finish(i);
    });
    tl.wait(0.4);
    const final = (facts.final as Item[]).map(itemText);
    const result = `final list: head → ${final.length ? final.join(' → ') + ' → ' : ''}null`;
    scene.legend = [
      { role: 'current', label: 'cur, walking' },
      { role: 'found', label: 'found, linked in' },
      { role: 'conflict', label: 'unlinked' },
    ];
    return scene.finish(result, `The final list is ${final.length ? final.join(', ') : 'empty'}.`);
  },
});
