// Steps written as a list, shared by process flows, cycles and bullet slides: found, capped,
// shortened, with the title taken from the words before them.
import { z } from 'zod';
import type { ParsedText } from '../../text/parse.ts';
import { capItems, dropTrailingKind, splitHeadBody, splitItems, truncateLabels } from './parse/lists.ts';
import { titleFromHead } from './parse/title.ts';

export const stepSchema = (maxChars: number) => z.string().trim().min(1).max(maxChars);

export interface FoundSteps {
  title: string;
  /** Undefined when fewer than `min` items were found. */
  steps?: string[];
  /** The words before the list (for templates that read a count or a name from them). */
  head: string;
  /** How many items were written, before any cap. */
  written: number;
}

export function extractSteps(text: ParsedText, warnings: string[], opts: { fallbackTitle: string; max: number; maxChars: number; noun: string; min?: number }): FoundSteps {
  const { head, body } = splitHeadBody(text.original);
  const title = titleFromHead(head, opts.fallbackTitle, warnings);
  let items = dropTrailingKind(splitItems(body));
  const written = items.length;
  if (items.length < (opts.min ?? 2)) return { title, head, written };
  items = capItems(items, opts.max, opts.noun, warnings);
  items = truncateLabels(items, opts.maxChars, opts.noun.replace(/s$/, ''), warnings);
  for (const item of items) text.used.add(item);
  return { title, steps: items, head, written };
}
