// Linked-list operations as written ("insert 4 at 1", "insert 9 after 5", "add 7 to the end",
// "delete 5", "remove the head", "find 8") and what running them does, step by step.
import { z } from 'zod';
import { parseItem, type Item, itemText } from './ds-operations.ts';

export const MAX_LIST_LENGTH = 12;
export const MAX_LIST_OPERATIONS = 10;

const V = String.raw`[-+]?\d+(?:\.\d+)?|[A-Za-z][A-Za-z0-9_]{0,7}`;
const WHERE = String.raw`head|front|start|beginning|end|tail|back`;
const NOT_VALUES = new Set(['into', 'the', 'a', 'an', 'node', 'value', 'to', 'at', 'after', 'before', 'list', 'linked', 'it', 'new', 'of', 'and', 'then', 'index', 'position']);

/** Canonical forms: "insert V at I|end", "insert V after|before X", "delete V", "delete at I|end", "find V". */
export const OPERATION_RE = new RegExp(String.raw`^(?:insert (?:${V}) (?:at (?:\d+|end)|after (?:${V})|before (?:${V}))|delete (?:at (?:\d+|end)|${V})|find (?:${V}))$`);
export const listOperations = z.array(z.string().regex(OPERATION_RE, { error: 'operations are "insert V at I", "insert V after X", "delete V", "delete at I" or "find V"' })).max(MAX_LIST_OPERATIONS);

const PATTERNS: { re: RegExp; canon: (m: RegExpExecArray) => string | undefined }[] = [
  {
    re: new RegExp(String.raw`\b(?:insert|add|put)\s+(?:the\s+)?(?:value\s+|node\s+)?(${V})\s+(?:(at|after|before)\s+(?:the\s+)?(?:(?:index|position|pos)\s+)?(${V})|(?:to|at|onto)\s+the\s+(${WHERE}))\b`, 'gi'),
    canon: (m) => {
      const where = (m[3] ?? m[4])!.toLowerCase();
      if (m[2] && m[2].toLowerCase() !== 'at') return `insert ${m[1]} ${m[2].toLowerCase()} ${m[3]}`;
      if (/^\d+$/.test(where)) return `insert ${m[1]} at ${where}`;
      if (/^(head|front|start|beginning)$/.test(where)) return `insert ${m[1]} at 0`;
      if (/^(end|tail|back)$/.test(where)) return `insert ${m[1]} at end`;
      return undefined;
    },
  },
  {
    re: new RegExp(String.raw`\b(append|prepend|push_back|push_front|push back|push front)\s+(${V})\b`, 'gi'),
    canon: (m) => `insert ${m[2]} at ${/prepend|front/i.test(m[1]!) ? '0' : 'end'}`,
  },
  {
    re: new RegExp(String.raw`\b(?:delete|remove)\s+(?:the\s+)?(?:node\s+)?(?:(?:at\s+)?(?:index|position|pos)\s+(\d+)|(head|tail|first|last)\b(?:\s+node)?|(?:value\s+)?(${V}))\b`, 'gi'),
    canon: (m) => (m[1] ? `delete at ${m[1]}` : m[2] ? `delete at ${/head|first/i.test(m[2]) ? '0' : 'end'}` : `delete ${m[3]}`),
  },
  {
    re: new RegExp(String.raw`\b(?:find|search\s+for|search|look\s+up|locate)\s+(?:the\s+)?(?:value\s+)?(${V})\b`, 'gi'),
    canon: (m) => `find ${m[1]}`,
  },
];

/** Operations in the order written, and the text left once they are removed (for the initial values). */
export function parseListOperations(text: string): { operations: string[]; rest: string } {
  const found: { at: number; end: number; op: string }[] = [];
  for (const { re, canon } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const op = canon(m as RegExpExecArray);
      if (!op) continue;
      const values = op.split(' ').filter((w) => !['insert', 'at', 'after', 'before', 'delete', 'find', 'end'].includes(w));
      if (values.some((v) => NOT_VALUES.has(v.toLowerCase()))) continue;
      if (found.some((f) => m.index < f.end && m.index + m[0].length > f.at)) continue;
      found.push({ at: m.index, end: m.index + m[0].length, op });
    }
  }
  found.sort((a, b) => a.at - b.at);
  let rest = text;
  for (const f of [...found].reverse()) rest = rest.slice(0, f.at) + ' ; ' + rest.slice(f.end);
  return { operations: found.map((f) => f.op), rest };
}

export interface ListStep {
  op: string;
  kind: 'insert' | 'delete' | 'find';
  value?: Item;
  /** Nodes looked at, in order, with whether each matched. */
  walk: { index: number; match: boolean }[];
  /** Where the insert or delete happened; -1 when nothing changed. */
  index: number;
  /** Why nothing changed, when it did not. */
  failure?: string;
  /** How the operation was adjusted (an index past the end). */
  note?: string;
  after: Item[];
}

function same(a: Item, b: Item): boolean {
  return typeof a === typeof b ? a === b : String(a) === String(b);
}

export function runList(values: Item[], operations: string[]): { final: Item[]; steps: ListStep[] } {
  const list = [...values];
  const steps: ListStep[] = [];
  const walkTo = (n: number) => Array.from({ length: n }, (_, index) => ({ index, match: false }));
  const search = (x: Item) => {
    const walk: { index: number; match: boolean }[] = [];
    for (let i = 0; i < list.length; i++) {
      const match = same(list[i]!, x);
      walk.push({ index: i, match });
      if (match) return { walk, at: i };
    }
    return { walk, at: -1 };
  };
  for (const op of operations) {
    const words = op.split(' ');
    if (words[0] === 'insert') {
      const value = parseItem(words[1]!);
      const how = words[2]!;
      const ref = words[3]!;
      if (list.length >= MAX_LIST_LENGTH) {
        steps.push({ op, kind: 'insert', value, walk: [], index: -1, failure: `the list is at its drawing limit of ${MAX_LIST_LENGTH} nodes`, after: [...list] });
        continue;
      }
      if (how === 'at') {
        const asked = ref === 'end' ? list.length : Number(ref);
        // Past the end means at the end: a list has no gaps.
        const index = Math.min(asked, list.length);
        list.splice(index, 0, value);
        steps.push({ op, kind: 'insert', value, walk: walkTo(index), index, ...(asked > index ? { note: `position ${asked} is past the end (length ${list.length - 1}): append instead` } : {}), after: [...list] });
      } else {
        const { walk, at } = search(parseItem(ref));
        if (at < 0) {
          steps.push({ op, kind: 'insert', value, walk, index: -1, failure: `${ref} is not in the list`, after: [...list] });
          continue;
        }
        const index = how === 'after' ? at + 1 : at;
        list.splice(index, 0, value);
        steps.push({ op, kind: 'insert', value, walk, index, after: [...list] });
      }
    } else if (words[0] === 'delete') {
      if (words[1] === 'at') {
        const index = words[2] === 'end' ? list.length - 1 : Number(words[2]);
        if (index < 0 || index >= list.length) {
          steps.push({ op, kind: 'delete', walk: walkTo(Math.min(list.length, Math.max(0, index))), index: -1, failure: list.length ? `there is no position ${words[2]} (length ${list.length})` : 'the list is empty', after: [...list] });
          continue;
        }
        const value = list[index]!;
        list.splice(index, 1);
        steps.push({ op, kind: 'delete', value, walk: walkTo(index), index, after: [...list] });
      } else {
        const value = parseItem(words[1]!);
        const { walk, at } = search(value);
        if (at >= 0) list.splice(at, 1);
        steps.push({ op, kind: 'delete', value, walk, index: at, ...(at < 0 ? { failure: `${itemText(value)} is not in the list` } : {}), after: [...list] });
      }
    } else {
      const value = parseItem(words[1]!);
      const { walk, at } = search(value);
      steps.push({ op, kind: 'find', value, walk, index: at, ...(at < 0 ? { failure: `${itemText(value)} is not in the list` } : {}), after: [...list] });
    }
  }
  return { final: list, steps };
}
