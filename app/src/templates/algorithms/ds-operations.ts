// Operations on stacks and queues as people write them: "push 1, push 2, pop", "push(3)",
// "enqueue 5 and 7 then dequeue twice", "pop 2 times". Turned into canonical strings ("push 3", "pop").
import { z } from 'zod';

export const MAX_OPERATIONS = 16;

/** A value held by a data structure: a number, or a short word ("apple", "A"). */
export type Item = number | string;

export const ITEM_RE = /^(?:[-+]?\d+(?:\.\d+)?|[A-Za-z][A-Za-z0-9_]{0,7})$/;

export function parseItem(s: string): Item {
  const n = Number(s);
  return /^[-+]?\d+(?:\.\d+)?$/.test(s) && Number.isFinite(n) ? n : s;
}

export interface OperationWords {
  /** Verbs that add a value, e.g. push → "push". */
  add: { verbs: string[]; canonical: string };
  remove: { verbs: string[]; canonical: string };
  peek: { verbs: string[]; canonical: string };
}

export const STACK_WORDS: OperationWords = {
  add: { verbs: ['push', 'pushes', 'pushed', 'pushing'], canonical: 'push' },
  remove: { verbs: ['pop', 'pops', 'popped', 'popping'], canonical: 'pop' },
  peek: { verbs: ['peek', 'peeks', 'top'], canonical: 'peek' },
};

export const QUEUE_WORDS: OperationWords = {
  add: { verbs: ['enqueue', 'enqueues', 'enqueued', 'enq', 'offer', 'push', 'pushes', 'add', 'adds', 'insert', 'inserts'], canonical: 'enqueue' },
  remove: { verbs: ['dequeue', 'dequeues', 'dequeued', 'deq', 'poll', 'polls', 'pop', 'pops', 'remove', 'removes', 'serve', 'serves'], canonical: 'dequeue' },
  peek: { verbs: ['peek', 'peeks', 'front'], canonical: 'peek' },
};

/** Words that may sit between a verb and its value, or end a list, but are never values. */
const FILLER = new Set(['the', 'a', 'an', 'value', 'item', 'element', 'number', 'node', 'key']);
const STOP = new Set(['onto', 'on', 'to', 'into', 'in', 'from', 'off', 'then', 'and', 'twice', 'thrice', 'times', 'time', 'stack', 'queue', 'it', 'them', 'again', 'once', 'next', 'after', 'finally', 'show', 'how', 'works', 'work', 'with']);

const REPEAT: Record<string, number> = { once: 1, twice: 2, thrice: 3 };

/** A value token; filler words ("a", "the") count only when `fillerOk` (nothing follows them). */
function isValue(token: string | undefined, words: OperationWords, fillerOk = false): boolean {
  if (!token || !ITEM_RE.test(token)) return false;
  const t = token.toLowerCase();
  if (STOP.has(t) || (FILLER.has(t) && !fillerOk)) return false;
  return ![...words.add.verbs, ...words.remove.verbs, ...words.peek.verbs].includes(t);
}

/** Canonical operations in the order written (at most MAX_OPERATIONS, with a warning). */
export function parseOperations(text: string, words: OperationWords, warnings: string[]): string[] {
  const tokens = text.match(/[A-Za-z_][A-Za-z0-9_]*|[-+]?\d+(?:\.\d+)?|,|;/g) ?? [];
  const ops: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.toLowerCase();
    if (words.add.verbs.includes(t)) {
      let j = i + 1;
      // "push the value 5" skips the fillers; "enqueue a, enqueue b" keeps "a" as the value.
      while (tokens[j] && FILLER.has(tokens[j]!.toLowerCase()) && (isValue(tokens[j + 1], words) || FILLER.has(tokens[j + 1]?.toLowerCase() ?? ''))) j++;
      // "push 1, 2 and 3": a list of values after one verb.
      for (let first = true; isValue(tokens[j], words, first); first = false) {
        ops.push(`${words.add.canonical} ${tokens[j]}`);
        const sep = tokens[j + 1]?.toLowerCase();
        if ((sep === ',' || sep === 'and') && isValue(tokens[j + 2], words) && /^[-+]?\d/.test(tokens[j + 2]!)) j += 2;
        else break;
      }
    } else if (words.remove.verbs.includes(t) || words.peek.verbs.includes(t)) {
      const canonical = words.remove.verbs.includes(t) ? words.remove.canonical : words.peek.canonical;
      // "top" is a peek only as a command, not in "the top of the stack".
      if (t === 'top' && /^(the|of)$/i.test(tokens[i - 1] ?? '')) continue;
      let times = 1;
      const next = tokens[i + 1]?.toLowerCase();
      if (next && next in REPEAT) times = REPEAT[next]!;
      else if (next && /^\d+$/.test(next) && /^times?$/.test(tokens[i + 2]?.toLowerCase() ?? '')) times = Math.min(MAX_OPERATIONS, Number(next));
      for (let r = 0; r < times; r++) ops.push(canonical);
    }
  }
  if (ops.length > MAX_OPERATIONS) {
    warnings.push(`${ops.length} operations given; showing the first ${MAX_OPERATIONS} (the most that stay readable)`);
    return ops.slice(0, MAX_OPERATIONS);
  }
  return ops;
}

export function operationsSchema(words: OperationWords, defaults: string[]) {
  const re = new RegExp(`^(?:${words.add.canonical} (?:[-+]?\\d+(?:\\.\\d+)?|[A-Za-z][A-Za-z0-9_]{0,7})|${words.remove.canonical}|${words.peek.canonical})$`);
  return z
    .array(z.string().regex(re, { error: `operations are "${words.add.canonical} X", "${words.remove.canonical}" or "${words.peek.canonical}"` }))
    .min(1)
    .max(MAX_OPERATIONS)
    .default(defaults);
}

/** A canonical operation string back as its kind and value. */
export function decodeOperation(op: string, words: OperationWords): { op: 'add' | 'remove' | 'peek'; value?: Item } {
  if (op.startsWith(`${words.add.canonical} `)) return { op: 'add', value: parseItem(op.slice(words.add.canonical.length + 1)) };
  return { op: op === words.remove.canonical ? 'remove' : 'peek' };
}

export function itemText(v: Item): string {
  return typeof v === 'number' ? String(Number(v.toPrecision(6))) : v;
}
